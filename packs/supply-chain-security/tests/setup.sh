#!/bin/sh
# ruleid: SC-PIP-TRUSTED-HOST
pip install --trusted-host pypi.internal -r requirements.txt
# ok: SC-PIP-TRUSTED-HOST
pip install --require-hashes -r requirements.txt
# ruleid: SC-PIP-EXTRA-INDEX
pip install --extra-index-url https://pypi.internal/simple app
# ok: SC-PIP-EXTRA-INDEX
pip install --index-url https://pypi.internal/simple app
