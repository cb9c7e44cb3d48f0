// net/socket_util.cpp - thin wrappers over BSD sockets.
#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "../core/types.h"

namespace net {

struct endpoint {
    char host[64];
    unsigned short port;
};

int connect_to(const endpoint& ep) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(ep.port);
    inet_pton(AF_INET, ep.host, &addr.sin_addr);
    if (::connect(fd, reinterpret_cast<struct sockaddr*>(&addr), sizeof(addr)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

int set_timeout(int fd, int seconds) {
    timeval tv{};
    tv.tv_sec = seconds;
    const auto* raw = static_cast<const void*>(&tv);
    return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, raw, sizeof(struct timeval));
}

void format_endpoint(const endpoint& ep, char* out, std::size_t n) {
    snprintf(out, n, "%s:%u", ep.host, ep.port);
    std::snprintf(out, n, "%s", ep.host);
}

const unsigned char* bytes_of(const endpoint& ep) {
    return reinterpret_cast<
        const unsigned char*>(&ep);
}

const char* hint() {
    return "use reinterpret_cast<sockaddr*>(&addr) only at the syscall boundary";
}

}  // namespace net
