/* test_describe.c: describe's words against the plot's samples, the kink
 * table and independent figures (mpmath): kinks between samples, sample
 * x without rounding noise, crossings found between samples, limits at a
 * jump, extremes that are the picture's own points. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actfn.h"
#include "describe.h"
#include "out.h"
#include "plot.h"

static struct actfn_curve fns[4];
static struct describe_curve curves[4];
static struct out o;

/* The description of the named curves (default parameters, or p0 for
 * the first when not NAN) on lo..hi from n samples. */
static const char *describe(const char *const *names, int nc, double p0, double lo, double hi,
                            long n)
{
	for (int i = 0; i < nc; i++) {
		actfn_curve_default(&fns[i], actfn_lookup(names[i], strlen(names[i])));
		curves[i] = (struct describe_curve){&fns[i], names[i]};
	}
	if (!isnan(p0))
		fns[0].p[0] = p0;
	struct describe_spec s = {.curve = curves, .ncurves = nc, .xlo = lo, .xhi = hi,
	                          .samples = n, .deriv = true};
	out_reset(&o);
	assert_int_equal(describe_write(&o, &s), 0);
	return o.buf;
}

/* Whether text holds want, a sentence wrapped over lines counting as one. */
static void has(const char *text, const char *want)
{
	size_t n = strlen(text);
	char *flat = malloc(n + 1), *q = flat;
	assert_non_null(flat);
	for (const char *p = text; *p; p++) {
		if (*p == '\n' && p[1] == ' ' && p[2] == ' ' && p[3] == ' ' && p[4] == ' ') {
			p += 4; /* a sentence's next line: one space */
			*q++ = ' ';
			continue;
		}
		*q++ = *p;
	}
	*q = '\0';
	bool found = strstr(flat, want) != NULL;
	free(flat);
	if (!found)
		fail_msg("no \"%s\" in:\n%s", want, text);
}

/* The number after the first occurrence of key. */
static double after(const char *text, const char *key)
{
	const char *p = strstr(text, key);
	if (!p)
		fail_msg("no \"%s\" in:\n%s", key, text);
	return strtod(p + strlen(key), NULL);
}

/* relu on -4..2 has no sample at 0 (they fall at -0.01 and 0.02): the
 * kink table still puts the step exactly at 0, with relu'(0) = 0. */
static void test_kink_between_samples(void **state)
{
	(void)state;
	const char *names[] = {"relu"};
	const char *t = describe(names, 1, NAN, -4, 2, 201);
	has(t, "f is 0 for x <= 0 and above zero for x > 0.");
	has(t, "f' is 0 for x <= 0 and 1 for x > 0.");
	has(t, "At x = 0, f' jumps from 0 to 1; f'(0) = 0.");
	/* outside the window, no kink is claimed */
	t = describe(names, 1, NAN, 1, 3, 201);
	has(t, "f' is 1 for every x in the window.");
	assert_null(strstr(t, "jumps"));
}

/* x of samples read as the grid they are on (-2.97, not
 * -2.9699999999999998); the extremes are the sampled ones: silu's lowest
 * drawn point is at the sample x = -1.29, f(-1.29) as actfn gives it,
 * not the true minimum -0.27846454276107... at -1.27846 (mpmath). */
static void test_extreme_is_a_sample(void **state)
{
	(void)state;
	const char *names[] = {"silu"};
	const char *t = describe(names, 1, NAN, -3, 3, 201);
	double xs[201];
	plot_sample_x(-3, 3, 201, xs);
	double y, dy;
	actfn_point(&fns[0], xs[57], &y, &dy);
	assert_true(fabs(xs[57] + 1.29) < 1e-12);
	assert_true(after(t, "its lowest point is ") == y);
	has(t, ", at x = -1.29.");
	assert_null(strstr(t, "99999999"));
	assert_null(strstr(t, "00000000"));
}

/* Where two samples straddle a zero, the picture's segment crosses it:
 * silu' = 0 at -1.2784645427610738 and tanh = sigmoid at
 * 0.881373587019543 (mpmath), given to the samples' spacing (0.03) and
 * nearer than a sixth of it: the drawn segment, not the midpoint. */
static void test_crossings(void **state)
{
	(void)state;
	const char *silu[] = {"silu"};
	const char *t = describe(silu, 1, NAN, -3, 3, 201);
	double x = after(t, "f' is below zero for x < about ");
	assert_true(fabs(x - -1.2784645427610738) < 0.005);
	const char *pair[] = {"sigmoid", "tanh"};
	t = describe(pair, 2, NAN, -3, 3, 201);
	x = after(t, "tanh is below sigmoid for x < about ");
	assert_true(fabs(x - 0.881373587019543) < 0.005);
	has(t, "tanh is below sigmoid for x < about 0.88");
}

/* At a jump of f (hardshrink at +-0.5) the sides are the limits 0.5, not
 * the 0.5000000000000001 of the double next to the kink; the value at
 * the point itself is PyTorch's, from the table. */
static void test_jump_limits(void **state)
{
	(void)state;
	const char *names[] = {"hardshrink"};
	const char *t = describe(names, 1, NAN, -3, 3, 201);
	has(t, "At x = -0.5, f jumps from -0.5 to 0; f(-0.5) = 0.");
	has(t, "At x = 0.5, f jumps from 0 to 0.5; f(0.5) = 0.");
	has(t, "f is below zero for x < -0.5, 0 for -0.5 <= x <= 0.5 and above zero for x > 0.5.");
}

/* Constant on the window; a kink at its end (the window shows one side);
 * saturation that reaches the end of the window. */
static void test_windows(void **state)
{
	(void)state;
	const char *relu[] = {"relu"};
	const char *t = describe(relu, 1, NAN, -3, 0, 201);
	has(t, "f is 0 for every x in the window.");
	has(t, "At x = 0, f' jumps from 0 to 1 (the window shows its left side); f'(0) = 0.");
	const char *hardtanh[] = {"hardtanh"};
	t = describe(hardtanh, 1, NAN, -8, 8, 201);
	has(t, "f is -1 for x <= -1, below zero for -1 < x < 0, 0 at x = 0, above zero for "
	       "0 < x < 1 and 1 for x >= 1.");
	has(t, "f' is 0 for x <= -1, 1 for -1 < x < 1 and 0 for x >= 1.");
}

/* The comparison, from the curves' samples: where they differ, by how
 * much, and what each does there. */
static void test_compare(void **state)
{
	(void)state;
	const char *names[] = {"relu", "leaky"};
	const char *t = describe(names, 2, NAN, -3, 3, 201);
	has(t, "leaky is below relu for x < 0 (by up to 0.03) and equal to relu for x >= 0.");
	has(t, "For x < 0, leaky stays below zero with slope 0.01; relu is exactly 0.");
	/* a parameter is the table's: leaky's slope is read from f', not known */
	const char *one[] = {"leaky", "relu"};
	t = describe(one, 2, 0.2, -3, 3, 201);
	has(t, "f' is 0.2 for x <= 0 and 1 for x > 0.");
	has(t, "relu is above leaky for x < 0 (by up to 0.6000000000000001)");
}

int main(void)
{
	out_init_mem(&o, 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kink_between_samples),
		cmocka_unit_test(test_extreme_is_a_sample),
		cmocka_unit_test(test_crossings),
		cmocka_unit_test(test_jump_limits),
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_compare),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	out_free(&o);
	return rc;
}
