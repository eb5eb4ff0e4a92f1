/* test_bench.c: bench's arithmetic on a scripted clock, never a real one:
 * nanoseconds per element from the seconds of each repeat, the quartiles
 * as numpy's default gives them, f alone and f with f' told apart in
 * their alternating order, the budget and the repeats, the passes over a
 * small array, the results consumed, and Ctrl-C. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <signal.h>
#include <string.h>

#include "actfn.h"
#include "bench.h"
#include "rng.h"

#define assert_double_equal(got, want, tol) assert_near((got), (want), (tol), #got)

static void assert_near(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s: %.17g, want %.17g", what, got, want);
}

/* Reading k of the clock is the sum of step[0 .. k-1] (step past its end:
 * 0); calls counts the readings. */
struct script {
	const double *step;
	long nstep, calls;
	double t;
};

static double scripted(void *ctx)
{
	struct script *s = ctx;
	double now = s->t;
	if (s->calls < s->nstep)
		s->t += s->step[s->calls];
	s->calls++;
	return now;
}

/* A clock that moves dt a reading. */
static double steady(void *ctx)
{
	struct script *s = ctx;
	s->calls++;
	return (double)s->calls * s->t;
}

static struct actfn_curve relu;

static int setup(void **state)
{
	(void)state;
	actfn_curve_default(&relu, actfn_lookup("relu", 4));
	return 0;
}

/* With no warm-up the warm-up reads the clock twice (once before its one
 * pass, once after); then each repeat reads it four times: before and
 * after its first timing, before and after its second. */
#define WARMUP_READS 2
static void set_repeat(double *step, long r, double first, double second)
{
	step[WARMUP_READS + 4 * r] = first;
	step[WARMUP_READS + 4 * r + 2] = second;
}

static void test_quartiles_and_order(void **state)
{
	(void)state;
	struct bench_arrays a;
	assert_int_equal(bench_alloc(&a, 1000, 1), 0);
	/* seconds of f alone by repeat: 5, 1, 4, 2, 3 (sorted 1..5); of f
	 * with f', ten times as long. Even repeats time f first. */
	static const double y[] = {5, 1, 4, 2, 3};
	double step[WARMUP_READS + 4 * 5] = {0};
	for (long r = 0; r < 5; r++) {
		if (r % 2 == 0)
			set_repeat(step, r, y[r], 10 * y[r]);
		else
			set_repeat(step, r, 10 * y[r], y[r]);
	}
	struct script clk = {step, sizeof step / sizeof step[0], 0, 0};
	struct bench_spec spec = {.size = 1000, .repeats = 5, .warmup = 0};
	struct bench_result res;
	assert_int_equal(bench_curve(&relu, &spec, &a, scripted, &clk, NULL, &res), 0);
	assert_int_equal(clk.calls, WARMUP_READS + 4 * 5);
	assert_int_equal(res.repeats, 5);
	/* 1000 elements: 100 passes make a repeat's 1e5 */
	assert_int_equal(res.passes, 100);
	double ns = 1e9 / 1e5; /* a second over 1e5 elements */
	assert_double_equal(res.y.median, 3 * ns, 1e-9);
	assert_double_equal(res.y.q1, 2 * ns, 1e-9);
	assert_double_equal(res.y.q3, 4 * ns, 1e-9);
	assert_double_equal(res.y.min, 1 * ns, 1e-9);
	assert_double_equal(res.y.max, 5 * ns, 1e-9);
	assert_double_equal(res.y_dy.median, 30 * ns, 1e-8);
	assert_double_equal(bench_spread(&res.y), (4.0 - 2) / 3, 1e-15);
	/* what was computed went into the checksum: relu(x) + relu'(x) at
	 * elements 0..4 of the array */
	double x[5], want = 0;
	struct rng r;
	rng_seed(&r, 1);
	rng_normals(&r, x, 5);
	for (int i = 0; i < 5; i++)
		want += (x[i] > 0 ? x[i] : 0) + (x[i] > 0);
	assert_double_equal(res.checksum, want, 1e-12);
	bench_free(&a);
}

