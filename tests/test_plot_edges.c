/* test_plot_edges.c: plots at the edges of what they are given: the widest
 * plot (ticks that never collide), tick requests past the limits, labels
 * of extreme steps, data that is all NaN or has no derivative, more
 * curves than colours, and empty histograms. */
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
#include "out.h"
#include "plot.h"
#include "render_text.h"

static struct actfn_curve fns[4];
static struct plot_curve curves[4];

static struct plot_spec spec_of(const char *const *names, int n, int w, int h)
{
	for (int i = 0; i < n; i++) {
		actfn_curve_default(&fns[i], actfn_lookup(names[i], strlen(names[i])));
		curves[i].fn = &fns[i];
		curves[i].label = names[i];
	}
	return (struct plot_spec){.curve = curves, .ncurves = n, .xlo = -3, .xhi = 3,
	                          .samples = 201, .width = w, .height = h, .braille = true,
	                          .color = false, .colors = 8, .deriv = true, .mark_dead = -1,
	                          .ylo = {NAN, NAN}, .yhi = {NAN, NAN}};
}

static char *render(const struct plot_grid *g)
{
	struct out o;
	out_init_mem(&o, 0);
	render_text(&o, g, NULL);
	return o.buf;
}

/* The n-th line of text (0 first), copied. */
static char *line_of(const char *text, int n)
{
	for (int i = 0; i < n; i++)
		text = strchr(text, '\n') + 1;
	const char *nl = strchr(text, '\n');
	size_t len = nl ? (size_t)(nl - text) : strlen(text);
	char *s = malloc(len + 1);
	memcpy(s, text, len);
	s[len] = '\0';
	return s;
}

static void test_widest_plot(void **state)
{
	(void)state;
	static const char *const names[] = {"relu"};
	struct plot_spec s = spec_of(names, 1, 1000, 10);
	struct plot_grid g;
	assert_int_equal(plot_layout(&s, &g), 0);
	char *text = render(&g);
	/* the x labels: many, each a number on the range, two blanks apart
	 * at least, and in order */
	char *labels = line_of(text, g.h - 1);
	assert_true(strlen(labels) <= 1000);
	int n = 0;
	double prev = -INFINITY;
	for (char *p = labels; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *end;
		double v = strtod(p, &end);
		assert_true(end > p);
		assert_true(v >= -3 && v <= 3 && v > prev);
		prev = v;
		n++;
		if (*end) {
			assert_true(end[0] == ' ' && end[1] == ' ');
		}
		p = end;
	}
	assert_true(n >= 13 && n <= 64);
	free(labels);
	free(text);
	plot_grid_free(&g);
}

static void test_tick_limits(void **state)
{
	(void)state;
	double t[64], step;
	/* fewer than one asked: one at most; more than can be: 64 at most */
	assert_true(plot_ticks(0, 1000, 0, t, &step) <= 1);
	assert_true(plot_ticks(0, 1000, -5, t, &step) <= 1);
	int n = plot_ticks(0, 1000, 5000, t, &step);
	assert_true(n > 1 && n <= 64);
	for (int i = 1; i < n; i++)
		assert_true(t[i] > t[i - 1]);
	/* a range without a width has none */
	assert_int_equal(plot_ticks(0, INFINITY, 5, t, &step), 0);
	assert_int_equal(plot_ticks(NAN, 1, 5, t, &step), 0);
	assert_int_equal(plot_ticks(2, 1, 5, t, &step), 0);
}

static void test_label_digits(void **state)
{
	(void)state;
	char buf[40];
	/* a step finer than a double can tell: 17 digits, which read back */
	plot_tick_label(0.1, 1e-300, buf, sizeof buf);
	assert_true(strtod(buf, NULL) == 0.1);
	assert_true(strlen(buf) <= 20);
	/* a coarse step on a big value: its digits, no more */
	plot_tick_label(1e20, 1e19, buf, sizeof buf);
	assert_true(strtod(buf, NULL) == 1e20);
	plot_tick_label(123456, 100000, buf, sizeof buf);
	assert_string_equal(buf, "123456");
	/* a buffer too small keeps what fits, terminated */
	int len = plot_tick_label(-123456.5, 0.5, buf, 5);
	assert_int_equal(len, 4);
	assert_int_equal(strlen(buf), 4);
}

