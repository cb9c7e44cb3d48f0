"""Deserialization: pickle, marshal and yaml through module aliases and from-imports."""
import json
import marshal as m
import pickle as pkl
import shelve
from pickle import loads

import dill
import yaml
from yaml import SafeLoader, load


class Cache:
    # ok: PY-PICKLE-LOAD
    def loads(self, blob):
        # ok: PY-PICKLE-LOAD
        return json.loads(blob)

    # ok: PY-MARSHAL-LOAD, PY-YAML-LOAD
    def load(self, stream):
        # ok: PY-MARSHAL-LOAD, PY-YAML-LOAD
        return self.loader.load(stream)


def restore(request, blob, stream, path, cache):
    # ruleid: PY-PICKLE-LOAD, PY-UNSAFE-DESERIALIZATION
    session = pkl.loads(request.body)
    # ruleid: PY-PICKLE-LOAD
    state = loads(blob)
    # ruleid: PY-PICKLE-LOAD
    model = dill.load(stream)
    # ruleid: PY-PICKLE-LOAD
    db = shelve.open(path)
    # ok: PY-PICKLE-LOAD
    data = pkl.dumps(session)
    # ok: PY-PICKLE-LOAD
    obj = cache.loads(blob)
    # ok: PY-PICKLE-LOAD
    log.info("never call pickle.loads(request.body)")
    # ok: PY-PICKLE-LOAD
    # pickle.loads(blob) only in a comment
    # ruleid: PY-MARSHAL-LOAD
    code = m.loads(blob)
    # ok: PY-MARSHAL-LOAD
    blob = m.dumps(code)
    # ok: PY-MARSHAL-LOAD
    text = "marshal.loads(blob)"
    # ruleid: PY-YAML-LOAD
    cfg = load(stream)
    # ruleid: PY-YAML-LOAD
    docs = list(yaml.load_all(stream, Loader=yaml.FullLoader))
    # ruleid: PY-YAML-LOAD
    raw = yaml.unsafe_load(stream)
    # ok: PY-YAML-LOAD
    cfg = load(stream, Loader=SafeLoader)
    # ok: PY-YAML-LOAD
    cfg = yaml.load(stream, yaml.CSafeLoader)
    # ok: PY-YAML-LOAD
    cfg = yaml.safe_load(stream)
    # ok: PY-YAML-LOAD
    cfg = json.load(stream)
    # ok: PY-YAML-LOAD
    """Call yaml.load(stream) only with Loader=SafeLoader."""
    return session, state, model, db, data, obj, code, cfg, docs, raw
