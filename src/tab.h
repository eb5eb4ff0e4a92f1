/* tab.h: tables in the four output formats (aligned text, csv, tsv,
 * JSON Lines), streamed from a row callback in constant memory. */
#ifndef ACTVIZ_TAB_H
#define ACTVIZ_TAB_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "out.h"
#include "settings.h"

#define TAB_CELL 96

struct tab_cell {
	char text[TAB_CELL];
	bool is_num; /* JSON writes it bare (nan and inf as strings) */
};

struct tab_source {
	int ncols;
	const char *const *header;
	/* Fills row i; returns false when there is no row i. */
	bool (*row)(void *ctx, size_t i, struct tab_cell *cells);
	void *ctx;
	bool left_align; /* text format: words left-aligned; numbers go right */
};

/* Writes the table. Text needs each column's widest cell first, so it
 * asks for the rows twice. Returns the rows written; stops early (and
 * says so in *stopped) when *stop becomes non-zero. */
size_t tab_write(struct out *o, enum format fmt, const struct tab_source *src,
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
