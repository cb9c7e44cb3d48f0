// io/legacy_input.cpp - parsing helpers kept for the v1 config format.
#include <charconv>
#include <cstdio>
#include <sstream>
#include <string>

namespace io {

struct reading {
    int sensor;
    double value;
};

bool parse_reading(const char* line, reading& out) {
    return sscanf(line, "%d %lf", &out.sensor, &out.value) == 2;
}

bool parse_reading_v2(const std::string& line, reading& out) {
    std::istringstream in(line);
    return static_cast<bool>(in >> out.sensor >> out.value);
}

int read_count(FILE* f) {
    int n = 0;
    if (fscanf(f,
               "%d", &n) != 1) {
        return -1;
    }
    return n;
}

int ask_number() {
    int n = 0;
    scanf("%d", &n); wscanf(L"%d", &n);   // two hits, one line
    return n;
}

int parse_port(const std::string& s) {
    int port = 0;
    std::from_chars(s.data(), s.data() + s.size(), port);
    std::sscanf(s.c_str(), "%d", &port);      // qualified call
    vsscanf_wrapper(s.c_str());               // different name
    return port;
}

void read_line_unsafe(char* buf) {
    gets(buf);
}

void read_line(char* buf, int n) {
    fgets(buf, n, stdin);
    std::gets(buf);                           // qualified call
}

const char* help_text() {
    // Never call gets(buf) or sscanf(s, fmt) on untrusted input.
    return "gets(buf) and scanf(\"%s\", buf) are banned";
}

}  // namespace io
