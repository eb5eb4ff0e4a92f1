/* terminal.h: the terminal: terminfo colour for line mode, whether the
 * full-screen UI can run, and the one idempotent restore for every exit. */
#ifndef ACTVIZ_TERMINAL_H
#define ACTVIZ_TERMINAL_H

#include <stdbool.h>

#include "render_text.h"

/* Reads terminfo for fd's terminal (TERM). Fills pal with colour escapes
 * and returns true if the terminal has at least 8 colours. */
bool terminal_palette(int fd, struct palette *pal);

/* The colour number (setaf) of curve i on a terminal of n colours, how
 * many curve colours differ before they repeat, and the axes' colour
 * (-1: the default colour). */
int terminal_curve_color(int i, int colors);
int terminal_distinct_colors(int colors);
int terminal_axis_color(int colors);

/* Whether TERM names a terminal that can be driven full-screen: known to
 * terminfo, with clear and cup. */
bool terminal_fullscreen_ok(int fd);

/* Registers how to give the terminal back (the UI's endwin); terminal_restore
 * calls it at most once per registration. Also set up with atexit. */
void terminal_on_restore(void (*fn)(void));
void terminal_restore(void);

#endif
