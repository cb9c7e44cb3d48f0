"""A Flask and Django web app: debug, secret key, CSRF, cookies, templates, TLS and SQL."""
import asyncio
import os
import ssl

import httpx
import jinja2
import jinja2 as j2
import requests
import simpy
import urllib3
import websocket
from django.http import HttpResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators import csrf
from django.views.decorators.csrf import csrf_exempt as no_csrf
from flask import Flask, make_response
from flask_socketio import SocketIO
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
socketio = SocketIO(app)

# ruleid: PY-FLASK-HARDCODED-SECRET
app.config["SECRET_KEY"] = "change-me-please"
# ruleid: PY-FLASK-HARDCODED-SECRET
app.secret_key = b'_5#y2L"F4Q8z\n\xec]/'
# ruleid: PY-FLASK-HARDCODED-SECRET
app.config.from_mapping(SECRET_KEY="dev-key-1234", DEBUG=False)
# ok: PY-FLASK-HARDCODED-SECRET
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
# ok: PY-FLASK-HARDCODED-SECRET
app.config.update(SECRET_KEY=os.environ.get("SECRET_KEY"))
# ok: PY-FLASK-HARDCODED-SECRET
app.secret_key = f"{os.environ['PREFIX']}-key"
# ok: PY-FLASK-HARDCODED-SECRET
app.secret_key = ""
# ok: PY-FLASK-HARDCODED-SECRET
HELP = 'set app.secret_key = "something-long" in production'

# ruleid: PY-SESSION-COOKIE-INSECURE
app.config["SESSION_COOKIE_SECURE"] = False
# ruleid: PY-SESSION-COOKIE-INSECURE
app.config.update(SESSION_COOKIE_HTTPONLY=False, REMEMBER_COOKIE_SECURE=False)
# ok: PY-SESSION-COOKIE-INSECURE
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True)
# ok: PY-SESSION-COOKIE-INSECURE
app.config["SESSION_COOKIE_SECURE"] = os.environ.get("HTTPS") == "1"


# ruleid: PY-DJANGO-CSRF-EXEMPT
@no_csrf
def webhook(request):
    return HttpResponse("ok")


# ruleid: PY-DJANGO-CSRF-EXEMPT
@csrf.csrf_exempt
def ping(request):
    return HttpResponse("pong")


# ruleid: PY-DJANGO-CSRF-EXEMPT
@method_decorator(no_csrf, name="dispatch")
class HookView(View):
    pass


# ok: PY-DJANGO-CSRF-EXEMPT
@method_decorator(csrf.csrf_protect, name="dispatch")
class FormView(View):
    pass


urlpatterns = [
    # ruleid: PY-DJANGO-CSRF-EXEMPT
    path("hook/", csrf.csrf_exempt(HookView.as_view())),
    # ok: PY-DJANGO-CSRF-EXEMPT
    path("form/", csrf.csrf_protect(FormView.as_view())),
]


def is_exempt(view):
    # ok: PY-DJANGO-CSRF-EXEMPT
    return getattr(view, "csrf_exempt", False)


@app.route("/login")
def login(token, uid, theme, name, value, cookie, jar, client, settings, cookie_options, response):
    resp = make_response("hi")
    # ruleid: PY-COOKIE-INSECURE
    resp.set_cookie("session_id", token)
    # ruleid: PY-COOKIE-INSECURE
    resp.set_cookie("session_id", token, secure=True)
    # ruleid: PY-COOKIE-INSECURE
    resp.set_cookie("session_id", token, secure=False, httponly=True)
    # ruleid: PY-COOKIE-INSECURE
    response.set_signed_cookie("uid", uid, httponly=True)
    # ok: PY-COOKIE-INSECURE
    resp.set_cookie("session_id", token, secure=True, httponly=True, samesite="Lax")
    # ok: PY-COOKIE-INSECURE
    resp.set_cookie("theme", theme, secure=settings.SESSION_COOKIE_SECURE, httponly=settings.SESSION_COOKIE_HTTPONLY)
    # ok: PY-COOKIE-INSECURE
    resp.set_cookie("session_id", "", max_age=0)
    # ok: PY-COOKIE-INSECURE
    resp.set_cookie(name, value, **cookie_options)
    # ok: PY-COOKIE-INSECURE
    jar.set_cookie(cookie)
    # ok: PY-COOKIE-INSECURE
    client.set_cookie("session", "abc")
    # ok: PY-COOKIE-INSECURE
    app.logger.info("resp.set_cookie(name, value) without secure=True")
    return resp


