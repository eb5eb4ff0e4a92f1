/* layer.c: one layer of neurons at initialisation, streamed over a batch
 * of random inputs in constant memory (but for the weights), and pooled
 * over the layers of many seeds. */
#define _POSIX_C_SOURCE 200809L
#include "layer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

double layer_weight_sd(enum layer_init init, double normal_sd, long fan_in, long fan_out)
{
	switch (init) {
	case INIT_HE:
		return sqrt(2.0 / (double)fan_in);
	case INIT_XAVIER:
		return sqrt(2.0 / (double)(fan_in + fan_out));
	case INIT_TORCH:
		return 1 / sqrt(3.0 * (double)fan_in); /* of U(-1/sqrt(k), 1/sqrt(k)) */
	case INIT_NORMAL:
		break;
	}
	return normal_sd;
}

double layer_init_sd(const struct layer_spec *spec)
{
	return layer_weight_sd(spec->init, spec->init_sd, spec->inputs, spec->neurons);
}

void layer_draw(struct rng *r, enum layer_init init, double mean, double normal_sd, double *w,
                double *b, long rows, long cols)
{
	size_t nw = (size_t)rows * (size_t)cols;
	if (init == INIT_TORCH) {
		double bound = 1 / sqrt((double)cols);
		for (size_t k = 0; k < nw; k++)
			w[k] = bound * (2 * rng_uniform(r) - 1);
		for (long j = 0; b && j < rows; j++)
			b[j] = bound * (2 * rng_uniform(r) - 1);
		return;
	}
	rng_normals(r, w, nw);
	double sd = layer_weight_sd(init, normal_sd, cols, rows);
	if (init != INIT_NORMAL)
		mean = 0;
	for (size_t k = 0; k < nw; k++)
		w[k] = mean + sd * w[k];
	for (long j = 0; b && j < rows; j++)
		b[j] = 0;
}

double layer_memory(const struct layer_spec *spec, int ncurves, int nbias)
{
	double n = (double)spec->neurons, nc = ncurves, nb = nbias;
	return 8 * n * (double)spec->inputs /* weights */
	       + 8 * n * 5                  /* biases, z, z + b, f, f' */
	       + 8 * n * nc * 2             /* counts, rates */
	       + n * nb * (nc + 1)          /* alive and positive flags */
	       + 8 * nc * nb * 6            /* zeros, the shares and their errors */
	       + 8 * (double)spec->inputs;
}

void layer_out_free(struct layer_out *out)
{
	free(out->dead_share);
	free(out->inactive_share);
	free(out->zero_share);
	free(out->dead_se);
	free(out->zero_se);
	free(out->rate);
	memset(out, 0, sizeof *out);
}

static long seeds_of(const struct layer_spec *spec)
{
	return spec->seeds > 1 ? spec->seeds : 1;
}

bool layer_interrupted(const struct layer_spec *spec, const struct layer_out *out)
{
	return out->seeds_done < seeds_of(spec) || out->rows_done < spec->batch;
}

/* What one seed's layer needs, allocated once for every seed. */
struct work {
	size_t nn, ni, nc, nb;
	double *w, *bias, *x, *z0, *z, *y, *dy;
	double *active;            /* [curve][neuron]: inputs with f' != 0 */
	unsigned char *alive;      /* [curve][bias][neuron]: f' != 0 for some input */
	unsigned char *positive;   /* [bias][neuron]: z > 0 for some input */
	double *zeros;             /* [curve][bias]: outputs f(z) = 0 */
};

static void work_free(struct work *k)
{
	free(k->w);
	free(k->bias);
	free(k->x);
	free(k->z0);
	free(k->z);
	free(k->y);
	free(k->dy);
	free(k->active);
	free(k->alive);
	free(k->positive);
	free(k->zeros);
}

