# ruleid: PY-DJANGO-DEBUG
DEBUG = True
# ok: PY-DJANGO-DEBUG
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ruleid: PY-DJANGO-ALLOWED-HOSTS
ALLOWED_HOSTS = ["*"]
# ok: PY-DJANGO-ALLOWED-HOSTS
ALLOWED_HOSTS = ["shop.example.com"]
