/* test_train.c: backpropagation against central finite differences for
 * every activation, reproducibility, and that ReLU units die where the
 * others keep learning. */
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
#include "kernel.h"
#include "simd.h"
#include "train.h"

static struct train_spec small(enum train_task task)
{
	return (struct train_spec){.width = 5, .depth = 2, .batch = 7, .steps = 10, .every = 1,
	                           .lr = 0.05, .bias = 0.1, .init = INIT_HE, .task = task,
	                           .opt = OPT_SGD, .seed = 3};
}

/* Every parameter's gradient against (L(p + h) - L(p - h)) / 2h. */
static void check_gradients(const char *name, enum train_task task)
{
	struct actfn_curve c;
	actfn_curve_default(&c, actfn_lookup(name, strlen(name)));
	if (strcmp(name, "threshold") == 0) {
		c.p[0] = 0.1;
		c.p[1] = -0.5;
	}
	struct train_spec s = small(task);
	struct train *t = train_new(&s, &c, 1);
	assert_non_null(t);
	size_t n = train_nparams(t);
	double *g = malloc(n * sizeof *g);
	train_loss_grad(t, 0, g);
	double *p = train_params(t, 0);
	bool learned = actfn_learned(&c);
	size_t checked = learned ? n : n - (size_t)s.depth;
	for (size_t k = 0; k < checked; k++) {
		double keep = p[k], h = 1e-6 * fmax(1, fabs(keep));
		p[k] = keep + h;
		double up = train_loss_grad(t, 0, NULL);
		p[k] = keep - h;
		double down = train_loss_grad(t, 0, NULL);
		p[k] = keep;
		double fd = (up - down) / (2 * h);
		if (fabs(fd - g[k]) > 1e-5 * fmax(1e-3, fmax(fabs(fd), fabs(g[k]))))
			fail_msg("%s: parameter %zu of %zu: backprop %.10g, finite difference %.10g", name, k,
			         n, g[k], fd);
	}
	free(g);
	train_free(t);
}

static void test_gradients(void **state)
{
	(void)state;
	for (size_t i = 0; i < actfn_count(); i++) {
		check_gradients(actfn_at(i)->name, TASK_SIN);
		check_gradients(actfn_at(i)->name, TASK_SPIRALS);
	}
}

/* The kernels against the naive sums in the same order, to the last bit,
 * on every vector path this machine runs, odd sizes and a short batch in
 * its padding included: the order of each sum is what keeps the bytes the
 * same on every CPU. */
static double lanes8(const double l[8])
{
	return ((l[0] + l[4]) + (l[2] + l[6])) + ((l[1] + l[5]) + (l[3] + l[7]));
}

static void test_kernels(void **state)
{
	(void)state;
	enum { N = 13, K = 37, BP = 72, B = 67 };
	static double W[N * K], b[N], A[K * BP], Z[N * BP], dZ[N * BP], dA[K * BP];
	static double dW[N * K], db[N], dW2[N * K], db2[N];
	for (int i = 0; i < N * K; i++)
		W[i] = sin(i + 1.0);
	for (int i = 0; i < N; i++)
		b[i] = cos(i + 2.0);
	for (int i = 0; i < K * BP; i++)
		A[i] = sin(3.0 * i);
	for (int i = 0; i < N * BP; i++)
		dZ[i] = i % BP < B ? cos(0.7 * i) : 0; /* the padding of dZ is zero */
	for (int p = 0; p < SIMD_NPATHS; p++) {
		if (!simd_force((enum simd_path)p))
			continue;
		kernel_forward(W, b, A, Z, N, K, BP);
		kernel_backward_input(W, dZ, dA, N, K, BP);
		kernel_weight_grad(dZ, A, dW, db, N, K, B, BP);
		kernel_weight_grad_dot(dZ, A, dW2, db2, N, K, BP);
		for (int n = 0; n < N; n++)
			for (int j = 0; j < BP; j++) {
				double s = b[n];
				for (int k = 0; k < K; k++)
					s += W[n * K + k] * A[k * BP + j];
				assert_true(s == Z[n * BP + j]);
			}
		for (int k = 0; k < K; k++)
			for (int j = 0; j < BP; j++) {
				double s = 0;
				for (int n = 0; n < N; n++)
					s += W[n * K + k] * dZ[n * BP + j];
				assert_true(s == dA[k * BP + j]);
			}
		for (int n = 0; n < N; n++) {
			double lane[8] = {0};
			for (int j = 0; j < BP; j++)
				lane[j % 8] += dZ[n * BP + j];
			assert_true(lanes8(lane) == db[n] && db[n] == db2[n]);
			for (int k = 0; k < K; k++) {
				double s = 0, l8[8] = {0};
				for (int j = 0; j < B; j++)
					s += dZ[n * BP + j] * A[k * BP + j];
				for (int j = 0; j < BP; j++)
					l8[j % 8] += dZ[n * BP + j] * A[k * BP + j];
				assert_true(s == dW[n * K + k]);
				assert_true(lanes8(l8) == dW2[n * K + k]);
			}
		}
	}
	simd_select(NULL, NULL, 0);
}

