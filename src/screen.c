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
#include "util.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

void screen_layout(int cols, int rows, int ncurves, struct screen_layout *L)
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
	int msg_h = clamp(rows / 5, 2, 12);
	int mid_y = 1, mid_h = rows - 2 - msg_h;
	L->messages = (struct rect){0, mid_y + mid_h, cols, msg_h};

	int need = clamp(ncurves, 1, LIMIT_CURVES) * (SCREEN_FIGURE_LINES + 1) - 1;
	if (cols >= 100) {
		/* Wide: figures beside the plot, which keeps its full height. */
		int fw = clamp(cols * 3 / 10, 32, 48);
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
		/* Narrow and short: the plot comes first. */
		L->plot = (struct rect){0, mid_y, cols, mid_h};
	}
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
	actfn_expand(c->def, c, c->def->formula, formula, sizeof formula);
	util_append(text[1], SCREEN_LINE, &len[1], "f = %s", formula);
	num_format(window->lo, lo);
	num_format(window->hi, hi);
	figure(a, sizeof a, win_min, 0);
	figure(b, sizeof b, win_max, 0);
	percent(dead, sizeof dead, win_dead);
	util_append(text[2], SCREEN_LINE, &len[2], "on %s..%s: f in [%s, %s]", lo, hi, a, b);
	util_append(text[3], SCREEN_LINE, &len[3], "f' = 0 on %s of it", dead);
	percent(dead, sizeof dead, fig->p_dead);
	percent(zero, sizeof zero, fig->p_zero);
	figure(mean, sizeof mean, fig->mean, fig->err);
	util_append(text[4], SCREEN_LINE, &len[4], "N(0,1): zero %s, dead %s, mean %s", zero, dead,
	            mean);
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
