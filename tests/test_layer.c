/* test_layer.c: a layer of neurons at initialisation: the spread of each
 * initialisation, what a bias does to the dead share, every input of an
 * odd count used, one layer for every curve, Ctrl-C between inputs, the
 * layers of many seeds pooled, nn.Linear's bias, and a layer too large
 * to allocate. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <signal.h>
#include <string.h>

#include "actfn.h"
#include "layer.h"

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif

/* cmocka 1.1 has no assert_double_equal */
#define assert_double_equal(got, want, tol) assert_near((got), (want), (tol), #got)

static void assert_near(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s: %.17g, want %.17g", what, got, want);
}

static struct actfn_curve relu, leaky;

static int setup(void **state)
{
	(void)state;
	actfn_curve_default(&relu, actfn_lookup("relu", 4));
	actfn_curve_default(&leaky, actfn_lookup("leaky", 5));
	return 0;
}

static void test_init_sd(void **state)
{
	(void)state;
	struct layer_spec s = {.neurons = 64, .inputs = 16, .init_sd = 0.3};
	s.init = INIT_HE;
	assert_double_equal(layer_init_sd(&s), sqrt(2.0 / 16), 1e-15);
	s.init = INIT_XAVIER;
	assert_double_equal(layer_init_sd(&s), sqrt(2.0 / (16 + 64)), 1e-15);
	s.init = INIT_TORCH; /* the sd of U(-1/4, 1/4) */
	assert_double_equal(layer_init_sd(&s), 0.25 / sqrt(3.0), 1e-15);
	s.init = INIT_NORMAL;
	assert_double_equal(layer_init_sd(&s), 0.3, 0);
	/* weights, activations, counts, flags, shares and inputs */
	assert_double_equal(layer_memory(&s, 2, 3), 8.0 * 64 * 16 + 8.0 * 64 * 5 + 8.0 * 64 * 2 * 2 +
	                                                64.0 * 3 * 3 + 8.0 * 2 * 3 * 6 + 8.0 * 16,
	                    0);
}

static void test_bias(void **state)
{
	(void)state;
	const struct actfn_curve *curves[] = {&relu, &leaky};
	double biases[] = {0, -100};
	struct layer_out out;
	struct layer_spec s = {.neurons = 32, .inputs = 5, .batch = 200, .init = INIT_HE, .seed = 7};
	assert_int_equal(layer_run(&s, curves, 2, biases, 2, NULL, &out), 0);
	assert_int_equal(out.rows_done, 200);
	/* bias 0: every neuron fires for some input */
	assert_double_equal(out.dead_share[0 * 2 + 0], 0, 0);
	assert_double_equal(out.inactive_share[0 * 2 + 0], 0, 0);
	/* bias -100: relu is dead everywhere, leaky never, though neither
	 * sees a positive pre-activation */
	assert_double_equal(out.dead_share[0 * 2 + 1], 1, 0);
	assert_double_equal(out.dead_share[1 * 2 + 1], 0, 0);
	assert_double_equal(out.inactive_share[0 * 2 + 1], 1, 0);
	assert_double_equal(out.inactive_share[1 * 2 + 1], 1, 0);
	/* rates at the first bias: relu about half the time, leaky always */
	for (int j = 0; j < 32; j++) {
		assert_true(out.rate[j] > 0.1 && out.rate[j] < 0.9);
		assert_double_equal(out.rate[32 + j], 1, 0);
	}
	layer_out_free(&out);
	assert_null(out.dead_share);
	assert_null(out.rate);
}

static void test_same_layer_for_every_curve(void **state)
{
	(void)state;
	double bias = -1.5;
	struct layer_out a, b;
	struct layer_spec s = {.neurons = 40, .inputs = 7, .batch = 30, .init = INIT_XAVIER, .seed = 3};
	const struct actfn_curve *one[] = {&relu}, *two[] = {&leaky, &relu};
	assert_int_equal(layer_run(&s, one, 1, &bias, 1, NULL, &a), 0);
	assert_int_equal(layer_run(&s, two, 2, &bias, 1, NULL, &b), 0);
	assert_double_equal(a.dead_share[0], b.dead_share[1], 0);
	assert_true(a.dead_share[0] > 0 && a.dead_share[0] < 1);
	assert_memory_equal(a.rate, b.rate + 40, 40 * sizeof *a.rate);
	layer_out_free(&a);
	layer_out_free(&b);
	/* another seed, another layer */
	s.seed = 4;
	assert_int_equal(layer_run(&s, one, 1, &bias, 1, NULL, &b), 0);
	assert_int_equal(layer_run(&s, one, 1, &bias, 1, NULL, &a), 0);
	assert_memory_equal(a.rate, b.rate, 40 * sizeof *a.rate);
	s.seed = 3;
	layer_out_free(&b);
	assert_int_equal(layer_run(&s, one, 1, &bias, 1, NULL, &b), 0);
	assert_memory_not_equal(a.rate, b.rate, 40 * sizeof *a.rate);
	layer_out_free(&a);
	layer_out_free(&b);
}

