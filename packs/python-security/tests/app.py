# ruleid: PY-EVAL
result = eval(user_expr)
# ok: PY-EVAL
result = ast.literal_eval(user_expr)
# ok: PY-EVAL
schema.evaluate(user_expr)
# ruleid: PY-PICKLE-LOAD, PY-UNSAFE-DESERIALIZATION
obj = pickle.loads(request.data)
# ok: PY-PICKLE-LOAD
obj = json.loads(request.data)
# ruleid: PY-MARSHAL-LOAD
code = marshal.loads(blob)
# ok: PY-MARSHAL-LOAD
blob = marshal.dumps(code)
# ruleid: PY-YAML-LOAD
cfg = yaml.load(stream)
# ok: PY-YAML-LOAD
cfg = yaml.safe_load(stream)
# ok: PY-YAML-LOAD
cfg = yaml.load(stream, Loader=yaml.SafeLoader)
# ruleid: PY-SUBPROCESS-SHELL
subprocess.run(f"tar xf {request.args['name']}", shell=True)
# ok: PY-SUBPROCESS-SHELL
subprocess.run(["tar", "xf", request.args["name"]], shell=False)
# ok: PY-SUBPROCESS-SHELL
subprocess.run(f"tar xf {name}", shell=True)
# ruleid: PY-OS-SYSTEM
os.system("rm -rf " + request.form["path"])
# ok: PY-OS-SYSTEM
os.system("rm -rf " + shlex.quote(request.form["path"]))
# ok: PY-OS-SYSTEM
os.path.join(base, path)
# ruleid: PY-WEAK-HASH
digest = hashlib.md5(password.encode()).hexdigest()
# ok: PY-WEAK-HASH
digest = hashlib.sha256(data).hexdigest()
# ok: PY-WEAK-HASH
etag = hashlib.md5(body, usedforsecurity=False).hexdigest()
from Crypto.Cipher import DES
# ruleid: PY-WEAK-CIPHER
cipher = DES.new(key, DES.MODE_CBC, iv)
# ok: PY-WEAK-CIPHER
cipher = AESGCM(key)
from django.views.decorators.csrf import csrf_exempt, csrf_protect
# ruleid: PY-DJANGO-CSRF-EXEMPT
@csrf_exempt
def webhook(request):
    return HttpResponse("ok")
# ok: PY-DJANGO-CSRF-EXEMPT
@csrf_protect
def form(request):
    return HttpResponse("ok")
# ruleid: PY-FLASK-DEBUG
app.run(host="0.0.0.0", debug=True)
# ok: PY-FLASK-DEBUG
app.run(host="127.0.0.1", debug=False)
# ruleid: PY-FLASK-HARDCODED-SECRET
app.secret_key = "dev-secret-123"
# ok: PY-FLASK-HARDCODED-SECRET
app.secret_key = os.environ["SECRET_KEY"]
# ruleid: PY-TEMPFILE-MKTEMP
path = tempfile.mktemp(suffix=".csv")
# ok: PY-TEMPFILE-MKTEMP
fd, path = tempfile.mkstemp(suffix=".csv")
# ruleid: PY-ASSERT-SECURITY
assert user.is_admin, "admins only"
# ok: PY-ASSERT-SECURITY
if not user.is_admin: raise PermissionDenied()
# ruleid: PY-REQUESTS-NO-VERIFY
r = requests.get(url, verify=False)
# ok: PY-REQUESTS-NO-VERIFY
r = requests.get(url, verify="/etc/ssl/corp-ca.pem")
# ruleid: PY-SSL-UNVERIFIED
ctx = ssl._create_unverified_context()
# ok: PY-SSL-UNVERIFIED
ctx = ssl.create_default_context()
# ruleid: PY-SQL-FORMAT
cur.execute(f"SELECT * FROM users WHERE name = '{request.args['name']}'")
# ok: PY-SQL-FORMAT
cur.execute("SELECT * FROM users WHERE name = %s", (request.args["name"],))
# ok: PY-SQL-FORMAT
cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
# ruleid: PY-JINJA-AUTOESCAPE
env = jinja2.Environment(loader=loader)
# ok: PY-JINJA-AUTOESCAPE
env = jinja2.Environment(loader=loader, autoescape=select_autoescape())
# ruleid: PY-XML-UNSAFE
root = xml.etree.ElementTree.fromstring(body)
# ok: PY-XML-UNSAFE
root = defusedxml.ElementTree.fromstring(body)


# Syntax rules tell calls from definitions, strings and comments, and resolve aliases.
class Calculator:
    # ok: PY-EVAL
    def eval(self, expression):
        # ok: PY-EVAL
        return "eval(" + expression + ")"


# ok: PY-EVAL
# eval(user_expr) only mentioned in a comment
# ok: PY-EVAL
eval("1 + 1")
# ok: PY-EVAL
obj.eval(user_expr)
import builtins as b
# ruleid: PY-EVAL
b.exec(code)
import subprocess as sp
# ruleid: PY-SUBPROCESS-SHELL
sp.run(request.args["cmd"], shell=True)
from subprocess import Popen
# ruleid: PY-SUBPROCESS-SHELL
Popen(request.args["cmd"], shell=True)
# ok: PY-SUBPROCESS-SHELL
Popen(["ls", request.args["path"]])
# ok: PY-SUBPROCESS-SHELL
log.info("subprocess.run(cmd, shell=True)")
# ok: PY-SUBPROCESS-SHELL
runner.run(request.args["cmd"], shell=True)
from os import system
# ruleid: PY-OS-SYSTEM
system(request.args["cmd"])
# ok: PY-OS-SYSTEM
ecosystem(request.args["cmd"])
# ok: PY-OS-SYSTEM
message = "call os.system(cmd) to break things"
import tempfile as tf
# ruleid: PY-TEMPFILE-MKTEMP
scratch = tf.mktemp()
# ok: PY-TEMPFILE-MKTEMP
hint = "tempfile.mktemp() is racy"
