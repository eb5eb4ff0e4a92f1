/* replay.c: runs files through the fuzz target's function without
 * libFuzzer, so that the normal build (make check) replays the seeds and
 * every saved reproducer. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_script.h"

/* The whole file, however many NUL bytes it holds. */
static unsigned char *slurp(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 4096, n = 0;
	unsigned char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, fp);
		if (n < cap)
			break;
		unsigned char *nb = realloc(buf, cap *= 2);
		if (!nb)
			free(buf);
		buf = nb;
	}
	if (buf && ferror(fp)) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	*size = n;
	return buf;
}

int main(int argc, char **argv)
{
	int first = 1;
	FILE *show = NULL;
	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		show = stdout; /* what each input writes, to look into a reproducer */
		first = 2;
	}
	if (first >= argc) {
		fputs("usage: replay [-v] FILE...\n", stderr);
		return 2;
	}
	int failed = 0;
	for (int i = first; i < argc; i++) {
		size_t size;
		unsigned char *data = slurp(argv[i], &size);
		if (!data) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno ? errno : EIO));
			failed = 1;
			continue;
		}
		if (show)
			printf("== %s\n", argv[i]);
		fuzz_run(data, size, show);
		free(data);
	}
	printf("replay: %d inputs run\n", argc - first);
	return failed;
}