static int work_alloc(struct work *k, const struct layer_spec *spec, int ncurves, int nbias)
{
	memset(k, 0, sizeof *k);
	k->nn = (size_t)spec->neurons;
	k->ni = (size_t)spec->inputs;
	k->nc = (size_t)ncurves;
	k->nb = (size_t)nbias;
	k->w = malloc(k->nn * k->ni * sizeof *k->w);
	k->bias = malloc(k->nn * sizeof *k->bias);
	k->x = malloc(k->ni * sizeof *k->x);
	k->z0 = malloc(k->nn * sizeof *k->z0);
	k->z = malloc(k->nn * sizeof *k->z);
	k->y = malloc(k->nn * sizeof *k->y);
	k->dy = malloc(k->nn * sizeof *k->dy);
	k->active = malloc(k->nc * k->nn * sizeof *k->active);
	k->alive = malloc(k->nc * k->nb * k->nn);
	k->positive = malloc(k->nb * k->nn);
	k->zeros = malloc(k->nc * k->nb * sizeof *k->zeros);
	if (k->w && k->bias && k->x && k->z0 && k->z && k->y && k->dy && k->active && k->alive &&
	    k->positive && k->zeros)
		return 0;
	work_free(k);
	return -1;
}

/* The weights, then each neuron's bias when the init draws it: the first
 * numbers of the seed's stream. */
static void draw_weights(const struct layer_spec *spec, struct work *k, struct rng *r)
{
	layer_draw(r, spec->init, spec->init_mean, spec->init_sd, k->w,
	           spec->init_bias ? k->bias : NULL, spec->neurons, spec->inputs);
	if (!spec->init_bias)
		memset(k->bias, 0, k->nn * sizeof *k->bias);
}

/* One input vector: N(0, 1) as drawn, or scaled to the distribution. */
static void draw_input(const struct stats_dist *d, double *x, size_t ni, struct rng *r)
{
	if (d && d->kind == DIST_UNIFORM) {
		for (size_t i = 0; i < ni; i++)
			x[i] = d->a + (d->b - d->a) * rng_uniform(r);
		return;
	}
	rng_normals(r, x, ni);
	if (d && !(d->a == 0 && d->b == 1))
		for (size_t i = 0; i < ni; i++)
			x[i] = d->a + d->b * x[i];
}

/* z0 = W x (+ each neuron's own bias), in a fixed order. */
static void preactivations(const struct layer_spec *spec, struct work *k)
{
	for (size_t j = 0; j < k->nn; j++) {
		const double *wj = k->w + j * k->ni;
		double a0 = 0, a1 = 0;
		size_t i = 0;
		for (; i + 2 <= k->ni; i += 2) {
			a0 += wj[i] * k->x[i];
			a1 += wj[i + 1] * k->x[i + 1];
		}
		if (i < k->ni)
			a0 += wj[i] * k->x[i];
		k->z0[j] = spec->init_bias ? (a0 + a1) + k->bias[j] : a0 + a1;
	}
}

/* One seed's layer fed its batch: the flags and counts in k. Returns the
 * inputs fed (fewer when stopped). */
static long run_seed(const struct layer_spec *spec, uint64_t seed,
                     const struct actfn_curve *const *curves, const double *biases,
                     volatile sig_atomic_t *stop, struct work *k)
{
	size_t nn = k->nn, nb = k->nb;
	memset(k->active, 0, k->nc * nn * sizeof *k->active);
	memset(k->alive, 0, k->nc * nb * nn);
	memset(k->positive, 0, nb * nn);
	memset(k->zeros, 0, k->nc * nb * sizeof *k->zeros);
	/* The weights first, then the inputs, from one stream: the same
	 * seed gives the same layer for every activation and every run. */
	struct rng r;
	rng_seed(&r, seed);
	draw_weights(spec, k, &r);
	long row;
	for (row = 0; row < spec->batch; row++) {
		if (stop && *stop)
			break;
		draw_input(spec->input, k->x, k->ni, &r);
		preactivations(spec, k);
		for (size_t b = 0; b < nb; b++) {
			for (size_t j = 0; j < nn; j++) {
				k->z[j] = k->z0[j] + biases[b];
				k->positive[b * nn + j] |= k->z[j] > 0;
			}
			for (size_t c = 0; c < k->nc; c++) {
				actfn_eval(curves[c], k->z, k->y, k->dy, nn);
				unsigned char *a = k->alive + (c * nb + b) * nn;
				size_t zeros = 0;
				for (size_t j = 0; j < nn; j++) {
					bool grad = k->dy[j] != 0;
					a[j] |= grad;
					zeros += k->y[j] == 0;
					if (b == 0)
						k->active[c * nn + j] += grad;
				}
				k->zeros[c * nb + b] += (double)zeros;
			}
		}
	}
	return row;
}

