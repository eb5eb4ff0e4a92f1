/* test_screen.c: the full-screen layout at every size, the figures panel's
 * text, and the parameter steps of the sweep keys; no terminal needed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "screen.h"

static bool inside(const struct rect *r, int cols, int rows)
{
	return r->x >= 0 && r->y >= 0 && r->w >= 0 && r->h >= 0 && r->x + r->w <= cols &&
	       r->y + r->h <= rows;
}

static bool overlap(const struct rect *a, const struct rect *b)
{
	if (a->w == 0 || a->h == 0 || b->w == 0 || b->h == 0)
		return false;
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Every size from 1x1 up: rectangles inside the screen, never overlapping,
 * the prompt always on the last row; from 40x12 a plot of at least 40x8. */
static void test_every_size(void **state)
{
	(void)state;
	for (int cols = 1; cols <= 260; cols += cols < 50 ? 1 : 9) {
		for (int rows = 1; rows <= 90; rows += rows < 30 ? 1 : 7) {
			for (int n = 1; n <= 16; n += 5) {
				struct screen_layout L;
				struct screen_want want = {.ncurves = n};
				screen_layout(cols, rows, &want, &L);
				const struct rect *r[] = {&L.title, &L.plot, &L.figures, &L.messages, &L.prompt};
				for (int i = 0; i < 5; i++) {
					if (!inside(r[i], cols, rows))
						fail_msg("%dx%d: rect %d outside", cols, rows, i);
					for (int j = i + 1; j < 5; j++)
						if (overlap(r[i], r[j]))
							fail_msg("%dx%d: rects %d and %d overlap", cols, rows, i, j);
				}
				assert_int_equal(L.prompt.y, rows - 1);
				assert_int_equal(L.prompt.h, 1);
				bool small = cols < SCREEN_MIN_W || rows < SCREEN_MIN_H;
				assert_int_equal(L.too_small, small);
				if (!small) {
					assert_true(L.plot.h >= 8);
					assert_true(L.plot.w >= (L.figures_beside ? 50 : 40));
					assert_true(L.messages.h >= 2);
				}
			}
		}
	}
}

static void test_placements(void **state)
{
	(void)state;
	struct screen_layout L;
	screen_layout(40, 12, &(struct screen_want){.ncurves = 1}, &L); /* the smallest: plot, 2 message rows */
	assert_false(L.too_small);
	assert_int_equal(L.plot.w, 40);
	assert_int_equal(L.plot.h, 8);
	assert_int_equal(L.figures.h, 0);
	assert_int_equal(L.messages.h, 2);
	screen_layout(39, 12, &(struct screen_want){.ncurves = 1}, &L);
	assert_true(L.too_small);
	screen_layout(40, 11, &(struct screen_want){.ncurves = 1}, &L);
	assert_true(L.too_small);

	screen_layout(120, 40, &(struct screen_want){.ncurves = 3}, &L); /* wide: figures beside */
	assert_true(L.figures_beside);
	assert_int_equal(L.figures.x, L.plot.w + 1);
	assert_int_equal(L.figures.h, L.plot.h);

	screen_layout(80, 50, &(struct screen_want){.ncurves = 2}, &L); /* narrow and tall: figures under the plot */
	assert_false(L.figures_beside);
	assert_true(L.figures.h >= 2 * SCREEN_FIGURE_LINES);
	assert_int_equal(L.figures.y, L.plot.y + L.plot.h);

	screen_layout(80, 24, &(struct screen_want){.ncurves = 3}, &L); /* narrow and short: the plot first */
	assert_int_equal(L.figures.h, 0);
	assert_int_equal(L.plot.h, 24 - 2 - L.messages.h);
}

