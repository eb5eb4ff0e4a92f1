/* out.c: the stdio and memory sinks behind struct out. */
#define _POSIX_C_SOURCE 200809L
#include "out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

static int file_write(struct out *o, const char *buf, size_t n)
{
	if (fwrite(buf, 1, n, o->fp) != n) {
		o->err = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static int mem_write(struct out *o, const char *buf, size_t n)
{
	if (o->limit && o->len + n > o->limit) {
		n = o->limit > o->len ? o->limit - o->len : 0;
		if (n == 0)
			return 0;
	}
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 256;
		while (cap < o->len + n + 1)
			cap *= 2;
		char *nb = realloc(o->buf, cap);
		if (!nb) {
			o->err = ENOMEM;
			return -1;
		}
		o->buf = nb;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, buf, n);
	o->len += n;
	o->buf[o->len] = '\0';
	return 0;
}

void out_init_file(struct out *o, FILE *fp)
{
	memset(o, 0, sizeof *o);
	o->write = file_write;
	o->fp = fp;
}

void out_init_mem(struct out *o, size_t limit)
{
	memset(o, 0, sizeof *o);
	o->write = mem_write;
	o->limit = limit;
}

void out_free(struct out *o)
{
	free(o->buf);
	o->buf = NULL;
	o->len = o->cap = 0;
}

void out_reset(struct out *o)
{
	o->len = 0;
	if (o->buf)
		o->buf[0] = '\0';
	o->err = 0;
}

void out_write(struct out *o, const char *s, size_t n)
{
	if (o->err || n == 0)
		return;
	o->write(o, s, n);
}

void out_puts(struct out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

void out_putc(struct out *o, char c)
{
	out_write(o, &c, 1);
}

void out_printf(struct out *o, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		out_write(o, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big) {
		o->err = ENOMEM;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(o, big, (size_t)n);
	free(big);
}

void out_repeat(struct out *o, char c, size_t n)
{
	char block[64];
	memset(block, c, sizeof block);
	while (n > 0) {
		size_t k = n < sizeof block ? n : sizeof block;
		out_write(o, block, k);
		n -= k;
	}
}

void out_num(struct out *o, double v)
{
	char buf[NUM_BUF];
	size_t n = num_format(v, buf);
	out_write(o, buf, n);
}
