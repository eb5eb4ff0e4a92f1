/* test_plot.c: tick choice, the layout at every size, legends, glyphs,
 * and jumps drawn as separate pieces. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actfn.h"
#include "canvas.h"
#include "out.h"
#include "plot.h"
#include "render_text.h"

static void check_ticks(double lo, double hi, int max, const double *want, int nwant, double step)
{
	double t[64], s;
	int n = plot_ticks(lo, hi, max, t, &s);
	if (n != nwant || s != step)
		fail_msg("%g..%g max %d: %d ticks step %g, want %d step %g", lo, hi, max, n, s, nwant, step);
	for (int i = 0; i < n; i++)
		if (fabs(t[i] - want[i]) > 1e-12 * fabs(step))
			fail_msg("%g..%g: tick %d is %.17g, want %g", lo, hi, i, t[i], want[i]);
}

static void test_ticks(void **state)
{
	(void)state;
	/* spans near DBL_MAX: a step of 2e308 would be inf (a fuzzer find) */
	for (int max = 1; max <= 12; max++) {
		double t[64], st;
		int n = plot_ticks(-1e308, 0, max, t, &st);
		assert_true(isfinite(st) && st > 0);
		for (int i = 0; i < n; i++)
			assert_true(t[i] >= -1e308 && t[i] <= 0);
		char buf[40];
		assert_true(plot_tick_label(-1e308, st, buf, sizeof buf) > 0);
	}
	check_ticks(-3, 3, 8, (double[]){-3, -2, -1, 0, 1, 2, 3}, 7, 1);
	check_ticks(-3, 3, 4, (double[]){-2, 0, 2}, 3, 2);
	check_ticks(0, 1, 6, (double[]){0, 0.2, 0.4, 0.6, 0.8, 1}, 6, 0.2);
	check_ticks(-0.15, 3.15, 6, (double[]){0, 1, 2, 3}, 4, 1);
	check_ticks(0, 1e-9, 3, (double[]){0, 5e-10, 1e-9}, 3, 5e-10);
	check_ticks(1e6, 1e6 + 7, 4, (double[]){1e6, 1e6 + 2, 1e6 + 4, 1e6 + 6}, 4, 2);
	check_ticks(-1e300, 1e300, 3, (double[]){-1e300, 0, 1e300}, 3, 1e300);
	double t[64], s;
	assert_int_equal(plot_ticks(0.1, 0.2, 1, t, &s), 1);
	assert_int_equal(plot_ticks(1, 1, 5, t, &s), 0); /* empty span: no ticks, no hang */
	/* never more than asked, whatever the range */
	for (double span = 1e-6; span < 1e7; span *= 3.7)
		for (int max = 1; max < 20; max++)
			assert_true(plot_ticks(-span / 3, span, max, t, &s) <= max);
}