static void test_figures_text(void **state)
{
	(void)state;
	struct actfn_curve c;
	actfn_curve_default(&c, actfn_lookup("relu", 4));
	struct range w = {-3, 3, 0, 0};
	struct stats_figures f;
	stats_exact(&c, &stats_std_normal, &f);
	double dead, lo, hi;
	stats_window(&c, w.lo, w.hi, &dead, &lo, &hi);
	char text[SCREEN_FIGURE_LINES][SCREEN_LINE];
	screen_figures(&c, "relu", &w, dead, lo, hi, &f, text);
	assert_string_equal(text[0], "relu");
	assert_string_equal(text[1], "f = max(0, x)");
	assert_string_equal(text[2], "on -3..3: f in [0, 3]");
	assert_string_equal(text[3], "f' = 0 on 50% of it; f'(0) = 0, as PyTorch");
	assert_string_equal(text[4], "N(0,1): zero 50%, dead 50%, mean 0.399");

	actfn_curve_default(&c, actfn_lookup("leaky", 5));
	c.p[0] = 0.1;
	stats_exact(&c, &stats_std_normal, &f);
	stats_window(&c, w.lo, w.hi, &dead, &lo, &hi);
	screen_figures(&c, "leaky 0.1", &w, dead, lo, hi, &f, text);
	assert_string_equal(text[1], "f = x if x > 0, else 0.1*x");
	assert_string_equal(text[2], "on -3..3: f in [-0.3, 3]");
	assert_string_equal(text[3], "f' = 0 on 0% of it; f'(0) = 0.1, as PyTorch");
	assert_string_equal(text[4], "N(0,1): zero 0%, dead 0%, mean 0.359");

	/* a mean within the quadrature's error of 0 shows as 0 */
	actfn_curve_default(&c, actfn_lookup("tanh", 4));
	stats_exact(&c, &stats_std_normal, &f);
	screen_figures(&c, "tanh", &w, 0, -1, 1, &f, text);
	assert_string_equal(text[4], "N(0,1): zero 0%, dead 0%, mean 0");
}

/* The teacher's sweep: leaky's slope from 0 to 0.3 in steps that land on
 * round values, and the domains respected on the way. */
static void test_parameter_steps(void **state)
{
	(void)state;
	struct actfn_curve c;
	char why[128];
	actfn_curve_default(&c, actfn_lookup("leaky", 5));
	assert_int_equal(screen_step_param(&c, -1, false, why, sizeof why), 0);
	assert_true(c.p[0] == 0);
	for (int i = 0; i < 30; i++)
		assert_int_equal(screen_step_param(&c, 1, false, why, sizeof why), 0);
	assert_true(c.p[0] == 0.3);
	assert_int_equal(screen_step_param(&c, 1, true, why, sizeof why), 0);
	assert_true(c.p[0] == 0.4);

	actfn_curve_default(&c, actfn_lookup("softplus", 8)); /* beta > 0 */
	for (int i = 0; i < 9; i++)
		assert_int_equal(screen_step_param(&c, -1, false, why, sizeof why), 0);
	assert_true(c.p[0] == 0.1);
	assert_int_equal(screen_step_param(&c, -1, false, why, sizeof why), -1);
	assert_non_null(strstr(why, "beta must be > 0"));
	assert_true(c.p[0] == 0.1);

	actfn_curve_default(&c, actfn_lookup("softshrink", 10)); /* lambd >= 0: reaches 0 */
	assert_int_equal(screen_step_param(&c, -1, true, why, sizeof why), 0);
	assert_true(c.p[0] == 0);
	assert_int_equal(screen_step_param(&c, -1, false, why, sizeof why), -1);

	actfn_curve_default(&c, actfn_lookup("hardtanh", 8)); /* min_val < max_val */
	for (int i = 0; i < 19; i++)
		assert_int_equal(screen_step_param(&c, 1, false, why, sizeof why), 0);
	assert_true(fabs(c.p[0] - 0.9) < 1e-15);
	assert_int_equal(screen_step_param(&c, 1, false, why, sizeof why), -1);
	assert_non_null(strstr(why, "min_val must be less than max_val"));

	actfn_curve_default(&c, actfn_lookup("gelu", 4)); /* a choice cycles */
	assert_int_equal(screen_step_param(&c, 1, false, why, sizeof why), 0);
	assert_true(c.p[0] == 1);
	assert_int_equal(screen_step_param(&c, 1, false, why, sizeof why), 0);
	assert_true(c.p[0] == 0);

	actfn_curve_default(&c, actfn_lookup("relu", 4));
	assert_int_equal(screen_step_param(&c, 1, false, why, sizeof why), -1);
	assert_string_equal(why, "relu has no parameter to change");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_placements),
		cmocka_unit_test(test_figures_text),
		cmocka_unit_test(test_parameter_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
