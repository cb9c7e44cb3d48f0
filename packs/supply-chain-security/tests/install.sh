#!/bin/sh
set -eu
# ruleid: SC-CURL-PIPE-SHELL
curl -fsSL https://get.example.com/install.sh | sh
# ok: SC-CURL-PIPE-SHELL
curl -fsSLo install.sh https://get.example.com/install.sh && sha256sum -c install.sh.sha256
# ruleid: SC-CURL-INSECURE
curl -k https://artifacts.internal/tool.tgz -o tool.tgz
# ok: SC-CURL-INSECURE
curl --cacert corp-ca.pem https://artifacts.internal/tool.tgz -o tool.tgz
# ruleid: SC-GO-INSECURE
export GOSUMDB=off
# ok: SC-GO-INSECURE
export GOPRIVATE=github.com/acme/*
# ruleid: SC-GIT-HTTP
git clone http://git.internal/acme/tools.git
# ok: SC-GIT-HTTP
git clone https://git.internal/acme/tools.git
# ruleid: SC-CHMOD-777
chmod -R 777 /app
# ok: SC-CHMOD-777
chmod -R 755 /app
