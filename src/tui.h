/* tui.h: the full-screen interface (ncurses, with readline at its prompt). */
#ifndef ACTVIZ_TUI_H
#define ACTVIZ_TUI_H

#include <signal.h>

#include "run.h"

/* Runs until quit or Ctrl-D. Returns 0, or -1 when the terminal can't be
 * driven (the caller falls back to the line prompt). */
int tui_run(struct run_ctx *rc, volatile sig_atomic_t *sigint_flag);

/* For tests/bench: draws the screen n times at cols x rows (output to
 * /dev/null) showing command's plot; gives the CPU milliseconds of one
 * full redraw, and of one with a parameter step (figures recomputed). */
int tui_bench(struct run_ctx *rc, int cols, int rows, const char *command, int n, double *redraw_ms,
              double *step_ms);

#endif
