# Safe variants of risky calls found on real projects (Django's test suite, its version
# helper): the lookalikes a text rule flags and these rules must not.
import pickle
import subprocess


def deep_copy(obj):
    # A round trip of the process's own object: nothing untrusted is unpickled.
    return pickle.loads(pickle.dumps(obj))  # ok: PY-PICKLE-LOAD


def restore(blob):
    return pickle.loads(blob)  # ruleid: PY-PICKLE-LOAD


def last_commit_time(ref):
    # A fixed command line: nothing can be injected into it.
    subprocess.run("git log --pretty=format:%ct --quiet -1 HEAD", shell=True)  # ok: PY-SUBPROCESS-SHELL
    # A ref the code passes in, not request data: no flow reaches the command line.
    subprocess.run(f"git log -1 {ref}", shell=True)  # ok: PY-SUBPROCESS-SHELL
    subprocess.run("git log -1 " + ref, shell=True)  # ok: PY-SUBPROCESS-SHELL
