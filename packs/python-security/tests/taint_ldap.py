"""LDAP injection: request data reaching an LDAP search filter (PY-LDAP-INJECTION)."""
import re

import ldap
import ldap3
from flask import Flask, request
from ldap.filter import escape_filter_chars, filter_format
from ldap3.utils.conv import escape_filter_chars as ldap3_escape

app = Flask(__name__)
BASE_DN = "ou=users,dc=example,dc=com"


@app.route("/benchmark/ldapi-00/BenchmarkTest00801", methods=["GET"])
def BenchmarkTest00801_get():
    param = request.args.get("BenchmarkTest00801", "")

    bar = param
    search_filter = "(&(objectclass=person)(uid=" + bar + "))"
    conn = ldap.initialize("ldap://ldap.example.com")
    # ruleid: PY-LDAP-INJECTION
    results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, search_filter)
    return {"found": len(results)}


@app.route("/benchmark/ldapi-00/BenchmarkTest00802", methods=["GET"])
def BenchmarkTest00802_get():
    param = request.args.get("BenchmarkTest00802", "")

    bar = escape_filter_chars(param)
    search_filter = "(&(objectclass=person)(uid=" + bar + "))"
    conn = ldap.initialize("ldap://ldap.example.com")
    # ok: PY-LDAP-INJECTION
    results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, search_filter)
    return {"found": len(results)}


@app.route("/benchmark/ldapi-00/BenchmarkTest00803", methods=["POST"])
def BenchmarkTest00803_post():
    param = request.form.get("BenchmarkTest00803", "")

    attrs = {}
    attrs["uid"] = param
    attrs["objectclass"] = "person"
    bar = attrs["objectclass"]
    conn = ldap.initialize("ldap://ldap.example.com")
    # ok: PY-LDAP-INJECTION
    msgid = conn.search_ext(BASE_DN, ldap.SCOPE_SUBTREE, "(objectclass=%s)" % bar)
    bar = attrs["uid"]
    # ruleid: PY-LDAP-INJECTION
    msgid = conn.search_ext(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % bar)
    # ok: PY-LDAP-INJECTION
    msgid = conn.search_ext(BASE_DN, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [bar]))
    return {"msgid": msgid}


def user_filter(username):
    return "(&(objectClass=inetOrgPerson)(sAMAccountName={}))".format(username)


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    server = ldap3.Server("ldap://ldap.example.com")
    conn = ldap3.Connection(server, auto_bind=True)
    # ruleid: PY-LDAP-INJECTION
    conn.search(BASE_DN, user_filter(username), attributes=["cn"])
    # ruleid: PY-LDAP-INJECTION
    conn.search(search_base=BASE_DN, search_filter="(mail=" + request.form["email"] + ")")
    # ok: PY-LDAP-INJECTION
    conn.search(BASE_DN, user_filter(ldap3_escape(username)), attributes=["cn"])
    # A regular expression search, not LDAP.
    # ok: PY-LDAP-INJECTION
    valid = re.search(r"^[a-z0-9_.-]+$", username)
    return {"ok": bool(valid and conn.entries)}


def directory(request):
    # Django
    group = request.GET["group"]
    conn = ldap.initialize("ldap://ldap.example.com")
    # ruleid: PY-LDAP-INJECTION
    members = conn.search_ext_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(memberOf=cn={group},ou=groups,dc=example,dc=com)")
    # ok: PY-LDAP-INJECTION
    members = conn.search_ext_s(BASE_DN, ldap.SCOPE_SUBTREE, "(objectClass=group)", [group])
    return members