def templates(loader, source, jinja_options):
    # ruleid: PY-JINJA-AUTOESCAPE
    env = Environment(loader=FileSystemLoader("templates"))
    # ruleid: PY-JINJA-AUTOESCAPE
    env2 = j2.Environment(loader=loader)
    # ruleid: PY-JINJA-AUTOESCAPE
    sandbox = SandboxedEnvironment()
    # ruleid: PY-JINJA-AUTOESCAPE
    tmpl = jinja2.Template(source, autoescape=False)
    env3 = Environment(
        loader=loader,
        # ruleid: PY-JINJA-AUTOESCAPE
        autoescape=False,
    )
    # ok: PY-JINJA-AUTOESCAPE
    env4 = Environment(loader=loader, autoescape=select_autoescape(["html"]))
    # ok: PY-JINJA-AUTOESCAPE
    env5 = jinja2.Environment(autoescape=True)
    # ok: PY-JINJA-AUTOESCAPE
    env6 = Environment(**jinja_options)
    # ok: PY-JINJA-AUTOESCAPE
    sim = simpy.Environment()
    # ok: PY-JINJA-AUTOESCAPE
    text = "Environment(loader=loader) without autoescape"
    return env, env2, sandbox, tmpl, env3, env4, env5, env6, sim, text


def fetch(self, url, body, session, api, jwt, token):
    # ruleid: PY-REQUESTS-NO-VERIFY
    r1 = requests.get(url, verify=False)
    # ruleid: PY-REQUESTS-NO-VERIFY
    r2 = session.post(url, data=body, verify=False)
    # ruleid: PY-REQUESTS-NO-VERIFY
    r3 = self.client.get(url, verify=False)
    # ruleid: PY-REQUESTS-NO-VERIFY
    r4 = api.request("GET", url, verify=False)
    # ruleid: PY-REQUESTS-NO-VERIFY
    c = httpx.Client(verify=False)
    # ruleid: PY-REQUESTS-NO-VERIFY
    session.verify = False
    # ok: PY-REQUESTS-NO-VERIFY
    r5 = requests.get(url, verify=True)
    # ok: PY-REQUESTS-NO-VERIFY
    r6 = requests.get(url, verify="/etc/ssl/corp-ca.pem")
    # ok: PY-REQUESTS-NO-VERIFY
    claims = jwt.decode(token, verify=False)
    # ok: PY-REQUESTS-NO-VERIFY
    self.verify = False
    # ok: PY-REQUESTS-NO-VERIFY
    app.logger.warning("requests.get(url, verify=False) disables TLS checks")
    return r1, r2, r3, r4, c, r5, r6, claims


def tls(raw, url):
    # ruleid: PY-SSL-UNVERIFIED
    ctx = ssl._create_unverified_context()
    # ruleid: PY-SSL-UNVERIFIED
    ssl._create_default_https_context = ssl._create_unverified_context
    ctx = ssl.create_default_context()
    # ruleid: PY-SSL-UNVERIFIED
    ctx.check_hostname = False
    # ruleid: PY-SSL-UNVERIFIED
    ctx.verify_mode = ssl.CERT_NONE
    # ruleid: PY-SSL-UNVERIFIED
    sock = ssl.wrap_socket(raw, cert_reqs=ssl.CERT_NONE)
    # ruleid: PY-SSL-UNVERIFIED
    pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
    # ruleid: PY-SSL-UNVERIFIED
    ws = websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_NONE})
    # ok: PY-SSL-UNVERIFIED
    ctx.check_hostname = True
    # ok: PY-SSL-UNVERIFIED
    ctx.verify_mode = ssl.CERT_REQUIRED
    # ok: PY-SSL-UNVERIFIED
    pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED")
    # ok: PY-SSL-UNVERIFIED
    doc = "set ctx.check_hostname = False only in tests"
    return ctx, sock, pool, ws, doc