static void check_label(double v, double step, const char *want)
{
	char buf[40];
	plot_tick_label(v, step, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void test_tick_labels(void **state)
{
	(void)state;
	check_label(-3, 1, "-3");
	check_label(0.5, 0.5, "0.5");
	check_label(1, 0.5, "1.0");
	check_label(0, 0.5, "0");
	check_label(-0.0, 0.1, "0");
	check_label(2e-5, 1e-5, "2e-5");
	check_label(1.5e-5, 5e-6, "1.5e-5");
	check_label(3e6, 1e6, "3e6");
	check_label(1000002, 2, "1000002");
}

/* ---- layouts --------------------------------------------------------------- */

static struct actfn_curve fns[4];
static struct plot_curve curves[4];

static struct plot_spec spec_of(const char *const *names, int n, int w, int h, bool braille, bool color)
{
	for (int i = 0; i < n; i++) {
		actfn_curve_default(&fns[i], actfn_lookup(names[i], strlen(names[i])));
		curves[i].fn = &fns[i];
		curves[i].label = names[i];
	}
	return (struct plot_spec){.curve = curves, .ncurves = n, .xlo = -3, .xhi = 3,
	                          .samples = 201, .width = w, .height = h, .braille = braille,
	                          .color = color, .colors = 8, .deriv = true, .mark_dead = -1,
	                          .ylo = {NAN, NAN},
	                          .yhi = {NAN, NAN}};
}

static char *render(const struct plot_grid *g)
{
	struct out o;
	out_init_mem(&o, 0);
	render_text(&o, g, NULL);
	return o.buf;
}

static uint32_t cell(const struct plot_grid *g, int r, int c)
{
	return g->cell[(size_t)r * (size_t)g->w + (size_t)c].ch;
}

static void test_relu_layout(void **state)
{
	(void)state;
	static const char *const names[] = {"relu"};
	struct plot_spec s = spec_of(names, 1, 80, 24, true, false);
	struct plot_grid g;
	assert_int_equal(plot_layout(&s, &g), 0);
	char *text = render(&g);

	/* legend, panel titles, round ticks on both axes */
	assert_non_null(strstr(text, "f(x)  relu"));
	assert_non_null(strstr(text, "\nf'(x)\n"));
	assert_non_null(strstr(text, "-3"));
	assert_non_null(strstr(text, "  0  "));
	assert_int_equal(g.npanels, 2);
	assert_true(g.panel[0].rows >= g.panel[1].rows);
	assert_int_equal(g.panel[0].top, 1);
	assert_int_equal(g.panel[1].top, g.panel[0].top + g.panel[0].rows + 1);
	/* no line is wider than the plot, none ends in a space */
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		assert_non_null(nl);
		size_t cells = 0;
		for (char *p = line; p < nl; p++)
			cells += ((unsigned char)*p & 0xC0) != 0x80;
		assert_true(cells <= 80);
		assert_true(nl == line || nl[-1] != ' ');
		line = nl + 1;
	}
	free(text);

	/* relu' is two flat pieces: in the f' panel, no cell strictly between
	 * the row of 0 and the row of 1 holds a dot (a gnuplot-style ramp
	 * from (0,0) to (0.03,1) would). */
	const struct plot_panel *d = &g.panel[1];
	int row0 = -1, row1 = -1;
	for (int r = 0; r < d->rows; r++)
		for (int c = g.canvas_x; c < g.canvas_x + g.canvas_w; c++) {
			uint32_t ch = cell(&g, d->top + r, c);
			if (ch > 0x2800 && ch <= 0x28FF) {
				if (c < g.canvas_x + g.canvas_w / 4)
					row0 = r;
				if (c > g.canvas_x + 3 * g.canvas_w / 4)
					row1 = r;
			}
		}
	assert_true(row1 >= 0 && row0 > row1 + 1);
	for (int r = row1 + 1; r < row0; r++)
		for (int c = g.canvas_x; c < g.canvas_x + g.canvas_w; c++) {
			uint32_t ch = cell(&g, d->top + r, c);
			if (ch > 0x2800 && ch <= 0x28FF)
				fail_msg("a dot between the pieces of relu' at row %d col %d", r, c);
		}
	/* and the flat zero-gradient piece runs across the whole left half */
	for (int c = g.canvas_x; c < g.canvas_x + g.canvas_w / 2 - 1; c++) {
		uint32_t ch = cell(&g, d->top + row0, c);
		if (!(ch > 0x2800 && ch <= 0x28FF))
			fail_msg("relu' = 0 not drawn at col %d", c);
	}
	plot_grid_free(&g);
}

/* The zero-gradient x range of the marked curve is a heavy line on the x
 * axis, explained in the f' title; nothing is marked where f' != 0. */
static void test_dead_zone_marked(void **state)
{
	(void)state;
	static const char *const names[] = {"relu"};
	struct plot_spec s = spec_of(names, 1, 80, 24, true, false);
	s.mark_dead = 0;
	struct plot_grid g;
	assert_int_equal(plot_layout(&s, &g), 0);
	char *text = render(&g);
	assert_non_null(strstr(text, "\nf'(x)  \xe2\x94\x81\xe2\x94\x81 zero gradient: f' = 0\n"));
	free(text);
	int axis = g.h - 2, heavy_left = 0, heavy_right = 0;
	for (int c = g.canvas_x; c < g.canvas_x + g.canvas_w; c++) {
		uint32_t ch = cell(&g, axis, c);
		bool heavy = ch == 0x2501 || ch == 0x2533;
		if (c < g.canvas_x + g.canvas_w / 2 - 1)
			heavy_left += heavy;
		else if (c > g.canvas_x + g.canvas_w / 2 + 1)
			heavy_right += heavy;
	}
	assert_int_equal(heavy_left, g.canvas_w / 2 - 1);
	assert_int_equal(heavy_right, 0);
	plot_grid_free(&g);

	static const char *const elu[] = {"elu"}; /* never exactly 0 */
	s = spec_of(elu, 1, 80, 24, false, false);
	s.mark_dead = 0;
	assert_int_equal(plot_layout(&s, &g), 0);
	text = render(&g);
	assert_null(strstr(text, "zero gradient"));
	assert_null(strchr(text, '='));
	free(text);
	plot_grid_free(&g);
}

/* Several curves without colour get one glyph each; with colour, braille
 * with a swatch in the legend; in ASCII, nothing beyond ASCII. */
static void test_glyphs_and_legend(void **state)
{
	(void)state;
	static const char *const names[] = {"relu", "leaky", "elu"};
	struct plot_grid g;
	struct plot_spec s = spec_of(names, 3, 80, 24, true, false);
	assert_int_equal(plot_layout(&s, &g), 0);
	char *text = render(&g);
	assert_non_null(strstr(text, "* relu  + leaky  o elu"));
	assert_non_null(strchr(text, '+'));
	assert_null(strstr(text, "\xe2\xa0")); /* no braille (U+28xx) */
	free(text);
	plot_grid_free(&g);

	s = spec_of(names, 3, 80, 24, true, true);
	assert_int_equal(plot_layout(&s, &g), 0);
	text = render(&g);
	assert_non_null(strstr(text, "\xe2\x94\x80\xe2\x94\x80 relu"));
	assert_true(strstr(text, "\xe2\xa0") || strstr(text, "\xe2\xa1") || strstr(text, "\xe2\xa2") ||
	            strstr(text, "\xe2\xa3"));
	free(text);
	plot_grid_free(&g);

	s = spec_of(names, 3, 60, 16, false, false);
	assert_int_equal(plot_layout(&s, &g), 0);
	text = render(&g);
	for (char *p = text; *p; p++)
		if ((unsigned char)*p >= 0x80)
			fail_msg("non-ASCII byte in an ASCII plot");
	free(text);
	plot_grid_free(&g);
}

/* A legend too long for one line wraps, then says how many are left out. */
static void test_long_legend(void **state)
{
	(void)state;
	static const char *const names[] = {"hardsigmoid", "logsigmoid", "tanhshrink", "softshrink"};
	struct plot_grid g;
	struct plot_spec s = spec_of(names, 4, 30, 24, true, true);
	assert_int_equal(plot_layout(&s, &g), 0);
	char *text = render(&g);
	assert_non_null(strstr(text, "hardsigmoid"));
	assert_non_null(strstr(text, "\n      \xe2\x94\x80\xe2\x94\x80 logsigmoid"));
	/* 24 rows: a row each, every label whole */
	assert_non_null(strstr(text, "\n      \xe2\x94\x80\xe2\x94\x80 softshrink"));
	assert_null(strstr(text, "more"));
	free(text);
	plot_grid_free(&g);
	/* 14 rows: two rows of legend, the rest counted */
	s = spec_of(names, 4, 30, 14, true, true);
	assert_int_equal(plot_layout(&s, &g), 0);
	text = render(&g);
	assert_non_null(strstr(text, "\n      \xe2\x94\x80\xe2\x94\x80 logsigmoid"));
	assert_non_null(strstr(text, "+2 more"));
	free(text);
	plot_grid_free(&g);
}

/* Every size is survived; below the minimum a notice, above it a plot
 * whose rows and columns stay inside the grid. */
static void test_all_sizes(void **state)
{
	(void)state;
	static const char *const names[] = {"relu", "hardshrink"};
	for (int w = 1; w <= 130; w += (w < 30 ? 1 : 7)) {
		for (int h = 1; h <= 60; h += (h < 14 ? 1 : 5)) {
			for (int mode = 0; mode < 4; mode++) {
				struct plot_spec s = spec_of(names, 1 + mode % 2, w, h, mode < 2, mode == 1);
				struct plot_grid g;
				assert_int_equal(plot_layout(&s, &g), 0);
				assert_int_equal(g.w, w);
				assert_int_equal(g.h, h);
				if (w >= PLOT_MIN_W && h >= PLOT_MIN_H) {
					assert_true(g.canvas_x >= 2);
					assert_true(g.canvas_x + g.canvas_w <= w);
					for (int k = 0; k < g.npanels; k++)
						assert_true(g.panel[k].top + g.panel[k].rows <= h - 2);
				}
				plot_grid_free(&g);
			}
		}
	}
}

/* Ranges far from 1 still get round, readable ticks, and constant or
 * non-finite values do not break the layout. */
static void test_odd_ranges(void **state)
{
	(void)state;
	static const char *const names[] = {"relu"};
	struct plot_spec s = spec_of(names, 1, 80, 24, true, false);
	struct plot_grid g;
	double ranges[][2] = {{-1e-9, 1e-9}, {0, 1e308}, {-1e308, 0}, {-5, -3}, {1e6, 1e6 + 1}};
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
		s.xlo = ranges[i][0];
		s.xhi = ranges[i][1];
		assert_int_equal(plot_layout(&s, &g), 0);
		char *text = render(&g);
		assert_null(strstr(text, "nan"));
		assert_null(strstr(text, "inf"));
		free(text);
		plot_grid_free(&g);
	}
	/* a fixed y range clips the curve instead of failing */
	s.xlo = -3;
	s.xhi = 3;
	s.ylo[0] = 0.5;
	s.yhi[0] = 1;
	assert_int_equal(plot_layout(&s, &g), 0);
	assert_true(g.panel[0].ylo == 0.5 && g.panel[0].yhi == 1);
	plot_grid_free(&g);
}

