/* screen.h: the full-screen interface as pure functions of its size and
 * state: where the title, plot, figures, messages and prompt go, and what
 * the figures panel says. No curses here, so it is tested without one. */
#ifndef ACTVIZ_SCREEN_H
#define ACTVIZ_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "actfn.h"
#include "settings.h"
#include "stats.h"

/* Below this the screen shows one line saying it is too small. */
#define SCREEN_MIN_W 40
#define SCREEN_MIN_H 12

/* Lines of figures per curve. */
#define SCREEN_FIGURE_LINES 5
#define SCREEN_LINE 160

struct rect {
	int x, y, w, h;
};

struct screen_layout {
	bool too_small;
	bool figures_beside; /* to the right of the plot, else under it */
	struct rect title, plot, figures, messages, prompt;
};

void screen_layout(int cols, int rows, int ncurves, struct screen_layout *out);

/* The figures of one curve, as the panel shows them:
 *   leaky 0.01
 *   f = x if x > 0, else 0.01*x
 *   on -3..3: f in [-0.03, 3]
 *   f' = 0 on 0% of it
 *   N(0,1): zero 0%, dead 0%, mean 0.395
 * win_dead, win_min, win_max from stats_window; fig from stats_exact. */
void screen_figures(const struct actfn_curve *c, const char *label, const struct range *window,
                    double win_dead, double win_min, double win_max,
                    const struct stats_figures *fig, char text[SCREEN_FIGURE_LINES][SCREEN_LINE]);

/* A step of a curve's main parameter (the first), dir -1 or +1, large
 * ten times as far. Returns 0 and changes c, or -1 with why filled (no
 * parameter, or the step would leave its domain). */
int screen_step_param(struct actfn_curve *c, int dir, bool large, char *why, size_t size);

#endif
