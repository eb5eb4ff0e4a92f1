/* plot.h: pure layout of a plot: curves, x range and size -> a grid of
 * cells (axes, ticks, legend, the f and f' panels), drawn as text by
 * render_text and by the full-screen UI alike. */
#ifndef ACTVIZ_PLOT_H
#define ACTVIZ_PLOT_H

#include <stdbool.h>
#include <stdint.h>

#include "actfn.h"
#include "settings.h"

/* Colour roles of a cell; curve i has PLOT_COLOR_CURVE + i. */
enum {
	PLOT_COLOR_DEFAULT = 0,
	PLOT_COLOR_AXIS = 1,
	PLOT_COLOR_CURVE = 2,
};
#define PLOT_NCOLORS (PLOT_COLOR_CURVE + LIMIT_CURVES)

struct plot_cell {
	uint32_t ch; /* a code point; ' ' when empty */
	uint8_t color;
};

struct plot_curve {
	const struct actfn_curve *fn; /* evaluated at the samples, or */
	const double *y[2];           /* given: the panels' values at series_x */
	const char *label;
};

struct plot_spec {
	const struct plot_curve *curve;
	int ncurves;
	double xlo, xhi;
	long samples;     /* points per curve, x_i = lo(1-t) + hi t */
	int width, height;
	bool braille;     /* else ASCII only */
	bool color;       /* curves told apart by colour; else by glyph */
	int colors;       /* distinct curve colours there are */
	bool deriv;       /* the f' panel under the f panel */
	int mark_dead;    /* this curve's zero-gradient x ranges are marked
	                   * on the x axis; -1 for none */
	bool mark_selected; /* the legend marks curve mark_dead (the full
	                     * screen's selected curve) */
	/* The y range of the f and f' panels; NAN for automatic. */
	double ylo[2], yhi[2];
	/* Given data instead of activations (sweep, train): samples points
	 * at series_x, curve[i].y[k] for panel k; titles name the panels. */
	const double *series_x;
	const char *title[2];
	bool x_whole;     /* x counts something (steps): no fractional ticks */
};

/* A histogram to draw: counts of equal bins over [lo, hi]. */
struct plot_hist {
	const char *title;     /* the top line */
	const char *xlabel;    /* under the axis: what was counted */
	const long *count;
	int bins;
	double lo, hi;
	bool unicode;          /* block elements; else '#' */
	int width, height;
};

struct plot_panel {
	int top, rows;    /* grid rows of the canvas */
	double ylo, yhi;  /* values at the bottom and top dot rows */
};

struct plot_grid {
	int w, h;
	struct plot_cell *cell; /* h rows of w */
	int canvas_x, canvas_w; /* grid columns of the canvases */
	int npanels;
	struct plot_panel panel[2];
	bool ascii; /* text cut to fit ends in "..." (else in an ellipsis) */
};

/* The smallest grid plot_layout draws into; smaller sizes get a one-line
 * notice instead of a plot. */
#define PLOT_MIN_W 20
#define PLOT_MIN_H 6

/* The samples a plot draws a curve from, and what the kink table adds:
 * each kink or jump inside [xlo, xhi] (ends included), with f and f' on
 * either side of it (left[k][0] is f just left of br[k].x, [1] is f'),
 * which the drawing joins to instead of joining across. describe reads
 * the same, so that its words are about the picture's points. */
struct plot_samples {
	double *y, *dy;  /* the caller's arrays of samples values each */
	int nbreaks;
	struct actfn_break br[ACTFN_MAX_BREAKS];
	double left[ACTFN_MAX_BREAKS][2], right[ACTFN_MAX_BREAKS][2];
};

/* The x of the samples: x_i = lo(1 - t) + hi t with t = i/(samples - 1),
 * the last exactly hi (samples >= 2). */
void plot_sample_x(double xlo, double xhi, long samples, double *xs);
/* f and f' at xs (from plot_sample_x), and the kinks inside the window. */
void plot_sample_curve(const struct actfn_curve *fn, double xlo, double xhi, const double *xs,
                       long samples, struct plot_samples *out);

/* Fills grid (allocated here; free with plot_grid_free). Returns 0, or -1
 * when out of memory. */
int plot_layout(const struct plot_spec *spec, struct plot_grid *grid);
void plot_grid_free(struct plot_grid *grid);

/* A histogram as a grid: bars for the share of each bin (partial rows in
 * eighths where the locale has block elements). Returns 0 or -1. */
int plot_histogram(const struct plot_hist *h, struct plot_grid *grid);

/* Round tick values (1, 2, 5 times a power of ten) inside [lo, hi]: at
 * most max_ticks of them. Returns how many, the step in *step. */
int plot_ticks(double lo, double hi, int max_ticks, double *ticks, double *step);
/* A tick value as its label, with as many decimals as the step needs. */
int plot_tick_label(double v, double step, char *buf, int size);

#endif
