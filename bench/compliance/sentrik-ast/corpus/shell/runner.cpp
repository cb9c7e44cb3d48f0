// shell/runner.cpp - runs maintenance hooks.
#include <cstdio>
#include <cstdlib>
#include <string>

#define RUN_HOOK(cmd) system(cmd)

namespace shell {

class HookRunner {
public:
    int system(const std::string& cmd);       // member declaration named system
    int run(const std::string& cmd) { return this->system(cmd); }
};

int HookRunner::system(const std::string& cmd) {
    return std::system(cmd.c_str());           // qualified call
}

int run_cleanup() {
    return system("rm -rf /var/cache/telemetry/*");
}

int run_user_hook(const std::string& name) {
    std::string cmd = "hooks/" + name;
    int rc = system (cmd.c_str());
    return rc;
}

int run_disabled() {
#if 0
    system("legacy-hook");
#endif
    return 0;
}

int run_via_macro() {
    return RUN_HOOK("sync");
}

std::string describe() {
    // system("ls") would be flagged if it were code
    return "system(\"ls\") is not allowed";
}

FILE* run_pipe(const char* cmd) {
    return popen(cmd, "r");
}

}  // namespace shell
