# A value from the random module that reaches a cookie through a variable.
import random
import secrets

from flask import make_response


def remember(user):
    num = random.randint(0, 99)  # ruleid: PY-RANDOM-IN-SECURITY-CODE
    key = str(num) + user.name
    response = make_response("ok")
    response.set_cookie("rememberMe", key, secure=True, httponly=True)
    return response


def remember_safely(user):
    key = secrets.token_urlsafe(16)  # ok: PY-RANDOM-IN-SECURITY-CODE
    return key


def describe():
    # random.random() named in a comment; ok: PY-RANDOM-IN-SECURITY-CODE
    return "random.random() is not for secrets"  # ok: PY-RANDOM-IN-SECURITY-CODE
