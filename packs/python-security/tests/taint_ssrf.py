"""Server-side request forgery: request data reaching the URL of an outgoing request
(PY-SSRF)."""
import urllib.request
from urllib.parse import quote

import httpx
import requests
from fastapi import FastAPI, Request
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
API_BASE = "https://api.example.com/v1/users/"


@app.route("/benchmark/ssrf-00/BenchmarkTest00501", methods=["GET"])
def BenchmarkTest00501_get():
    param = request.args.get("BenchmarkTest00501", "")

    bar = param
    url = "http://" + bar + "/status"
    # ruleid: PY-SSRF
    r = requests.get(url, timeout=5)
    return {"status": r.status_code}


@app.route("/benchmark/ssrf-00/BenchmarkTest00502", methods=["GET"])
def BenchmarkTest00502_get():
    param = request.args.get("BenchmarkTest00502", "")

    # Percent-encoded into the path of a fixed host: the host cannot change.
    bar = quote(param, safe="")
    url = API_BASE + bar
    # ok: PY-SSRF
    r = requests.get(url, timeout=5)
    return {"status": r.status_code}


@app.route("/benchmark/ssrf-00/BenchmarkTest00503", methods=["POST"])
def BenchmarkTest00503_post():
    param = request.form.get("BenchmarkTest00503", "")

    services = {}
    services["billing"] = "http://billing.internal/health"
    services["user"] = param
    bar = services["billing"]
    # ok: PY-SSRF
    r = requests.post(bar, json={"ping": True}, timeout=5)
    bar = services["user"]
    # ruleid: PY-SSRF
    r = requests.post(bar, json={"ping": True}, timeout=5)
    return {"status": r.status_code}


@app.route("/webhooks/test", methods=["POST"])
def test_webhook():
    hook = request.get_json()["url"]
    # ruleid: PY-SSRF
    r = requests.request("POST", hook, json={"event": "test"})
    # ruleid: PY-SSRF
    r = requests.put(url=hook, data="{}")
    # ok: PY-SSRF
    r = requests.post("https://hooks.example.com/notify", json={"url": hook})
    return {"status": r.status_code}


def fetch_preview(target):
    # The sink inside a helper, reported where request data reaches it from a caller.
    # ruleid: PY-SSRF
    with urllib.request.urlopen(target) as resp:
        return resp.read(200)


def fetch_robots(host):
    # Only ever called with a constant: nothing to report.
    # ok: PY-SSRF
    with urllib.request.urlopen("https://" + host + "/robots.txt") as resp:
        return resp.read(200)


@app.route("/preview")
def preview():
    link = request.args["link"]
    data = fetch_preview(link)
    data = fetch_robots("example.com")
    # ruleid: PY-SSRF
    with urllib.request.urlopen(link) as resp:
        data = resp.read(200)
    # ok: PY-SSRF
    with urllib.request.urlopen("https://example.com/robots.txt") as resp:
        data = resp.read(200)
    return {"size": len(data)}


@api.get("/proxy")
async def proxy(target: str, request: Request):
    # ruleid: PY-SSRF
    r = httpx.get(target)
    # ruleid: PY-SSRF
    r = httpx.request("GET", "https://" + request.query_params["host"] + "/")
    # ok: PY-SSRF
    r = httpx.get("https://status.example.com/", params={"q": target})
    return {"status": r.status_code}


def avatar(request):
    # Django: a POST field names the image to fetch.
    src = request.POST.get("avatar_url")
    # ruleid: PY-SSRF
    image = requests.get(src, stream=True).content
    return image
