# Test code configures apps insecurely on purpose: settings rules skip test paths.
from flask import Flask

app = Flask(__name__)
app.secret_key = "k9Vq2-Lm7Zr4-Xw8Pn3"  # ok: PY-FLASK-HARDCODED-SECRET
app.config.update(SESSION_COOKIE_HTTPONLY=False)  # ok: PY-SESSION-COOKIE-INSECURE


def test_cookie(client, response):
    response.set_cookie("foo", "bar")  # ok: PY-COOKIE-INSECURE
    assert client.get("/").status_code == 200  # ok: PY-ASSERT-SECURITY
    app.run(debug=True)  # ok: PY-FLASK-DEBUG


from django.views.decorators.csrf import csrf_exempt


@csrf_exempt  # ok: PY-DJANGO-CSRF-EXEMPT
def token_view(request):
    return request
