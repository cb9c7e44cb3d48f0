"""Deserialization of request data (PY-UNSAFE-DESERIALIZATION). The syntax rules
PY-PICKLE-LOAD, PY-YAML-LOAD and PY-MARSHAL-LOAD report every such call as well."""
import base64
import json
import marshal
import pickle

import jsonpickle
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/benchmark/deserial-00/BenchmarkTest00301", methods=["POST"])
def BenchmarkTest00301_post():
    param = request.form.get("BenchmarkTest00301", "")

    bar = base64.b64decode(param)
    # ruleid: PY-PICKLE-LOAD
    # ruleid: PY-UNSAFE-DESERIALIZATION
    obj = pickle.loads(bar)
    return {"type": type(obj).__name__}


@app.route("/benchmark/deserial-00/BenchmarkTest00302", methods=["POST"])
def BenchmarkTest00302_post():
    param = request.form.get("BenchmarkTest00302", "")

    bar = base64.b64decode(param)
    # ok: PY-UNSAFE-DESERIALIZATION
    obj = json.loads(bar)
    return {"type": type(obj).__name__}


@app.route("/benchmark/deserial-00/BenchmarkTest00303", methods=["POST"])
def BenchmarkTest00303_post():
    param = request.get_data()

    num = 106
    bar = "gASVBQAAAAAAAACMAXiULg==" if (7 * 18) + num > 200 else param
    # ruleid: PY-PICKLE-LOAD
    # ok: PY-UNSAFE-DESERIALIZATION
    obj = pickle.loads(base64.b64decode(bar))
    return str(obj)


def load_profile(blob):
    # Reached from profile() below with the request body.
    return pickle.loads(blob)  # ruleid: PY-PICKLE-LOAD, PY-UNSAFE-DESERIALIZATION


def load_cache(blob):
    # Only ever called with the process's own file.
    return pickle.loads(blob)  # ruleid: PY-PICKLE-LOAD


@app.route("/profile", methods=["POST"])
def profile():
    upload = request.files["profile"]
    # ruleid: PY-PICKLE-LOAD
    # ruleid: PY-UNSAFE-DESERIALIZATION
    data = pickle.load(upload)
    # ruleid: PY-PICKLE-LOAD
    # ruleid: PY-UNSAFE-DESERIALIZATION
    state = jsonpickle.decode(request.cookies["state"])
    # ruleid: PY-MARSHAL-LOAD
    # ruleid: PY-UNSAFE-DESERIALIZATION
    code = marshal.loads(request.data)
    profile = load_profile(request.data)
    with open("cache.pkl", "rb") as f:
        cached = load_cache(f.read())
    return {"data": str(data), "state": str(state), "code": str(code), "profile": str(profile), "cached": str(cached)}


@app.route("/config", methods=["POST"])
def config():
    body = request.data.decode("utf-8")
    # ruleid: PY-YAML-LOAD
    # ruleid: PY-UNSAFE-DESERIALIZATION
    cfg = yaml.load(body, Loader=yaml.Loader)
    # ruleid: PY-YAML-LOAD
    # ruleid: PY-UNSAFE-DESERIALIZATION
    cfg = yaml.unsafe_load(body)
    # ok: PY-UNSAFE-DESERIALIZATION
    cfg = yaml.load(body, Loader=yaml.SafeLoader)
    # ok: PY-UNSAFE-DESERIALIZATION
    cfg = yaml.safe_load(body)
    with open("defaults.yaml") as f:
        # ruleid: PY-YAML-LOAD
        # ok: PY-UNSAFE-DESERIALIZATION
        defaults = yaml.load(f, Loader=yaml.FullLoader)
    return {"cfg": cfg, "defaults": defaults}


def import_view(request):
    # Django: the request body unpickled.
    # ruleid: PY-PICKLE-LOAD
    # ruleid: PY-UNSAFE-DESERIALIZATION
    rows = pickle.loads(request.body)
    return rows
