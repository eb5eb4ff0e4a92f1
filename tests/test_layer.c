/* test_layer.c: a layer of neurons at initialisation: the spread of each
 * initialisation, what a bias does to the dead share, every input of an
 * odd count used, one layer for every curve, Ctrl-C between inputs, and
 * a layer too large to allocate. */
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
	/* weights, activations, flags and inputs */
	assert_double_equal(layer_memory(&s, 2, 3), 8.0 * 64 * 16 + 8.0 * 64 * 5 + 64.0 * 3 * 3 + 8.0 * 16,
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
#ifndef HAVE_ASAN
		cmocka_unit_test_setup(test_out_of_memory, setup),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
