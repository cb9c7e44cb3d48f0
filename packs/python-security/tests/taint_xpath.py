"""XPath injection: request data reaching an XPath expression (PY-XPATH-INJECTION)."""
import re
import xml.etree.ElementTree as ET

from flask import Flask, request
from lxml import etree

app = Flask(__name__)


def load_employees():
    # ruleid: PY-LXML-UNSAFE
    return etree.parse("employees.xml")


@app.route("/benchmark/xpathi-00/BenchmarkTest00901", methods=["GET"])
def BenchmarkTest00901_get():
    param = request.args.get("BenchmarkTest00901", "")

    bar = param
    expression = "/Employees/Employee[@emplid='" + bar + "']"
    root = load_employees().getroot()
    # ruleid: PY-XPATH-INJECTION
    nodes = root.xpath(expression)
    return {"count": len(nodes)}


@app.route("/benchmark/xpathi-00/BenchmarkTest00902", methods=["GET"])
def BenchmarkTest00902_get():
    param = request.args.get("BenchmarkTest00902", "")

    bar = param
    root = load_employees().getroot()
    # An XPath variable: the value is never parsed as XPath.
    # ok: PY-XPATH-INJECTION
    nodes = root.xpath("/Employees/Employee[@emplid=$id]", id=bar)
    return {"count": len(nodes)}


@app.route("/benchmark/xpathi-00/BenchmarkTest00903", methods=["POST"])
def BenchmarkTest00903_post():
    param = request.form.get("BenchmarkTest00903", "")

    num = 106
    bar = "This_should_always_happen" if (7 * 18) + num > 200 else param
    find_employee = etree.XPath("/Employees/Employee[@emplid='" + bar + "']")
    # ok: PY-XPATH-INJECTION
    nodes = find_employee(load_employees())
    bar = "This_should_never_happen" if (7 * 18) + num < 200 else param
    # ruleid: PY-XPATH-INJECTION
    find_employee = etree.XPath("/Employees/Employee[@emplid='" + bar + "']")
    return {"count": len(nodes)}


@app.route("/catalog")
def catalog():
    category = request.args["category"]
    # ruleid: PY-XML-UNSAFE
    tree = ET.parse("catalog.xml")
    # ruleid: PY-XPATH-INJECTION
    books = tree.findall(f".//book[@category='{category}']")
    # ruleid: PY-XPATH-INJECTION
    first = tree.getroot().find(".//book[@category='%s']" % category)
    # ok: PY-XPATH-INJECTION
    books = [b for b in tree.iterfind(".//book") if b.get("category") == category]
    # ok: PY-XPATH-INJECTION
    words = re.findall(r"\w+", category)
    return {"count": len(books), "first": first is not None, "words": len(words)}
