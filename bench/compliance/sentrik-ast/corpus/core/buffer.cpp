// core/buffer.cpp - fixed-size byte buffers.
#include <cstring>
#include <cwchar>
#include <string>

#include "types.h"

namespace telemetry {

class myBuffer final {
public:
    void assign(const char* s) {
        strcpy(data_, s); strcat(data_, "|");   // two hits, one line
    }
    void append(const char* s) {
        strncat(data_, s, sizeof(data_) - std::strlen(data_) - 1);
    }
    void safe_copy(const char* s) {
        std::strcpy(data_, s);                  // qualified call
    }
private:
    char data_[64] = {};
};

class Buffer {
public:
    void set(const std::string& s) { text_ = s; }
private:
    std::string text_;
};

class _scratch {
    int unused_ = 0;
};

template <typename T> class hasher;
template <> class hasher<Buffer> {
public:
    std::size_t operator()(const Buffer&) const { return 0; }
};

namespace detail {
class scoped_lock;
}
class detail::scoped_lock {
    int depth_ = 0;
};

void widen(wchar_t* dst, const wchar_t* src) {
    wcscpy(dst, src);
    wcscat(dst,
           L"!");
}

void describe(std::string& out) {
    out = "avoid strcpy(dst, src) and strcat(dst, src)";
    // strcpy(dst, src) in a comment is not a call
    /* wcscat(dst, src); */
}

}  // namespace telemetry
