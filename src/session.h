/* session.h: what a session has run, kept for the commands that look
 * back: the lines that replay it (save session), the line and settings of
 * its last picture (save FILE.svg), and how deeply load is nested. */
#ifndef ACTVIZ_SESSION_H
#define ACTVIZ_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "out.h"
#include "settings.h"

/* Documented limits (man page, LIMITS). */
#define LIMIT_SESSION_BYTES (16L << 20) /* the lines save session keeps */
#define LIMIT_LOAD_DEPTH 8               /* load within load within ... */
#define LIMIT_PATH 4096                  /* a file name's bytes */

struct run_ctx;

struct session {
	struct settings start;  /* the settings it started with (options) */
	char *script;           /* every line that replays, each ending in \n */
	size_t len, cap;
	bool overflow;          /* lines past LIMIT_SESSION_BYTES were dropped */
	char *picture;          /* the line of the last picture, or NULL */
	struct settings picture_set; /* the settings it ran under */
	int depth;              /* loads running now */
	struct run_ctx *rc;     /* what load runs its file with */
	bool no_files;          /* the fuzz target's: save draws but writes
	                         * nothing, load reads nothing */
};

/* start: the settings before any line ran; rc: what load runs with. */
void session_init(struct session *s, const struct settings *start, struct run_ctx *rc);
void session_free(struct session *s);

/* A line that ran without error: kept for replay when replay, and as the
 * last picture's when picture (with the settings it ran under). */
void session_note(struct session *s, const char *line, size_t len, bool replay, bool picture,
                  const struct settings *set);

/* The script that replays the session: a header comment, `set` lines for
 * the settings the session started with that differ from the defaults,
 * then its lines. Returns 0, or -1 when lines were dropped (overflow). */
int session_write(const struct session *s, struct out *o);

#endif