/* The standard error of the mean of n layers' shares, from the sum of
 * their squares and their mean: 0 for one layer. */
static double standard_error(double sumsq, double mean, long n)
{
	if (n < 2)
		return 0;
	double var = (sumsq - (double)n * mean * mean) / (double)(n - 1);
	return var > 0 ? sqrt(var / (double)n) : 0;
}

int layer_run(const struct layer_spec *spec, const struct actfn_curve *const *curves, int ncurves,
              const double *biases, int nbias, volatile sig_atomic_t *stop, struct layer_out *out)
{
	memset(out, 0, sizeof *out);
	size_t nc = (size_t)ncurves, nb = (size_t)nbias, nn = (size_t)spec->neurons;
	struct work k;
	if (work_alloc(&k, spec, ncurves, nbias) < 0)
		return -1;
	out->dead_share = calloc(nc * nb, sizeof *out->dead_share);
	out->inactive_share = calloc(nc * nb, sizeof *out->inactive_share);
	out->zero_share = calloc(nc * nb, sizeof *out->zero_share);
	out->dead_se = calloc(nc * nb, sizeof *out->dead_se);
	out->zero_se = calloc(nc * nb, sizeof *out->zero_se);
	out->rate = calloc(nc * nn, sizeof *out->rate);
	if (!out->dead_share || !out->inactive_share || !out->zero_share || !out->dead_se ||
	    !out->zero_se || !out->rate) {
		work_free(&k);
		layer_out_free(out);
		return -1;
	}
	/* Counts summed over the seeds in the shares' arrays, divided at the
	 * end: neurons for dead and inactive, outputs for zero; the squares
	 * of each layer's dead and zero shares in the arrays of their
	 * standard errors. */
	double rows_fed = 0;
	for (long s = 0; s < seeds_of(spec); s++) {
		if (s > 0 && stop && *stop)
			break;
		long rows = run_seed(spec, spec->seed + (uint64_t)s, curves, biases, stop, &k);
		if (s > 0 && rows < spec->batch)
			break; /* a layer cut short counts only when it is the first */
		for (size_t i = 0; i < nc * nb; i++) {
			size_t c = i / nb, b = i % nb, dead = 0, inactive = 0;
			for (size_t j = 0; j < nn; j++) {
				dead += !k.alive[i * nn + j];
				inactive += !k.positive[b * nn + j];
			}
			out->dead_share[i] += (double)dead;
			out->inactive_share[i] += (double)inactive;
			out->zero_share[c * nb + b] += k.zeros[i];
			double d = (double)dead / (double)nn;
			double z = rows ? k.zeros[i] / ((double)nn * (double)rows) : 0;
			out->dead_se[i] += d * d;
			out->zero_se[i] += z * z;
		}
		if (s == 0)
			for (size_t i = 0; i < nc * nn; i++)
				out->rate[i] = rows ? k.active[i] / (double)rows : 0;
		rows_fed += (double)rows;
		out->seeds_done = s + 1;
		out->rows_done = rows;
	}
	for (size_t i = 0; i < nc * nb; i++) {
		out->dead_share[i] /= (double)nn * (double)out->seeds_done;
		out->inactive_share[i] /= (double)nn * (double)out->seeds_done;
		out->zero_share[i] = rows_fed > 0 ? out->zero_share[i] / ((double)nn * rows_fed) : 0;
		out->dead_se[i] = standard_error(out->dead_se[i], out->dead_share[i], out->seeds_done);
		out->zero_se[i] = standard_error(out->zero_se[i], out->zero_share[i], out->seeds_done);
	}
	work_free(&k);
	return 0;
}