/* numpy's linear quantiles between neighbours: for 1, 2, 3, 4 the
 * quartiles are 1.75 and 3.25, the median 2.5 */
static void test_even_repeats(void **state)
{
	(void)state;
	struct bench_arrays a;
	assert_int_equal(bench_alloc(&a, 100000, 2), 0);
	static const double y[] = {4, 2, 1, 3};
	double step[WARMUP_READS + 4 * 4] = {0};
	for (long r = 0; r < 4; r++)
		set_repeat(step, r, r % 2 ? 1 : y[r], r % 2 ? y[r] : 1);
	struct script clk = {step, sizeof step / sizeof step[0], 0, 0};
	struct bench_spec spec = {.size = 100000, .repeats = 4};
	struct bench_result res;
	assert_int_equal(bench_curve(&relu, &spec, &a, scripted, &clk, NULL, &res), 0);
	assert_int_equal(res.passes, 1);
	double ns = 1e9 / 1e5;
	assert_double_equal(res.y.median, 2.5 * ns, 1e-9);
	assert_double_equal(res.y.q1, 1.75 * ns, 1e-9);
	assert_double_equal(res.y.q3, 3.25 * ns, 1e-9);
	assert_double_equal(res.y_dy.median, ns, 1e-9);
	assert_double_equal(bench_spread(&res.y_dy), 0, 0);
	bench_free(&a);
}

/* Without repeats: timed repeats until the budget is spent, and at least
 * BENCH_REPEATS_MIN; the warm-up until its time is up. */
static void test_budget(void **state)
{
	(void)state;
	struct bench_arrays a;
	assert_int_equal(bench_alloc(&a, 1000, 1), 0);
	struct bench_result res;
	/* each reading a tick (1/1024 s, exact in binary) on: a timing takes
	 * a tick, a repeat two of the budget; a warm-up of 10 ticks reads the
	 * clock 11 times */
	double tick = 1.0 / 1024;
	struct script clk = {NULL, 0, 0, tick};
	struct bench_spec spec = {.size = 1000, .budget = 100 * tick, .warmup = 10 * tick};
	assert_int_equal(bench_curve(&relu, &spec, &a, steady, &clk, NULL, &res), 0);
	assert_int_equal(res.repeats, 50);
	assert_int_equal(clk.calls, 11 + 4 * 50);
	assert_double_equal(res.y.median, tick * 1e9 / 1e5, 1e-9);
	/* a budget spent at once: still BENCH_REPEATS_MIN */
	clk = (struct script){NULL, 0, 0, 1.0};
	spec.warmup = 0;
	assert_int_equal(bench_curve(&relu, &spec, &a, steady, &clk, NULL, &res), 0);
	assert_int_equal(res.repeats, BENCH_REPEATS_MIN);
	bench_free(&a);
}

static void test_stop(void **state)
{
	(void)state;
	struct bench_arrays a;
	assert_int_equal(bench_alloc(&a, 1000, 1), 0);
	struct bench_result res;
	struct script clk = {NULL, 0, 0, 1e-3};
	struct bench_spec spec = {.size = 1000, .repeats = 1000, .warmup = 1e6};
	volatile sig_atomic_t stop = 1;
	/* the warm-up ends at once, and no repeat is timed */
	assert_int_equal(bench_curve(&relu, &spec, &a, steady, &clk, &stop, &res), 1);
	assert_int_equal(res.repeats, 0);
	assert_true(clk.calls < 10);
	bench_free(&a);
	assert_double_equal(bench_memory(1000), 24000, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_quartiles_and_order, setup),
		cmocka_unit_test_setup(test_even_repeats, setup),
		cmocka_unit_test_setup(test_budget, setup),
		cmocka_unit_test_setup(test_stop, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
