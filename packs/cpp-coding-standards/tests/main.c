#include <stdio.h>
void f(void) {
// ruleid: CPP-GETS
gets(line);
// ok: CPP-GETS
fgets(line, sizeof line, stdin);
// ruleid: CPP-STRCPY
strcpy(dest, src);
// ok: CPP-STRCPY
strncpy_s(dest, sizeof dest, src, _TRUNCATE);
// ruleid: CPP-SPRINTF
sprintf(buf, "%s/%s", dir, name);
// ok: CPP-SPRINTF
snprintf(buf, sizeof buf, "%s/%s", dir, name);
// ruleid: CPP-SCANF-STRING
scanf("%s", name);
// ok: CPP-SCANF-STRING
scanf("%63s", name);
// ruleid: CPP-FORMAT-STRING
printf(msg);
// ok: CPP-FORMAT-STRING
printf("%s", msg);
// ok: CPP-FORMAT-STRING
#define LOG_ERR(...) fprintf(stderr, __VA_ARGS__);
// ruleid: CPP-STRTOK
tok = strtok(line, ",");
// ok: CPP-STRTOK
tok = strtok_r(line, ",", &save);
// ruleid: CPP-ATOI
int port = atoi(argv[1]);
// ok: CPP-ATOI
long port = strtol(argv[1], &end, 10);
// ruleid: CPP-UNCHECKED-MALLOC
char *p = malloc(n);
// ok: CPP-UNCHECKED-MALLOC
char *q = malloc(n);
  if (!q) return -1;
// ruleid: CPP-REALLOC-SAME
buf = realloc(buf, n);
  if (!buf) abort();
// ok: CPP-REALLOC-SAME
tmp = realloc(buf, n);
  if (tmp == NULL) return -1;
// ruleid: CPP-SYSTEM
system(cmd);
// ok: CPP-SYSTEM
posix_spawn(&pid, path, NULL, NULL, argv, envp);
// ruleid: CPP-RAND
int token = rand();
// ok: CPP-RAND
getrandom(&token, sizeof token, 0);
// ruleid: CPP-MEMCPY-SIZEOF-PTR
memcpy(dst, src, sizeof(char *));
// ok: CPP-MEMCPY-SIZEOF-PTR
memcpy(dst, src, len * sizeof *src);
// ok: CPP-MEMCPY-SIZEOF-PTR
memset(&node->next, 0, sizeof(void *));
// ruleid: CPP-ALLOCA
char *tmp = alloca(n);
// ok: CPP-ALLOCA
char *tmp = malloc(n);
  if (!tmp) return -1;
// ruleid: CPP-TMPNAM
char *name = tmpnam(NULL);
// ok: CPP-TMPNAM
int fd = mkstemp(template_path);
