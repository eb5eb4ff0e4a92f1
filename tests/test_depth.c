/* test_depth.c: the deep network of `depth`: a linear network's variance
 * against its closed form, ReLU's under He's initialisation, the gradient
 * norms against finite differences of the loss, the padding of a batch,
 * overflow, and Ctrl-C between layers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "actfn.h"
#include "depth.h"

static struct actfn_curve curve(const char *name)
{
	struct actfn_curve c;
	actfn_curve_default(&c, actfn_lookup(name, strlen(name)));
	return c;
}

static void check(bool ok, const char *what, long l, double got, double want)
{
	if (!ok)
		fail_msg("%s, layer %ld: %.17g, want %.17g", what, l, got, want);
}

/* leaky with slope 1 is the identity: z_l = M_l x with M_l = W_l ... W_1,
 * and for inputs x ~ N(0, I) the mean square of z_l is |M_l|_F^2 / w, whose
 * estimate from b samples has the standard deviation
 * sqrt(2 |M_l^T M_l|_F^2 / b) / w: the closed form for these weights,
 * checked to 5 of those. Over the weights, E[|M_l|_F^2 / w] = (w S^2)^l,
 * the textbook form, checked to 4 standard deviations of the weights'
 * spread (about sqrt(4 / w^2) a layer) and of the batch's. */
static void linear_case(enum layer_init init, double sd, double gain)
{
	enum { W = 32, LAYERS = 8 };
	struct actfn_curve id = curve("leaky");
	id.p[0] = 1;
	struct depth_spec s = {.layers = LAYERS, .width = W, .batch = 4000, .init = init,
	                       .init_sd = sd, .seed = 7};
	struct depth *d = depth_new(&s);
	assert_non_null(d);
	struct depth_stats st[LAYERS];
	assert_int_equal(depth_run(d, &id, NULL, st), 0);
	static double M[W][W], T[W][W];
	for (int i = 0; i < W; i++)
		for (int j = 0; j < W; j++)
			M[i][j] = i == j;
	for (long l = 0; l < LAYERS; l++) {
		const double *Wl = depth_weights(d, l);
		for (int i = 0; i < W; i++)
			for (int j = 0; j < W; j++) {
				T[i][j] = 0;
				for (int k = 0; k < W; k++)
					T[i][j] += Wl[i * W + k] * M[k][j];
			}
		memcpy(M, T, sizeof M);
		double f2 = 0, g2 = 0; /* |M|_F^2, |M^T M|_F^2 */
		for (int i = 0; i < W; i++)
			for (int j = 0; j < W; j++) {
				double g = 0;
				for (int k = 0; k < W; k++)
					g += M[k][i] * M[k][j];
				f2 += M[i][j] * M[i][j];
				g2 += g * g;
			}
		double got = st[l].act_std * st[l].act_std + st[l].act_mean * st[l].act_mean;
		double exact = f2 / W, spread = sqrt(2 * g2 / (double)s.batch) / W;
		check(fabs(got - exact) <= 5 * spread, "mean square, these weights", l, got, exact);
		double want = pow(gain, (double)(l + 1));
		double tol = 4 * sqrt(2.0 / (double)s.batch + (double)(l + 1) * 4.0 / (W * W));
		check(fabs(got / want - 1) <= tol, "mean square", l, got, want);
		check(fabs(st[l].act_mean) <= 4 * sqrt(want / (double)s.batch), "mean", l, st[l].act_mean, 0);
		check(st[l].zero_share == 0, "zero share", l, st[l].zero_share, 0);
	}
	depth_free(d);
}

static void test_linear_variance(void **state)
{
	(void)state;
	linear_case(INIT_HE, 0, 2);                      /* He: 2 a layer */
	linear_case(INIT_XAVIER, 0, 1);                  /* square layers: 1 */
	linear_case(INIT_NORMAL, 0.25, 2);               /* w S^2 = 2: exploding */
	linear_case(INIT_NORMAL, 0.125, 0.5);            /* 1/2: collapsing */
}

/* ReLU under He: E[a^2] = 1 at every layer (half of N(0, 2)'s variance
 * passes), the mean of the first layer is sqrt(2) / sqrt(2 pi), and half
 * of the outputs are exactly 0. */
static void test_relu_he(void **state)
{
	(void)state;
	struct actfn_curve relu = curve("relu");
	struct depth_spec s = {.layers = 6, .width = 256, .batch = 512, .init = INIT_HE, .seed = 3};
	struct depth *d = depth_new(&s);
	assert_non_null(d);
	struct depth_stats st[6];
	assert_int_equal(depth_run(d, &relu, NULL, st), 0);
	for (long l = 0; l < s.layers; l++) {
		double ms = st[l].act_std * st[l].act_std + st[l].act_mean * st[l].act_mean;
		double tol = 4 * sqrt(2.0 / (double)s.batch + (double)(l + 1) * 5.0 / (256.0 * 256));
		check(fabs(ms - 1) <= tol, "mean square", l, ms, 1);
		check(fabs(st[l].zero_share - 0.5) <= 0.03, "zero share", l, st[l].zero_share, 0.5);
	}
	check(fabs(st[0].act_mean - 1 / sqrt(acos(-1.0))) <= 0.02, "mean", 0, st[0].act_mean,
	      1 / sqrt(acos(-1.0)));
	depth_free(d);
}

