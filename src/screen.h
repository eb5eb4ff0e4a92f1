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
	/* dead's figures across the screen in the plot's place (too narrow
	 * for them beside it): in figures, and the plot under them where it
	 * keeps 10 rows, else empty */
	bool card;
	struct rect title, plot, figures, messages, prompt;
	/* no figures pane: the selected curve's figures in a row or two
	 * under the plot (else empty) */
	struct rect strip;
};

/* What the screen has to show, for its layout. */
struct screen_want {
	int ncurves;   /* curves of the plot, whose figures the pane shows */
	int msg_rows;  /* rows the last command's messages take, wrapped */
	int picture_h; /* > 0: a picture of this many rows in the plot's place */
	bool stats;    /* dead's figures in place of the plot's */
	int card_h;    /* their rows as a card across the screen */
	int beside_h;  /* their rows in the pane beside the plot */
	bool lesson;   /* a lesson's step: its text, commands and results */
};

/* The width of the figures pane beside the plot on a wide screen. */
int screen_figures_width(int cols);

/* The messages (a rule, then their rows) get a fifth of the screen's
 * rows (2 to 12), and grow to fit what the last command wrote: taking
 * rows from the plot up to half of the screen between title and prompt
 * (during a lesson, down to the plot's least rows, so that a step's
 * results show whole in front of a class at 80x24), or from the card of
 * dead's figures down to its own rows; a picture
 * keeps its rows and leaves them the rest. dead's figures go beside the
 * plot on a wide screen where they fit whole, else across the screen in
 * the plot's place (card). */
void screen_layout(int cols, int rows, const struct screen_want *want, struct screen_layout *out);

/* The rows a command's picture (hist, sweep, train) is drawn to: what
 * leaves the messages two fifths of the screen under it. */
int screen_picture_rows(int rows);
/* The rows such a picture may take over a line or two of text: all but
 * the messages' fifth of the screen. */
int screen_picture_rows_most(int rows);

/* ---- text that has to fit ---- */

/* Continuation rows of a wrapped message line are indented this much. */
#define SCREEN_WRAP_INDENT 2

/* s cut to width display columns into buf: whole when it fits, else what
 * fits before an ellipsis ("\u2026" in UTF-8, else "..."), which says
 * that something was cut. Returns whether it was. */
bool screen_fit(const char *s, int width, bool utf8, char *buf, size_t size);

/* The first row of s at width columns: its bytes (broken after the last
 * space that fits, where that keeps at least half the row; else where
 * the width ends, a character never split); *next is where the next row
 * starts (the spaces at the break skipped), strlen(s) at the end. */
size_t screen_wrap(const char *s, int width, size_t *next);
/* How far the continuation rows of s are indented at width: under its
 * second column where it has columns ("  relu   plot ReLU ..."), and
 * that keeps half the row; else SCREEN_WRAP_INDENT. */
int screen_wrap_indent(const char *s, int width);
/* The rows s takes at width, its continuation rows indented by
 * screen_wrap_indent. */
int screen_wrap_rows(const char *s, int width);

/* The title of a plot: its curves and range, the selected curve (when
 * there are several) marked with mark ("\u25b8 " or "> "); where the
 * labels don't all fit, as many curves as do with "+N more", the
 * selected one always among them. */
void screen_title(const char *const *labels, int n, int selected, const char *mark,
                  const char *range, int width, char *buf, size_t size);

/* Which curves' figures the pane shows when they don't all fit: heights
 * of each (rows, the gap after it included), the pane's rows. The
 * selected curve is always whole on screen: curves [*first, *last) show,
 * with a row each for "N above" when *first > 0 and "+N more" when
 * *last < n. */
void screen_figures_window(const int *heights, int n, int selected, int rows, int *first, int *last);

/* The figures of one curve, as the panel shows them:
 *   leaky 0.01
 *   f = x if x > 0, else 0.01*x
 *   on -3..3: f in [-0.03, 3]
 *   f' = 0 on 0% of it; f'(0) = 0.01, as PyTorch
 *   N(0,1): zero 0%, dead 0%, mean 0.395
 * The formula is the one in use (gelu's exact one or its tanh form); the
 * value of f' at each kink in the window is PyTorch's. win_dead,
 * win_min, win_max from stats_window; fig from stats_exact. */
void screen_figures(const struct actfn_curve *c, const char *label, const struct range *window,
                    double win_dead, double win_min, double win_max,
                    const struct stats_figures *fig, char text[SCREEN_FIGURE_LINES][SCREEN_LINE]);

/* screen_figures' lines of one curve as one line, for the strip under
 * the plot, what teaches most first:
 *   relu: f' = 0 on 50% of it; f'(0) = 0, as PyTorch; N(0,1): zero 50%,
 *   dead 50%, mean 0.399; f = max(0, x); on -3..3: f in [0, 3] */
void screen_strip(const char text[SCREEN_FIGURE_LINES][SCREEN_LINE], char *buf, size_t size);

/* Lines of dead's figures of one curve (under its label):
 *   dead 50%, zero 50%
 *   mean 0.3989, std 0.5838
 *   E f' 0.5, E f'^2 0.5
 *   closed_form   (or "quadrature, error < 7.6e-14") */
#define SCREEN_STATS_LINES 4
void screen_stats_text(const struct stats_figures *f, char text[SCREEN_STATS_LINES][SCREEN_LINE]);

/* A piece of text placed on a panel: at row, col, at most w columns;
 * curve >= 0 for the label of that curve. */
struct screen_text {
	int row, col, w, curve;
	char s[SCREEN_LINE];
};

/* The narrowest column of dead's card. */
#define SCREEN_CARD_COL 24

/* dead's figures laid out width columns wide: "z ~ DIST:" on the first
 * row, then each curve, its label and screen_stats_text's lines (broken
 * after a comma where too wide, so that no number is cut), in as many
 * columns side by side as fit, rows of them one under the other. Fills
 * at most cap pieces; returns how many, the rows they take in *rows. */
int screen_card(const char *const *labels, const struct stats_figures *figs, int n,
                const char *dist, int width, struct screen_text *out, int cap, int *rows);

/* A step of a curve's main parameter (the first), dir -1 or +1, large
 * ten times as far. Returns 0 and changes c, or -1 with why filled (no
 * parameter, or the step would leave its domain). */
int screen_step_param(struct actfn_curve *c, int dir, bool large, char *why, size_t size);

#endif
