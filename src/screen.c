/* screen.c: layout and contents of the full-screen interface, as pure
 * functions (tui.c only draws what these decide). */
#define _POSIX_C_SOURCE 200809L
#include "screen.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "num.h"
#include "plot.h"
#include "util.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

/* The rows of the messages, their rule included; card: dead's figures
 * across the screen in the plot's place. */
static int message_rows(int rows, int mid, const struct screen_want *w, bool card)
{
	int base = clamp(rows / 5, 2, 12);
	if (w->picture_h > 0) /* the picture keeps its rows */
		return mid - w->picture_h > base ? mid - w->picture_h : base;
	int most;
	if (card) /* the card whole, where it can be */
		most = mid - w->card_h;
	else if (w->lesson) /* a step whole, down to the plot's least */
		most = mid - PLOT_MIN_H;
	else /* half, and a plot of PLOT_MIN_H rows at the least */
		most = mid / 2 < mid - PLOT_MIN_H ? mid / 2 : mid - PLOT_MIN_H;
	if (most < base)
		most = base;
	return clamp(1 + w->msg_rows, base, most);
}

int screen_figures_width(int cols)
{
	return clamp(cols * 3 / 10, 32, 48);
}

void screen_layout(int cols, int rows, const struct screen_want *want, struct screen_layout *L)
{
	memset(L, 0, sizeof *L);
	if (cols < 1)
		cols = 1;
	if (rows < 1)
		rows = 1;
	/* The prompt keeps the last row at every size, so that quit can
	 * always be typed. */
	L->prompt = (struct rect){0, rows - 1, cols, 1};
	if (cols < SCREEN_MIN_W || rows < SCREEN_MIN_H) {
		L->too_small = true;
		if (rows > 1)
			L->title = (struct rect){0, 0, cols, 1};
		return;
	}
	L->title = (struct rect){0, 0, cols, 1};
	bool wide = cols >= 100;
	/* dead's figures beside the plot where they fit whole, else across */
	bool card = want->stats && want->picture_h <= 0 && !wide;
	int msg_h = message_rows(rows, rows - 2, want, card);
	if (want->stats && want->picture_h <= 0 && wide && want->beside_h > rows - 2 - msg_h) {
		card = true;
		msg_h = message_rows(rows, rows - 2, want, card);
	}
	int mid_y = 1, mid_h = rows - 2 - msg_h;
	L->messages = (struct rect){0, mid_y + mid_h, cols, msg_h};

	if (want->picture_h > 0) {
		/* a picture has no figures: all of the width is its */
		L->plot = (struct rect){0, mid_y, cols, mid_h};
		return;
	}
	int need = clamp(want->ncurves, 1, LIMIT_CURVES) * (SCREEN_FIGURE_LINES + 1) - 1;
	if (card) {
		/* dead's figures across the screen, in the plot's place; the
		 * plot under them where it keeps 10 rows */
		L->card = true;
		L->figures = (struct rect){0, mid_y, cols, mid_h};
		if (mid_h - want->card_h - 1 >= 10) { /* a blank row between */
			L->figures.h = want->card_h + 1;
			L->plot = (struct rect){0, mid_y + L->figures.h, cols, mid_h - L->figures.h};
		}
	} else if (wide) {
		/* Wide: figures beside the plot, which keeps its full height. */
		int fw = screen_figures_width(cols);
		L->figures_beside = true;
		L->plot = (struct rect){0, mid_y, cols - fw - 1, mid_h};
		L->figures = (struct rect){cols - fw, mid_y, fw, mid_h};
	} else if (mid_h - need >= 16) {
		L->plot = (struct rect){0, mid_y, cols, mid_h - need};
		L->figures = (struct rect){0, mid_y + mid_h - need, cols, need};
	} else if (mid_h >= 24) {
		int fh = mid_h - 16;
		L->plot = (struct rect){0, mid_y, cols, mid_h - fh};
		L->figures = (struct rect){0, mid_y + mid_h - fh, cols, fh};
	} else {
		/* Narrow and short: the plot comes first, the selected curve's
		 * figures in a row or two under it where it keeps 9 rows */
		int sh = mid_h >= 16 ? 2 : mid_h >= 10 ? 1 : 0;
		L->plot = (struct rect){0, mid_y, cols, mid_h - sh};
		L->strip = (struct rect){0, mid_y + mid_h - sh, cols, sh};
	}
}

