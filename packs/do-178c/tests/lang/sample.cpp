// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: DO178C-C-DEAD-CODE
#if 0
// ok: DO178C-C-DEAD-CODE
#if defined(PUMP_SELFTEST)
// ruleid: DO178C-C-COMMENTED-CODE
// if (rate > max_rate) {
// ok: DO178C-C-COMMENTED-CODE
// Rate is clamped to the configured maximum.
// ruleid: DO178C-C-MALLOC
    int *buf = static_cast<int *>(std::malloc(n * sizeof(int)));
// ok: DO178C-C-MALLOC
    std::array<int, 16> buf{};
// ruleid: DO178C-C-RECURSION-MARKER
// Recursive descent over the menu tree.
// ok: DO178C-C-RECURSION-MARKER
// Iterates over the menu tree with an explicit stack.
// ruleid: DO178C-C-GOTO
    goto fail;
// ok: DO178C-C-GOTO
    /* no goto: structured exit */ return -1;
// ruleid: DO178C-C-STDIO
    std::printf("rate %d\n", rate);
// ok: DO178C-C-STDIO
    log_rate(rate);
#endif
