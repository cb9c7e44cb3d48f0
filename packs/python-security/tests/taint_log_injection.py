"""Log injection: request data written to a log (PY-LOG-INJECTION)."""
import json
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
audit_log = logging.getLogger("audit")


@app.route("/benchmark/logi-00/BenchmarkTest01101", methods=["GET"])
def BenchmarkTest01101_get():
    param = request.args.get("BenchmarkTest01101", "")

    bar = param
    # ruleid: PY-LOG-INJECTION
    logger.info("Search for: " + bar)
    # ruleid: PY-LOG-INJECTION
    logging.warning("Search for: %s", bar)
    return "logged"


@app.route("/benchmark/logi-00/BenchmarkTest01102", methods=["GET"])
def BenchmarkTest01102_get():
    param = request.args.get("BenchmarkTest01102", "")

    bar = param.replace("\n", "_").replace("\r", "_")
    # ok: PY-LOG-INJECTION
    logger.info("Search for: " + bar)
    # ok: PY-LOG-INJECTION
    logging.warning("Search for: %s", repr(param))
    return "logged"


@app.route("/benchmark/logi-00/BenchmarkTest01103", methods=["POST"])
def BenchmarkTest01103_post():
    param = request.form.get("BenchmarkTest01103", "")

    num = 106
    bar = "This_should_always_happen" if (7 * 18) + num > 200 else param
    # ok: PY-LOG-INJECTION
    app.logger.error("Bad value: %s", bar)
    bar = "This_should_never_happen" if (7 * 18) + num < 200 else param
    # ruleid: PY-LOG-INJECTION
    app.logger.error("Bad value: %s", bar)
    return "logged"


def describe(user_agent):
    return "client=" + user_agent


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    # ruleid: PY-LOG-INJECTION
    audit_log.warning(f"failed login for {user}")
    # ruleid: PY-LOG-INJECTION
    logging.getLogger(__name__).info(describe(request.headers.get("User-Agent", "")))
    # ok: PY-LOG-INJECTION
    audit_log.warning("failed login: %s", json.dumps({"user": user}))
    # ok: PY-LOG-INJECTION
    logger.debug("login attempt")
    return "denied", 403


class OrderView:
    def post(self, request):
        # Django class-based view
        order_id = self.request.POST["order_id"]
        # ruleid: PY-LOG-INJECTION
        self.logger.info("order %s cancelled", order_id)
        # ok: PY-LOG-INJECTION
        self.logger.info("order %d cancelled", int(order_id))
