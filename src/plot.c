/* plot.c: the layout of a plot as a grid of cells. Nothing here writes or
 * knows about terminals; the same grid goes to text and to ncurses. */
#define _POSIX_C_SOURCE 200809L
#include "plot.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "dmath.h"

#define MAX_TICKS 64
#define CMD_NOTE 128

/* Box-drawing characters, or their ASCII stand-ins. */
struct glyphs {
	uint32_t hline, vline, ytick, xtick, corner, cross, swatch, dead, dead_tick, sel;
};
static const struct glyphs box = {0x2500, 0x2502, 0x2524, 0x252C, 0x2514,
                                  0x253C, 0x2500, 0x2501, 0x2533, 0x25B8};
static const struct glyphs ascii = {'-', '|', '+', '+', '+', '+', '-', '=', '+', '>'};

/* ---- ticks ----------------------------------------------------------------- */

static int count_ticks(double lo, double hi, double step)
{
	double a = ceil(lo / step - 1e-9), b = floor(hi / step + 1e-9);
	return b < a ? 0 : (int)fmin(b - a + 1, 1e9);
}

/* Step candidates in increasing order: 1, 2, 5 times 10^e. */
static double step_at(int e, int k)
{
	static const double mant[3] = {1, 2, 5};
	return mant[k] * dmath_pow(10, e);
}

int plot_ticks(double lo, double hi, int max_ticks, double *ticks, double *step)
{
	if (max_ticks < 1)
		max_ticks = 1;
	if (max_ticks > MAX_TICKS)
		max_ticks = MAX_TICKS;
	double span = hi - lo;
	if (!(span > 0) || !isfinite(span)) {
		*step = 1;
		return 0;
	}
	int e = (int)floor(dmath_log10(span / max_ticks)) - 1;
	for (;; e++) {
		for (int k = 0; k < 3; k++) {
			double s = step_at(e, k);
			if (!isfinite(s)) { /* a span near DBL_MAX: no round step fits */
				*step = span;
				return 0;
			}
			if (count_ticks(lo, hi, s) <= max_ticks) {
				*step = s;
				double a = ceil(lo / s - 1e-9);
				int n = count_ticks(lo, hi, s);
				for (int i = 0; i < n; i++) {
					double t = (a + i) * s;
					ticks[i] = fabs(t) < s * 1e-9 ? 0 : t;
				}
				return n;
			}
		}
	}
}

int plot_tick_label(double v, double step, char *buf, int size)
{
	int n;
	double mag = fabs(v);
	if (!(step > 0) || !isfinite(step)) /* no step to go by: the value's own digits */
		step = mag > 0 && isfinite(mag) ? mag : 1;
	if (v == 0) {
		n = snprintf(buf, (size_t)size, "0");
	} else if (mag >= 1e6 || step < 1e-4) {
		int digits = (int)floor(dmath_log10(mag) + 1e-9) - (int)floor(dmath_log10(step) + 1e-9) + 1;
		if (digits < 1)
			digits = 1;
		if (digits > 17)
			digits = 17;
		n = snprintf(buf, (size_t)size, "%.*g", digits, v);
		/* 1e-05 -> 1e-5: the label row is narrow */
		char *e = strchr(buf, 'e');
		if (e) {
			char *d = e + 2;
			while (*d == '0' && d[1])
				memmove(d, d + 1, strlen(d));
			if (e[1] == '+')
				memmove(e + 1, e + 2, strlen(e + 1));
			n = (int)strlen(buf);
		}
	} else {
		int dec = (int)-floor(dmath_log10(step) + 1e-9);
		if (dec < 0)
			dec = 0;
		n = snprintf(buf, (size_t)size, "%.*f", dec, v);
	}
	return n < size ? n : size - 1;
}

/* ---- the grid ---------------------------------------------------------------- */

static struct plot_cell *at(struct plot_grid *g, int row, int col)
{
	return &g->cell[(size_t)row * (size_t)g->w + (size_t)col];
}

static void put(struct plot_grid *g, int row, int col, uint32_t ch, uint8_t color)
{
	if (row < 0 || row >= g->h || col < 0 || col >= g->w)
		return;
	struct plot_cell *c = at(g, row, col);
	c->ch = ch;
	c->color = color;
}

