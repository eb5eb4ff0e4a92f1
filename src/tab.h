/* tab.h: tables in every output format (aligned text, csv, tsv, JSON
 * Lines: the registry is in tab.c), streamed from a row callback in
 * constant memory. */
#ifndef ACTVIZ_TAB_H
#define ACTVIZ_TAB_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "out.h"

#define TAB_CELL 96

struct tab_cell {
	char text[TAB_CELL];
	bool is_num; /* JSON writes it bare (nan and inf as strings) */
};

/* A source whose columns after the first come in groups (a curve's y and
 * dy): JSON writes an object per group, { key: label, "params": {...},
 * "points": [...] }, each point its own row of the group's columns. */
struct tab_groups {
	int n;
	const char *key;                 /* "curve" */
	const char *const *label;        /* [n] */
	const int *nparams;              /* [n] */
	const char *const *const *param_name;   /* [n][nparams] */
	const struct tab_cell *const *param_value; /* [n][nparams] */
	int ncols;                       /* a point's columns ... */
	const char *const *names;        /* ... and their names: x, y, dy */
	/* Fills row i of group g into cells[0..ncols); false past the end. */
	bool (*row)(void *ctx, size_t i, int g, struct tab_cell *cells);
};

struct tab_source {
	int ncols;
	const char *const *header;
	/* Fills row i; returns false when there is no row i. */
	bool (*row)(void *ctx, size_t i, struct tab_cell *cells);
	void *ctx;
	bool left_align; /* text format: words left-aligned; numbers go right */
	const struct tab_groups *groups; /* or NULL */
};

/* The formats (-f, set format), by index: 0 is text, the default. */
#define TAB_TEXT 0
const char *tab_format_name(int f);
int tab_format_lookup(const char *word, size_t len); /* -1 if unknown */
const char *const *tab_format_names(void);           /* NULL-terminated */
/* "text, csv, tsv or json"; and help's lines on each. */
size_t tab_format_list(char *buf, size_t size);
size_t tab_format_about(char *buf, size_t size);

/* Writes the table in a format. Text needs each column's widest cell
 * first, so it asks for the rows twice. Returns the rows written; stops
 * early (and says so in *stopped) when *stop becomes non-zero. */
size_t tab_write(struct out *o, int format, const struct tab_source *src,
                 volatile sig_atomic_t *stop, bool *stopped);

/* Cell helpers */
void tab_num(struct tab_cell *c, double v);
void tab_str(struct tab_cell *c, const char *s);

/* s as a JSON string, quotes included. */
void tab_json_string(struct out *o, const char *s);
/* v as a JSON value: a number, or "nan", "inf", "-inf" as strings. */
void tab_json_num(struct out *o, double v);
/* s as a csv field: quoted only if it holds a comma, quote or newline. */
void tab_csv_field(struct out *o, const char *s);

#endif