void screen_strip(const char text[SCREEN_FIGURE_LINES][SCREEN_LINE], char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	util_append(buf, size, &len, "%s: %s; %s; %s; %s", text[0], text[3], text[4], text[1], text[2]);
}

int screen_picture_rows_most(int rows)
{
	int mid = rows - 2, base = clamp(rows / 5, 2, 12);
	return mid - base > 1 ? mid - base : 1;
}

int screen_picture_rows(int rows)
{
	int mid = rows - 2, base = clamp(rows / 5, 2, 12), msg = (2 * mid + 4) / 5;
	int h = mid - (msg > base ? msg : base);
	return h > 1 ? h : 1;
}

/* ---- text that has to fit ------------------------------------------------------- */

/* The next character of s (len bytes left): its bytes, its columns in *w
 * (a byte that is not UTF-8 takes one). */
static size_t char_step(const char *s, size_t len, int *w)
{
	uint32_t cp;
	size_t n = util_utf8_next(s, len, &cp);
	*w = (cp & UTIL_INVALID) ? 1 : util_cp_width(cp);
	return n;
}

/* The bytes of s that fit in width columns; their columns in *cols. */
static size_t fit_bytes(const char *s, int width, int *cols)
{
	size_t i = 0, len = strlen(s);
	int col = 0, w;
	while (i < len) {
		size_t n = char_step(s + i, len - i, &w);
		if (col + w > width)
			break;
		col += w;
		i += n;
	}
	if (cols)
		*cols = col;
	return i;
}

bool screen_fit(const char *s, int width, bool utf8, char *buf, size_t size)
{
	if (size == 0)
		return false;
	size_t len = strlen(s);
	if (width < 0)
		width = 0;
	if (fit_bytes(s, width, NULL) == len) {
		snprintf(buf, size, "%s", s);
		return false;
	}
	const char *ell = utf8 ? "\u2026" : "...";
	int ew = utf8 ? 1 : 3;
	if (ew > width) { /* no room for the text: as much of the mark as fits */
		snprintf(buf, size, "%.*s", utf8 ? (width ? 3 : 0) : width, ell);
		return true;
	}
	size_t n = fit_bytes(s, width - ew, NULL);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	snprintf(buf, size, "%.*s%s", (int)n, s, ell);
	return true;
}

size_t screen_wrap(const char *s, int width, size_t *next)
{
	size_t len = strlen(s);
	if (width < 1)
		width = 1;
	int cols;
	size_t n = fit_bytes(s, width, &cols);
	if (n == len) {
		*next = len;
		return len;
	}
	if (n == 0) { /* a character wider than the row: alone on it */
		int w;
		n = char_step(s, len, &w);
	}
	/* after the last space that fits (a space just past the row counts),
	 * if that keeps half of the row; after a comma or semicolon rather,
	 * so that "f'(0) = 0" or "mean 0.399" stays on one row */
	size_t brk = 0, clause = 0;
	int col = 0, w;
	for (size_t i = 0; i <= n && i < len; i += char_step(s + i, len - i, &w), col += w)
		if (s[i] == ' ' && col >= width / 2) {
			brk = i;
			if (i > 0 && (s[i - 1] == ',' || s[i - 1] == ';'))
				clause = i;
		}
	size_t end = clause ? clause : brk ? brk : n, at = end;
	while (end > 0 && s[end - 1] == ' ')
		end--;
	while (at < len && s[at] == ' ')
		at++;
	*next = at;
	return end;
}

int screen_wrap_indent(const char *s, int width)
{
	/* "  relu      plot ReLU...": the column after the first gap of two
	 * spaces or more that follows some text */
	const char *p = s;
	while (*p == ' ')
		p++;
	const char *gap = strstr(p, "  ");
	if (gap && gap > p) {
		const char *col = gap;
		while (*col == ' ')
			col++;
		int at = (int)util_utf8_count(s, (size_t)(col - s));
		if (*col && at <= width / 2)
			return at;
	}
	return SCREEN_WRAP_INDENT;
}

