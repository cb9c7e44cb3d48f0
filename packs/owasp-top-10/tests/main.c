#include <stdio.h>
#include <openssl/evp.h>

/* ok: OWASP-A02-C-WEAK-CRYPTO */
const EVP_MD *EVP_md5(void);
/* ok: OWASP-A03-C-POPEN */
FILE *popen(const char *command, const char *type);

void run(EVP_MD_CTX *ctx, const char *cmd, struct runner *r) {
// ruleid: OWASP-A02-C-WEAK-CRYPTO
EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
// ok: OWASP-A02-C-WEAK-CRYPTO
EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    // ruleid: OWASP-A02-C-WEAK-CRYPTO
    EVP_EncryptInit_ex(cctx, EVP_des_ede3_cbc(), NULL, key, iv);
    // ruleid: OWASP-A02-C-WEAK-CRYPTO
    MD5_Init(&md5ctx);
    // ok: OWASP-A02-C-WEAK-CRYPTO
    const char *msg = "EVP_md5() is deprecated";
    // ok: OWASP-A02-C-WEAK-CRYPTO
    // EVP_DigestInit_ex(ctx, EVP_md5(), NULL);

// ruleid: OWASP-A03-C-POPEN
FILE *p = popen(cmd, "r");
// ok: OWASP-A03-C-POPEN
FILE *p = popen("/usr/bin/uptime", "r");
    // ruleid: OWASP-A03-C-POPEN
    execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
    // ok: OWASP-A03-C-POPEN
    execl("/usr/bin/tar", "tar", "xf", cmd, (char *)NULL);
    // ok: OWASP-A03-C-POPEN
    FILE *q = r->popen(cmd, "r");
    // ok: OWASP-A03-C-POPEN
    FILE *s = my_popen(cmd, "r");
    // ok: OWASP-A03-C-POPEN
    const char *note = "popen(cmd, \"r\")";
    // ok: OWASP-A03-C-POPEN
    // FILE *p = popen(cmd, "r");
}