static void test_inputs_odd_and_init(void **state)
{
	(void)state;
	const struct actfn_curve *curves[] = {&relu};
	double bias = 0;
	struct layer_out out;
	/* one input: z = w*x, which is 0 only if that input were left out */
	for (int init = INIT_HE; init <= INIT_TORCH; init++) {
		struct layer_spec s = {.neurons = 16, .inputs = 1, .batch = 50, .init = (enum layer_init)init,
		                       .init_sd = 1, .seed = 1};
		assert_int_equal(layer_run(&s, curves, 1, &bias, 1, NULL, &out), 0);
		assert_double_equal(out.dead_share[0], 0, 0);
		layer_out_free(&out);
	}
	/* torch's weights are at most 1/sqrt(inputs): with one input of
	 * N(0,1) and bias -4, z > 0 needs |x| > 4 */
	struct layer_spec s = {.neurons = 64, .inputs = 1, .batch = 100, .init = INIT_TORCH, .seed = 2};
	bias = -4;
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, NULL, &out), 0);
	assert_true(out.dead_share[0] > 0.9);
	layer_out_free(&out);
	/* normal(mean, sd): a mean of 1 with no spread makes z the sum of the
	 * inputs, the same for every neuron: positive about half the time */
	struct layer_spec n = {.neurons = 8, .inputs = 3, .batch = 50, .init = INIT_NORMAL,
	                       .init_mean = 1, .init_sd = 0, .seed = 5};
	bias = 0;
	assert_int_equal(layer_run(&n, curves, 1, &bias, 1, NULL, &out), 0);
	assert_double_equal(out.dead_share[0], 0, 0);
	assert_true(out.rate[0] > 0.2 && out.rate[0] < 0.8);
	for (int j = 1; j < 8; j++)
		assert_double_equal(out.rate[j], out.rate[0], 0);
	layer_out_free(&out);
}

static void test_stop(void **state)
{
	(void)state;
	const struct actfn_curve *curves[] = {&relu};
	double bias = 0;
	struct layer_out out;
	volatile sig_atomic_t stop = 1;
	struct layer_spec s = {.neurons = 8, .inputs = 4, .batch = 1000, .init = INIT_HE, .seed = 1};
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, &stop, &out), 0);
	/* stopped before the first input: nothing seen, nothing alive */
	assert_int_equal(out.rows_done, 0);
	assert_double_equal(out.dead_share[0], 1, 0);
	for (int j = 0; j < 8; j++)
		assert_double_equal(out.rate[j], 0, 0);
	layer_out_free(&out);
	stop = 0;
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, &stop, &out), 0);
	assert_int_equal(out.rows_done, 1000);
	layer_out_free(&out);
}

/* Layers from many seeds: the shares are the means of each seed's own,
 * their errors the standard errors of those means. */