int screen_wrap_rows(const char *s, int width)
{
	int rows = 1;
	size_t next;
	screen_wrap(s, width, &next);
	int indent = screen_wrap_indent(s, width);
	int rest = width - indent > 1 ? width - indent : 1;
	while (s[next]) {
		s += next;
		screen_wrap(s, rest, &next);
		rows++;
	}
	return rows;
}

static int text_width(const char *s)
{
	return (int)util_utf8_count(s, strlen(s));
}

/* The labels in[0..n) that keep[] says, the selected one marked, "+N
 * more" for the others, then " on RANGE". */
static void title_of(const char *const *labels, int n, const bool *keep, int selected,
                     const char *mark, const char *range, char *buf, size_t size)
{
	size_t len = 0;
	int shown = 0;
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		util_append(buf, size, &len, "%s%s%s", shown ? ", " : "", i == selected && n > 1 ? mark : "",
		            labels[i]);
		shown++;
	}
	if (shown < n)
		util_append(buf, size, &len, "%s+%d more", shown ? ", " : "", n - shown);
	util_append(buf, size, &len, " on %s", range);
}

void screen_title(const char *const *labels, int n, int selected, const char *mark,
                  const char *range, int width, char *buf, size_t size)
{
	bool keep[LIMIT_CURVES];
	if (n > LIMIT_CURVES)
		n = LIMIT_CURVES;
	for (int i = 0; i < n; i++)
		keep[i] = true;
	title_of(labels, n, keep, selected, mark, range, buf, size);
	/* too long: the last of the others go first, the selected one stays */
	for (int i = n - 1; i >= 0 && text_width(buf) > width; i--) {
		if (i == selected)
			continue;
		keep[i] = false;
		title_of(labels, n, keep, selected, mark, range, buf, size);
	}
}

void screen_figures_window(const int *heights, int n, int selected, int rows, int *first, int *last)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += heights[i];
	if (n <= 0 || total - 1 <= rows) { /* the gap after the last is not needed */
		*first = 0;
		*last = n > 0 ? n : 0;
		return;
	}
	if (selected < 0 || selected >= n)
		selected = 0;
	for (int f = 0; f <= selected; f++) {
		int avail = rows - (f > 0), used = 0, l = f;
		while (l < n) {
			/* a "+N more" row unless this is the last curve */
			int more = l + 1 < n;
			if (used + heights[l] - 1 + more > avail)
				break;
			used += heights[l];
			l++;
		}
		if (l > selected || f == selected) {
			*first = f;
			*last = l > f ? l : f + 1;
			return;
		}
	}
	*first = selected;
	*last = selected + 1;
}

/* A figure for the panel: few digits, and 0 where the value is within
 * the error of 0 (tanh's mean is 0, not -1.2e-17). */
static void figure(char *buf, size_t size, double v, double err)
{
	if (fabs(v) <= err || v == 0)
		snprintf(buf, size, "0");
	else
		snprintf(buf, size, "%.3g", v);
}

static void percent(char *buf, size_t size, double p)
{
	if (p == 0)
		snprintf(buf, size, "0%%");
	else if (p == 1)
		snprintf(buf, size, "100%%");
	else if (p < 0.001)
		snprintf(buf, size, "%.2g%%", 100 * p);
	else if (fabs(100 * p - nearbyint(100 * p)) < 1e-9)
		snprintf(buf, size, "%.0f%%", 100 * p);
	else
		snprintf(buf, size, "%.1f%%", 100 * p);
}

/* "; f'(0) = 0, as PyTorch": f' at each kink inside the window, as
 * PyTorch's autograd gives it there. */