/* The elementwise work on every path, at lengths that end between the
 * eight-element chunks: the tail counts, and the padding past b never. */
static void test_elementwise(void **state)
{
	(void)state;
	enum { ROWS = 6, B = 67, BP = 72, N = 75 };
	static double d[ROWS * BP], z[N], a[N], b[N], p[N], g[N];
	for (int u = 0; u < ROWS; u++)
		for (int j = 0; j < BP; j++)
			d[u * BP + j] = j >= B ? 1 : 0; /* the padding is never zero */
	d[1 * BP + 0] = 2;      /* first chunk */
	d[2 * BP + 66] = -1e-300; /* the tail, last sample */
	d[3 * BP + 63] = 0.5;   /* last sample of the chunks */
	d[4 * BP + 64] = -0.0;  /* zero all the same */
	for (int i = 0; i < N; i++) {
		a[i] = sin(i + 1.0);
		b[i] = cos(2.0 * i);
		g[i] = sin(0.3 * i);
	}
	for (int q = 0; q < SIMD_NPATHS; q++) {
		if (!simd_force((enum simd_path)q))
			continue;
		long dead = -1;
		kernel_dead_rows(d, ROWS, B, BP, &dead);
		assert_int_equal(dead, 3); /* rows 0, 4 and 5 */
		kernel_mul(z, a, b, N);
		for (int i = 0; i < N; i++)
			p[i] = cos(i + 0.5);
		kernel_sgd(p, g, 0.01, N);
		for (int i = 0; i < N; i++) {
			assert_true(z[i] == a[i] * b[i]);
			assert_true(p[i] == cos(i + 0.5) - 0.01 * g[i]);
		}
	}
	simd_select(NULL, NULL, 0);
}

/* Same seed, same numbers; a different seed, others. */
static void test_reproducible(void **state)
{
	(void)state;
	struct actfn_curve c[2];
	actfn_curve_default(&c[0], actfn_lookup("relu", 4));
	actfn_curve_default(&c[1], actfn_lookup("prelu", 5));
	struct train_spec s = small(TASK_SIN);
	s.steps = 50;
	struct train_report a[2], b[2];
	struct train *t1 = train_new(&s, c, 2), *t2 = train_new(&s, c, 2);
	for (int i = 0; i < 50; i++) {
		train_step(t1, a);
		train_step(t2, b);
	}
	assert_memory_equal(a, b, sizeof a);
	assert_true(a[1].param != 0.25); /* PReLU's slope was learned */
	train_free(t1);
	train_free(t2);
	s.seed = 4;
	t1 = train_new(&s, c, 2);
	train_step(t1, b);
	train_free(t1);
	t2 = train_new(&s, c, 2);
	struct train_report first[2];
	train_step(t2, first);
	assert_memory_equal(first, b, sizeof b);
	train_free(t2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kernels),
		cmocka_unit_test(test_elementwise),
		cmocka_unit_test(test_gradients),
		cmocka_unit_test(test_reproducible),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
