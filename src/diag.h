/* diag.h: errors as values (a message and the byte offset it is about),
 * and their rendering as "SOURCE:LINE:COL: message", the line, a caret. */
#ifndef ACTVIZ_DIAG_H
#define ACTVIZ_DIAG_H

#include <stddef.h>

#include "out.h"

#define DIAG_MSG 320

struct diag {
	size_t off;          /* byte offset in the line; the caret goes here */
	char msg[DIAG_MSG];  /* "unknown activation 'leakyy' (did you mean 'leaky'?)" */
};

/* Fills d and returns -1, so that callers can `return diag_set(...)`. */
int diag_set(struct diag *d, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Writes the error to o: "actviz: SOURCE:LINE:COL: msg", then the line
 * (cut to 80 characters around the spot, invalid bytes as \xNN), then a
 * caret under the spot. With source NULL (the interactive prompt) only
 * "actviz: msg" and the caret line, indented by prompt_width columns so
 * that it sits under what was typed above it. */
void diag_render(struct out *o, const struct diag *d, const char *source, long line_no,
                 const char *line, size_t len, int prompt_width);

/* 1-based column of byte offset off: characters, an invalid byte one. */
size_t diag_column(const char *line, size_t len, size_t off);

/* A file name as messages show it: control, invisible and invalid bytes
 * as \xNN, so that no name can send escape sequences to the terminal. */
void diag_safe_name(const char *name, char *buf, size_t size);

#endif
