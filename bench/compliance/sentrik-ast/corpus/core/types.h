// core/types.h - shared value types for the telemetry daemon.
// Naming note: "class ring_buffer" in this comment must not be reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace telemetry {

class impl;                      // forward declaration, lowercase
class Sampler;                   // forward declaration, PascalCase

enum class state { idle, running, stopped };   // enum class: not a class_specifier

union raw_word {                 // union: not a class/struct specifier
    std::uint32_t u;
    float f;
};

struct config_t {
    const char* name;
    std::size_t capacity;
};

struct SampleHeader {
    std::uint16_t kind;
    std::uint16_t length;
};

typedef struct node {
    struct node* next;
    int value;
} node_t;

template <class t>
class ring_buffer {
public:
    explicit ring_buffer(std::size_t n) : cap_(n) {}
    std::size_t capacity() const { return cap_; }
private:
    std::size_t cap_;
};

template <typename T>
struct Span {
    T* data;
    std::size_t size;
};

inline const SampleHeader* header_of(const void* p) {
    return reinterpret_cast<const SampleHeader*>(p);
}

inline void copy_name(char* dst, const char* src) {
    strcpy(dst, src);            // strcpy is in scope for .h files
}

inline void debug_dump(const config_t& c) {
    printf("config %s\n", c.name);   // printf-family rule does not cover .h
    system("true");                  // system rule does not cover .h
}

}  // namespace telemetry
