/* run.h: runs lines of commands (a script, a -e string, a typed line):
 * parse, execute, and report errors with their source, line and column. */
#ifndef ACTVIZ_RUN_H
#define ACTVIZ_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "exec.h"
#include "out.h"

struct run_ctx {
	struct exec_env *env;
	struct out *err;    /* where error messages go (stderr) */
	FILE *flush;        /* flushed before an error is written, so output
	                     * and messages keep their order; may be NULL */
	bool keep_going;    /* -k: run on after an error */
	long errors;        /* errors reported so far */
	int prompt_width;   /* interactive: columns of the prompt */
	/* Called before each command runs, when set: an error (-1, d filled)
	 * refuses it. The fuzz target's work budget; NULL in the program. */
	int (*vet)(void *ctx, struct exec_env *env, const struct cmd *cmd, struct diag *d);
	void *vet_ctx;
	/* The first line of an interactive session (-i FILE: a load of it);
	 * NULL: the full screen starts with relu. */
	const char *startup;
};

/* One line. source NULL means typed at the prompt. */
enum exec_status run_line(struct run_ctx *rc, const char *source, long line_no, const char *line,
                          size_t len);

/* Every line of fp, or of the string text (for -e). The first error stops
 * the run unless keep_going. Returns EXEC_OK, EXEC_ERROR (stopped by an
 * error), EXEC_QUIT or EXEC_INTERRUPTED. */
enum exec_status run_stream(struct run_ctx *rc, const char *source, FILE *fp);
enum exec_status run_string(struct run_ctx *rc, const char *source, const char *text);

/* Reads one line of at most LIMIT_LINE bytes (a CRLF's '\r' not counted)
 * into buf (LIMIT_LINE + 2 bytes), without its newline. Returns its
 * length, -1 at end of input (or a read error: see ferror), -2 when the
 * line was longer (the rest of it is skipped). */
long run_read_line(FILE *fp, char *buf);

#endif