/* A jump of f (hardshrink at +-0.5) leaves a gap: no dot between the
 * left limit 0 and the right limit 0.5 at the jump's column. */
static void test_jump_in_f(void **state)
{
	(void)state;
	struct canvas cv;
	assert_int_equal(canvas_init(&cv, 10, 3, true), 0);
	canvas_line(&cv, 0, 0, 19, 11, 0);
	int curve;
	assert_int_equal(canvas_cell(&cv, 0, 0, &curve), 0x2800 + 0x01 + 0x10); /* dots (0,0), (1,1) */
	assert_int_equal(curve, 0);
	canvas_free(&cv);

	static const char *const names[] = {"hardshrink"};
	struct plot_spec s = spec_of(names, 1, 80, 24, false, false);
	struct plot_grid g;
	assert_int_equal(plot_layout(&s, &g), 0);
	/* x = 0.5 maps to this column; the rows between y = 0 and y = 0.5
	 * there hold no '*' */
	const struct plot_panel *p = &g.panel[0];
	int col = g.canvas_x + (int)lround((0.5 + 3) / 6 * (g.canvas_w - 1));
	int row_half = (int)lround((p->yhi - 0.5) / (p->yhi - p->ylo) * (p->rows - 1));
	int row_zero = (int)lround((p->yhi - 0) / (p->yhi - p->ylo) * (p->rows - 1));
	for (int r = row_half + 1; r < row_zero; r++)
		if (cell(&g, p->top + r, col) == '*' && cell(&g, p->top + r, col + 1) == '*')
			fail_msg("hardshrink joined across its jump at row %d", r);
	plot_grid_free(&g);
}

