"""Trust boundary violation: request data stored in the session (PY-TRUST-BOUNDARY)."""
import flask
from flask import Flask, request, session

app = Flask(__name__)


@app.route("/benchmark/trustbound-00/BenchmarkTest01201", methods=["GET"])
def BenchmarkTest01201_get():
    param = request.args.get("BenchmarkTest01201", "")

    bar = param
    # ruleid: PY-TRUST-BOUNDARY
    session["userid"] = bar
    return "stored"


@app.route("/benchmark/trustbound-00/BenchmarkTest01202", methods=["GET"])
def BenchmarkTest01202_get():
    param = request.args.get("BenchmarkTest01202", "")

    bar = param
    bar = "bob"
    # ok: PY-TRUST-BOUNDARY
    session["userid"] = bar
    return "stored"


@app.route("/benchmark/trustbound-00/BenchmarkTest01203", methods=["POST"])
def BenchmarkTest01203_post():
    param = request.form.get("BenchmarkTest01203", "")

    map52 = {}
    map52["keyA-52"] = "a-Value"
    map52["keyB-52"] = param
    map52["keyC"] = "another-Value"
    bar = map52["keyB-52"]
    # ruleid: PY-TRUST-BOUNDARY
    flask.session["role"] = bar
    bar = map52["keyC"]
    # ok: PY-TRUST-BOUNDARY
    flask.session["role"] = bar
    return "stored"


@app.route("/cart/add", methods=["POST"])
def add_to_cart():
    item = request.get_json()
    # ok: PY-TRUST-BOUNDARY
    session["quantity"] = int(item["quantity"])
    # ruleid: PY-TRUST-BOUNDARY
    session["note"] = item.get("note", "")
    # A request value used as the session key.
    # ruleid: PY-TRUST-BOUNDARY
    session[item["slot"]] = "reserved"
    return "added"


@app.route("/auth/login", methods=["POST"])
def login():
    # The flaskr tutorial: the id of the row the form's user name selects.
    username = request.form["username"]
    user = get_db().execute("SELECT * FROM user WHERE username = ?", (username,)).fetchone()
    session.clear()
    # ok: PY-TRUST-BOUNDARY
    session["user_id"] = user["id"]
    # ruleid: PY-TRUST-BOUNDARY
    session["last_login_name"] = username
    return "welcome"


def get_db():
    return None


def set_language(request):
    # Django
    lang = request.POST.get("language", "en")
    # ruleid: PY-TRUST-BOUNDARY
    request.session["django_language"] = lang
    # ok: PY-TRUST-BOUNDARY
    request.session["visited"] = True
    return lang
