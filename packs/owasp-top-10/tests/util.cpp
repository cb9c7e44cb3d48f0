#include <cstdio>
#include <string>

std::string run(const std::string &cmd) {
    // ruleid: OWASP-A03-C-POPEN
    FILE *p = ::popen(cmd.c_str(), "r");
    // ok: OWASP-A03-C-POPEN
    FILE *q = ::popen("uptime", "r");
    // ruleid: OWASP-A02-C-WEAK-CRYPTO
    const EVP_MD *md = EVP_sha1();
    // ok: OWASP-A02-C-WEAK-CRYPTO
    const EVP_MD *good = EVP_sha256();
    return "";
}