/* |dL/dW_l| against central differences of L, weight by weight, on a
 * network small enough to perturb every weight: batch 7, padded to 8. */
static void fd_case(const char *name, enum layer_init init, double sd)
{
	struct actfn_curve fn = curve(name);
	struct depth_spec s = {.layers = 4, .width = 5, .batch = 7, .init = init,
	                       .init_sd = sd, .seed = 11};
	struct depth *d = depth_new(&s);
	assert_non_null(d);
	struct depth_stats st[4];
	assert_int_equal(depth_run(d, &fn, NULL, st), 0);
	for (long l = 0; l < s.layers; l++) {
		double *W = depth_weights(d, l), sum = 0;
		for (long i = 0; i < s.width * s.width; i++) {
			double w0 = W[i], h = 1e-6 * fmax(1, fabs(w0));
			W[i] = w0 + h;
			double up = depth_loss(d, &fn);
			W[i] = w0 - h;
			double down = depth_loss(d, &fn);
			W[i] = w0;
			double g = (up - down) / (2 * h);
			sum += g * g;
		}
		double want = sqrt(sum);
		check(want > 0, name, l, want, 1);
		check(fabs(st[l].grad_norm / want - 1) <= 1e-6, name, l, st[l].grad_norm, want);
	}
	depth_free(d);
}

static void test_grad_finite_differences(void **state)
{
	(void)state;
	fd_case("tanh", INIT_HE, 0);
	fd_case("sigmoid", INIT_XAVIER, 0);
	fd_case("softplus", INIT_TORCH, 0); /* torch's biases too */
	fd_case("relu", INIT_HE, 0);     /* no input at a kink: h is tiny */
	fd_case("elu", INIT_NORMAL, 0.7);
}

/* The loss's direction has norm 1 over the real samples: a network whose
 * top is the identity gets |dL/d(top output)| = 1, so the top layer's
 * gradient is |G a^T| <= |a|; and the padded samples add nothing (the
 * same figures with the batch one short of a multiple of 8 or on it). */
static void test_padding(void **state)
{
	(void)state;
	struct actfn_curve relu = curve("relu");
	for (long b = 7; b <= 9; b++) {
		struct depth_spec s = {.layers = 3, .width = 16, .batch = b, .init = INIT_TORCH, .seed = 5};
		struct depth *d = depth_new(&s);
		assert_non_null(d);
		struct depth_stats st[3];
		assert_int_equal(depth_run(d, &relu, NULL, st), 0);
		for (long l = 0; l < 3; l++) {
			assert_true(st[l].zero_share >= 0 && st[l].zero_share <= 1);
			/* a zero share counted over padding would be a multiple of 1/(16 bp) */
			double zeros = st[l].zero_share * 16 * (double)b;
			assert_true(fabs(zeros - round(zeros)) < 1e-9);
		}
		depth_free(d);
	}
}

/* Weights N(0, 1e200): the activations overflow to inf by the second
 * layer; the figures say so (inf, nan) and nothing crashes. */
static void test_overflow(void **state)
{
	(void)state;
	struct actfn_curve relu = curve("relu");
	struct depth_spec s = {.layers = 4, .width = 8, .batch = 16, .init = INIT_NORMAL,
	                       .init_sd = 1e200, .seed = 1};
	struct depth *d = depth_new(&s);
	assert_non_null(d);
	struct depth_stats st[4];
	assert_int_equal(depth_run(d, &relu, NULL, st), 0);
	assert_true(isfinite(st[0].act_std) && st[0].act_std > 1e199);
	assert_true(isinf(st[3].act_std) || isnan(st[3].act_std));
	depth_free(d);
}

/* Ctrl-C: a set flag stops the run before the next layer. */
static void test_stop(void **state)
{
	(void)state;
	struct actfn_curve relu = curve("relu");
	struct depth_spec s = {.layers = 3, .width = 8, .batch = 8, .init = INIT_HE, .seed = 1};
	struct depth *d = depth_new(&s);
	assert_non_null(d);
	struct depth_stats st[3];
	volatile sig_atomic_t stop = 1;
	assert_int_equal(depth_run(d, &relu, &stop, st), 1);
	stop = 0;
	assert_int_equal(depth_run(d, &relu, &stop, st), 0);
	depth_free(d);
}

/* What depth_memory counts is what depth_new allocates, in doubles. */
static void test_memory(void **state)
{
	(void)state;
	struct depth_spec s = {.layers = 30, .width = 256, .batch = 500, .init = INIT_HE};
	double c = 256.0 * 504, w = 256.0 * 256;
	assert_true(depth_memory(&s) == 8 * (30 * (w + 256 + 2 * c) + 5 * c + w + 256));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linear_variance),
		cmocka_unit_test(test_relu_he),
		cmocka_unit_test(test_grad_finite_differences),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
