# Test code: URLs here are test data, not endpoints the application calls.
def test_urlize(validate):
    assert validate("http://testing.com/example")  # ok: OWASP-A02-PLAIN-HTTP-ENDPOINT
