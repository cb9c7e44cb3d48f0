"""A framework's own source: it defines functions named like the dangerous ones and shows
them in docstrings and strings, but calls none of them. No rule may fire in this file.

Configuration example for the docs::

    DEBUG = True  # ok: PY-DJANGO-DEBUG
    SECRET_KEY = 'development key'
    app.secret_key = "dev-secret-123"  # ok: PY-FLASK-HARDCODED-SECRET
    ALLOWED_HOSTS = ["*"]  # ok: PY-DJANGO-ALLOWED-HOSTS
    app.run(debug=True)  # ok: PY-FLASK-DEBUG
    requests.get("http://example.com/", verify=False)  # ok: PY-REQUESTS-NO-VERIFY
    cursor.execute("SELECT * FROM t WHERE id = %s" % ident)  # ok: PY-SQL-FORMAT
    env = Environment(loader=loader)  # ok: PY-JINJA-AUTOESCAPE
"""
import secrets
from typing import Any

# ok: PY-WEAK-CIPHER
MODE_ECB = 1
# ok: PY-SSL-UNVERIFIED
_create_unverified_context = _create_stdlib_context
# ok: PY-SESSION-COOKIE-INSECURE
default_config = {"DEBUG": None, "SECRET_KEY": None, "SESSION_COOKIE_SECURE": False}


class BaseEnvironment:
    pass


# ok: PY-JINJA-AUTOESCAPE
class Environment(BaseEnvironment):
    def __init__(self, app, **options):
        # ok: PY-JINJA-AUTOESCAPE
        BaseEnvironment.__init__(self, **options)


def render_template_string(source: str, **context: Any) -> str:
    """Render a template from the given source string with the given context."""
    # ok: PY-JINJA-AUTOESCAPE
    return Environment(None).from_string(source).render(context)


class Config(dict):
    def from_object(self, obj):
        """Load ``DEBUG = True`` style settings from an object."""
        # ok: PY-DJANGO-DEBUG
        self["DEBUG"] = True


class DES:
    # ok: PY-WEAK-CIPHER
    def new(self, key):
        return DES()


# ok: PY-WEAK-CIPHER
box = DES.new(b"key")


# ok: PY-TEMPFILE-MKTEMP
def mktemp(suffix="", prefix="tmp", dir=None):
    """User-callable function to return a unique temporary file name."""
    return prefix + suffix


# ok: PY-TEMPFILE-MKTEMP
scratch = mktemp(".txt")


# ok: PY-PICKLE-LOAD, PY-MARSHAL-LOAD, PY-YAML-LOAD
def load(stream, Loader=None):
    return Loader(stream)


# ok: PY-PICKLE-LOAD
def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict"):
    # ok: PY-PICKLE-LOAD
    return load(data)


# ok: PY-XML-UNSAFE, PY-LXML-UNSAFE
def parse(source, parser=None):
    return parser.feed(source)


# ok: PY-XML-UNSAFE, PY-LXML-UNSAFE
def fromstring(text, parser=None):
    # ok: PY-XML-UNSAFE, PY-LXML-UNSAFE
    return parse(text)


# ok: PY-WEAK-HASH
def md5(data):
    return data


# ok: PY-DJANGO-CSRF-EXEMPT
def csrf_exempt(view_func):
    """Mark a view function as being exempt from the CSRF view protection."""
    view_func.csrf_exempt = True
    return view_func


# ok: PY-DJANGO-CSRF-EXEMPT
@csrf_exempt
def local_view(request):
    return request


# ok: PY-SSL-UNVERIFIED
def wrap(sock, cert_reqs=CERT_NONE, check_hostname=False):
    return sock


class Response:
    # ok: PY-COOKIE-INSECURE
    def set_cookie(self, key, value="", max_age=None, secure=False, httponly=False):
        # ok: PY-COOKIE-INSECURE
        self.headers.append(dump_cookie(key, value, max_age=max_age, secure=secure, httponly=httponly))

    def set_signed_cookie(self, key, value, salt="", **kwargs):
        # ok: PY-COOKIE-INSECURE
        return self.set_cookie(key, sign(value, salt), **kwargs)

    def delete_cookie(self, key, path="/", domain=None):
        # ok: PY-COOKIE-INSECURE
        self.set_cookie(key, expires=0, max_age=0, path=path, domain=domain)


class Cursor:
    # ok: PY-SQL-FORMAT
    def execute(self, sql, params=None):
        return self.db.run(sql, params)


class Flask:
    # ok: PY-FLASK-DEBUG
    def run(self, host=None, port=None, debug=None, **options):
        if debug is not None:
            # ok: PY-FLASK-DEBUG
            self.debug = bool(debug)


# ok: PY-ASSERT-SECURITY
def assert_permission(user, permission):
    if not user.has_perm(permission):
        raise PermissionError(permission)


# ok: PY-WEAK-RANDOM
def generate_token(nbytes=32):
    # ok: PY-WEAK-RANDOM
    return secrets.token_urlsafe(nbytes)


class Client:
    # ok: PY-REQUESTS-NO-VERIFY
    def get(self, url, verify=False):
        return url


# Commented-out code names the dangerous calls too.
# ok: PY-MARSHAL-LOAD
# code = marshal.loads(blob)
# ok: PY-YAML-LOAD
# cfg = yaml.load(stream)
# ok: PY-WEAK-HASH
# digest = hashlib.md5(password).hexdigest()
# ok: PY-DJANGO-DEBUG
# DEBUG = True
# ok: PY-DJANGO-ALLOWED-HOSTS
# ALLOWED_HOSTS = ["*"]
# ok: PY-DJANGO-CSRF-EXEMPT
# @csrf_exempt
# ok: PY-FLASK-DEBUG
# app.run(debug=True)
# ok: PY-FLASK-HARDCODED-SECRET
# app.secret_key = "dev-secret-123"
# ok: PY-TEMPFILE-MKTEMP
# path = tempfile.mktemp()
# ok: PY-ASSERT-SECURITY
# assert user.is_admin
# ok: PY-REQUESTS-NO-VERIFY
# requests.get(url, verify=False)
# ok: PY-SSL-UNVERIFIED
# ctx = ssl._create_unverified_context()
# ok: PY-SQL-FORMAT
# cur.execute(f"SELECT * FROM t WHERE id = {ident}")
# ok: PY-JINJA-AUTOESCAPE
# env = jinja2.Environment(loader=loader)
# ok: PY-XML-UNSAFE, PY-LXML-UNSAFE
# root = ElementTree.fromstring(body); doc = etree.fromstring(body)
# ok: PY-WEAK-RANDOM
# token = random.choice(chars)
# ok: PY-COOKIE-INSECURE
# resp.set_cookie("session", value)
# ok: PY-SESSION-COOKIE-INSECURE
# SESSION_COOKIE_SECURE = False
