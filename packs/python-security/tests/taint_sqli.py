"""SQL injection: request data reaching query text, in the style of OWASP's Python
benchmark (Flask views reading request.args, param -> bar -> sql, helpers, constant
conditions, dict slots and list positions), plus Django, SQLAlchemy and FastAPI."""
import base64
import sqlite3
import sys
from typing import Annotated

import flask
import pandas as pd
import sqlalchemy as sa
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import HttpResponse
from fastapi import Depends, FastAPI
from flask import Flask, request
from psycopg2 import sql as pgsql
from sqlalchemy import text

app = Flask(__name__)
api = FastAPI()


def get_db():
    return sqlite3.connect("benchmark.db")


@app.route("/benchmark/sqli-00/BenchmarkTest00001", methods=["POST"])
def BenchmarkTest00001_post():
    param = request.form.get("BenchmarkTest00001")
    if not param:
        param = ""

    bar = param

    sql = f"SELECT username FROM USERS WHERE password = '{bar}'"
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute(sql)
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00002", methods=["GET"])
def BenchmarkTest00002_get():
    param = request.args.get("BenchmarkTest00002", "")

    # A parameterized query: the value travels apart from the SQL text.
    sql = "SELECT username FROM USERS WHERE password = ?"
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.execute(sql, (param,))
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00003", methods=["GET"])
def BenchmarkTest00003_get():
    param = request.args.get("BenchmarkTest00003", "")

    num = 106
    bar = "This_should_always_happen" if (7 * 18) + num > 200 else param

    sql = "SELECT * FROM USERS WHERE USERNAME='foo' AND PASSWORD='" + bar + "'"
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.execute(sql)
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00004", methods=["GET"])
def BenchmarkTest00004_get():
    param = request.args.get("BenchmarkTest00004", "")

    num = 106
    bar = "This should never happen" if (7 * 18) + num < 200 else param

    sql = "SELECT * FROM USERS WHERE USERNAME='foo' AND PASSWORD='" + bar + "'"
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute(sql)
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00005", methods=["POST"])
def BenchmarkTest00005_post():
    param = request.form.get("BenchmarkTest00005", "")

    map38 = {}
    map38["keyA-38"] = "a-Value"
    map38["keyB-38"] = param
    map38["keyC"] = "another-Value"
    bar = map38["keyB-38"]

    sql = "SELECT TOP 1 userid from USERS where USERNAME='foo' and PASSWORD='%s'" % bar
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute(sql)
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00006", methods=["POST"])
def BenchmarkTest00006_post():
    param = request.form.get("BenchmarkTest00006", "")

    map39 = {}
    map39["keyA-39"] = "a-Value"
    map39["keyB-39"] = param
    map39["keyC"] = "another-Value"
    bar = map39["keyA-39"]

    sql = "SELECT TOP 1 userid from USERS where USERNAME='foo' and PASSWORD='%s'" % bar
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.execute(sql)
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00007", methods=["GET"])
def BenchmarkTest00007_get():
    param = request.args.get("BenchmarkTest00007", "")

    bar = "alsosafe"
    if param:
        lst = []
        lst.append("safe")
        lst.append(param)
        lst.append("moresafe")
        lst.pop(0)  # remove the 1st safe value
        bar = lst[0]  # get the param value

    sql = "UPDATE USERS SET PASSWORD='{}' WHERE USERNAME='foo'".format(bar)
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.executemany(sql, [()])
    return "Update done"


@app.route("/benchmark/sqli-00/BenchmarkTest00008", methods=["GET"])
def BenchmarkTest00008_get():
    param = request.args.get("BenchmarkTest00008", "")

    bar = "alsosafe"
    if param:
        lst = []
        lst.append("safe")
        lst.append(param)
        lst.append("moresafe")
        lst.pop(0)  # remove the 1st safe value
        bar = lst[1]  # get the last 'safe' value

    sql = "UPDATE USERS SET PASSWORD='{}' WHERE USERNAME='foo'".format(bar)
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.executemany(sql, [()])
    return "Update done"


