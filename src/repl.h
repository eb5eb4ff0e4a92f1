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

#endif