static void kink_values(const struct actfn_curve *c, const struct range *window, char *buf,
                        size_t size, size_t *len)
{
	struct actfn_break br[ACTFN_MAX_BREAKS];
	int nb = actfn_breaks(c, br), shown = 0;
	for (int b = 0; b < nb; b++) {
		if (!(br[b].x >= window->lo && br[b].x <= window->hi))
			continue;
		double y, dy;
		actfn_point(c, br[b].x, &y, &dy);
		char x[NUM_BUF], v[32];
		num_format(br[b].x, x);
		figure(v, sizeof v, dy, 0);
		util_append(buf, size, len, "%s f'(%s) = %s", shown ? "," : ";", x, v);
		shown++;
	}
	if (shown)
		util_append(buf, size, len, ", as PyTorch");
}

void screen_figures(const struct actfn_curve *c, const char *label, const struct range *window,
                    double win_dead, double win_min, double win_max,
                    const struct stats_figures *fig, char text[SCREEN_FIGURE_LINES][SCREEN_LINE])
{
	char formula[SCREEN_LINE], lo[NUM_BUF], hi[NUM_BUF], a[32], b[32], dead[16], zero[16],
	     mean[32];
	size_t len[SCREEN_FIGURE_LINES] = {0};
	for (int i = 0; i < SCREEN_FIGURE_LINES; i++)
		text[i][0] = '\0';
	util_append(text[0], SCREEN_LINE, &len[0], "%s", label);
	/* a choice with formulas of its own (gelu's): the one in use */
	const struct actfn_def *def = c->def;
	const char *form = def->formula;
	if (def->nparams > 0 && def->param[0].type == ACTFN_CHOICE && c->p[0] >= 0 &&
	    c->p[0] < ACTFN_MAX_CHOICES && def->formula_of[(int)c->p[0]])
		form = def->formula_of[(int)c->p[0]];
	actfn_expand(def, c, form, formula, sizeof formula);
	util_append(text[1], SCREEN_LINE, &len[1], "f = %s", formula);
	num_format(window->lo, lo);
	num_format(window->hi, hi);
	figure(a, sizeof a, win_min, 0);
	figure(b, sizeof b, win_max, 0);
	percent(dead, sizeof dead, win_dead);
	util_append(text[2], SCREEN_LINE, &len[2], "on %s..%s: f in [%s, %s]", lo, hi, a, b);
	util_append(text[3], SCREEN_LINE, &len[3], "f' = 0 on %s of it", dead);
	kink_values(c, window, text[3], SCREEN_LINE, &len[3]);
	percent(dead, sizeof dead, fig->p_dead);
	percent(zero, sizeof zero, fig->p_zero);
	figure(mean, sizeof mean, fig->mean, fig->err);
	util_append(text[4], SCREEN_LINE, &len[4], "N(0,1): zero %s, dead %s, mean %s", zero, dead,
	            mean);
}

void screen_stats_text(const struct stats_figures *f, char text[SCREEN_STATS_LINES][SCREEN_LINE])
{
	snprintf(text[0], SCREEN_LINE, "dead %.4g%%, zero %.4g%%", 100 * f->p_dead, 100 * f->p_zero);
	/* a mean within the error bound of 0 is 0 (tanh's quadrature leaves
	 * 3e-21), as info and the figures pane say it */
	snprintf(text[1], SCREEN_LINE, "mean %.4g, std %.4g", fabs(f->mean) <= f->err ? 0.0 : f->mean,
	         f->std);
	snprintf(text[2], SCREEN_LINE, "E f' %.4g, E f'^2 %.4g", f->mean_grad, f->mean_grad_sq);
	if (f->err > 0)
		snprintf(text[3], SCREEN_LINE, "%s, error < %.2g", stats_method_name(f->method), f->err);
	else
		snprintf(text[3], SCREEN_LINE, "%s", stats_method_name(f->method));
}

/* Pieces of s on rows from *row, width columns at col: broken after a
 * comma where too wide, the rest indented by two. */
