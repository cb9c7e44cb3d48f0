#include <stdint.h>
// ruleid: MISRA-C-15.1-GOTO
goto cleanup;
// ok: MISRA-C-15.1-GOTO
int goto_count = 0;
// ruleid: MISRA-C-21.3-DYNAMIC-MEMORY
uint8_t *buf = malloc(len);
// ok: MISRA-C-21.3-DYNAMIC-MEMORY
static uint8_t buf[BUF_LEN];
// ruleid: MISRA-C-7.1-OCTAL
uint16_t mode = 0644;
// ok: MISRA-C-7.1-OCTAL
uint16_t mode = 0x1A4U;
// ruleid: MISRA-C-7.3-LOWERCASE-L
int32_t big = 100000l;
// ok: MISRA-C-7.3-LOWERCASE-L
int32_t big = 100000L;
// ruleid: MISRA-C-21.6-STDIO
printf("%d\n", value);
// ok: MISRA-C-21.6-STDIO
log_write(LOG_INFO, value);
// ruleid: MISRA-C-21.7-ATOI
int32_t n = atoi(text);
// ok: MISRA-C-21.7-ATOI
int32_t n = (int32_t)strtol(text, &end, 10);
// ruleid: MISRA-C-21.8-TERMINATION
exit(1);
// ok: MISRA-C-21.8-TERMINATION
return ERR_FATAL;
// ruleid: MISRA-C-21.4-SETJMP
#include <setjmp.h>
// ok: MISRA-C-21.4-SETJMP
#include <stdint.h>
// ruleid: MISRA-C-21.5-SIGNAL
#include <signal.h>
// ok: MISRA-C-21.5-SIGNAL
#include <stddef.h>
// ruleid: MISRA-C-17.1-STDARG
#include <stdarg.h>
// ok: MISRA-C-17.1-STDARG
#include <stdbool.h>
// ruleid: MISRA-C-21.10-TIME
#include <time.h>
// ok: MISRA-C-21.10-TIME
#include <limits.h>
// ruleid: MISRA-C-19.2-UNION
union word { uint32_t u; float f; };
// ok: MISRA-C-19.2-UNION
struct word { uint32_t u; };
// ruleid: MISRA-C-20.5-UNDEF
#undef MAX_LEN
// ok: MISRA-C-20.5-UNDEF
#define MAX_LEN 64U
// ruleid: MISRA-C-20.10-STRINGIFY
#define CAT(a, b) a##b
// ok: MISRA-C-20.10-STRINGIFY
#define SQUARE(x) ((x) * (x))
// ruleid: MISRA-C-21.9-BSEARCH-QSORT
qsort(items, n, sizeof items[0], cmp);
// ok: MISRA-C-21.9-BSEARCH-QSORT
insertion_sort(items, n);
// ruleid: MISRA-C-4.2-TRIGRAPH
const char *s = "what??!";
// ok: MISRA-C-4.2-TRIGRAPH
const char *s = "what?!";
// ruleid: MISRA-C-17.2-RECURSION-MARKER
/* recursive: walks the tree */
// ok: MISRA-C-17.2-RECURSION-MARKER
/* iterative: walks the tree with a stack */