/* Writes ASCII text from col; returns the column after it. */
/* Text from col up to maxcol; cut, it ends in an ellipsis that says so. */
static int put_text(struct plot_grid *g, int row, int col, const char *s, int maxcol, uint8_t color)
{
	int start = col;
	for (; *s && col < maxcol; s++, col++)
		put(g, row, col, (unsigned char)*s, color);
	if (*s && col > start) {
		if (!g->ascii)
			put(g, row, col - 1, 0x2026, color);
		for (int c = col - 3 > start ? col - 3 : start; g->ascii && c < col; c++)
			put(g, row, c, '.', color);
	}
	return col;
}

/* ---- sampling ------------------------------------------------------------------ */

static void limits(const struct actfn_curve *fn, double x, double out[2], double dir)
{
	double y, dy;
	actfn_point(fn, nextafter(x, dir), &y, &dy);
	out[0] = y;
	out[1] = dy;
}

void plot_sample_x(double xlo, double xhi, long samples, double *xs)
{
	size_t n = (size_t)samples;
	for (size_t i = 0; i < n; i++) {
		double t = (double)i / (double)(n - 1);
		xs[i] = i + 1 == n ? xhi : xlo * (1 - t) + xhi * t;
	}
}

void plot_sample_curve(const struct actfn_curve *fn, double xlo, double xhi, const double *xs,
                       long samples, struct plot_samples *m)
{
	actfn_eval(fn, xs, m->y, m->dy, (size_t)samples);
	struct actfn_break all[ACTFN_MAX_BREAKS];
	int nb = actfn_breaks(fn, all);
	m->nbreaks = 0;
	for (int b = 0; b < nb; b++) {
		if (!(all[b].x >= xlo && all[b].x <= xhi))
			continue;
		int k = m->nbreaks++;
		m->br[k] = all[b];
		limits(fn, all[b].x, m->left[k], -HUGE_VAL);
		limits(fn, all[b].x, m->right[k], HUGE_VAL);
	}
}