# PY-SQL-FORMAT is a data-flow rule: a query built from function parameters that no
# request data reaches (a framework's own DDL, quoted identifiers, a helper's arguments)
# is not reported; taint_sqli.py has the flows from requests.
def quoted_identifiers(cursor, connection, model, index, qn):
    # Table and column names the driver quoted are identifiers, not data (Django's DDL).
    # ok: PY-SQL-FORMAT
    cursor.execute("DROP DATABASE %s" % connection.ops.quote_name(index))
    # ok: PY-SQL-FORMAT
    cursor.execute("SELECT %s FROM %s" % (qn.quote_name("cache_key"), connection.ops.quote_name(model._meta.db_table)))
    # ok: PY-SQL-FORMAT
    cursor.execute(f"SELECT name FROM {model._meta.db_table};")
    # ok: PY-SQL-FORMAT
    cursor.execute("SET CONSTRAINTS %s IMMEDIATE" % quoted_name)
    # ok: PY-SQL-FORMAT
    cursor.execute("UPDATE %(table)s SET %(column)s = %%s" % {"table": qn.quote_name(model._meta.db_table), "column": qn.quote_name("c")})
    # ok: PY-SQL-FORMAT
    cursor.execute("CREATE DATABASE %(dbname)s %(suffix)s" % parameters)
    # ok: PY-SQL-FORMAT
    cursor.execute("UPDATE t SET c = '%(v)s'" % {"v": index})
    # Values from parameters, not requests.
    # ok: PY-SQL-FORMAT
    cursor.execute("SELECT %s FROM %s" % (connection.ops.quote_name(index), index))
    # ok: PY-SQL-FORMAT
    cursor.execute("SELECT %s FROM t WHERE id = %s" % (connection.ops.quote_name(index), index))
    # ok: PY-SQL-FORMAT
    cursor.execute(f"SELECT * FROM {model._meta.db_table} WHERE name = '{index}'")


def queries(cur, conn, name, uid, table, rows, query, params):
    # Formatted queries, but from parameters: no source, no finding.
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM users WHERE id = {}".format(uid))
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    # DDL takes identifiers, which no driver binds as parameters.
    # ok: PY-SQL-FORMAT
    conn.executescript(f"DROP TABLE {table}")
    # ok: PY-SQL-FORMAT
    cur.executemany(
        f"INSERT INTO {table} VALUES (?, ?)", rows)
    # ok: PY-SQL-FORMAT
    cur.executemany(
        f"INSERT INTO t VALUES ({uid}, ?)", rows)
    # ok: PY-SQL-FORMAT
    cur.execute(
        """
        SELECT * FROM %s
        """ % table
    )
    # ok: PY-SQL-FORMAT
    cur.execute(
        """
        SELECT * FROM t
        WHERE name LIKE '%s'
        """ % name
    )
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ",".join(params))
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    # ok: PY-SQL-FORMAT
    cur.execute("SELECT * FROM users " + "WHERE active = 1")
    # ok: PY-SQL-FORMAT
    cur.execute(f"SELECT 1")
    # ok: PY-SQL-FORMAT
    app.logger.debug(f"execute {name}")
    # ok: PY-SQL-FORMAT
    cur.execute(query, params)


def delete_user(request, user, User, PermissionDenied):
    # ruleid: PY-ASSERT-SECURITY
    assert request.user.is_staff, "staff only"
    # ruleid: PY-ASSERT-SECURITY
    assert user.has_perm("app.delete_user")
    # ruleid: PY-ASSERT-SECURITY
    assert (
        request.user.is_authenticated
        and request.user.is_superuser
    )
    # ok: PY-ASSERT-SECURITY
    assert isinstance(user, User), "permission checks need a User"
    # ok: PY-ASSERT-SECURITY
    if not request.user.has_perm("app.delete_user"):
        raise PermissionDenied
    # ok: PY-ASSERT-SECURITY
    app.logger.info("assert user.is_admin is stripped under -O")


async def main():
    return None


if __name__ == "__main__":
    # ruleid: PY-FLASK-DEBUG
    app.run(host="0.0.0.0", port=5000, debug=True)
    # ruleid: PY-FLASK-DEBUG
    socketio.run(app, debug=True)
    # ruleid: PY-FLASK-DEBUG
    app.run(
        host="0.0.0.0",
        debug=True,
    )
    # ok: PY-FLASK-DEBUG
    asyncio.run(main(), debug=True)
    # ok: PY-FLASK-DEBUG
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: PY-FLASK-DEBUG
    print("app.run(debug=True) is for local use only")


def last_insert_id(cursor, sq_name):
    # A double-quoted SQL identifier (a sequence name), not a string value.
    cursor.execute('"%s".currval' % sq_name)  # ok: PY-SQL-FORMAT
