/* test_stats.c: dead shares, sparsity and moments against values derived
 * by hand, and the closed forms and the quadrature against each other. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "actfn.h"
#include "rng.h"
#include "simd.h"
#include "stats.h"

#define SQRT_2PI 2.5066282746310002
#define PI 3.14159265358979323846
#define PHI(t) (0.5 * erfc(-(t) / sqrt(2.0)))
#define DENS(t) (exp(-0.5 * (t) * (t)) / SQRT_2PI)

static struct actfn_curve curve(const char *name, int np, double p0, double p1)
{
	struct actfn_curve c;
	actfn_curve_default(&c, actfn_lookup(name, strlen(name)));
	if (np > 0)
		c.p[0] = p0;
	if (np > 1)
		c.p[1] = p1;
	return c;
}

static void near(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s: %.17g, want %.17g (tolerance %g)", what, got, want, tol);
}

/* The seed's numbers: relu under N(0,1) is dead half the time, and its
 * mean is 1/sqrt(2 pi). */
static void test_relu_closed_form(void **state)
{
	(void)state;
	struct actfn_curve c = curve("relu", 0, 0, 0);
	struct stats_figures f;
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	assert_int_equal(f.method, STATS_CLOSED_FORM);
	assert_true(f.err == 0);
	near(f.p_dead, 0.5, 1e-16, "relu p_dead");
	near(f.p_zero, 0.5, 1e-16, "relu p_zero");
	near(f.mean, 1 / SQRT_2PI, 1e-16, "relu mean");
	near(f.std, sqrt(0.5 - 1 / (2 * PI)), 1e-15, "relu std");
	near(f.mean_grad, 0.5, 1e-16, "relu mean grad");
	near(f.mean_grad_sq, 0.5, 1e-16, "relu mean grad^2");

	/* under normal(-1, 2): P(z <= 0) = Phi(1/2) */
	struct stats_dist d = {DIST_NORMAL, -1, 2};
	assert_int_equal(stats_exact(&c, &d, &f), 0);
	near(f.p_dead, PHI(0.5), 1e-15, "relu p_dead under N(-1, 2)");
	/* E max(0, z) = mu Phi(mu/sigma) + sigma phi(mu/sigma) */
	near(f.mean, -1 * PHI(-0.5) + 2 * DENS(0.5), 1e-15, "relu mean under N(-1, 2)");

	/* uniform(-3, 1): dead 3/4 of the time, mean (1/2)(1/4) */
	d = (struct stats_dist){DIST_UNIFORM, -3, 1};
	assert_int_equal(stats_exact(&c, &d, &f), 0);
	near(f.p_dead, 0.75, 1e-15, "relu p_dead under U(-3, 1)");
	near(f.mean, 0.125, 1e-15, "relu mean under U(-3, 1)");
}

