// ruleid: ISO26262-C-GOTO
goto cleanup;
// ok: ISO26262-C-GOTO
int goto_count = 0;
// ruleid: ISO26262-C-MALLOC
buf = malloc(len);
// ok: ISO26262-C-MALLOC
static uint8_t buf[BUF_LEN];
// ruleid: ISO26262-C-RECURSION-MARKER
/* recursive: walks the tree */
// ok: ISO26262-C-RECURSION-MARKER
/* iterative: walks the tree with a stack */
// ruleid: ISO26262-C-DEAD-CODE
#if 0
// ok: ISO26262-C-DEAD-CODE
#if DEBUG_TRACE
// ruleid: ISO26262-C-COMMENTED-CODE
// return compute(x, y);
// ok: ISO26262-C-COMMENTED-CODE
// Returns the checksum of the frame.
// ruleid: ISO26262-C-STDIO
printf("%d\n", speed);
// ok: ISO26262-C-STDIO
trace_write(TRACE_SPEED, speed);
