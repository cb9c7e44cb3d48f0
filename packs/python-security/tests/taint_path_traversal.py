"""Path traversal: request data reaching a file path (PY-PATH-TRAVERSAL)."""
import codecs
import io
import os
import shutil
from pathlib import Path

from django.http import FileResponse, HttpResponse
from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import safe_join, secure_filename

app = Flask(__name__)
TESTFILES_DIR = "/srv/benchmark/testfiles"
UPLOAD_FOLDER = "/srv/uploads"


@app.route("/benchmark/pathtraver-00/BenchmarkTest00401", methods=["GET"])
def BenchmarkTest00401_get():
    param = request.args.get("BenchmarkTest00401", "")

    bar = param
    file_name = os.path.join(TESTFILES_DIR, bar)
    # ruleid: PY-PATH-TRAVERSAL
    with open(file_name, "r") as fd:
        contents = fd.read()
    return {"contents": contents}


@app.route("/benchmark/pathtraver-00/BenchmarkTest00402", methods=["GET"])
def BenchmarkTest00402_get():
    param = request.args.get("BenchmarkTest00402", "")

    bar = os.path.basename(param)
    file_name = os.path.join(TESTFILES_DIR, bar)
    # ok: PY-PATH-TRAVERSAL
    with open(file_name, "r") as fd:
        contents = fd.read()
    return {"contents": contents}


@app.route("/benchmark/pathtraver-00/BenchmarkTest00403", methods=["POST"])
def BenchmarkTest00403_post():
    param = request.form.get("BenchmarkTest00403", "")

    num = 106
    if (7 * 18) + num > 200:
        bar = "This_should_always_happen"
    else:
        bar = param

    # ok: PY-PATH-TRAVERSAL
    fd = io.open(TESTFILES_DIR + "/" + bar, "rb")
    return {"size": len(fd.read())}


@app.route("/benchmark/pathtraver-00/BenchmarkTest00405", methods=["POST"])
def BenchmarkTest00405_post():
    param = request.form.get("BenchmarkTest00405", "")

    # Indexing a constant string is a constant: the branch that assigns param never runs.
    possible = "ABC"
    guess = possible[1]
    bar = "bob"
    if guess == "A":
        bar = param
    # ok: PY-PATH-TRAVERSAL
    fd = io.open(TESTFILES_DIR + "/" + bar, "rb")
    # A `match` on a constant takes its arm.
    target = "A"
    bar = "bob"
    match target:
        case "A":
            bar = param
        case "B":
            bar = "bob"
        case _:
            bar = "bob's your uncle"
    # ruleid: PY-PATH-TRAVERSAL
    fd = io.open(TESTFILES_DIR + "/" + bar, "rb")
    return {"size": len(fd.read())}


@app.route("/benchmark/pathtraver-00/BenchmarkTest00404", methods=["POST"])
def BenchmarkTest00404_post():
    param = request.form.get("BenchmarkTest00404", "")

    bar = ""
    if param:
        bar = param.split(" ")[0]

    # ruleid: PY-PATH-TRAVERSAL
    fd = codecs.open(TESTFILES_DIR + "/" + bar, "r", "utf-8")
    return {"size": len(fd.read())}


def build_path(name):
    return TESTFILES_DIR + "/reports/" + name + ".csv"


@app.route("/reports/<name>")
def report(name):
    # The route's URL variable is request data.
    # ruleid: PY-PATH-TRAVERSAL
    report_path = Path(build_path(name))
    # ok: PY-PATH-TRAVERSAL
    report_path = Path(build_path(secure_filename(name)))
    return {"text": report_path.read_text()}


@app.route("/notes/<note>")
def note(note):
    notes = Path(TESTFILES_DIR) / "notes"
    # ruleid: PY-PATH-TRAVERSAL
    text = (notes / (note + ".md")).read_text()
    # ok: PY-PATH-TRAVERSAL
    text = (notes / (secure_filename(note) + ".md")).read_text()
    # ok: PY-PATH-TRAVERSAL
    index = (notes / "index.md").read_text()
    return {"text": text, "index": index}


@app.route("/download")
def download():
    filename = request.args["file"]
    # ruleid: PY-PATH-TRAVERSAL
    response = send_file(os.path.join(UPLOAD_FOLDER, filename))
    # ok: PY-PATH-TRAVERSAL
    response = send_file(safe_join(UPLOAD_FOLDER, filename))
    # send_from_directory checks the file name itself (safe_join); the directory it
    # must not take from the request.
    # ok: PY-PATH-TRAVERSAL
    response = send_from_directory(UPLOAD_FOLDER, filename)
    tenant = request.args["tenant"]
    # ruleid: PY-PATH-TRAVERSAL
    response = send_from_directory(os.path.join(UPLOAD_FOLDER, tenant), "logo.png")
    return response


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["document"]
    # ruleid: PY-PATH-TRAVERSAL
    f.save(os.path.join(UPLOAD_FOLDER, f.filename))
    # ok: PY-PATH-TRAVERSAL
    f.save(os.path.join(UPLOAD_FOLDER, secure_filename(f.filename)))
    return "saved"


@app.route("/files/delete", methods=["POST"])
def delete_file():
    data = request.get_json()
    target = UPLOAD_FOLDER + "/" + data["name"]
    # ruleid: PY-PATH-TRAVERSAL
    os.remove(target)
    # ruleid: PY-PATH-TRAVERSAL
    shutil.rmtree(os.path.join(UPLOAD_FOLDER, data["folder"]))
    # ruleid: PY-PATH-TRAVERSAL
    shutil.copy(os.path.join(UPLOAD_FOLDER, "template.txt"), data["dest"])
    # ok: PY-PATH-TRAVERSAL
    os.remove(os.path.join(UPLOAD_FOLDER, "tmp.lock"))
    return "deleted"


def store_upload(request, document):
    # Django: the storage validates the name it is given.
    upload = request.FILES["document"]
    # ok: PY-PATH-TRAVERSAL
    document.file.save(upload.name, upload)
    return document


def attachment(request):
    # Django: a query parameter and a header name the file.
    name = request.GET.get("name")
    # ruleid: PY-PATH-TRAVERSAL
    handle = open("/srv/attachments/" + name, "rb")
    # ok: PY-PATH-TRAVERSAL
    handle = open("/srv/attachments/" + os.path.basename(name), "rb")
    lang = request.META["HTTP_ACCEPT_LANGUAGE"]
    # ruleid: PY-PATH-TRAVERSAL
    listing = os.listdir("/srv/i18n/" + lang)
    return FileResponse(handle), HttpResponse(len(listing))
