// log/logger.cpp - minimal logger for the daemon.
#include <cstdarg>
#include <cstdio>
#include <cwchar>
#include <string>

#define LOG_RAW(fmt, ...) printf(fmt, __VA_ARGS__)

namespace logging {

class Sink {
public:
    void printf(const char* msg);              // a member named printf
    void write(const std::string& s) { printf(s.c_str()); }
};

void Sink::printf(const char* msg) {
    std::fputs(msg, stdout);
}

void log_line(const char* msg) {
    printf("%s\n", msg);
}

void log_error(const char* msg) {
    fprintf(stderr,
            "error: %s\n", msg);
}

std::string format_code(int code) {
    char buf[32];
    sprintf(buf, "E%04d", code);
    int need = snprintf(nullptr, 0, "%d", code); printf("%d\n", need);
    return buf;
}

void log_wide(const wchar_t* msg) {
    wprintf(L"%ls\n", msg);
    wchar_t wbuf[16];
    swprintf(wbuf, 16, L"%ls", msg);
}

void log_va(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);                          // not in the rule's list
    va_end(ap);
}

void log_via_sink(Sink& sink) {
    sink.printf("through a member");
    std::printf("qualified\n");
    ::printf("global-qualified\n");
    LOG_RAW("%d\n", 42);
    auto fp = &printf;                         // address taken, not a call
    (void)fp;
    const char* doc = "printf(\"%s\", user) is a format-string risk";
    (void)doc;
}

}  // namespace logging
