"""Code injection: request data reaching eval, exec or compile (PY-CODE-INJECTION).
PY-EVAL, the syntax rule, reports every eval/exec of a non-literal as well."""
import ast
import builtins as b
import sys

from flask import Flask, request

app = Flask(__name__)


@app.route("/benchmark/codei-00/BenchmarkTest00201", methods=["GET"])
def BenchmarkTest00201_get():
    param = request.args.get("BenchmarkTest00201", "")

    bar = param
    expression = "(" + bar + ") * 2"
    # ruleid: PY-EVAL
    # ruleid: PY-CODE-INJECTION
    result = eval(expression)
    return {"result": result}


@app.route("/benchmark/codei-00/BenchmarkTest00202", methods=["GET"])
def BenchmarkTest00202_get():
    param = request.args.get("BenchmarkTest00202", "")

    bar = "alsosafe"
    if param:
        values = []
        values.append("safe")
        values.append(param)
        values.append("moresafe")
        values.pop(0)
        bar = values[1]  # "moresafe"

    # ruleid: PY-EVAL
    # ok: PY-CODE-INJECTION
    result = eval(repr(bar))
    return {"result": result}


@app.route("/benchmark/codei-00/BenchmarkTest00203", methods=["POST"])
def BenchmarkTest00203_post():
    param = request.form["BenchmarkTest00203"]

    # A literal parser, not an evaluator: no sink.
    # ok: PY-CODE-INJECTION
    value = ast.literal_eval(param)
    number = int(param)
    # ok: PY-EVAL
    # ok: PY-CODE-INJECTION
    doubled = eval("%d * 2" % number)
    return {"value": value, "doubled": doubled}


def make_handler(source):
    return "def handler(event):\n    return " + source + "\n"


@app.route("/rules", methods=["POST"])
def add_rule():
    rule = request.get_json()["condition"]
    code = make_handler(rule)
    # ruleid: PY-CODE-INJECTION
    compiled = compile(code, "<rule>", "exec")
    namespace = {}
    # ruleid: PY-EVAL
    # ok: PY-CODE-INJECTION
    exec(compiled, namespace)
    # ruleid: PY-EVAL
    # ruleid: PY-CODE-INJECTION
    b.exec(code, namespace)
    # ok: PY-CODE-INJECTION
    compile("def handler(event):\n    return True\n", "<rule>", "exec")
    return "added"


def calculator(request):
    # Django: a query parameter evaluated as Python.
    formula = request.GET["formula"]
    settings = {}
    settings["precision"] = "2"
    settings["formula"] = formula
    # ruleid: PY-EVAL
    # ruleid: PY-CODE-INJECTION
    total = eval(settings["formula"])
    # ruleid: PY-EVAL
    # ok: PY-CODE-INJECTION
    digits = eval(settings["precision"])
    return total, digits


if __name__ == "__main__":
    # ruleid: PY-EVAL
    # ruleid: PY-CODE-INJECTION
    print(eval(sys.argv[1]))
    # ruleid: PY-EVAL
    # ruleid: PY-CODE-INJECTION
    exec(input(">>> "))