/* Given data, as sweep and train draw it. */
static void test_series(void **state)
{
	(void)state;
	double x[5] = {1, 2, 3, 4, 5};
	double nan5[5] = {NAN, NAN, NAN, NAN, NAN};
	double y[5] = {0.1, 0.4, 0.2, 0.8, 0.5};
	struct plot_curve c[2] = {{.y = {nan5, y}, .label = "diverged"}, {.y = {y, NULL}, .label = "ok"}};
	struct plot_spec s = {.curve = c, .ncurves = 2, .xlo = 1, .xhi = 5, .samples = 5, .width = 200,
	                      .height = 16, .braille = true, .deriv = true, .mark_dead = -1,
	                      .ylo = {NAN, NAN}, .yhi = {NAN, NAN}, .series_x = x,
	                      .title = {"top", "bottom"}, .x_whole = true};
	struct plot_grid g;
	assert_int_equal(plot_layout(&s, &g), 0);
	for (int k = 0; k < 2; k++)
		assert_true(isfinite(g.panel[k].ylo) && isfinite(g.panel[k].yhi) && g.panel[k].ylo < g.panel[k].yhi);
	char *text = render(&g);
	assert_non_null(strstr(text, "top"));
	assert_non_null(strstr(text, "bottom"));
	/* steps are whole: no fractional x label */
	char *labels = line_of(text, g.h - 1);
	assert_null(strchr(labels, '.'));
	free(labels);
	free(text);
	plot_grid_free(&g);

	/* all NaN in both panels: still a plot, on a default range */
	c[0].y[1] = nan5;
	s.ncurves = 1;
	assert_int_equal(plot_layout(&s, &g), 0);
	assert_true(g.panel[0].ylo < 0 && g.panel[0].yhi > 0);
	plot_grid_free(&g);
}

static void test_more_curves_than_colours(void **state)
{
	(void)state;
	static const char *const names[] = {"relu", "leaky", "elu"};
	struct plot_spec s = spec_of(names, 3, 60, 16);
	s.color = true;
	s.colors = 2; /* a terminal with two curve colours */
	struct plot_grid g;
	assert_int_equal(plot_layout(&s, &g), 0);
	char *text = render(&g);
	assert_non_null(strstr(text, "f(x)  * relu  + leaky  o elu"));
	assert_null(strstr(text, "\xe2\xa0")); /* no braille: glyphs */
	free(text);
	plot_grid_free(&g);
	/* as many colours as curves: braille, told apart by colour */
	s.colors = 8;
	assert_int_equal(plot_layout(&s, &g), 0);
	text = render(&g);
	assert_null(strstr(text, "* relu"));
	assert_non_null(strstr(text, "\xe2\xa0"));
	free(text);
	plot_grid_free(&g);
}

static void test_empty_histogram(void **state)
{
	(void)state;
	long count[4] = {0, 0, 0, 0};
	struct plot_hist h = {.title = "nothing counted", .xlabel = "f(z)", .count = count, .bins = 4,
	                      .lo = 0, .hi = 1, .unicode = true, .width = 40, .height = 10};
	struct plot_grid g;
	assert_int_equal(plot_histogram(&h, &g), 0);
	char *text = render(&g);
	assert_non_null(strstr(text, "nothing counted"));
	assert_non_null(strstr(text, "0%"));
	for (uint32_t b = 0x2581; b <= 0x2588; b++) { /* no bar at all */
		char enc[4] = {(char)0xe2, (char)0x96, (char)(0x80 | (b & 0x3f)), 0};
		assert_null(strstr(text, enc));
	}
	free(text);
	plot_grid_free(&g);
	/* a histogram wider than its room: bars merged, the grid as given */
	long many[300];
	for (int i = 0; i < 300; i++)
		many[i] = i % 7;
	h.count = many;
	h.bins = 300;
	h.unicode = false;
	assert_int_equal(plot_histogram(&h, &g), 0);
	assert_int_equal(g.w, 40);
	text = render(&g);
	assert_non_null(strchr(text, '#'));
	free(text);
	plot_grid_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widest_plot),
		cmocka_unit_test(test_tick_limits),
		cmocka_unit_test(test_label_digits),
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_more_curves_than_colours),
		cmocka_unit_test(test_empty_histogram),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
