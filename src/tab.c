/* tab.c: one table writer for every tabular command and format. */
#define _POSIX_C_SOURCE 200809L
#include "tab.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "util.h"

void tab_num(struct tab_cell *c, double v)
{
	num_format(v, c->text);
	c->is_num = true;
}

void tab_str(struct tab_cell *c, const char *s)
{
	snprintf(c->text, sizeof c->text, "%s", s);
	c->is_num = false;
}

void tab_json_string(struct out *o, const char *s)
{
	out_putc(o, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			out_printf(o, "\\%c", c);
		else if (c == '\n')
			out_puts(o, "\\n");
		else if (c == '\t')
			out_puts(o, "\\t");
		else if (c < 0x20)
			out_printf(o, "\\u%04x", c);
		else
			out_putc(o, (char)c);
	}
	out_putc(o, '"');
}

void tab_json_num(struct out *o, double v)
{
	char buf[NUM_BUF];
	num_format(v, buf);
	if (isfinite(v))
		out_puts(o, buf);
	else
		tab_json_string(o, buf);
}

void tab_csv_field(struct out *o, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		out_puts(o, s);
		return;
	}
	out_putc(o, '"');
	for (; *s; s++) {
		if (*s == '"')
			out_putc(o, '"');
		out_putc(o, *s);
	}
	out_putc(o, '"');
}

static void json_cell(struct out *o, const struct tab_cell *c)
{
	bool bare = c->is_num && strcmp(c->text, "nan") && strcmp(c->text, "inf") &&
	            strcmp(c->text, "-inf");
	if (bare)
		out_puts(o, c->text);
	else
		tab_json_string(o, c->text);
}

static size_t write_delimited(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                              char sep, volatile sig_atomic_t *stop, bool *stopped)
{
	for (int j = 0; j < src->ncols; j++) {
		if (j)
			out_putc(o, sep);
		if (sep == ',')
			tab_csv_field(o, src->header[j]);
		else
			out_puts(o, src->header[j]);
	}
	out_putc(o, '\n');
	size_t i;
	for (i = 0; !o->err; i++) {
		if (stop && *stop) {
			*stopped = true;
			break;
		}
		if (!src->row(src->ctx, i, cells))
			break;
		for (int j = 0; j < src->ncols; j++) {
			if (j)
				out_putc(o, sep);
			if (sep == ',')
				tab_csv_field(o, cells[j].text);
			else
				out_puts(o, cells[j].text);
		}
		out_putc(o, '\n');
	}
	return i;
}

static size_t write_json(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                         volatile sig_atomic_t *stop, bool *stopped)
{
	out_putc(o, '[');
	size_t i;
	for (i = 0; !o->err; i++) {
		if (stop && *stop) {
			*stopped = true;
			break;
		}
		if (!src->row(src->ctx, i, cells))
			break;
		out_puts(o, i ? ",{" : "{");
		for (int j = 0; j < src->ncols; j++) {
			if (j)
				out_putc(o, ',');
			tab_json_string(o, src->header[j]);
			out_putc(o, ':');
			json_cell(o, &cells[j]);
		}
		out_putc(o, '}');
	}
	out_puts(o, "]\n");
	return i;
}

/* Text rows are built in a line buffer so that trailing blanks (an empty
 * last cell of a left-aligned table) can be dropped. */
static void pad_cell(struct out *line, const char *s, size_t width, bool left)
{
	size_t n = util_utf8_count(s, strlen(s));
	if (!left)
		out_repeat(line, ' ', width - n);
	out_puts(line, s);
	if (left)
		out_repeat(line, ' ', width - n);
}

static void flush_line(struct out *o, struct out *line)
{
	size_t n = line->len;
	while (n > 0 && line->buf[n - 1] == ' ')
		n--;
	out_write(o, line->buf, n);
	out_putc(o, '\n');
	out_reset(line);
}

static size_t write_text(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                         volatile sig_atomic_t *stop, bool *stopped)
{
	size_t *width = calloc((size_t)src->ncols, sizeof *width);
	if (!width)
		return 0;
	for (int j = 0; j < src->ncols; j++)
		width[j] = util_utf8_count(src->header[j], strlen(src->header[j]));
	/* Pass 1: widths. An interruption here still prints what was seen. */
	size_t rows;
	for (rows = 0;; rows++) {
		if (stop && *stop) {
			*stopped = true;
			break;
		}
		if (!src->row(src->ctx, rows, cells))
			break;
		for (int j = 0; j < src->ncols; j++) {
			size_t n = util_utf8_count(cells[j].text, strlen(cells[j].text));
			if (n > width[j])
				width[j] = n;
		}
	}
	struct out line;
	out_init_mem(&line, 0);
	for (int j = 0; j < src->ncols; j++) {
		if (j)
			out_puts(&line, "  ");
		pad_cell(&line, src->header[j], width[j], src->left_align);
	}
	flush_line(o, &line);
	/* Pass 2: the rows. Ctrl-C during it (a slow terminal takes its
	 * time) stops it too; after one in pass 1 the rows seen all go out. */
	bool stopped_before = *stopped;
	size_t i;
	for (i = 0; i < rows && !o->err; i++) {
		if (!stopped_before && stop && *stop) {
			*stopped = true;
			break;
		}
		if (!src->row(src->ctx, i, cells))
			break;
		for (int j = 0; j < src->ncols; j++) {
			if (j)
				out_puts(&line, "  ");
			pad_cell(&line, cells[j].text, width[j], src->left_align && !cells[j].is_num);
		}
		flush_line(o, &line);
	}
	out_free(&line);
	free(width);
	return i;
}

size_t tab_write(struct out *o, enum format fmt, const struct tab_source *src,
                 volatile sig_atomic_t *stop, bool *stopped)
{
	bool dummy = false;
	if (!stopped)
		stopped = &dummy;
	*stopped = false;
	struct tab_cell *cells = calloc((size_t)src->ncols, sizeof *cells);
	if (!cells)
		return 0;
	size_t n = 0;
	switch (fmt) {
	case FMT_TEXT:
		n = write_text(o, src, cells, stop, stopped);
		break;
	case FMT_CSV:
		n = write_delimited(o, src, cells, ',', stop, stopped);
		break;
	case FMT_TSV:
		n = write_delimited(o, src, cells, '\t', stop, stopped);
		break;
	case FMT_JSON:
		n = write_json(o, src, cells, stop, stopped);
		break;
	}
	free(cells);
	return n;
}