def do_something(param):
    bar = base64.b64decode(base64.b64encode(param.encode("utf-8"))).decode("utf-8")
    return bar


def do_something_safe(param):
    bar = "safe!"
    return bar


@app.route("/benchmark/sqli-00/BenchmarkTest00009", methods=["GET"])
def BenchmarkTest00009_get():
    param = request.headers.get("BenchmarkTest00009", "")

    bar = do_something(param)

    sql = "INSERT INTO users (username, password) VALUES ('foo','" + bar + "')"
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.executescript(sql)
    return "Insert done"


@app.route("/benchmark/sqli-00/BenchmarkTest00010", methods=["GET"])
def BenchmarkTest00010_get():
    param = request.headers.get("BenchmarkTest00010", "")

    bar = do_something_safe(param)

    sql = "INSERT INTO users (username, password) VALUES ('foo','" + bar + "')"
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.executescript(sql)
    return "Insert done"


@app.route("/benchmark/sqli-00/BenchmarkTest00011", methods=["GET"])
def BenchmarkTest00011_get():
    param = request.cookies.get("BenchmarkTest00011", "noCookieValueSupplied")

    bar = param
    bar = "constant"  # overwritten before use

    sql = "SELECT * FROM USERS WHERE USERNAME='" + bar + "'"
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.execute(sql)
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00012", methods=["GET"])
def BenchmarkTest00012_get():
    param = request.args.get("BenchmarkTest00012", "0")

    bar = int(param)  # a number cannot carry SQL

    sql = "SELECT * FROM USERS WHERE ID = %d" % bar
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.execute(sql)
    return "Query done"


def read_param():
    # The source inside a helper: its return value carries it.
    return flask.request.values.get("BenchmarkTest00013")


@app.route("/benchmark/sqli-00/BenchmarkTest00013", methods=["GET"])
def BenchmarkTest00013_get():
    bar = read_param()
    cur = get_db().cursor()
    cur.execute(
        # ruleid: PY-SQL-FORMAT
        "SELECT * FROM USERS "
        "WHERE USERNAME = '%s'" % bar
    )
    return "Query done"


@app.route("/benchmark/sqli-00/BenchmarkTest00014", methods=["POST"])
def BenchmarkTest00014_post():
    data = request.get_json()
    names = []
    for name in data["names"]:
        names.append("'" + name + "'")
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute("SELECT * FROM USERS WHERE USERNAME IN (%s)" % ",".join(names))
    # A generator of constants carries nothing of its iterable.
    placeholders = ",".join("?" for _ in data["names"])
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM USERS WHERE USERNAME IN (%s)" % placeholders, data["names"])
    return "Query done"


