// Fixture (cpp): annotated lines must fire or stay quiet as marked.
// ruleid: ISO26262-C-GOTO
    goto fail;
// ok: ISO26262-C-GOTO
    /* no goto: structured exit */ return -1;
// ruleid: ISO26262-C-MALLOC
    int *buf = static_cast<int *>(std::malloc(n * sizeof(int)));
// ok: ISO26262-C-MALLOC
    std::array<int, 16> buf{};
// ruleid: ISO26262-C-RECURSION-MARKER
// Recursive descent over the menu tree.
// ok: ISO26262-C-RECURSION-MARKER
// Iterates over the menu tree with an explicit stack.
// ruleid: ISO26262-C-DEAD-CODE
#if 0
// ok: ISO26262-C-DEAD-CODE
#if defined(PUMP_SELFTEST)
// ruleid: ISO26262-C-COMMENTED-CODE
// if (rate > max_rate) {
// ok: ISO26262-C-COMMENTED-CODE
// Rate is clamped to the configured maximum.
// ruleid: ISO26262-C-STDIO
    std::printf("rate %d\n", rate);
// ok: ISO26262-C-STDIO
    log_rate(rate);
#endif
