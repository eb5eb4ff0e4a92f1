/* tab.c: the output formats (text, csv, tsv, json): one registry, and the
 * one writer of every table in each. */
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

/* Row i into cells, unless *stop was set (then *stopped says so) or
 * there is no row i. */
static bool next_row(const struct tab_source *src, size_t i, struct tab_cell *cells,
                     volatile sig_atomic_t *stop, bool *stopped)
{
	if (stop && *stop) {
		*stopped = true;
		return false;
	}
	return src->row(src->ctx, i, cells);
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
		if (!next_row(src, i, cells, stop, stopped))
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

/* {"name":cell,...}, after a comma when not the first of its array. */
static void json_object(struct out *o, bool comma, const char *const *names,
                        const struct tab_cell *cells, int n)
{
	out_puts(o, comma ? ",{" : "{");
	for (int j = 0; j < n; j++) {
		if (j)
			out_putc(o, ',');
		tab_json_string(o, names[j]);
		out_putc(o, ':');
		json_cell(o, &cells[j]);
	}
	out_putc(o, '}');
}

/* JSON of a grouped source: an object per group (a curve), with its
 * parameters and its rows (the x column, then the group's own). */
static size_t write_json_groups(struct out *o, const struct tab_source *src,
                                struct tab_cell *cells, volatile sig_atomic_t *stop, bool *stopped)
{
	const struct tab_groups *G = src->groups;
	size_t rows = 0;
	out_putc(o, '[');
	for (int g = 0; g < G->n; g++) {
		out_puts(o, g ? ",{" : "{");
		tab_json_string(o, G->key);
		out_putc(o, ':');
		tab_json_string(o, G->label[g]);
		out_puts(o, ",\"params\":{");
		for (int k = 0; k < G->nparams[g]; k++) {
			if (k)
				out_putc(o, ',');
			tab_json_string(o, G->param_name[g][k]);
			out_putc(o, ':');
			json_cell(o, &G->param_value[g][k]);
		}
		out_puts(o, "},\"points\":[");
		for (size_t i = 0; !o->err; i++) {
			if (stop && *stop) {
				*stopped = true;
				break;
			}
			if (!G->row(src->ctx, i, g, cells))
				break;
			json_object(o, i > 0, G->names, cells, G->ncols);
			rows = i + 1 > rows ? i + 1 : rows;
		}
		out_puts(o, "]}");
	}
	out_puts(o, "]\n");
	return rows;
}

/* JSON: an array of objects keyed by the header, then a newline. */
static size_t write_json(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                         volatile sig_atomic_t *stop, bool *stopped)
{
	if (src->groups)
		return write_json_groups(o, src, cells, stop, stopped);
	out_putc(o, '[');
	size_t i;
	for (i = 0; !o->err; i++) {
		if (!next_row(src, i, cells, stop, stopped))
			break;
		json_object(o, i > 0, src->header, cells, src->ncols);
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

/* ---- text wider than its reader: laid out to fit ----------------------------- */

/* A table turned (a column per row) has at most this many rows. */
#define TURN_MAX 16

/* Groups of consecutive items, each of its widths w[i] plus two spaces
 * after a first column of `lead`, as many as fit in `width` (at least one
 * each): start[g] is the first item of group g; returns how many. */
static int fit_groups(const size_t *w, int n, size_t lead, size_t width, int *start)
{
	int groups = 0;
	size_t used = 0;
	for (int i = 0; i < n; i++) {
		if (groups == 0 || used + 2 + w[i] > width) {
			start[groups++] = i;
			used = lead;
		}
		used += 2 + w[i];
	}
	return groups;
}

/* Blocks of columns, the first column leading each: the header, then
 * every row again; a blank line between blocks. */
static size_t write_blocks(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                           const size_t *width, const int *start, int nblocks, size_t rows,
                           volatile sig_atomic_t *stop, bool *stopped)
{
	struct out line;
	out_init_mem(&line, 0);
	bool stopped_before = *stopped;
	size_t done = 0;
	for (int b = 0; b < nblocks && !o->err; b++) {
		int end = b + 1 < nblocks ? start[b + 1] : src->ncols - 1;
		if (b)
			out_putc(o, '\n');
		pad_cell(&line, src->header[0], width[0], src->left_align);
		for (int j = start[b]; j < end; j++) {
			out_puts(&line, "  ");
			pad_cell(&line, src->header[j + 1], width[j + 1], src->left_align);
		}
		flush_line(o, &line);
		size_t i;
		for (i = 0; i < rows && !o->err; i++) {
			if (!stopped_before && stop && *stop) {
				*stopped = true;
				break;
			}
			if (!src->row(src->ctx, i, cells))
				break;
			pad_cell(&line, cells[0].text, width[0], src->left_align && !cells[0].is_num);
			for (int j = start[b]; j < end; j++) {
				out_puts(&line, "  ");
				pad_cell(&line, cells[j + 1].text, width[j + 1],
				         src->left_align && !cells[j + 1].is_num);
			}
			flush_line(o, &line);
		}
		done = i;
		if (i < rows)
			break;
	}
	out_free(&line);
	return done;
}

/* The table turned: a line per column, its name first, then its cell of
 * each row; rows in groups that fit, a blank line between groups. */
static size_t write_turned(struct out *o, const struct tab_source *src, const struct tab_cell *all,
                           size_t rows, const size_t *rw, size_t name_w, const int *start,
                           int ngroups)
{
	struct out line;
	out_init_mem(&line, 0);
	for (int g = 0; g < ngroups && !o->err; g++) {
		size_t end = g + 1 < ngroups ? (size_t)start[g + 1] : rows;
		if (g)
			out_putc(o, '\n');
		for (int j = 0; j < src->ncols; j++) {
			pad_cell(&line, src->header[j], name_w, true);
			for (size_t i = (size_t)start[g]; i < end; i++) {
				const struct tab_cell *c = &all[i * (size_t)src->ncols + (size_t)j];
				out_puts(&line, "  ");
				pad_cell(&line, c->text, rw[i], src->left_align && !c->is_num);
			}
			flush_line(o, &line);
		}
	}
	out_free(&line);
	return rows;
}

/* Rows (few) into memory, and the widest cell of each; NULL without
 * memory or when the rows are not all there. */
static struct tab_cell *fetch_rows(const struct tab_source *src, size_t rows, size_t *rw)
{
	struct tab_cell *all = calloc(rows * (size_t)src->ncols, sizeof *all);
	if (!all)
		return NULL;
	for (size_t i = 0; i < rows; i++) {
		struct tab_cell *c = &all[i * (size_t)src->ncols];
		if (!src->row(src->ctx, i, c)) {
			free(all);
			return NULL;
		}
		rw[i] = 0;
		for (int j = 0; j < src->ncols; j++) {
			size_t n = util_utf8_count(c[j].text, strlen(c[j].text));
			rw[i] = n > rw[i] ? n : rw[i];
		}
	}
	return all;
}

/* A table wider than o->width: blocks of its columns, or turned (a
 * column per row) when that takes fewer lines. Never cut: a column wider
 * than the reader gets a block of its own. */
static size_t write_fitted(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                           const size_t *width, size_t rows, volatile sig_atomic_t *stop,
                           bool *stopped)
{
	size_t W = (size_t)o->width;
	int *start = malloc((size_t)(src->ncols + TURN_MAX + 1) * sizeof *start);
	if (!start)
		return 0;
	int nblocks = fit_groups(width + 1, src->ncols - 1, width[0], W, start);
	size_t block_lines = (size_t)nblocks * (rows + 2) - 1;
	if (rows > 0 && rows <= TURN_MAX && !*stopped) {
		size_t rw[TURN_MAX], name_w = 0;
		for (int j = 0; j < src->ncols; j++) {
			size_t n = util_utf8_count(src->header[j], strlen(src->header[j]));
			name_w = n > name_w ? n : name_w;
		}
		struct tab_cell *all = fetch_rows(src, rows, rw);
		int *gstart = start + src->ncols;
		int ngroups = all ? fit_groups(rw, (int)rows, name_w, W, gstart) : 0;
		size_t turned_lines = (size_t)ngroups * (size_t)(src->ncols + 1) - 1;
		if (all && turned_lines < block_lines) {
			size_t n = write_turned(o, src, all, rows, rw, name_w, gstart, ngroups);
			free(all);
			free(start);
			return n;
		}
		free(all);
	}
	size_t n = write_blocks(o, src, cells, width, start, nblocks, rows, stop, stopped);
	free(start);
	return n;
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
	size_t total = 0;
	for (int j = 0; j < src->ncols; j++)
		total += width[j] + (j ? 2 : 0);
	if (o->width > 0 && total > (size_t)o->width && src->ncols > 1) {
		size_t n = write_fitted(o, src, cells, width, rows, stop, stopped);
		free(width);
		return n;
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

/* Comma- and tab-separated: a header line, then a line per row. */
static size_t write_csv(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                        volatile sig_atomic_t *stop, bool *stopped)
{
	return write_delimited(o, src, cells, ',', stop, stopped);
}

static size_t write_tsv(struct out *o, const struct tab_source *src, struct tab_cell *cells,
                        volatile sig_atomic_t *stop, bool *stopped)
{
	return write_delimited(o, src, cells, '\t', stop, stopped);
}

/* The formats: -f, set format, their messages and help all read this. */
static const struct tab_format {
	const char *name;
	const char *about; /* help's lines for it */
	size_t (*write)(struct out *o, const struct tab_source *src, struct tab_cell *cells,
	                volatile sig_atomic_t *stop, bool *stopped);
} formats[] = {
	{"text", "aligned columns with a header (the default)\n", write_text},
	{"csv", "comma-separated, RFC 4180 quoting, header x,y,dy for one curve\n", write_csv},
	{"tsv", "tab-separated\n", write_tsv},
	{"json", "one JSON value per command (JSON Lines):\n"
	         "[{\"curve\":\"relu\",\"params\":{},\"points\":[{\"x\":-1,\"y\":0,\"dy\":0}]}]\n",
	 write_json},
};

#define NFORMATS (sizeof formats / sizeof formats[0])

const char *tab_format_name(int f)
{
	return f >= 0 && (size_t)f < NFORMATS ? formats[f].name : "?";
}

int tab_format_lookup(const char *word, size_t len)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (util_word_eq(word, len, formats[i].name))
			return (int)i;
	return -1;
}

const char *const *tab_format_names(void)
{
	static const char *names[NFORMATS + 1];
	for (size_t i = 0; i < NFORMATS; i++)
		names[i] = formats[i].name;
	return names;
}

size_t tab_format_list(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < NFORMATS; i++)
		util_append(buf, size, &len, "%s%s", i == 0 ? "" : i + 1 == NFORMATS ? " or " : ", ",
		            formats[i].name);
	return len;
}

size_t tab_format_about(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < NFORMATS; i++) {
		/* the name, then its lines lined up after it */
		const char *s = formats[i].about;
		for (bool first = true; *s; first = false) {
			const char *nl = strchr(s, '\n');
			size_t n = nl ? (size_t)(nl - s) : strlen(s);
			util_append(buf, size, &len, "%-6s %.*s\n", first ? formats[i].name : "", (int)n, s);
			s += n + (nl != NULL);
		}
	}
	return len;
}

size_t tab_write(struct out *o, int format, const struct tab_source *src,
                 volatile sig_atomic_t *stop, bool *stopped)
{
	bool dummy = false;
	if (!stopped)
		stopped = &dummy;
	*stopped = false;
	if (format < 0 || (size_t)format >= NFORMATS)
		return 0;
	struct tab_cell *cells = calloc((size_t)src->ncols, sizeof *cells);
	if (!cells)
		return 0;
	size_t n = formats[format].write(o, src, cells, stop, stopped);
	free(cells);
	return n;
}
