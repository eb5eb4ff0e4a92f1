/* bench.c: times an activation's array evaluation, f alone and f with f',
 * honestly: warmed up, repeated, each repeat timed on its own, the
 * results consumed, and the quartiles of the repeats kept with the
 * fastest, so that a busy machine shows as a spread. */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rng.h"

/* Where the passes' results go, so that no compiler may drop a pass as
 * unused (actfn_eval is in another file, but link-time optimisation
 * could see through it). */
static volatile double sink;

double bench_monotonic(void *ctx)
{
	(void)ctx;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_memory(long size)
{
	return 3 * 8 * (double)size;
}

int bench_alloc(struct bench_arrays *a, long size, uint64_t seed)
{
	a->n = (size_t)size;
	a->x = malloc(a->n * sizeof *a->x);
	a->y = malloc(a->n * sizeof *a->y);
	a->dy = malloc(a->n * sizeof *a->dy);
	if (!a->x || !a->y || !a->dy) {
		bench_free(a);
		return -1;
	}
	struct rng r;
	rng_seed(&r, seed);
	rng_normals(&r, a->x, a->n);
	return 0;
}

void bench_free(struct bench_arrays *a)
{
	free(a->x);
	free(a->y);
	free(a->dy);
	memset(a, 0, sizeof *a);
}

/* passes over the array: f alone, or f and f'. */
static void passes(const struct actfn_curve *c, const struct bench_arrays *a, long n, bool deriv)
{
	for (long i = 0; i < n; i++)
		actfn_eval(c, a->x, a->y, deriv ? a->dy : NULL, a->n);
}

/* The seconds one timed repeat takes. */
static double timed(const struct actfn_curve *c, const struct bench_arrays *a, long n, bool deriv,
                    bench_clock now, void *ctx)
{
	double t0 = now(ctx);
	passes(c, a, n, deriv);
	return now(ctx) - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The p-quantile of sorted v, interpolated between neighbours (numpy's
 * default, "linear"). */
static double quantile(const double *v, long n, double p)
{
	double h = (double)(n - 1) * p;
	long i = (long)floor(h);
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (h - (double)i) * (v[i + 1] - v[i]);
}

/* Seconds per repeat (sorted here) to nanoseconds per element. */
static void summarise(double *sec, long n, double elements, struct bench_timing *t)
{
	if (n == 0) {
		*t = (struct bench_timing){NAN, NAN, NAN, NAN, NAN};
		return;
	}
	qsort(sec, (size_t)n, sizeof *sec, cmp_double);
	double k = 1e9 / elements;
	*t = (struct bench_timing){quantile(sec, n, 0.5) * k, quantile(sec, n, 0.25) * k,
	                           quantile(sec, n, 0.75) * k, sec[0] * k, sec[n - 1] * k};
}

double bench_spread(const struct bench_timing *t)
{
	return (t->q3 - t->q1) / t->median;
}

/* Room for repeat r in both lists of times, grown by doubling. */
static int room(double **a, double **b, long *cap, long r)
{
	if (r < *cap)
		return 0;
	long cap2 = *cap ? 2 * *cap : 256;
	double *a2 = realloc(*a, (size_t)cap2 * sizeof **a);
	if (!a2)
		return -1;
	*a = a2;
	double *b2 = realloc(*b, (size_t)cap2 * sizeof **b);
	if (!b2)
		return -1;
	*b = b2;
	*cap = cap2;
	return 0;
}

int bench_curve(const struct actfn_curve *c, const struct bench_spec *spec,
                const struct bench_arrays *a, bench_clock now, void *clock_ctx,
                volatile sig_atomic_t *stop, struct bench_result *out)
{
	memset(out, 0, sizeof *out);
	long np = (long)ceil(BENCH_REPEAT_ELEMENTS / (double)a->n);
	out->passes = np;
	/* Warm-up: caches, page faults of the outputs, the clock speed. */
	double t0 = now(clock_ctx);
	do {
		passes(c, a, 1, false);
		passes(c, a, 1, true);
	} while (now(clock_ctx) - t0 < spec->warmup && !(stop && *stop));

	double *ty = NULL, *tyd = NULL, spent = 0, sum = 0;
	long cap = 0, r = 0, max = spec->repeats > 0 ? spec->repeats : (long)BENCH_REPEATS_MAX;
	int rc = 0;
	for (; r < max; r++) {
		if (spec->repeats == 0 && r >= BENCH_REPEATS_MIN && spent >= spec->budget)
			break;
		if (stop && *stop) {
			rc = 1;
			break;
		}
		if (room(&ty, &tyd, &cap, r) < 0) {
			rc = -1;
			break;
		}
		/* f first on even repeats, f and f' first on odd ones: neither
		 * always finds the other's data in the cache */
		bool deriv_first = r % 2;
		double t1 = timed(c, a, np, deriv_first, now, clock_ctx);
		double t2 = timed(c, a, np, !deriv_first, now, clock_ctx);
		ty[r] = deriv_first ? t2 : t1;
		tyd[r] = deriv_first ? t1 : t2;
		spent += t1 + t2;
		/* an element of each output, one that moves, into the sum */
		size_t i = (size_t)r % a->n;
		sum += a->y[i] + a->dy[i];
	}
	if (rc >= 0) {
		double elements = (double)np * (double)a->n;
		out->repeats = r;
		summarise(ty, r, elements, &out->y);
		summarise(tyd, r, elements, &out->y_dy);
		out->checksum = sum;
		sink = sink + sum;
	}
	free(ty);
	free(tyd);
	return rc;
}
