"""Command injection: request data reaching a shell, through os.system/os.popen
(PY-OS-SYSTEM) and subprocess with a shell (PY-SUBPROCESS-SHELL)."""
import asyncio
import os
import shlex
import subprocess
import subprocess as sp
import sys
from os import popen, system
from subprocess import Popen, check_output

from flask import Flask, request

app = Flask(__name__)


@app.route("/benchmark/cmdi-00/BenchmarkTest00101", methods=["GET"])
def BenchmarkTest00101_get():
    param = request.args.get("BenchmarkTest00101", "")

    bar = param
    cmd = "echo " + bar
    # ruleid: PY-OS-SYSTEM
    os.system(cmd)
    return "Done"


@app.route("/benchmark/cmdi-00/BenchmarkTest00102", methods=["GET"])
def BenchmarkTest00102_get():
    param = request.args.get("BenchmarkTest00102", "")

    bar = shlex.quote(param)
    cmd = "echo " + bar
    # ok: PY-OS-SYSTEM
    os.system(cmd)
    return "Done"


@app.route("/benchmark/cmdi-00/BenchmarkTest00103", methods=["POST"])
def BenchmarkTest00103_post():
    param = request.form.get("BenchmarkTest00103", "")

    num = 86
    if (7 * 42) - num > 200:
        bar = "This_should_always_happen"
    else:
        bar = param

    # ok: PY-OS-SYSTEM
    output = os.popen("ls " + bar).read()
    return output


@app.route("/benchmark/cmdi-00/BenchmarkTest00104", methods=["POST"])
def BenchmarkTest00104_post():
    param = request.form.get("BenchmarkTest00104", "")

    num = 86
    if (7 * 42) - num > 500:
        bar = "This_should_never_happen"
    else:
        bar = param

    # ruleid: PY-OS-SYSTEM
    output = os.popen("ls " + bar).read()
    # The command's output echoes the request data into the page.
    # ruleid: PY-XSS
    return output


@app.route("/benchmark/cmdi-00/BenchmarkTest00105", methods=["GET"])
def BenchmarkTest00105_get():
    param = request.cookies.get("BenchmarkTest00105", "noCookieValueSupplied")

    map77 = {}
    map77["keyA-77"] = "a_Value"
    map77["keyB-77"] = param
    map77["keyC"] = "another_Value"
    bar = map77["keyB-77"]

    # ruleid: PY-SUBPROCESS-SHELL
    p = subprocess.run(f"echo {bar}", shell=True, capture_output=True)
    # ok: PY-SUBPROCESS-SHELL
    p = subprocess.run(["echo", bar], capture_output=True)
    # The command's output echoes the request data into the page.
    # ruleid: PY-XSS
    return p.stdout


@app.route("/benchmark/cmdi-00/BenchmarkTest00106", methods=["GET"])
def BenchmarkTest00106_get():
    param = request.cookies.get("BenchmarkTest00106", "noCookieValueSupplied")

    map78 = {}
    map78["keyA-78"] = "a_Value"
    map78["keyB-78"] = param
    map78["keyC"] = "another_Value"
    bar = map78["keyA-78"]

    # ok: PY-SUBPROCESS-SHELL
    p = subprocess.run(f"echo {bar}", shell=True, capture_output=True)
    return p.stdout


@app.route("/benchmark/cmdi-00/BenchmarkTest00107", methods=["GET"])
def BenchmarkTest00107_get():
    param = request.headers.get("BenchmarkTest00107", "")

    args = []
    args.append("ping")
    args.append("-c 1")
    args.append(param)
    cmd = " ".join(args)

    # ruleid: PY-SUBPROCESS-SHELL
    out = subprocess.check_output(cmd, shell=True)
    # ok: PY-SUBPROCESS-SHELL
    out = subprocess.check_output(args)
    # ok: PY-SUBPROCESS-SHELL
    out = subprocess.check_output("ping -c 1 localhost", shell=True)
    return out


class Helper:
    def do_something(self, param):
        return "host=" + param.strip()


@app.route("/benchmark/cmdi-00/BenchmarkTest00108", methods=["GET"])
def BenchmarkTest00108_get():
    param = request.args["BenchmarkTest00108"]

    bar = Helper().do_something(param)

    # ruleid: PY-SUBPROCESS-SHELL
    sp.call("nslookup " + bar, shell=True)
    # ruleid: PY-SUBPROCESS-SHELL
    Popen(["nslookup " + bar], shell=True)
    # ruleid: PY-SUBPROCESS-SHELL
    check_output("dig " + bar, shell=True)
    # ruleid: PY-SUBPROCESS-SHELL
    status, text = subprocess.getstatusoutput("host " + bar)
    # ruleid: PY-SUBPROCESS-SHELL
    text = subprocess.getoutput("host %s" % bar)
    # ok: PY-SUBPROCESS-SHELL
    sp.call(["nslookup", bar])
    # ok: PY-SUBPROCESS-SHELL
    sp.call("nslookup " + shlex.quote(bar), shell=True)
    # The command's output echoes the request data into the page.
    # ruleid: PY-XSS
    return text


@app.route("/tools/ping")
def ping():
    host = request.values["host"]
    count = int(request.values["count"])
    # ruleid: PY-OS-SYSTEM
    system("ping -c 3 " + host)
    # ruleid: PY-OS-SYSTEM
    popen("ping -c 3 %s" % host)
    # ok: PY-OS-SYSTEM
    system("ping -c %d localhost" % count)
    # ok: PY-OS-SYSTEM
    system("uptime")
    return "ok"


async def convert(request):
    # Django (async view): the uploaded file's name reaches a shell command.
    upload = request.FILES["document"]
    proc = await asyncio.create_subprocess_shell(
        # ruleid: PY-SUBPROCESS-SHELL
        "libreoffice --convert-to pdf " + upload.name,
        stdout=asyncio.subprocess.PIPE,
    )
    # ok: PY-SUBPROCESS-SHELL
    proc = await asyncio.create_subprocess_exec("libreoffice", "--convert-to", "pdf", upload.name)
    return proc


def archive(path):
    # A parameter that no request data reaches here: not reported.
    # ok: PY-OS-SYSTEM
    os.system("tar czf backup.tgz " + path)


def main():
    target = sys.argv[1]
    # ruleid: PY-OS-SYSTEM
    os.system("whois " + target)
    # ok: PY-OS-SYSTEM
    os.system("whois " + shlex.quote(target))
    answer = input("branch? ")
    # ruleid: PY-SUBPROCESS-SHELL
    subprocess.run("git checkout " + answer, shell=True, check=True)
    # ok: PY-SUBPROCESS-SHELL
    subprocess.run(["git", "checkout", answer], check=True)
