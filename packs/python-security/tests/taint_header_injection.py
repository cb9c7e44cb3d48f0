"""HTTP header injection: request data written into response headers or cookies
(PY-HEADER-INJECTION)."""
from urllib.parse import quote

from django.http import HttpResponse
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/benchmark/headeri-00/BenchmarkTest01001", methods=["GET"])
def BenchmarkTest01001_get():
    param = request.args.get("BenchmarkTest01001", "")

    bar = param
    response = make_response("<p>ok</p>")
    # ruleid: PY-HEADER-INJECTION
    response.headers["X-Request-Label"] = bar
    return response


@app.route("/benchmark/headeri-00/BenchmarkTest01002", methods=["GET"])
def BenchmarkTest01002_get():
    param = request.args.get("BenchmarkTest01002", "")

    bar = param.replace("\r", "").replace("\n", "")
    response = make_response("<p>ok</p>")
    # ok: PY-HEADER-INJECTION
    response.headers["X-Request-Label"] = bar
    return response


@app.route("/benchmark/headeri-00/BenchmarkTest01003", methods=["POST"])
def BenchmarkTest01003_post():
    param = request.form.get("BenchmarkTest01003", "")

    bar = "alsosafe"
    if param:
        lst = []
        lst.append("safe")
        lst.append(param)
        lst.append("moresafe")
        lst.pop(0)
        bar = lst[1]

    response = make_response("<p>ok</p>")
    # ok: PY-HEADER-INJECTION
    response.headers.add("X-Request-Label", bar)
    bar = lst[0]
    # ruleid: PY-HEADER-INJECTION
    response.headers.add("X-Request-Label", bar)
    return response


@app.route("/download/<name>")
def download(name):
    response = make_response(b"...")
    # ruleid: PY-HEADER-INJECTION
    response.headers.set("Content-Disposition", "attachment; filename=" + name)
    # ok: PY-HEADER-INJECTION
    response.headers.set("Content-Disposition", "attachment; filename*=UTF-8''" + quote(name))
    return response


@app.route("/prefs", methods=["POST"])
def prefs():
    theme = request.form["theme"]
    response = make_response("saved")
    # ruleid: PY-HEADER-INJECTION
    response.set_cookie("theme", theme, secure=True, httponly=True)
    # ruleid: PY-HEADER-INJECTION
    response.set_cookie("lang", secure=True, httponly=True, value=request.form["lang"])
    # ok: PY-HEADER-INJECTION
    response.set_cookie("theme", "dark", secure=True, httponly=True)
    return response


def export(request):
    # Django: a response's items are its headers.
    fmt = request.GET.get("format", "csv")
    response = HttpResponse("id,name\n", content_type="text/csv")
    # ruleid: PY-HEADER-INJECTION
    response["Content-Disposition"] = 'attachment; filename="export.' + fmt + '"'
    # ok: PY-HEADER-INJECTION
    response["Cache-Control"] = "no-store"
    return response
