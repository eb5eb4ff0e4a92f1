/* repl.h: the line-mode prompt (GNU readline). */
#ifndef ACTVIZ_REPL_H
#define ACTVIZ_REPL_H

#include <signal.h>
#include <stdbool.h>

#include "run.h"

/* Reads and runs lines until quit or end of input. sigint_flag is the flag
 * the SIGINT handler sets. With echo_to_stderr the prompt and the echo of
 * typed text go to stderr (stdout is not a terminal). fixed_width and
 * fixed_height: the size came from -W/-H or COLUMNS/LINES, so the
 * terminal's is not followed. */
int repl_run(struct run_ctx *rc, volatile sig_atomic_t *sigint_flag, bool echo_to_stderr,
             bool fixed_width, bool fixed_height);

/* $XDG_STATE_HOME/actviz/history or ~/.local/state/actviz/history; NULL
 * when neither variable is usable. The caller frees it. */
char *repl_history_path(void);

/* History shared by the line prompt and the full-screen interface:
 * begin loads it (warning on err when it can't be kept) and returns the
 * file's path or NULL; add appends one line; end trims the file. */
char *repl_history_begin(struct out *err);
void repl_history_add(char **path, const char *line, struct out *err);
void repl_history_end(char *path);

/* Readline's completion of the language's words. */
void repl_setup_completion(void);

#endif
