// ruleid: OWASP-A02-C-WEAK-CRYPTO
EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
// ok: OWASP-A02-C-WEAK-CRYPTO
EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
// ruleid: OWASP-A03-C-POPEN
FILE *p = popen(cmd, "r");
// ok: OWASP-A03-C-POPEN
FILE *p = popen("/usr/bin/uptime", "r");
