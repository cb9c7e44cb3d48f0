// ruleid: DO178C-C-DEAD-CODE
#if 0
// ok: DO178C-C-DEAD-CODE
#if DEBUG_TRACE
// ruleid: DO178C-C-COMMENTED-CODE
// return compute(x, y);
// ok: DO178C-C-COMMENTED-CODE
// Returns the checksum of the frame.
// ruleid: DO178C-C-MALLOC
buf = malloc(len);
// ok: DO178C-C-MALLOC
static uint8_t buf[BUF_LEN];
// ruleid: DO178C-C-RECURSION-MARKER
/* recursive: walks the tree */
// ok: DO178C-C-RECURSION-MARKER
/* iterative: walks the tree with a stack */
// ruleid: DO178C-C-GOTO
goto cleanup;
// ok: DO178C-C-GOTO
int goto_count = 0;
// ruleid: DO178C-C-STDIO
printf("%d\n", speed);
// ok: DO178C-C-STDIO
trace_write(TRACE_SPEED, speed);
