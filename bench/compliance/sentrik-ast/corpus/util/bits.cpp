// util/bits.cpp - bit-level helpers for the wire format.
#include <bit>
#include <cstdint>
#include <cstring>

namespace util {

class
    frame_codec {                          // name on its own line
public:
    friend class codecRegistry;            // friend declaration, lowercase
    std::uint32_t decode(const unsigned char* p) const;
};

struct {                                   // anonymous struct: no name
    int hits;
    int misses;
} g_stats;

struct Packed { std::uint32_t word; };

std::uint32_t frame_codec::decode(const unsigned char* p) const {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

float as_float(std::uint32_t w) {
    return *reinterpret_cast<float*>(&w);
}

float as_float_safe(std::uint32_t w) {
    return std::bit_cast<float>(w);
}

std::uint32_t word_of(const Packed& pk) {
    const auto* p = reinterpret_cast<const unsigned char*>(&pk); auto* q = reinterpret_cast<const char*>(&pk);
    (void)q;
    return frame_codec{}.decode(p);
}

void* strip_const(const void* p) {
    return const_cast<void*>(p);
}

std::intptr_t address_of(void* p) {
    struct local_view { void* ptr; };      // local struct, lowercase
    local_view lv{p};
    return static_cast<std::intptr_t>(reinterpret_cast<std::uintptr_t>(lv.ptr));
}

// reinterpret_cast<float*>(&w) violates strict aliasing; prefer std::bit_cast.

}  // namespace util
