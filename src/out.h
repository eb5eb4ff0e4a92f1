/* out.h: where results go: a sink that the executor writes to, so that
 * the core never touches stdout itself (the UI and tests use buffers). */
#ifndef ACTVIZ_OUT_H
#define ACTVIZ_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct out {
	/* Writes n bytes; returns 0, or -1 on failure (then err is set). */
	int (*write)(struct out *o, const char *buf, size_t n);
	FILE *fp;      /* for the stdio sink */
	char *buf;     /* for the memory sink: grows, NUL-terminated */
	size_t len, cap;
	size_t limit;  /* memory sink: most bytes kept (0: no limit) */
	int err;       /* first errno seen; later writes are dropped */
	/* Display columns the reader has (the full screen's): a text table
	 * wider than this is laid out to fit it (tab.c). 0: no limit. */
	int width;
};

void out_init_file(struct out *o, FILE *fp);
void out_init_mem(struct out *o, size_t limit);
void out_free(struct out *o);
/* Empties a memory sink, keeping its storage. */
void out_reset(struct out *o);

void out_write(struct out *o, const char *s, size_t n);
void out_puts(struct out *o, const char *s);
void out_putc(struct out *o, char c);
void out_printf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* n copies of c */
void out_repeat(struct out *o, char c, size_t n);
/* A double as num_format writes it. */
void out_num(struct out *o, double v);

#endif