/* Histogram bars: in ASCII whole rows, to the nearest, never a blank for
 * a bin that holds something; with blocks, the same height in eighths. */
static void test_histogram(void **state)
{
	(void)state;
	static const long count[] = {50, 25, 10, 2, 0, 13};
	for (int unicode = 0; unicode <= 1; unicode++) {
		struct plot_hist h = {.title = "t", .xlabel = "x", .count = count, .bins = 6,
		                      .lo = 0, .hi = 6, .unicode = unicode, .width = 40, .height = 14};
		struct plot_grid g;
		assert_int_equal(plot_histogram(&h, &g), 0);
		int per = g.canvas_w / 6;
		double eighths_per_share = g.panel[0].rows * 8 / g.panel[0].yhi;
		for (int b = 0; b < 6; b++) {
			int col = g.canvas_x + b * per, eighths = 0;
			for (int r = 0; r < g.h - 3; r++) {
				uint32_t ch = cell(&g, r, col);
				if (ch == '#' || ch == 0x2588)
					eighths += 8;
				else if (ch > 0x2580 && ch < 0x2588)
					eighths += (int)(ch - 0x2580);
			}
			double want = count[b] / 100.0 * eighths_per_share;
			if (count[b] == 0)
				assert_int_equal(eighths, 0);
			else if (!unicode) /* the smallest shows as one row */
				assert_true(want < 4 ? eighths == 8 : fabs(eighths - want) <= 4 + 1e-9);
			else
				assert_true(eighths >= 1 && fabs(eighths - want) < 1 + 1e-9);
		}
		plot_grid_free(&g);
	}
}