static void test_seeds_pooled(void **state)
{
	(void)state;
	const struct actfn_curve *curves[] = {&relu, &leaky};
	double bias = 0;
	enum { SEEDS = 25, N = 3 };
	struct layer_spec s = {.neurons = N, .inputs = 10, .batch = 4, .init = INIT_TORCH,
	                       .init_bias = true, .seed = 11, .seeds = SEEDS};
	struct layer_out all, one;
	assert_int_equal(layer_run(&s, curves, 2, &bias, 1, NULL, &all), 0);
	assert_int_equal(all.seeds_done, SEEDS);
	double dead[SEEDS], zero[SEEDS], md = 0, mz = 0;
	for (int k = 0; k < SEEDS; k++) {
		struct layer_spec t = s;
		t.seed = s.seed + (uint64_t)k;
		t.seeds = 1;
		assert_int_equal(layer_run(&t, curves, 2, &bias, 1, NULL, &one), 0);
		assert_double_equal(one.dead_se[0], 0, 0); /* one seed: no error */
		dead[k] = one.dead_share[0];
		zero[k] = one.zero_share[0];
		md += dead[k] / SEEDS;
		mz += zero[k] / SEEDS;
		/* leaky is never 0 for these inputs */
		assert_double_equal(one.zero_share[1], 0, 0);
		layer_out_free(&one);
	}
	double vd = 0, vz = 0;
	for (int k = 0; k < SEEDS; k++) {
		vd += (dead[k] - md) * (dead[k] - md) / (SEEDS - 1);
		vz += (zero[k] - mz) * (zero[k] - mz) / (SEEDS - 1);
	}
	assert_double_equal(all.dead_share[0], md, 1e-15);
	assert_double_equal(all.zero_share[0], mz, 1e-15);
	assert_true(vd > 0 && vz > 0);
	assert_double_equal(all.dead_se[0], sqrt(vd / SEEDS), 1e-12);
	assert_double_equal(all.zero_se[0], sqrt(vz / SEEDS), 1e-12);
	/* the rates are the first seed's layer's */
	struct layer_spec t = s;
	t.seeds = 1;
	assert_int_equal(layer_run(&t, curves, 2, &bias, 1, NULL, &one), 0);
	assert_memory_equal(all.rate, one.rate, 2 * N * sizeof *all.rate);
	layer_out_free(&one);
	layer_out_free(&all);
}

/* nn.Linear's bias: with every input 0, z is the bias alone, positive
 * for about half the seeds and within 1/sqrt(inputs); without it z is 0
 * and ReLU's output always is. */
static void test_torch_bias(void **state)
{
	(void)state;
	const struct actfn_curve *curves[] = {&relu};
	double bias = 0;
	struct stats_dist zero_input = {DIST_UNIFORM, 0, 0};
	struct layer_spec s = {.neurons = 1, .inputs = 10, .batch = 2, .init = INIT_TORCH,
	                       .init_bias = true, .input = &zero_input, .seed = 1, .seeds = 4000};
	struct layer_out out;
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, NULL, &out), 0);
	/* P(b <= 0) = 1/2: within 4 standard errors (1/(2 sqrt(4000)) each) */
	assert_true(fabs(out.zero_share[0] - 0.5) < 4 * 0.5 / sqrt(4000.0));
	assert_double_equal(out.dead_share[0], out.zero_share[0], 0);
	layer_out_free(&out);
	/* nor is the drawn bias ever -1/sqrt(10) or less: with 0.3 added, z
	 * is rarely <= 0; with 1/sqrt(10) added, never */
	bias = 0.3;
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, NULL, &out), 0);
	assert_true(out.zero_share[0] > 0 && out.zero_share[0] < 0.1);
	layer_out_free(&out);
	bias = 1 / sqrt(10.0) + 1e-9;
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, NULL, &out), 0);
	assert_double_equal(out.zero_share[0], 0, 0);
	layer_out_free(&out);
	s.init_bias = false;
	bias = 0;
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, NULL, &out), 0);
	assert_double_equal(out.zero_share[0], 1, 0);
	layer_out_free(&out);
}

/* Not under AddressSanitizer, which aborts on a request this large
 * (cmocka's skip() would read as a failure in automake's TAP driver). */
#ifndef HAVE_ASAN
static void test_out_of_memory(void **state)
{
	(void)state;
	const struct actfn_curve *curves[] = {&relu};
	double bias = 0;
	struct layer_out out;
	struct layer_spec s = {.neurons = 1000000000, .inputs = 1000000000, .batch = 1, .seed = 1};
	assert_int_equal(layer_run(&s, curves, 1, &bias, 1, NULL, &out), -1);
	assert_null(out.dead_share);
	assert_null(out.inactive_share);
	assert_null(out.rate);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_sd),
		cmocka_unit_test_setup(test_bias, setup),
		cmocka_unit_test_setup(test_same_layer_for_every_curve, setup),
		cmocka_unit_test_setup(test_inputs_odd_and_init, setup),
		cmocka_unit_test_setup(test_stop, setup),
		cmocka_unit_test_setup(test_seeds_pooled, setup),
		cmocka_unit_test_setup(test_torch_bias, setup),
#ifndef HAVE_ASAN
		cmocka_unit_test_setup(test_out_of_memory, setup),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
