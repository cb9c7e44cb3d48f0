"""Cross-site scripting: request data reaching an HTML response (PY-XSS), including the
string a Flask or FastAPI view returns."""
import html

import bleach
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape as django_escape
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from flask import Blueprint, Flask, Response, jsonify, make_response, render_template, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)
bp = Blueprint("profile", __name__)
api = FastAPI()
templates = Jinja2Templates(directory="templates")


@app.route("/benchmark/xss-00/BenchmarkTest00701", methods=["GET"])
def BenchmarkTest00701_get():
    param = request.args.get("BenchmarkTest00701", "")

    bar = param
    RESPONSE = "<p>Parameter value: " + bar + "</p>"
    # ruleid: PY-XSS
    return RESPONSE


@app.route("/benchmark/xss-00/BenchmarkTest00702", methods=["GET"])
def BenchmarkTest00702_get():
    param = request.args.get("BenchmarkTest00702", "")

    bar = escape(param)
    RESPONSE = "<p>Parameter value: " + bar + "</p>"
    # ok: PY-XSS
    return RESPONSE


@app.route("/benchmark/xss-00/BenchmarkTest00703", methods=["POST"])
def BenchmarkTest00703_post():
    param = request.form.get("BenchmarkTest00703", "")

    num = 106
    bar = "This_should_always_happen" if (7 * 18) + num > 200 else param

    RESPONSE = "<p>Parameter value: " + bar + "</p>"
    # ok: PY-XSS
    return RESPONSE


@app.route("/benchmark/xss-00/BenchmarkTest00704", methods=["POST"])
def BenchmarkTest00704_post():
    param = request.form.get("BenchmarkTest00704", "")

    bar = "alsosafe"
    if param:
        lst = []
        lst.append("safe")
        lst.append(param)
        lst.append("moresafe")
        lst.pop(0)
        bar = lst[0]

    RESPONSE = "<p>Parameter value: %s</p>" % bar
    # ruleid: PY-XSS
    resp = make_response(RESPONSE)
    resp.headers["Content-Type"] = "text/html;charset=UTF-8"
    return resp


@app.route("/benchmark/xss-00/BenchmarkTest00705", methods=["GET"])
def BenchmarkTest00705_get():
    param = request.headers.get("Referer", "")

    bar = html.escape(param)
    # ok: PY-XSS
    resp = make_response("<p>Came from: " + bar + "</p>")
    return resp


def greeting(name):
    return "<h1>Hello, " + name + "!</h1>"


@bp.route("/hello/<name>")
def hello(name):
    # The route's URL variable, through a helper.
    # ruleid: PY-XSS
    return greeting(name)


@bp.route("/hello-safe/<name>")
def hello_safe(name):
    # ok: PY-XSS
    return render_template("hello.html", name=name)


@app.get("/search")
def search():
    q = request.args.get("q", "")
    if not q:
        # ok: PY-XSS
        return "<p>Type something</p>"
    # ruleid: PY-XSS
    return "<p>No results for " + q + "</p>", 404


@app.route("/api/search")
def api_search():
    q = request.args.get("q", "")
    # JSON, not HTML.
    # ok: PY-XSS
    return jsonify(query=q, results=[])


@app.route("/api/v2/search")
def api_search_v2():
    q = request.args.get("q", "")
    # ok: PY-XSS
    return {"query": q, "results": []}


@app.route("/comment", methods=["POST"])
def comment():
    body = request.form["body"]
    # ruleid: PY-XSS
    preview = Markup("<div class='comment'>" + body + "</div>")
    # Markup's % operator escapes its arguments.
    # ok: PY-XSS
    preview = Markup("<div class='comment'>%s</div>") % body
    # ok: PY-XSS
    preview = Markup("<div class='comment'>" + bleach.clean(body) + "</div>")
    return render_template("comment.html", preview=preview)


@app.route("/greet")
def greet():
    name = request.cookies.get("name", "guest")
    template = "<h1>Hello {{ name }}!</h1><p>" + request.args.get("motd", "") + "</p>"
    # ruleid: PY-XSS
    page = render_template_string(template, name=name)
    # ok: PY-XSS
    page = render_template_string("<h1>Hello {{ name }}!</h1>", name=name)
    # ok: PY-XSS
    return page


@app.route("/raw")
def raw():
    data = request.values["data"]
    # ruleid: PY-XSS
    return Response("<pre>" + data + "</pre>", mimetype="text/html")


# Django views are not decorated as routes: their HttpResponse bodies are the sinks.
def profile(request):
    nickname = request.GET.get("nickname", "")
    # ruleid: PY-XSS
    response = HttpResponse("<h2>" + nickname + "</h2>")
    # ok: PY-XSS
    response = HttpResponse("<h2>" + django_escape(nickname) + "</h2>")
    # ruleid: PY-XSS
    banner = mark_safe("<b>" + request.COOKIES["banner"] + "</b>")
    # ok: PY-XSS
    banner = format_html("<b>{}</b>", request.COOKIES["banner"])
    # ruleid: PY-XSS
    banner = format_html("<b>" + nickname + "</b>")
    # ok: PY-XSS
    data = JsonResponse({"nickname": nickname})
    return response, banner, data


@api.get("/items/{item_id}", response_class=HTMLResponse)
async def read_item(item_id: str, q: str = ""):
    # ruleid: PY-XSS
    body = HTMLResponse(content="<p>" + q + "</p>")
    # ruleid: PY-XSS
    return "<html><body><h1>Item " + item_id + "</h1></body></html>"


@api.get("/users/{name}")
def read_user(name: str):
    # FastAPI sends a JSON response unless the route says otherwise.
    # ok: PY-XSS
    return "Hello " + name


@api.get("/pages/{page_id}", response_class=HTMLResponse)
async def read_page(request: Request, page_id: str):
    # ok: PY-XSS
    return templates.TemplateResponse(request=request, name="page.html", context={"id": page_id})


@api.get("/counter/{count}", response_class=HTMLResponse)
def counter(count: int):
    # A parameter typed as a number carries no markup.
    # ok: PY-XSS
    return "<p>" + str(count) + "</p>"


@app.route("/member")
def member():
    # A row looked up by the request's value is the database's data.
    row = get_db().execute("SELECT name FROM members WHERE id = ?", (request.args["id"],)).fetchone()
    # ok: PY-XSS
    return "<h1>" + row["name"] + "</h1>"


def get_db():
    return None