static void test_fixes_keep_gradient(void **state)
{
	(void)state;
	struct stats_figures f;
	struct actfn_curve c = curve("leaky", 1, 0.01, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	assert_true(f.p_dead == 0 && f.p_zero == 0);
	near(f.mean, 0.99 / SQRT_2PI, 1e-15, "leaky mean");
	near(f.mean_grad, 0.505, 1e-15, "leaky mean grad");
	c = curve("elu", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	assert_true(f.p_dead == 0);
	assert_int_equal(f.method, STATS_QUADRATURE);
	/* E elu = E[z; z>0] + E[e^z - 1; z<0] = phi(0) + e^(1/2) Phi(-1) - 1/2 */
	near(f.mean, 1 / SQRT_2PI + exp(0.5) * PHI(-1) - 0.5, f.err, "elu mean");
	/* elu with alpha 0 is relu: its negative side is exactly dead */
	c = curve("elu", 1, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	near(f.p_dead, 0.5, 1e-15, "elu 0 p_dead");
}

static void test_other_closed_forms(void **state)
{
	(void)state;
	struct stats_figures f;
	struct actfn_curve c = curve("hardtanh", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	near(f.p_dead, 2 * PHI(-1), 1e-15, "hardtanh p_dead");
	near(f.mean, 0, 1e-16, "hardtanh mean");
	c = curve("relu6", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	near(f.p_dead, 0.5 + PHI(-6), 1e-16, "relu6 p_dead");
	c = curve("softshrink", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	near(f.p_zero, 1 - 2 * PHI(-0.5), 1e-15, "softshrink p_zero");
	c = curve("threshold", 2, 0.5, -2);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	assert_true(f.p_zero == 0);
	near(f.p_dead, PHI(0.5), 1e-15, "threshold p_dead");
	/* E hardswish over (-3, 3): int z(z+3)/6 phi + int_3^inf z phi */
	c = curve("hardswish", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	assert_int_equal(f.method, STATS_CLOSED_FORM);
	double i2 = (PHI(3) - PHI(-3)) - 6 * DENS(3); /* int_{-3}^{3} z^2 phi */
	near(f.mean, i2 / 6 + DENS(3), 1e-15, "hardswish mean");
}

/* Identities of smooth functions, through the quadrature. */
static void test_quadrature_identities(void **state)
{
	(void)state;
	struct stats_figures f;
	struct actfn_curve c = curve("gelu", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	assert_int_equal(f.method, STATS_QUADRATURE);
	assert_true(f.err > 0 && f.err < 1e-12);
	near(f.mean, 1 / (2 * sqrt(PI)), f.err, "gelu mean = E z Phi(z)");
	near(f.mean_grad, 0.5, f.err, "gelu mean grad");
	c = curve("sigmoid", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	near(f.mean, 0.5, f.err, "sigmoid mean");
	c = curve("tanh", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	near(f.mean, 0, f.err, "tanh mean");
	/* SELU's constants make it self-normalising: mean 0, variance 1 */
	c = curve("selu", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &stats_std_normal, &f), 0);
	near(f.mean, 0, 1e-9, "selu mean");
	near(f.std, 1, 1e-9, "selu std");
	/* uniform: E sigmoid on (0, 1) = ln((1 + e)/2) */
	struct stats_dist u = {DIST_UNIFORM, 0, 1};
	assert_int_equal(stats_exact(&c, &u, &f), 0);
	c = curve("sigmoid", 0, 0, 0);
	assert_int_equal(stats_exact(&c, &u, &f), 0);
	near(f.mean, log((1 + exp(1)) / 2), f.err, "sigmoid mean on U(0, 1)");
}

/* Every closed form agrees with the quadrature within its bound. */
static void test_closed_vs_quadrature(void **state)
{
	(void)state;
	static const struct stats_dist dists[] = {
		{DIST_NORMAL, 0, 1}, {DIST_NORMAL, -1, 2}, {DIST_UNIFORM, -3, 1}};
	for (size_t i = 0; i < actfn_count(); i++) {
		const struct actfn_def *def = actfn_at(i);
		if (def->degree == 0)
			continue;
		struct actfn_curve c;
		actfn_curve_default(&c, def);
		if (strcmp(def->name, "threshold") == 0) {
			c.p[0] = 0.5;
			c.p[1] = -2;
		}
		for (size_t k = 0; k < sizeof dists / sizeof dists[0]; k++) {
			struct stats_figures a, b;
			assert_int_equal(stats_exact(&c, &dists[k], &a), 0);
			assert_int_equal(stats_quadrature(&c, &dists[k], &b), 0);
			assert_int_equal(a.method, STATS_CLOSED_FORM);
			assert_int_equal(b.method, STATS_QUADRATURE);
			double tol = b.err + 1e-15;
			near(a.mean, b.mean, tol, def->name);
			near(a.std, b.std, tol, def->name);
			near(a.mean_grad, b.mean_grad, tol, def->name);
			near(a.mean_grad_sq, b.mean_grad_sq, tol, def->name);
			assert_true(a.p_dead == b.p_dead && a.p_zero == b.p_zero);
		}
	}
}

static void test_window(void **state)
{
	(void)state;
	double share, lo, hi;
	struct actfn_curve c = curve("relu", 0, 0, 0);
	stats_window(&c, -3, 3, &share, &lo, &hi);
	near(share, 0.5, 1e-15, "relu dead share of -3..3");
	assert_true(lo == 0 && hi == 3);
	stats_window(&c, 1, 2, &share, &lo, &hi);
	assert_true(share == 0);
	c = curve("hardshrink", 0, 0, 0);
	stats_window(&c, -2, 2, &share, &lo, &hi);
	near(share, 0.25, 1e-15, "hardshrink dead share");
	assert_true(lo == -2 && hi == 2);
	c = curve("leaky", 0, 0, 0);
	stats_window(&c, -3, 3, &share, &lo, &hi);
	assert_true(share == 0);
	near(lo, -0.03, 1e-15, "leaky min");
}

static void test_invalid(void **state)
{
	(void)state;
	struct stats_figures f;
	struct actfn_curve c = curve("relu", 0, 0, 0);
	struct stats_dist bad[] = {{DIST_NORMAL, 0, 0}, {DIST_NORMAL, 0, -1}, {DIST_UNIFORM, 1, 1},
	                           {DIST_NORMAL, NAN, 1}, {DIST_UNIFORM, 0, INFINITY}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(stats_exact(&c, &bad[i], &f), -1);
}

/* The generator: a seed gives one stream, its normals are normal. */
static void test_rng(void **state)
{
	(void)state;
	struct rng a, b;
	rng_seed(&a, 42);
	rng_seed(&b, 42);
	uint64_t w[37];
	rng_fill(&b, w, 37);
	for (int i = 0; i < 37; i++)
		assert_true(rng_next(&a) == w[i]);
	rng_seed(&b, 43);
	assert_true(rng_next(&a) != rng_next(&b));

	/* 1e6 normals: moments, tails beyond the ziggurat's R, and the
	 * Kolmogorov-Smirnov distance on a fine grid */
	enum { N = 1000000, BINS = 400 };
	static double z[N];
	rng_seed(&a, 7);
	rng_normals(&a, z, N);
	double m1 = 0, m2 = 0, m4 = 0;
	long tail = 0;
	static long hist[BINS];
	for (int i = 0; i < N; i++) {
		m1 += z[i];
		m2 += z[i] * z[i];
		m4 += z[i] * z[i] * z[i] * z[i];
		tail += fabs(z[i]) > 3.6541528853610088;
		int k = (int)floor((z[i] + 5) / 10 * BINS);
		if (k >= 0 && k < BINS)
			hist[k]++;
	}
	m1 /= N;
	m2 /= N;
	m4 /= N;
	near(m1, 0, 5 * 1e-3, "mean of normals");
	near(m2, 1, 5 * sqrt(2.0 / N), "variance of normals");
	near(m4, 3, 5 * sqrt(96.0 / N), "fourth moment of normals");
	double p_tail = 2 * PHI(-3.6541528853610088);
	near((double)tail / N, p_tail, 5 * sqrt(p_tail / N), "tail share");
	double cum = 0, ks = 0;
	for (int k = 0; k < BINS; k++) {
		cum += hist[k];
		double edge = -5 + 10.0 * (k + 1) / BINS;
		ks = fmax(ks, fabs(cum / N - PHI(edge)));
	}
	assert_true(ks < 1.63 / sqrt(N)); /* the 1% critical value */
	/* the same numbers from a shorter run, and one at a time */
	rng_seed(&a, 7);
	double again[1000];
	rng_normals(&a, again, 1000);
	assert_memory_equal(again, z, sizeof again);
	rng_seed(&a, 7);
	for (int i = 0; i < 1000; i++)
		assert_true(rng_normal(&a) == z[i]);
}

/* The same stream of normals on every vector path, however it is asked
 * for: in one piece, in pieces of any size (leftover words of a group,
 * whole groups, a tail), and interleaved with single words. The first
 * path's numbers are the reference; a path missing here is skipped. */
static void test_normals_every_path_every_split(void **state)
{
	(void)state;
	enum { N = 5000 };
	static double want[N], got[N];
	static const size_t pieces[] = {1, 3, 8, 13, 256, 257, 7, 1024, 2, 9, 511};
	struct rng r;
	assert_true(simd_force(SIMD_BASELINE));
	rng_seed(&r, 2024);
	rng_normals(&r, want, N);
	uint64_t after = rng_next(&r);
	for (int p = 0; p < SIMD_NPATHS; p++) {
		if (!simd_force((enum simd_path)p))
			continue;
		rng_seed(&r, 2024);
		size_t done = 0;
		for (size_t k = 0; done < N; k++) {
			size_t n = pieces[k % (sizeof pieces / sizeof pieces[0])];
			if (n > N - done)
				n = N - done;
			rng_normals(&r, got + done, n);
			done += n;
		}
		assert_memory_equal(got, want, sizeof want);
		assert_true(rng_next(&r) == after);
		/* a single draw between calls: the next normals move on by one */
		rng_seed(&r, 2024);
		rng_normals(&r, got, 5);
		double one = rng_normal(&r);
		rng_normals(&r, got + 6, N - 6);
		assert_true(one == want[5]);
		assert_memory_equal(got + 6, want + 6, (N - 6) * sizeof(double));
	}
	simd_select(NULL, NULL, 0);
}

/* Monte Carlo agrees with every exact figure within its 4 standard
 * errors, is reproducible, and stops when told. */
static void test_monte_carlo(void **state)
{
	(void)state;
	static const struct stats_dist dists[] = {
		{DIST_NORMAL, 0, 1}, {DIST_NORMAL, -1, 2}, {DIST_UNIFORM, -3, 1}};
	for (size_t i = 0; i < actfn_count(); i++) {
		struct actfn_curve c;
		actfn_curve_default(&c, actfn_at(i));
		if (strcmp(c.def->name, "threshold") == 0) {
			c.p[0] = 0.5;
			c.p[1] = -2;
		}
		for (size_t k = 0; k < sizeof dists / sizeof dists[0]; k++) {
			struct stats_figures e, m;
			double done;
			assert_int_equal(stats_exact(&c, &dists[k], &e), 0);
			assert_int_equal(stats_monte_carlo(&c, &dists[k], 200000, 1, NULL, &m, &done), 0);
			assert_true(done == 200000);
			assert_int_equal(m.method, STATS_MONTE_CARLO);
			double tol = m.err + e.err;
			near(m.p_dead, e.p_dead, tol, c.def->name);
			near(m.p_zero, e.p_zero, tol, c.def->name);
			near(m.mean, e.mean, tol, c.def->name);
			near(m.std, e.std, tol, c.def->name);
			near(m.mean_grad, e.mean_grad, tol, c.def->name);
			near(m.mean_grad_sq, e.mean_grad_sq, tol, c.def->name);
		}
	}
	struct actfn_curve c;
	actfn_curve_default(&c, actfn_lookup("relu", 4));
	struct stats_figures a, b;
	double done;
	stats_monte_carlo(&c, &stats_std_normal, 10000, 5, NULL, &a, &done);
	stats_monte_carlo(&c, &stats_std_normal, 10000, 5, NULL, &b, &done);
	assert_memory_equal(&a, &b, sizeof a);
	volatile sig_atomic_t stop = 1;
	stats_monte_carlo(&c, &stats_std_normal, 1e9, 5, &stop, &a, &done);
	assert_true(done == 0);
	assert_int_equal(stats_monte_carlo(&c, &stats_std_normal, 0, 5, NULL, &a, &done), -1);
	assert_int_equal(stats_monte_carlo(&c, &stats_std_normal, 2e10, 5, NULL, &a, &done), -1);
	assert_int_equal(stats_monte_carlo(&c, &stats_std_normal, 1.5, 5, NULL, &a, &done), -1);
}

/* Distributions far from 0 or very wide: the figures of a uniform on
 * +-1e300 (whose moments overflow in z), a tanh far out in its plateau,
 * a sigmoid whose whole change lies between two quadrature nodes of a
 * wide normal. Reference values: mpmath at 40 digits. */
static void test_extreme_distributions(void **state)
{
	(void)state;
	struct stats_figures f, g;
	struct stats_dist wide = {DIST_UNIFORM, -1e300, 1e300};
	struct actfn_curve relu = curve("relu", 0, 0, 0);
	assert_int_equal(stats_exact(&relu, &wide, &f), 0);
	/* E = b/4, E z^2 1{z>0} = b^2/6: std = b sqrt(1/6 - 1/16) */
	near(f.mean, 2.5e299, 1e285, "relu mean on +-1e300");
	near(f.std, 1e300 * sqrt(1.0 / 6 - 1.0 / 16), 1e285, "relu std on +-1e300");
	near(f.mean_grad, 0.5, 1e-15, "relu mean grad on +-1e300");
	/* hardswish is relu there but for (-3, 3), of no weight */
	struct actfn_curve hsw = curve("hardswish", 0, 0, 0);
	assert_int_equal(stats_exact(&hsw, &wide, &g), 0);
	near(g.std, f.std, 1e285, "hardswish std on +-1e300");
	/* bounded ones keep their small spread: hardtanh is +-1 */
	struct actfn_curve ht = curve("hardtanh", 0, 0, 0);
	assert_int_equal(stats_exact(&ht, &wide, &f), 0);
	near(f.std, 1, 1e-15, "hardtanh std on +-1e300");
	near(f.mean_grad, 1e-300, 1e-314, "hardtanh mean grad on +-1e300");
	struct actfn_curve th = curve("tanh", 0, 0, 0);
	assert_int_equal(stats_exact(&th, &wide, &f), 0);
	near(f.std, 1, 1e-13, "tanh std on +-1e300");
	near(f.mean_grad, 1e-300, 1e-312, "tanh mean grad on +-1e300");

	struct stats_dist far = {DIST_NORMAL, 1e6, 1};
	assert_int_equal(stats_exact(&th, &far, &f), 0);
	near(f.mean, 1, 1e-15, "tanh mean under N(1e6, 1)");
	near(f.std, 0, 1e-15, "tanh std under N(1e6, 1)");
	struct stats_dist farther = {DIST_NORMAL, 1e8, 1};
	assert_int_equal(stats_exact(&relu, &farther, &f), 0);
	near(f.std, 1, 1e-12, "relu std under N(1e8, 1)");

	struct stats_dist spread = {DIST_NORMAL, 0, 1e6};
	struct actfn_curve sg = curve("sigmoid", 0, 0, 0);
	assert_int_equal(stats_exact(&sg, &spread, &f), 0);
	near(f.mean_grad, 3.989422804007764441922e-07, 1e-19, "sigmoid mean grad under N(0, 1e6)");
	near(f.mean_grad_sq, 6.649038006686256441e-08, 1e-20, "sigmoid mean grad^2 under N(0, 1e6)");
	assert_true(f.err < 1e-12);

	/* the edge of the doubles: z beyond DBL_MAX has no weight */
	struct stats_dist edge = {DIST_NORMAL, 1e308, 1e307};
	assert_int_equal(stats_exact(&relu, &edge, &f), 0);
	near(f.mean, 1e308, 1e294, "relu mean under N(1e308, 1e307)");
	near(f.std, 1e307, 1e293, "relu std under N(1e308, 1e307)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relu_closed_form),
		cmocka_unit_test(test_fixes_keep_gradient),
		cmocka_unit_test(test_other_closed_forms),
		cmocka_unit_test(test_quadrature_identities),
		cmocka_unit_test(test_closed_vs_quadrature),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_extreme_distributions),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_rng),
		cmocka_unit_test(test_normals_every_path_every_split),
		cmocka_unit_test(test_monte_carlo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
