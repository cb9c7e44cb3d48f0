# ruleid: OWASP-A01-PY-PATH-TRAVERSAL
return send_file(request.args["path"])
# ok: OWASP-A01-PY-PATH-TRAVERSAL
return send_from_directory(REPORTS, safe_name(name))
# ruleid: OWASP-A01-PY-OPEN-REDIRECT
return redirect(request.args.get("next"))
# ok: OWASP-A01-PY-OPEN-REDIRECT
return redirect(url_for("home"))
# ruleid: OWASP-A02-PLAIN-HTTP-ENDPOINT
API = "http://api.payments-provider.com/v1"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
API = "https://api.payments-provider.com/v1"
# ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
DEV = "http://localhost:8000"
# ruleid: OWASP-A03-PY-SSTI
return render_template_string(page)
# ok: OWASP-A03-PY-SSTI
return render_template("page.html", page=page)
# ruleid: OWASP-A04-PY-USER-REGEX
m = re.search(request.args["q"], text)
# ok: OWASP-A04-PY-USER-REGEX
m = re.search(re.escape(request.args["q"]), text)
# ruleid: OWASP-A07-PY-JWT-NO-VERIFY
claims = jwt.decode(token, options={"verify_signature": False})
# ok: OWASP-A07-PY-JWT-NO-VERIFY
claims = jwt.decode(token, key, algorithms=["RS256"])
# ruleid: OWASP-A07-WEAK-BCRYPT-COST
salt = bcrypt.gensalt(rounds=6)
# ok: OWASP-A07-WEAK-BCRYPT-COST
salt = bcrypt.gensalt(rounds=12)
# ruleid: OWASP-A09-PY-LOG-SECRET
logger.info(f"login {user} with {password}")
# ok: OWASP-A09-PY-LOG-SECRET
logger.info(f"login {user}")
# ruleid: OWASP-A09-PY-EXCEPT-PASS
except Exception: pass
# ok: OWASP-A09-PY-EXCEPT-PASS
except Exception: log.exception("sync failed")
# ruleid: OWASP-A09-PY-LOG-INJECTION
logger.info("search: %s", request.args["q"])
# ok: OWASP-A09-PY-LOG-INJECTION
logger.info("search: %s", clean(q))
# ruleid: OWASP-A10-PY-REQUEST-URL
r = requests.get(request.args["url"])
# ok: OWASP-A10-PY-REQUEST-URL
r = requests.get(settings.UPSTREAM_URL)