# Django: a function view with raw(), extra() and RawSQL (class-based views are in
# taint_sqli_views.py).
def user_search(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        # ruleid: PY-SQL-FORMAT
        cursor.execute("SELECT id FROM auth_user WHERE username LIKE '%%%s%%'" % term)
        # ok: PY-SQL-FORMAT
        cursor.execute("SELECT id FROM auth_user WHERE username LIKE %s", ["%" + term + "%"])
    # ruleid: PY-SQL-FORMAT
    users = User.objects.raw("SELECT * FROM auth_user WHERE last_name = '%s'" % term)
    # ok: PY-SQL-FORMAT
    users = User.objects.raw("SELECT * FROM auth_user WHERE last_name = %s", [term])
    order = request.POST["order"]
    # ruleid: PY-SQL-FORMAT
    qs = User.objects.extra(where=["last_name = '" + term + "'"], order_by=["id"])
    # ok: PY-SQL-FORMAT
    qs = User.objects.extra(where=["last_name = %s"], params=[term])
    # ruleid: PY-SQL-FORMAT
    qs = User.objects.annotate(val=RawSQL("SELECT col FROM t ORDER BY " + order, ()))
    return HttpResponse(len(users) + len(qs))


# SQLAlchemy and pandas.
@app.route("/orders")
def orders():
    customer = request.args["customer"]
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn:
        # ruleid: PY-SQL-FORMAT
        rows = conn.execute(text("SELECT * FROM orders WHERE customer = '" + customer + "'"))
        # ruleid: PY-SQL-FORMAT
        rows = conn.execute(sa.text(f"SELECT * FROM orders WHERE customer = '{customer}'"))
        # ok: PY-SQL-FORMAT
        rows = conn.execute(text("SELECT * FROM orders WHERE customer = :c"), {"c": customer})
        # ruleid: PY-SQL-FORMAT
        rows = conn.exec_driver_sql("SELECT * FROM orders WHERE customer = '%s'" % customer)
    # ruleid: PY-SQL-FORMAT
    frame = pd.read_sql("SELECT * FROM orders WHERE customer = '%s'" % customer, engine)
    # ok: PY-SQL-FORMAT
    frame = pd.read_sql("SELECT * FROM orders WHERE customer = %(c)s", engine, params={"c": customer})
    column = request.args["sort"]
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.execute(pgsql.SQL("SELECT * FROM orders ORDER BY {}").format(pgsql.Identifier(column)))
    return flask.jsonify(rows=len(list(rows)), frame=len(frame))


# FastAPI: the route's parameters are request data (query and path parameters);
# a Depends(...) parameter is not.
@api.get("/items/{item_id}")
def read_item(item_id: str, q: str = None, db=Depends(get_db)):
    cur = db.cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute("SELECT * FROM items WHERE id = '%s'" % item_id)
    # ruleid: PY-SQL-FORMAT
    cur.execute("SELECT * FROM items WHERE name LIKE '" + q + "%'")
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM items WHERE id = ?", (item_id,))
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM items WHERE owner = '%s'" % db.owner)
    return {"id": item_id}


@api.get("/orders/{order_id}")
def read_order(order_id: str, db: Annotated[sqlite3.Connection, Depends(get_db)], limit: int = 10):
    # A dependency and a parameter typed as a number are not request text.
    cur = db.cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute("SELECT * FROM orders WHERE id = '%s' LIMIT %d" % (order_id, limit))
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM orders WHERE owner = '%s' LIMIT %d" % (db.owner, limit))
    return {"id": order_id}


@app.route("/benchmark/sqli-00/BenchmarkTest00015", methods=["GET"])
def BenchmarkTest00015_get():
    import configparser

    param = request.args.get("BenchmarkTest00015", "")

    conf = configparser.ConfigParser()
    conf.add_section("section15")
    conf.set("section15", "keyA-15", "a_Value")
    conf.set("section15", "keyB-15", param)
    bar = conf.get("section15", "keyB-15")
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute("SELECT * FROM USERS WHERE USERNAME = '" + bar + "'")
    safe = conf.get("section15", "keyA-15")
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM USERS WHERE USERNAME = '" + safe + "'")
    # A tuple keeps its positions.
    pair = ("safe", param)
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM USERS WHERE USERNAME = '" + pair[0] + "'")
    # ruleid: PY-SQL-FORMAT
    cur.execute("SELECT * FROM USERS WHERE USERNAME = '" + pair[1] + "'")
    return "Query done"


def report_for(user_name):
    # Not a route, and no request data reaches user_name here.
    cur = get_db().cursor()
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM reports WHERE owner = '%s'" % user_name)


if __name__ == "__main__":
    # Command-line arguments are untrusted input for the injection rules.
    cur = get_db().cursor()
    # ruleid: PY-SQL-FORMAT
    cur.execute("DELETE FROM sessions WHERE user = '%s'" % sys.argv[1])
    who = input("user: ")
    # ruleid: PY-SQL-FORMAT
    cur.execute("SELECT * FROM users WHERE name = '" + who + "'")
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM users WHERE name = ?", (who,))
