"""Open redirect: request data reaching a redirect target (PY-OPEN-REDIRECT)."""
from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.urls import reverse
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
api = FastAPI()


@app.route("/benchmark/redirect-00/BenchmarkTest00601", methods=["GET"])
def BenchmarkTest00601_get():
    param = request.args.get("next", "/")

    bar = param
    # ruleid: PY-OPEN-REDIRECT
    return redirect(bar)


@app.route("/benchmark/redirect-00/BenchmarkTest00602", methods=["GET"])
def BenchmarkTest00602_get():
    param = request.args.get("next", "/")

    bar = param
    bar = "/home"
    # ok: PY-OPEN-REDIRECT
    return redirect(bar)


@app.route("/login", methods=["POST"])
def login():
    target = request.form.get("return_to") or "/"
    if not target.startswith("/"):
        target = "/" + target
    # ruleid: PY-OPEN-REDIRECT
    resp = redirect(target, code=302)
    user = request.form["user"]
    # ok: PY-OPEN-REDIRECT
    resp = redirect(url_for("profile", name=user))
    return resp


def pick_destination(choice):
    destinations = {}
    destinations["home"] = "/"
    destinations["custom"] = choice
    return destinations["home"]


@app.route("/go")
def go():
    # A helper that returns a constant slot: the request value never reaches the result.
    # ok: PY-OPEN-REDIRECT
    return redirect(pick_destination(request.args["to"]))


def next_page(request):
    # ENGINE GAP (false positive, so left as a comment): a check in a condition is not a
    # sanitizer; Django's own safe pattern below would be reported.
    #     url = request.GET.get("next")
    #     url_is_safe = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})
    #     return HttpResponseRedirect(url if url_is_safe else "/")
    return HttpResponseRedirect("/")


def logout(request):
    # Django
    next_url = request.GET.get("next", "/")
    # ruleid: PY-OPEN-REDIRECT
    response = HttpResponseRedirect(next_url)
    # ruleid: PY-OPEN-REDIRECT
    response = django_redirect(request.META.get("HTTP_REFERER"))
    # ok: PY-OPEN-REDIRECT
    response = HttpResponseRedirect(reverse("account:login"))
    return response


@api.get("/r/{slug}")
def short_link(slug: str, fallback: str = "/"):
    # ruleid: PY-OPEN-REDIRECT
    return RedirectResponse(fallback)