static int card_lines(const char *s, int row, int col, int width, struct screen_text *out, int k,
                      int cap)
{
	bool first = true;
	while (*s) {
		int w = width - (first ? 0 : 2);
		size_t n = fit_bytes(s, w > 1 ? w : 1, NULL);
		if (n == 0)
			n = 1;
		const char *comma = NULL;
		for (size_t j = 0; s[n] && j + 1 < n; j++)
			if (s[j] == ',' && s[j + 1] == ' ')
				comma = s + j + 1;
		if (comma)
			n = (size_t)(comma - s);
		if (k < cap) {
			out[k] = (struct screen_text){row, col + (first ? 0 : 2), w, -1, ""};
			snprintf(out[k].s, SCREEN_LINE, "%.*s", (int)n, s);
		}
		k++;
		row++;
		s += n;
		while (*s == ' ')
			s++;
		first = false;
	}
	return k;
}

int screen_card(const char *const *labels, const struct stats_figures *figs, int n,
                const char *dist, int width, struct screen_text *out, int cap, int *rows)
{
	int k = 0;
	if (cap > 0) {
		out[0] = (struct screen_text){0, 1, width - 2, -1, ""};
		snprintf(out[0].s, SCREEN_LINE, "z ~ %s:", dist);
	}
	k = 1;
	int per = width / SCREEN_CARD_COL; /* curves side by side */
	if (per < 1)
		per = 1;
	if (per > n)
		per = n;
	int cw = width / per, top = 1, bottom = 1;
	/* one column: indented under the distribution; several: closer, so
	 * that a figure's line fits in a column of 24 */
	int label_x = per > 1 ? 1 : 3, text_x = per > 1 ? 2 : 5;
	for (int i = 0; i < n; i++) {
		int col = (i % per) * cw, row = top;
		if (k < cap) {
			out[k] = (struct screen_text){row, col + label_x, cw - label_x - 1, i, ""};
			snprintf(out[k].s, SCREEN_LINE, "%s", labels[i]);
		}
		k++;
		row++;
		char text[SCREEN_STATS_LINES][SCREEN_LINE];
		screen_stats_text(&figs[i], text);
		for (int j = 0; j < SCREEN_STATS_LINES; j++) {
			int before = k;
			k = card_lines(text[j], row, col + text_x, cw - text_x - 1, out, k, cap);
			row += k - before;
		}
		if (row > bottom)
			bottom = row;
		if (i % per == per - 1) /* the next row of curves, after a gap */
			top = bottom + 1;
	}
	*rows = bottom;
	return k < cap ? k : cap;
}

/* v moved by k steps onto the grid of multiples of step, and read back
 * from its decimal text so that 0.1 + 0.01 shows as 0.11. */
static double step_value(double v, double step, int k)
{
	double n = nearbyint(v / step) + k;
	int dec = (int)ceil(-dmath_log10(step) - 1e-9);
	if (dec < 0)
		dec = 0;
	char buf[64];
	snprintf(buf, sizeof buf, "%.*f", dec, n * step);
	return strtod(buf, NULL);
}

int screen_step_param(struct actfn_curve *c, int dir, bool large, char *why, size_t size)
{
	const struct actfn_def *def = c->def;
	if (def->nparams == 0) {
		snprintf(why, size, "%s has no parameter to change", def->name);
		return -1;
	}
	const struct actfn_param *pp = &def->param[0];
	if (pp->type == ACTFN_CHOICE) {
		int n = 0;
		while (pp->choices[n])
			n++;
		c->p[0] = (double)(((int)c->p[0] + dir + n) % n);
		return 0;
	}
	double v = step_value(c->p[0], pp->step, dir * (large ? 10 : 1));
	struct actfn_curve next = *c;
	if (actfn_set_param(&next, 0, v) != ACTFN_PARAM_OK) {
		/* a closed end is reachable: stop on it rather than short of it */
		bool at_lo = !pp->lo_open && isfinite(pp->lo) && v < pp->lo && c->p[0] != pp->lo;
		if (!at_lo || actfn_set_param(&next, 0, pp->lo) != ACTFN_PARAM_OK) {
			char dom[128];
			actfn_param_domain_error(def, 0, v, dom, sizeof dom);
			snprintf(why, size, "%s: %s", def->name, dom);
			return -1;
		}
	}
	const char *rule = actfn_rule_broken(&next);
	if (rule) {
		snprintf(why, size, "%s: %s", def->name, rule);
		return -1;
	}
	*c = next;
	return 0;
}