static void widen(double *lo, double *hi, double v)
{
	if (!isfinite(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

/* The automatic y range of one panel: all finite values, 10% of the
 * half-span as air above and below, and some room around a constant.
 * Halves keep -1e308..1e308 from overflowing. */
static void auto_range(double lo, double hi, bool include_zero, double *ylo, double *yhi)
{
	if (include_zero)
		widen(&lo, &hi, 0);
	if (!(lo <= hi)) {
		lo = -1;
		hi = 1;
	}
	double mag = fmax(fabs(lo), fabs(hi));
	double half = hi / 2 - lo / 2;
	if (half <= mag * 5e-13) {
		double pad = mag > 0 ? mag * 0.1 : 1;
		lo -= pad;
		hi += pad;
	} else {
		lo -= half * 0.1;
		hi += half * 0.1;
	}
	*ylo = isfinite(lo) ? lo : -DBL_MAX;
	*yhi = isfinite(hi) ? hi : DBL_MAX;
}

/* ---- layout ------------------------------------------------------------------- */

struct layout {
	int legend_rows;
	int dw, dh;               /* dots per cell */
	int canvas_x, canvas_w;
	int yl_width;             /* widest y tick label */
	int nyt[2];
	double yt[2][MAX_TICKS], ystep[2];
	int nxt;
	double xt[MAX_TICKS], xstep;
};

/* The cell row and column holding the dot of a value: the same mapping
 * draw_curve uses, so ticks and zero lines sit where the curves are. */
static int cell_row(double y, const struct plot_panel *p, const struct layout *L)
{
	double t = (p->yhi / 2 - y / 2) / (p->yhi / 2 - p->ylo / 2);
	return (int)lround(t * (p->rows * L->dh - 1)) / L->dh;
}

static int cell_col(double x, const struct plot_spec *s, const struct layout *L)
{
	double t = (x - s->xlo) / (s->xhi - s->xlo);
	return (int)lround(t * (L->canvas_w * L->dw - 1)) / L->dw;
}

/* The x ticks: the smallest round step whose labels, centred under their
 * ticks and kept inside the grid, leave a space between neighbours. */
static void choose_x_ticks(const struct plot_spec *s, struct layout *L, int width)
{
	/* Airy: about one tick per ten columns. */
	int start = L->canvas_w / 10 + 1;
	if (start > MAX_TICKS)
		start = MAX_TICKS;
	for (int max = start; max >= 1; max = max > 12 ? max / 2 : max - 1) {
		L->nxt = plot_ticks(s->xlo, s->xhi, max, L->xt, &L->xstep);
		if (s->x_whole && L->xstep < 1)
			continue;
		int prev_end = -2;
		bool fits = true;
		for (int i = 0; i < L->nxt && fits; i++) {
			char buf[40];
			int n = plot_tick_label(L->xt[i], L->xstep, buf, sizeof buf);
			int c = L->canvas_x + cell_col(L->xt[i], s, L) - n / 2;
			if (c < 0)
				c = 0;
			if (c + n > width)
				c = width - n;
			if (c <= prev_end + 2)
				fits = false;
			prev_end = c + n - 1;
		}
		if (fits)
			return;
	}
	L->nxt = 0;
}

/* The y ticks of a panel: at most one every other row, so labels never
 * touch. */
static void choose_y_ticks(const struct plot_panel *p, struct layout *L, int k)
{
	/* Labels one row apart at least (two where there is room): fewer
	 * ticks until the rows they land on say so. */
	int gap = p->rows >= 4 ? 2 : 1;
	for (int max = p->rows / gap + 1; max >= 1; max--) {
		L->nyt[k] = plot_ticks(p->ylo, p->yhi, max, L->yt[k], &L->ystep[k]);
		bool apart = true;
		for (int i = 1; i < L->nyt[k] && apart; i++)
			apart = cell_row(L->yt[k][i - 1], p, L) - cell_row(L->yt[k][i], p, L) >= gap;
		if (apart)
			return;
	}
	L->nyt[k] = 0;
}

/* Whether the legend marks curve i as the selected one. */
static bool legend_selected(const struct plot_spec *s, int i)
{
	return s->mark_selected && s->ncurves > 1 && i == s->mark_dead;
}

/* The columns of curve i's entry in the legend, its gap after aside. */
static int legend_need(const struct plot_spec *s, int i, bool glyph_mode)
{
	return (int)strlen(s->curve[i].label) + (glyph_mode || s->color ? 3 : 0) +
	       (legend_selected(s, i) ? 1 : 0);
}

/* The rows the legend takes at width w with every label whole, as
 * draw_legend lays it out. */
static int legend_rows_needed(const struct plot_spec *s, int w, bool glyph_mode)
{
	int rows = 1;
	int col = (int)strlen(s->title[0] ? s->title[0] : "f(x)") + 2;
	for (int i = 0; i < s->ncurves; i++) {
		int need = legend_need(s, i, glyph_mode);
		if (col + need > w && col > 6) {
			rows++;
			col = 6;
		}
		col += need + 2;
	}
	return rows;
}

static void draw_legend(struct plot_grid *g, const struct plot_spec *s, const struct glyphs *gl,
                        bool glyph_mode, int rows)
{
	int row = 0;
	int col = put_text(g, row, 0, s->title[0] ? s->title[0] : "f(x)", g->w, PLOT_COLOR_DEFAULT) + 2;
	int start_of[16], first = 0; /* where this row's labels start */
	for (int i = 0; i < s->ncurves; i++) {
		const char *label = s->curve[i].label;
		bool sel = legend_selected(s, i);
		int need = legend_need(s, i, glyph_mode);
		if (col + need > g->w && col > 6) {
			if (row + 1 < rows) {
				row++;
				col = 6;
				first = i;
			} else {
				/* the count of those left out, whole: in place of as
				 * many labels before it as it takes */
				char more[24];
				int j = i;
				snprintf(more, sizeof more, "+%d more", s->ncurves - j);
				while (col + (int)strlen(more) > g->w && j > first && j <= 16) {
					col = start_of[--j];
					snprintf(more, sizeof more, "+%d more", s->ncurves - j);
				}
				for (int c = col; c < g->w; c++)
					put(g, row, c, ' ', PLOT_COLOR_DEFAULT);
				put_text(g, row, col, more, g->w, PLOT_COLOR_DEFAULT);
				return;
			}
		}
		if (i < 16)
			start_of[i] = col;
		uint8_t color = (uint8_t)(PLOT_COLOR_CURVE + i);
		if (sel) /* the selected curve: marked before its swatch */
			put(g, row, col++, gl->sel, color);
		if (glyph_mode) {
			put(g, row, col, (uint32_t)CANVAS_GLYPHS[i % 16], color);
			col += 2;
		} else if (s->color) {
			put(g, row, col, gl->swatch, color);
			put(g, row, col + 1, gl->swatch, color);
			col += 3;
		}
		col = put_text(g, row, col, label, g->w, s->color ? color : PLOT_COLOR_DEFAULT) + 2;
	}
}

static void draw_y_axis(struct plot_grid *g, const struct plot_panel *p, const struct layout *L,
                        int k, const struct glyphs *gl)
{
	int axis = L->canvas_x - 1;
	for (int r = 0; r < p->rows; r++)
		put(g, p->top + r, axis, gl->vline, PLOT_COLOR_AXIS);
	for (int i = 0; i < L->nyt[k]; i++) {
		int r = cell_row(L->yt[k][i], p, L);
		char buf[40];
		int n = plot_tick_label(L->yt[k][i], L->ystep[k], buf, sizeof buf);
		/* wider than the label column: none, as cut it reads as another number */
		if (axis - 1 - n >= 0)
			put_text(g, p->top + r, axis - 1 - n, buf, axis - 1, PLOT_COLOR_DEFAULT);
		put(g, p->top + r, axis, gl->ytick, PLOT_COLOR_AXIS);
	}
}

/* The y = 0 and x = 0 lines, in the cells the curves left empty. */
static void draw_zero_lines(struct plot_grid *g, const struct plot_spec *s, const struct plot_panel *p,
                            const struct layout *L, const struct glyphs *gl)
{
	int zrow = -1, zcol = -1;
	if (p->ylo < 0 && p->yhi > 0)
		zrow = cell_row(0, p, L);
	if (s->xlo < 0 && s->xhi > 0)
		zcol = cell_col(0, s, L);
	for (int r = 0; r < p->rows; r++) {
		for (int c = 0; c < L->canvas_w; c++) {
			struct plot_cell *cell = at(g, p->top + r, L->canvas_x + c);
			if (cell->ch != ' ')
				continue;
			bool h = r == zrow, v = c == zcol;
			if (h || v) {
				cell->ch = h && v ? gl->cross : (h ? gl->hline : gl->vline);
				cell->color = PLOT_COLOR_AXIS;
			}
		}
	}
}

/* Is f' exactly 0 across the whole column? Probed at both edges and the
 * middle of the x interval the column covers. */
static bool column_dead(const struct plot_spec *s, const struct layout *L, int c)
{
	const struct actfn_curve *fn = s->curve[s->mark_dead].fn;
	double span = s->xhi - s->xlo;
	int W = L->canvas_w * L->dw;
	for (int k = 0; k < 3; k++) {
		double dot = c * L->dw - 0.5 + k * L->dw / 2.0;
		double x = s->xlo + fmin(fmax(dot, 0), W - 1) / (W - 1) * span, y, dy;
		actfn_point(fn, x, &y, &dy);
		if (dy != 0)
			return false;
	}
	return true;
}

/* The x axis under the last panel; where the marked curve has no
 * gradient, a heavy line in its colour. Returns whether any was drawn. */
static bool draw_x_axis(struct plot_grid *g, const struct plot_spec *s, const struct layout *L,
                        int row, const struct glyphs *gl)
{
	bool any_dead = false,
	     marking = !s->series_x && s->mark_dead >= 0 && s->mark_dead < s->ncurves;
	uint8_t dead_color = (uint8_t)(PLOT_COLOR_CURVE + (marking ? s->mark_dead : 0));
	put(g, row, L->canvas_x - 1, gl->corner, PLOT_COLOR_AXIS);
	for (int c = 0; c < L->canvas_w; c++) {
		bool dead = marking && column_dead(s, L, c);
		any_dead |= dead;
		put(g, row, L->canvas_x + c, dead ? gl->dead : gl->hline, dead ? dead_color : PLOT_COLOR_AXIS);
	}
	for (int i = 0; i < L->nxt; i++) {
		int c = cell_col(L->xt[i], s, L);
		bool dead = at(g, row, L->canvas_x + c)->ch == gl->dead;
		put(g, row, L->canvas_x + c, dead ? gl->dead_tick : gl->xtick,
		    dead ? dead_color : PLOT_COLOR_AXIS);
		char buf[40];
		int n = plot_tick_label(L->xt[i], L->xstep, buf, sizeof buf);
		int start = L->canvas_x + c - n / 2;
		if (start < 0)
			start = 0;
		if (start + n > g->w)
			start = g->w - n;
		put_text(g, row + 1, start, buf, g->w, PLOT_COLOR_DEFAULT);
	}
	return any_dead;
}

/* One curve in one panel (k 0: f, 1: f'): neighbouring samples joined,
 * except across a kink or jump, where each piece runs to its own
 * one-sided limit, so relu' is two flat pieces and never a ramp. */
static void draw_curve(struct canvas *cv, const struct plot_spec *s, const double *xs,
                       const struct plot_samples *sm, const struct plot_panel *p, int k, int curve)
{
	const double *v = k == 0 ? sm->y : sm->dy;
	int W = canvas_dots_x(cv), H = canvas_dots_y(cv);
	double sx = (W - 1) / (s->xhi - s->xlo), sy = (H - 1) / (p->yhi / 2 - p->ylo / 2);
#define PX(x) (((x) - s->xlo) * sx)
#define PY(y) ((p->yhi / 2 - (y) / 2) * sy)
	int b = 0; /* next break not yet passed */
	for (long i = 0; i < s->samples; i++) {
		double x0 = xs[i];
		while (b < sm->nbreaks && sm->br[b].x < x0)
			b++;
		bool on_break = b < sm->nbreaks && sm->br[b].x == x0;
		if (on_break || i == 0 || i == s->samples - 1) /* the value at the point itself */
			if (isfinite(v[i]))
				canvas_line(cv, PX(x0), PY(v[i]), PX(x0), PY(v[i]), curve);
		if (i + 1 == s->samples)
			break;
		double x1 = xs[i + 1];
		double ax = x0, ay = on_break ? sm->right[b][k] : v[i];
		int bb = on_break ? b + 1 : b;
		for (; bb < sm->nbreaks && sm->br[bb].x < x1; bb++) {
			double bx = sm->br[bb].x;
			if (isfinite(ay) && isfinite(sm->left[bb][k]))
				canvas_line(cv, PX(ax), PY(ay), PX(bx), PY(sm->left[bb][k]), curve);
			ax = bx;
			ay = sm->right[bb][k];
		}
		bool end_on_break = bb < sm->nbreaks && sm->br[bb].x == x1;
		double by = end_on_break ? sm->left[bb][k] : v[i + 1];
		if (isfinite(ay) && isfinite(by))
			canvas_line(cv, PX(ax), PY(ay), PX(x1), PY(by), curve);
		else if (isfinite(ay))
			canvas_line(cv, PX(ax), PY(ay), PX(ax), PY(ay), curve);
	}
#undef PX
#undef PY
}

static void blit(struct plot_grid *g, const struct canvas *cv, const struct plot_panel *p,
                 const struct layout *L)
{
	for (int r = 0; r < p->rows; r++) {
		for (int c = 0; c < L->canvas_w; c++) {
			int curve;
			uint32_t ch = canvas_cell(cv, c, r, &curve);
			if (ch)
				put(g, p->top + r, L->canvas_x + c, ch, (uint8_t)(PLOT_COLOR_CURVE + curve));
		}
	}
}

static void notice(struct plot_grid *g, const char *msg)
{
	put_text(g, 0, 0, msg, g->w, PLOT_COLOR_DEFAULT);
}

/* A blank grid of w x h; returns 1, or 0 when it is too small to plot
 * (it then holds a notice), or -1 when out of memory. */
static int new_grid(struct plot_grid *g, int w, int h, bool ascii_only)
{
	memset(g, 0, sizeof *g);
	g->ascii = ascii_only;
	g->w = w > 0 ? w : 1;
	g->h = h > 0 ? h : 1;
	g->cell = malloc((size_t)g->w * (size_t)g->h * sizeof *g->cell);
	if (!g->cell)
		return -1;
	for (size_t i = 0; i < (size_t)g->w * (size_t)g->h; i++)
		g->cell[i] = (struct plot_cell){' ', PLOT_COLOR_DEFAULT};
	if (g->w < PLOT_MIN_W || g->h < PLOT_MIN_H) {
		notice(g, "too small to plot");
		return 0;
	}
	return 1;
}

/* Rows: legend, f panel, [f' title, f' panel], x axis, x labels. */
static bool layout_rows(const struct plot_spec *s, struct plot_grid *g, struct layout *L,
                        bool glyph_mode)
{
	/* every label whole where the height allows: two rows from 12,
	 * three from 16 (sixteen curves at 80 columns take three) */
	int most = g->h >= 24 ? 4 : g->h >= 16 ? 3 : g->h >= 12 ? 2 : 1;
	int need = legend_rows_needed(s, g->w, glyph_mode);
	L->legend_rows = need < most ? need : most;
	int avail = g->h - L->legend_rows - 2;
	bool deriv = s->deriv && avail >= 5;
	g->npanels = deriv ? 2 : 1;
	if (deriv) {
		avail -= 1;
		g->panel[0].rows = (avail * 11 + 10) / 20;
		g->panel[1].rows = avail - g->panel[0].rows;
	} else {
		g->panel[0].rows = avail;
	}
	g->panel[0].top = L->legend_rows;
	if (deriv)
		g->panel[1].top = g->panel[0].top + g->panel[0].rows + 1;
	return deriv;
}

/* Samples every curve at the shared x (or copies the given series), with
 * its one-sided limits at every kink inside the window; lo and hi get
 * each panel's extremes. */
static void sample_curves(const struct plot_spec *s, double *xs, struct plot_samples *sm,
                          double *store, double lo[2], double hi[2])
{
	size_t n = (size_t)s->samples;
	plot_sample_x(s->xlo, s->xhi, s->samples, xs);
	if (s->series_x)
		memcpy(xs, s->series_x, n * sizeof *xs);
	for (int c = 0; c < s->ncurves; c++) {
		struct plot_samples *m = &sm[c];
		m->y = store + 2 * n * (size_t)c;
		m->dy = m->y + n;
		if (s->series_x) {
			/* given data: copied, NaN where a panel has none */
			for (size_t i = 0; i < n; i++) {
				m->y[i] = s->curve[c].y[0] ? s->curve[c].y[0][i] : NAN;
				m->dy[i] = s->curve[c].y[1] ? s->curve[c].y[1][i] : NAN;
				widen(&lo[0], &hi[0], m->y[i]);
				widen(&lo[1], &hi[1], m->dy[i]);
			}
			continue;
		}
		plot_sample_curve(s->curve[c].fn, s->xlo, s->xhi, xs, s->samples, m);
		for (int k = 0; k < m->nbreaks; k++) {
			for (int j = 0; j < 2; j++) {
				if (m->br[k].x > s->xlo)
					widen(&lo[j], &hi[j], m->left[k][j]);
				if (m->br[k].x < s->xhi)
					widen(&lo[j], &hi[j], m->right[k][j]);
			}
		}
		for (size_t i = 0; i < n; i++) {
			widen(&lo[0], &hi[0], m->y[i]);
			widen(&lo[1], &hi[1], m->dy[i]);
		}
	}
}

/* Each panel's y range (given, or from the data) and ticks; then the
 * columns: y labels, a space, the axis, the canvas. */
static void layout_axes(const struct plot_spec *s, struct plot_grid *g, struct layout *L,
                        const double lo[2], const double hi[2])
{
	for (int k = 0; k < g->npanels; k++) {
		struct plot_panel *p = &g->panel[k];
		if (isnan(s->ylo[k]) || isnan(s->yhi[k]) || !(s->ylo[k] < s->yhi[k]))
			auto_range(lo[k], hi[k], k == 1 || s->series_x, &p->ylo, &p->yhi);
		else {
			p->ylo = s->ylo[k];
			p->yhi = s->yhi[k];
		}
		choose_y_ticks(p, L, k);
	}
	for (int k = 0; k < g->npanels; k++) {
		for (int i = 0; i < L->nyt[k]; i++) {
			char buf[40];
			int w = plot_tick_label(L->yt[k][i], L->ystep[k], buf, sizeof buf);
			if (w > L->yl_width)
				L->yl_width = w;
		}
	}
	if (L->yl_width > g->w / 3)
		L->yl_width = g->w / 3;
	L->canvas_x = L->yl_width + 2;
	L->canvas_w = g->w - L->canvas_x - 1;
	g->canvas_x = L->canvas_x;
	g->canvas_w = L->canvas_w;
	choose_x_ticks(s, L, g->w);
}

/* The legend, f''s title, the x axis and, when it marks where f' = 0,
 * what its heavy line means. */
static void draw_frame(struct plot_grid *g, const struct plot_spec *s, const struct layout *L,
                       const struct glyphs *gl, bool glyph_mode, bool deriv)
{
	draw_legend(g, s, gl, glyph_mode, L->legend_rows);
	int title = deriv ? g->panel[1].top - 1 : -1;
	if (deriv)
		put_text(g, title, 0, s->title[1] ? s->title[1] : "f'(x)", g->w, PLOT_COLOR_DEFAULT);
	if (draw_x_axis(g, s, L, g->h - 2, gl) && title >= 0) {
		uint8_t color = (uint8_t)(PLOT_COLOR_CURVE + s->mark_dead);
		put(g, title, 7, gl->dead, color);
		put(g, title, 8, gl->dead, color);
		char note[CMD_NOTE];
		if (s->ncurves > 1)
			snprintf(note, sizeof note, "zero gradient: f' = 0 (%s)", s->curve[s->mark_dead].label);
		else
			snprintf(note, sizeof note, "zero gradient: f' = 0");
		put_text(g, title, 10, note, g->w, PLOT_COLOR_DEFAULT);
	}
}

int plot_layout(const struct plot_spec *s, struct plot_grid *g)
{
	int rc = new_grid(g, s->width, s->height, !s->braille);
	if (rc <= 0)
		return rc;
	const struct glyphs *gl = s->braille ? &box : &ascii;
	/* Braille tells several curves apart only by colour, and only while
	 * each has a colour of its own; otherwise a glyph each. */
	bool glyph_mode = !s->braille || (s->ncurves > 1 && (!s->color || s->ncurves > s->colors));
	bool braille = !glyph_mode;
	struct layout L = {0};
	L.dw = braille ? 2 : 1;
	L.dh = braille ? 4 : 1;
	bool deriv = layout_rows(s, g, &L, glyph_mode);

	size_t n = (size_t)s->samples;
	double *xs = malloc(n * sizeof *xs);
	struct plot_samples *sm = calloc((size_t)s->ncurves, sizeof *sm);
	double *store = malloc(2 * n * (size_t)s->ncurves * sizeof *store);
	if (!xs || !sm || !store) {
		free(xs);
		free(sm);
		free(store);
		plot_grid_free(g);
		return -1;
	}
	double lo[2] = {HUGE_VAL, HUGE_VAL}, hi[2] = {-HUGE_VAL, -HUGE_VAL};
	sample_curves(s, xs, sm, store, lo, hi);
	layout_axes(s, g, &L, lo, hi);

	rc = 0;
	for (int k = 0; k < g->npanels && rc == 0; k++) {
		const struct plot_panel *p = &g->panel[k];
		struct canvas cv;
		if (canvas_init(&cv, L.canvas_w, p->rows, braille) < 0) {
			rc = -1;
			break;
		}
		/* Last first, so that where curves coincide the first named,
		 * usually the one being taught, stays on top. */
		for (int c = s->ncurves - 1; c >= 0; c--)
			draw_curve(&cv, s, xs, &sm[c], p, k, c);
		blit(g, &cv, p, &L);
		canvas_free(&cv);
		draw_zero_lines(g, s, p, &L, gl);
		draw_y_axis(g, p, &L, k, gl);
	}
	if (rc == 0)
		draw_frame(g, s, &L, gl, glyph_mode, deriv);
	free(xs);
	free(sm);
	free(store);
	if (rc < 0)
		plot_grid_free(g);
	return rc;
}

/* A histogram's x axis on row `row`: value ticks over [lo, hi], their
 * labels under it. */
static void hist_x_axis(struct plot_grid *g, const struct plot_hist *h, struct layout *L, int row,
                        const struct glyphs *gl)
{
	struct plot_spec sx = {.xlo = h->lo, .xhi = h->hi};
	choose_x_ticks(&sx, L, g->w);
	put(g, row, L->canvas_x - 1, gl->corner, PLOT_COLOR_AXIS);
	for (int c = 0; c < L->canvas_w && L->canvas_x + c < g->w; c++)
		put(g, row, L->canvas_x + c, gl->hline, PLOT_COLOR_AXIS);
	for (int i = 0; i < L->nxt; i++) {
		int c = (int)lround((L->xt[i] - h->lo) / (h->hi - h->lo) * L->canvas_w);
		if (c >= L->canvas_w)
			c = L->canvas_w - 1;
		put(g, row, L->canvas_x + c, gl->xtick, PLOT_COLOR_AXIS);
		char buf[40];
		int n = plot_tick_label(L->xt[i], L->xstep, buf, sizeof buf);
		int start = L->canvas_x + c - n / 2;
		if (start < 0)
			start = 0;
		if (start + n > g->w)
			start = g->w - n;
		put_text(g, row + 1, start, buf, g->w, PLOT_COLOR_DEFAULT);
	}
}

int plot_histogram(const struct plot_hist *h, struct plot_grid *g)
{
	int rc = new_grid(g, h->width, h->height, !h->unicode);
	if (rc <= 0)
		return rc;
	const struct glyphs *gl = h->unicode ? &box : &ascii;
	long total = 0, most = 0;
	for (int b = 0; b < h->bins; b++)
		total += h->count[b];
	/* Rows: title, bars, axis, labels, what was counted. */
	struct layout L = {0};
	L.dw = L.dh = 1;
	struct plot_panel *p = &g->panel[0];
	g->npanels = 1;
	p->top = 1;
	p->rows = g->h - (h->xlabel ? 4 : 3);
	/* Columns: the bars share the width, each its part of it (narrow
	 * bars' widths differ by one at most); several bins share a column
	 * when there are more bins than columns. */
	int margin_guess = 7;
	int cw = g->w - margin_guess - 1;
	int merge = cw >= h->bins ? 1 : (h->bins + cw - 1) / cw;
	int bars = (h->bins + merge - 1) / merge;
	long *merged = calloc((size_t)bars, sizeof *merged);
	if (!merged) {
		plot_grid_free(g);
		return -1;
	}
	for (int b = 0; b < h->bins; b++)
		merged[b / merge] += h->count[b];
	for (int b = 0; b < bars; b++)
		if (merged[b] > most)
			most = merged[b];
	p->ylo = 0;
	p->yhi = total ? (double)most / (double)total * 1.05 : 1;
	choose_y_ticks(p, &L, 0);
	for (int i = 0; i < L.nyt[0]; i++) {
		char buf[40];
		int n = plot_tick_label(100 * L.yt[0][i], 100 * L.ystep[0], buf, sizeof buf);
		if (n + 1 > L.yl_width)
			L.yl_width = n + 1;
	}
	L.canvas_x = L.yl_width + 2;
	L.canvas_w = g->w - L.canvas_x - 1;
	if (L.canvas_w < bars)
		L.canvas_w = bars;
	if (L.canvas_x + L.canvas_w > g->w)
		L.canvas_w = g->w - L.canvas_x;
	/* bars of three columns and more keep a gap between them, and all
	 * one width: a bar wider than its neighbours would read as more */
	int per = L.canvas_w / bars;
	if (per > 2)
		L.canvas_w = bars * per;
	g->canvas_x = L.canvas_x;
	g->canvas_w = L.canvas_w;

	put_text(g, 0, 0, h->title, g->w, PLOT_COLOR_DEFAULT);
	/* y axis in percent */
	int axis = L.canvas_x - 1;
	for (int r = 0; r < p->rows; r++)
		put(g, p->top + r, axis, gl->vline, PLOT_COLOR_AXIS);
	for (int i = 0; i < L.nyt[0]; i++) {
		int r = cell_row(L.yt[0][i], p, &L);
		char buf[40];
		int n = plot_tick_label(100 * L.yt[0][i], 100 * L.ystep[0], buf, sizeof buf);
		buf[n++] = '%';
		buf[n] = '\0';
		put_text(g, p->top + r, axis - 1 - n, buf, axis - 1, PLOT_COLOR_DEFAULT);
		put(g, p->top + r, axis, gl->ytick, PLOT_COLOR_AXIS);
	}
	/* the bars, in eighths of a row */
	for (int b = 0; b < bars; b++) {
		double share = total ? (double)merged[b] / (double)total : 0;
		double eighths = share / p->yhi * p->rows * 8;
		/* ASCII has no partial blocks: whole rows, to the nearest */
		long full = h->unicode ? (long)eighths : 8 * lround(eighths / 8);
		if (merged[b] > 0 && full == 0)
			full = h->unicode ? 1 : 8; /* a bin with anything shows */
		int from = (int)((long)b * L.canvas_w / bars), to = (int)((long)(b + 1) * L.canvas_w / bars);
		for (int k = from; k < to; k++) {
			int col = L.canvas_x + k;
			if (per > 2 && k == to - 1)
				continue; /* a gap between wide bars */
			for (int r = 0; r < p->rows; r++) {
				long level = full - 8L * (p->rows - 1 - r);
				if (level <= 0)
					continue;
				uint32_t ch = level >= 8 ? (h->unicode ? 0x2588 : '#')
				                         : (h->unicode ? (uint32_t)(0x2580 + level) : ' ');
				if (ch != ' ')
					put(g, p->top + r, col, ch, PLOT_COLOR_CURVE);
			}
		}
	}
	hist_x_axis(g, h, &L, p->top + p->rows, gl);
	if (h->xlabel)
		put_text(g, g->h - 1, L.canvas_x, h->xlabel, g->w, PLOT_COLOR_DEFAULT);
	free(merged);
	return 0;
}

void plot_grid_free(struct plot_grid *g)
{
	free(g->cell);
	g->cell = NULL;
}