/* Narrow bars fill the width (40 bins over 80 columns: not 40 columns of
 * one); without a label under it the axis moves down and the bars get
 * the row. */
static void test_histogram_width(void **state)
{
	(void)state;
	long count[40];
	for (int b = 0; b < 40; b++)
		count[b] = 40 - b;
	for (int labelled = 0; labelled <= 1; labelled++) {
		struct plot_hist h = {.title = "t", .xlabel = labelled ? "x" : NULL, .count = count,
		                      .bins = 40, .lo = 0, .hi = 40, .unicode = true, .width = 80,
		                      .height = 12};
		struct plot_grid g;
		assert_int_equal(plot_histogram(&h, &g), 0);
		assert_true(g.canvas_x + g.canvas_w >= 78);
		int bottom = g.panel[0].top + g.panel[0].rows - 1, last = 0;
		for (int c = 0; c < g.w; c++)
			if (cell(&g, bottom, c) == 0x2588 || (cell(&g, bottom, c) > 0x2580 && cell(&g, bottom, c) < 0x2588))
				last = c;
		assert_true(last >= 77);
		/* the axis right under the bars, its labels under it */
		assert_int_equal(cell(&g, bottom + 1, g.canvas_x - 1), 0x2514);
		assert_int_equal(g.panel[0].rows, labelled ? 8 : 9);
		plot_grid_free(&g);
	}
	/* a title wider than the grid: cut, and it says so */
	for (int unicode = 0; unicode <= 1; unicode++) {
		struct plot_hist h = {.title = "relu: distribution of f(z)", .xlabel = "f(z)",
		                      .count = count, .bins = 40, .lo = 0, .hi = 40,
		                      .unicode = unicode, .width = 20, .height = 10};
		struct plot_grid g;
		assert_int_equal(plot_histogram(&h, &g), 0);
		if (unicode) {
			assert_int_equal(cell(&g, 0, 19), 0x2026);
			assert_int_equal(cell(&g, 0, 17), 'n');
		} else {
			assert_int_equal(cell(&g, 0, 16), 'o');
			assert_int_equal(cell(&g, 0, 17), '.');
			assert_int_equal(cell(&g, 0, 19), '.');
		}
		plot_grid_free(&g);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ticks),
		cmocka_unit_test(test_tick_labels),
		cmocka_unit_test(test_relu_layout),
		cmocka_unit_test(test_dead_zone_marked),
		cmocka_unit_test(test_glyphs_and_legend),
		cmocka_unit_test(test_long_legend),
		cmocka_unit_test(test_all_sizes),
		cmocka_unit_test(test_odd_ranges),
		cmocka_unit_test(test_jump_in_f),
		cmocka_unit_test(test_histogram),
		cmocka_unit_test(test_histogram_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
