"""Flask views. The docstring shows unsafe examples that must not fire:

    return send_file(request.args["path"])  # ok: OWASP-A01-PY-PATH-TRAVERSAL
    return redirect(request.args.get("next"))  # ok: OWASP-A01-PY-OPEN-REDIRECT
    API = "http://api.payments-provider.com/v1"  # ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    logger.info(f"login {user} with {password}")  # ok: OWASP-A09-PY-LOG-SECRET
    SESSION_COOKIE_SECURE = False  # ok: OWASP-A05-PY-INSECURE-COOKIES
    except Exception: pass  # ok: OWASP-A09-PY-EXCEPT-PASS
"""
import logging
from django.http import HttpResponseRedirect
import re
import jwt
import bcrypt
import requests
import httpx
from flask import request, send_file, send_from_directory, redirect, url_for, render_template, render_template_string
from re import fullmatch
from urllib.request import urlopen
from jinja2 import Template

logger = logging.getLogger(__name__)

# ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
API = "http://api.payments-provider.com/v1"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
API = "https://api.payments-provider.com/v1"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
DEV = "http://localhost:8000"
# ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
MIRROR = f"http://mirror.internal-corp.net/{path}"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
NS = {"xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
ATOM = "http://www.w3.org/2005/Atom"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
SCHEMA_LOCATION = "http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
# see "http://api.payments-provider.com/v1" for the old endpoint


def download():
    # ruleid: OWASP-A01-PY-PATH-TRAVERSAL
    return send_file(request.args["path"])


def download_safe(name):
    # ok: OWASP-A01-PY-PATH-TRAVERSAL
    return send_from_directory(REPORTS, safe_name(name))


def read_report():
    # ruleid: OWASP-A01-PY-PATH-TRAVERSAL
    with open(os.path.join(BASE, request.form["name"])) as fh:
        return fh.read()


def read_fixed():
    # ok: OWASP-A01-PY-PATH-TRAVERSAL
    with open("request.args.txt") as fh:
        return fh.read()


# ok: OWASP-A01-PY-PATH-TRAVERSAL
def send_file(path, mimetype=None):
    """send_file(request.args["path"]) would be unsafe."""
    # ok: OWASP-A01-PY-PATH-TRAVERSAL
    return open(path)  # not open(request.args["p"])


def login_done():
    # ruleid: OWASP-A01-PY-OPEN-REDIRECT
    return redirect(request.args.get("next"))


def login_done_django(request):
    # ruleid: OWASP-A01-PY-OPEN-REDIRECT
    return HttpResponseRedirect(request.GET["next"])


def home():
    # ok: OWASP-A01-PY-OPEN-REDIRECT
    return redirect(url_for("home"))


def home2():
    # ok: OWASP-A01-PY-OPEN-REDIRECT
    return redirect("request.args.next")


# ok: OWASP-A01-PY-OPEN-REDIRECT
def redirect(location, code=302):
    return location


def page(page):
    # ruleid: OWASP-A03-PY-SSTI
    return render_template_string(page)


def page_f(name):
    # ruleid: OWASP-A03-PY-SSTI
    return render_template_string(f"<h1>{name}</h1>")


def page_t():
    # ruleid: OWASP-A03-PY-SSTI
    return Template(request.form["tpl"]).render()


def page_ok(page):
    # ok: OWASP-A03-PY-SSTI
    return render_template("page.html", page=page)


def page_ok2(name):
    # ok: OWASP-A03-PY-SSTI
    return render_template_string("<h1>{{ name }}</h1>", name=name)


# ok: OWASP-A03-PY-SSTI
def render_template_string(source, **context):
    """Use render_template_string(page) with care."""
    # ok: OWASP-A03-PY-SSTI
    return Template("static").render(context)


def search(text):
    # ruleid: OWASP-A04-PY-USER-REGEX
    m = re.search(request.args["q"], text)
    # ok: OWASP-A04-PY-USER-REGEX
    m = re.search(re.escape(request.args["q"]), text)
    # ruleid: OWASP-A04-PY-USER-REGEX
    ok = fullmatch(request.values.get("pattern"), text)
    # ok: OWASP-A04-PY-USER-REGEX
    m = re.search("re.search(request.args)", text)
    # ok: OWASP-A04-PY-USER-REGEX
    m = matcher.search(request.args["q"], text)
    return m


def decode(token, key):
    # ruleid: OWASP-A07-PY-JWT-NO-VERIFY
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: OWASP-A07-PY-JWT-NO-VERIFY
    claims = jwt.decode(token, key, verify=False)
    # ok: OWASP-A07-PY-JWT-NO-VERIFY
    claims = jwt.decode(token, key, algorithms=["RS256"])
    # ok: OWASP-A07-PY-JWT-NO-VERIFY
    claims = jwt.decode(token, key, options={"verify_signature": True})
    # ok: OWASP-A07-PY-JWT-NO-VERIFY
    claims = base64.decode(token, verify=False)
    # ok: OWASP-A07-PY-JWT-NO-VERIFY
    note = 'jwt.decode(token, options={"verify_signature": False})'
    return claims


def hash_pw(pw):
    # ruleid: OWASP-A07-WEAK-BCRYPT-COST
    salt = bcrypt.gensalt(rounds=6)
    # ruleid: OWASP-A07-WEAK-BCRYPT-COST
    salt = bcrypt.gensalt(4)
    # ok: OWASP-A07-WEAK-BCRYPT-COST
    salt = bcrypt.gensalt(rounds=12)
    # ok: OWASP-A07-WEAK-BCRYPT-COST
    salt = bcrypt.gensalt(prefix=b"2b")
    # ok: OWASP-A07-WEAK-BCRYPT-COST
    doc = "bcrypt.gensalt(rounds=6)"
    return salt


def login(user, password, secret, api_key):
    # ruleid: OWASP-A09-PY-LOG-SECRET
    logger.info(f"login {user} with {password}")
    # ruleid: OWASP-A09-PY-LOG-SECRET
    logging.debug("key is %s", api_key)
    # ruleid: OWASP-A09-PY-LOG-SECRET
    self.log.warning("secret=%s user=%s", secret, user)
    # ok: OWASP-A09-PY-LOG-SECRET
    logger.info(f"login {user}")
    # ok: OWASP-A09-PY-LOG-SECRET
    logger.info("password reset for %s", user)
    # ok: OWASP-A09-PY-LOG-SECRET
    logger.info("login with {password}", user)
    # ok: OWASP-A09-PY-LOG-SECRET
    print("logger.info(password)", password)


def sync():
    try:
        run()
    # ruleid: OWASP-A09-PY-EXCEPT-PASS
    except Exception: pass
    try:
        run()
    # ok: OWASP-A09-PY-EXCEPT-PASS
    except Exception: log.exception("sync failed")
    try:
        run()
    # ok: OWASP-A09-PY-EXCEPT-PASS
    except (KeyError, ValueError) as exc:
        pass
    try:
        run()
    # ruleid: OWASP-A09-PY-EXCEPT-PASS
    except:
        pass
    try:
        import yaml
    # ok: OWASP-A09-PY-EXCEPT-PASS
    except ImportError:
        pass
    try:
        run()
    # ruleid: OWASP-A09-PY-EXCEPT-PASS
    except BaseException as exc: pass
    try:
        run()
    # ok: OWASP-A09-PY-EXCEPT-PASS
    except KeyError:
        pass_count += 1
    try:
        run()
    # ok: OWASP-A09-PY-EXCEPT-PASS
    except KeyError:
        pass
        cleanup()


def search_log(q):
    # ruleid: OWASP-A09-PY-LOG-INJECTION
    logger.info("search: %s", request.args["q"])
    # ruleid: OWASP-A09-PY-LOG-INJECTION
    logging.warning("agent %s", request.headers.get("User-Agent"))
    # ok: OWASP-A09-PY-LOG-INJECTION
    logger.info("search: %s", clean(q))
    # ok: OWASP-A09-PY-LOG-INJECTION
    logger.info("use request.args for the query")
    # ok: OWASP-A09-PY-LOG-INJECTION
    audit.info("search: %s", request.args["q"])


def fetch():
    # ruleid: OWASP-A10-PY-REQUEST-URL
    r = requests.get(request.args["url"])
    # ruleid: OWASP-A10-PY-REQUEST-URL
    r = urlopen(request.form["feed"])
    # ruleid: OWASP-A10-PY-REQUEST-URL
    r = httpx.post(request.json["callback"], json={})
    # ok: OWASP-A10-PY-REQUEST-URL
    r = requests.get(settings.UPSTREAM_URL)
    # ok: OWASP-A10-PY-REQUEST-URL
    r = session.get(request.args["url"])
    # ok: OWASP-A10-PY-REQUEST-URL
    r = requests.get("https://api.internal-corp.net", params=request.args)
    return r


def login(user, password, request, response):
    # ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if password == "hunter22":
        return True
    # ruleid: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if user.PASSWORD == 'changeme':
        return True
    # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if password == "":
        return False
    # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if password != "hunter22":
        return False
    # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if user_password == "hunter22":
        return True
    # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    if password == user.password:
        return True
    # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    hint = 'password == "hunter22"'
    # ok: OWASP-A07-HARDCODED-PASSWORD-CHECK
    # if password == "hunter22":
    # ruleid: OWASP-A05-CORS-WILDCARD-HEADER
    response.headers.add("Access-Control-Allow-Origin", "*")
    # ok: OWASP-A05-CORS-WILDCARD-HEADER
    response.headers.add("Access-Control-Allow-Origin", origin)
    # ok: OWASP-A05-CORS-WILDCARD-HEADER
    note = "'Access-Control-Allow-Origin', '*'"
    # ok: OWASP-A05-CORS-WILDCARD-HEADER
    # response.headers.add("Access-Control-Allow-Origin", "*")


def root_attributes(attrs):
    # An XML namespace set under an xmlns key is a name, not an endpoint.
    attrs["xmlns:georss"] = "http://www.georss.org/georss"  # ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
    return attrs


def enclosure_warning():
    # A link into a specification (it has a #fragment), not an endpoint.
    return "http://www.rssboard.org/rss-profile#element-channel-item-enclosure"  # ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
