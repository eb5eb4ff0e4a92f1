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

#include "plot.h"
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
				const struct rect *r[] = {&L.title,    &L.plot,   &L.figures,
				                          &L.messages, &L.prompt, &L.strip};
				for (int i = 0; i < 6; i++) {
					if (!inside(r[i], cols, rows))
						fail_msg("%dx%d: rect %d outside", cols, rows, i);
					for (int j = i + 1; j < 6; j++)
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

/* The same with the messages grown, dead's figures, a picture: still
 * inside and apart, and a plot, where there is one, of PLOT_MIN_H rows. */
static void test_every_size_grown(void **state)
{
	(void)state;
	for (int cols = SCREEN_MIN_W; cols <= 260; cols += cols < 50 ? 1 : 9) {
		for (int rows = SCREEN_MIN_H; rows <= 90; rows += rows < 30 ? 1 : 7) {
			struct screen_want wants[] = {
				{.ncurves = 3, .msg_rows = 40},
				{.ncurves = 1, .msg_rows = 20, .stats = true, .card_h = 10, .beside_h = 40},
				{.ncurves = 1, .msg_rows = 20, .stats = true, .card_h = 10, .beside_h = 5},
				{.ncurves = 1, .msg_rows = 3, .picture_h = screen_picture_rows(rows)},
			};
			for (size_t k = 0; k < sizeof wants / sizeof *wants; k++) {
				struct screen_layout L;
				screen_layout(cols, rows, &wants[k], &L);
				const struct rect *r[] = {&L.title,    &L.plot,   &L.figures,
				                          &L.messages, &L.prompt, &L.strip};
				for (int i = 0; i < 6; i++) {
					if (!inside(r[i], cols, rows))
						fail_msg("%dx%d want %zu: rect %d outside", cols, rows, k, i);
					for (int j = i + 1; j < 6; j++)
						if (overlap(r[i], r[j]))
							fail_msg("%dx%d want %zu: rects %d and %d overlap", cols, rows, k, i, j);
				}
				assert_int_equal(L.prompt.y, rows - 1);
				assert_true(L.messages.h >= 2);
				assert_int_equal(L.messages.y + L.messages.h, rows - 1);
				if (!L.card || L.plot.h > 0)
					assert_true(L.plot.h >= PLOT_MIN_H);
				if (L.card)
					assert_true(L.figures.h > 0);
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
	/* long messages: half of the screen; in a lesson, down to the plot's least */
	screen_layout(80, 24, &(struct screen_want){.ncurves = 1, .msg_rows = 14}, &L);
	assert_int_equal(L.messages.h, 11);
	screen_layout(80, 24, &(struct screen_want){.ncurves = 1, .msg_rows = 12, .lesson = true}, &L);
	assert_int_equal(L.messages.h, 13);
	screen_layout(80, 24, &(struct screen_want){.ncurves = 1, .msg_rows = 40, .lesson = true}, &L);
	assert_int_equal(L.plot.h, PLOT_MIN_H);
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
	/* the selected curve's figures on two rows under it */
	assert_int_equal(L.strip.h, 2);
	assert_int_equal(L.strip.y, L.plot.y + L.plot.h);
	assert_int_equal(L.plot.h, 24 - 2 - L.messages.h - L.strip.h);
}

/* The messages grow to show the last command whole, taking rows from the
 * plot up to half of the screen, from dead's card down to its rows; a
 * picture keeps its rows. */
static void test_messages_grow(void **state)
{
	(void)state;
	struct screen_layout L;
	screen_layout(80, 24, &(struct screen_want){.ncurves = 1}, &L);
	assert_int_equal(L.messages.h, 4); /* a fifth: the rule and 3 rows */
	/* relu at -1, 0, 1, 2: its echo, a header and four rows */
	screen_layout(80, 24, &(struct screen_want){.ncurves = 1, .msg_rows = 6}, &L);
	assert_int_equal(L.messages.h, 7);
	assert_int_equal(L.messages.y + L.messages.h, 23);
	assert_true(L.plot.h >= PLOT_MIN_H);
	/* help: more than half, so half, the rest scrolled */
	screen_layout(80, 24, &(struct screen_want){.ncurves = 1, .msg_rows = 23}, &L);
	assert_int_equal(L.messages.h, 11);
	/* dead at 80 columns: its card in the plot's place, whole */
	screen_layout(80, 24, &(struct screen_want){.ncurves = 1, .msg_rows = 12, .stats = true, .card_h = 8}, &L);
	assert_true(L.card);
	assert_int_equal(L.plot.h, 0);
	assert_true(L.figures.h >= 8);
	assert_int_equal(L.messages.h, 13);
	/* wide: beside the plot where they fit, across where they don't */
	struct screen_want w = {.ncurves = 1, .msg_rows = 9, .stats = true, .card_h = 7, .beside_h = 13};
	screen_layout(100, 30, &w, &L);
	assert_false(L.card);
	assert_true(L.figures_beside);
	w.beside_h = 19;
	screen_layout(100, 30, &w, &L);
	assert_true(L.card);
	assert_int_equal(L.figures.w, 100);
	/* the plot under the card, a blank row between, where it keeps 10 */
	assert_int_equal(L.figures.h, 8);
	assert_int_equal(L.plot.y, L.figures.y + 8);
	assert_true(L.plot.h >= 10);
	/* a picture of 16 rows keeps them */
	screen_layout(100, 30, &(struct screen_want){.ncurves = 1, .msg_rows = 2, .picture_h = 16}, &L);
	assert_int_equal(L.plot.h, 16);
	assert_int_equal(L.plot.w, 100);
	assert_int_equal(screen_picture_rows(24), 13);
	assert_int_equal(screen_picture_rows_most(24), 18);
}

/* Cut text says so; wrapped text breaks after a clause where it can, and
 * a table's continuation hangs under its second column. */
static void test_fit_and_wrap(void **state)
{
	(void)state;
	char buf[64];
	assert_false(screen_fit("relu on -3..3", 13, true, buf, sizeof buf));
	assert_string_equal(buf, "relu on -3..3");
	assert_true(screen_fit("relu, leaky 0.1", 10, true, buf, sizeof buf));
	assert_string_equal(buf, "relu, lea\u2026");
	assert_true(screen_fit("relu, leaky 0.1", 10, false, buf, sizeof buf));
	assert_string_equal(buf, "relu, l...");
	assert_true(screen_fit("relu ", 3, true, buf, sizeof buf));
	assert_string_equal(buf, "re\u2026");

	const char *s = "f' = 0 on 50% of it; f'(0) = 0, as PyTorch";
	size_t next, n = screen_wrap(s, 28, &next);
	assert_int_equal(n, strlen("f' = 0 on 50% of it;"));
	assert_string_equal(s + next, "f'(0) = 0, as PyTorch");
	assert_int_equal(screen_wrap_rows(s, 28), 2);
	assert_int_equal(screen_wrap_rows(s, 80), 1);
	n = screen_wrap("abcdefghij", 4, &next); /* no space: cut where the row ends */
	assert_int_equal(n, 4);
	assert_int_equal(next, 4);

	assert_int_equal(screen_wrap_indent("  relu        plot ReLU and its derivative", 80), 14);
	assert_int_equal(screen_wrap_indent("ReLU(x) = max(0, x) has derivative 1", 80), SCREEN_WRAP_INDENT);
	/* a second column past half the row: the usual indent */
	assert_int_equal(screen_wrap_indent("  relu                                      plot", 60),
	                 SCREEN_WRAP_INDENT);
}

/* The title: every curve while they fit, else the selected one kept and
 * the others counted. */
static void test_title(void **state)
{
	(void)state;
	const char *labels[] = {"relu", "leaky 0.1", "elu", "gelu tanh"};
	char buf[256];
	screen_title(labels, 4, 3, ">", "-4..2", 80, buf, sizeof buf);
	assert_string_equal(buf, "relu, leaky 0.1, elu, >gelu tanh on -4..2");
	screen_title(labels, 4, 3, ">", "-4..2", 34, buf, sizeof buf);
	assert_string_equal(buf, "relu, >gelu tanh, +2 more on -4..2");
	screen_title(labels, 4, 3, ">", "-4..2", 30, buf, sizeof buf);
	assert_string_equal(buf, ">gelu tanh, +3 more on -4..2");
	screen_title(labels, 1, 0, ">", "-3..3", 30, buf, sizeof buf);
	assert_string_equal(buf, "relu on -3..3"); /* one curve: no mark */
}

/* The pane of figures scrolls to the selected curve, whole. */
static void test_figures_window(void **state)
{
	(void)state;
	int h[4] = {7, 7, 7, 7}, first, last;
	screen_figures_window(h, 4, 0, 30, &first, &last);
	assert_int_equal(first, 0);
	assert_int_equal(last, 4);
	screen_figures_window(h, 4, 0, 18, &first, &last);
	assert_int_equal(first, 0);
	assert_int_equal(last, 2);
	for (int sel = 0; sel < 4; sel++) {
		screen_figures_window(h, 4, sel, 18, &first, &last);
		assert_true(first <= sel && sel < last);
		/* rows: "N above", the curves, "+N more" */
		int used = (first > 0) + (last < 4);
		for (int i = first; i < last; i++)
			used += h[i];
		assert_true(used - 1 <= 18);
	}
	screen_figures_window(h, 4, 3, 5, &first, &last); /* taller than the pane: it alone */
	assert_int_equal(first, 3);
	assert_int_equal(last, 4);
}

/* dead's card: every figure whole within its column, none cut. */
static void test_card(void **state)
{
	(void)state;
	const char *labels[] = {"relu", "leaky", "elu"};
	const char *names[] = {"relu", "leaky", "elu"};
	struct stats_figures f[3];
	for (int i = 0; i < 3; i++) {
		struct actfn_curve c;
		actfn_curve_default(&c, actfn_lookup(names[i], strlen(names[i])));
		assert_int_equal(stats_exact(&c, &stats_std_normal, &f[i]), 0);
	}
	for (int width = 40; width <= 120; width += 40) {
		struct screen_text txt[64];
		int rows, n = screen_card(labels, f, 3, "normal(0, 1)", width, txt, 64, &rows);
		assert_true(n > 3 * 5);
		char all[4096] = "";
		for (int k = 0; k < n; k++) {
			assert_true(txt[k].col + (int)strlen(txt[k].s) <= width);
			assert_true((int)strlen(txt[k].s) <= txt[k].w);
			assert_true(txt[k].row < rows);
			strcat(all, txt[k].s);
			strcat(all, " ");
		}
		assert_non_null(strstr(all, "dead 50%, zero 50%"));
		assert_non_null(strstr(all, "E f'^2 0.6681"));
		assert_non_null(strstr(all, "error < 7.6e-14"));
	}
}

/* The strip under a narrow plot: the teaching figures first. */
static void test_strip(void **state)
{
	(void)state;
	struct actfn_curve c;
	actfn_curve_default(&c, actfn_lookup("relu", 4));
	struct range w = {-3, 3, 0, 0};
	struct stats_figures f;
	stats_exact(&c, &stats_std_normal, &f);
	double dead, lo, hi;
	stats_window(&c, w.lo, w.hi, &dead, &lo, &hi);
	char text[SCREEN_FIGURE_LINES][SCREEN_LINE], line[1024];
	screen_figures(&c, "relu", &w, dead, lo, hi, &f, text);
	screen_strip((const char(*)[SCREEN_LINE])text, line, sizeof line);
	assert_string_equal(line, "relu: f' = 0 on 50% of it; f'(0) = 0, as PyTorch; N(0,1): zero 50%, "
	                          "dead 50%, mean 0.399; f = max(0, x); on -3..3: f in [0, 3]");
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

	/* kinks in the window, each with f' there as PyTorch has it */
	actfn_curve_default(&c, actfn_lookup("relu6", 5));
	struct range wide = {-3, 8, 0, 0};
	stats_exact(&c, &stats_std_normal, &f);
	stats_window(&c, wide.lo, wide.hi, &dead, &lo, &hi);
	screen_figures(&c, "relu6", &wide, dead, lo, hi, &f, text);
	assert_non_null(strstr(text[3], "; f'(0) = 0, f'(6) = 0, as PyTorch"));
	screen_figures(&c, "relu6", &w, dead, lo, hi, &f, text); /* 6 out of -3..3 */
	assert_non_null(strstr(text[3], "; f'(0) = 0, as PyTorch"));
	assert_null(strstr(text[3], "f'(6)"));
	actfn_curve_default(&c, actfn_lookup("elu", 3)); /* alpha 1: no kink, nothing said */
	screen_figures(&c, "elu", &w, 0, -0.95, 3, &f, text);
	assert_null(strstr(text[3], "PyTorch"));

	/* gelu: the formula in use, not both */
	actfn_curve_default(&c, actfn_lookup("gelu", 4));
	screen_figures(&c, "gelu", &w, 0, -0.17, 3, &f, text);
	assert_string_equal(text[1], "f = x*Phi(x) = 0.5*x*(1 + erf(x/sqrt(2)))");
	c.p[0] = 1;
	screen_figures(&c, "gelu tanh", &w, 0, -0.17, 3, &f, text);
	assert_string_equal(text[1], "f = 0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))");

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

/* The dead card's lines: a mean within its error bound of 0 says 0. */
static void test_stats_text(void **state)
{
	(void)state;
	char text[SCREEN_STATS_LINES][SCREEN_LINE];
	struct stats_figures f = {.p_dead = 0, .p_zero = 0, .mean = 2.885e-21, .std = 0.6279,
	                          .mean_grad = 0.6057, .mean_grad_sq = 0.4644,
	                          .method = STATS_QUADRATURE, .err = 2.5e-14};
	screen_stats_text(&f, text);
	assert_string_equal(text[1], "mean 0, std 0.6279");
	f.mean = 0.3989422804014327;
	f.err = 0;
	screen_stats_text(&f, text);
	assert_string_equal(text[1], "mean 0.3989, std 0.6279");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats_text),
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_every_size_grown),
		cmocka_unit_test(test_placements),
		cmocka_unit_test(test_figures_text),
		cmocka_unit_test(test_messages_grow),
		cmocka_unit_test(test_fit_and_wrap),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_figures_window),
		cmocka_unit_test(test_card),
		cmocka_unit_test(test_strip),
		cmocka_unit_test(test_parameter_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
