/* layer.c: one layer of neurons at initialisation, streamed over a batch
 * of random inputs in constant memory (but for the weights). */
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
	double n = (double)spec->neurons;
	return 8 * n * (double)spec->inputs      /* weights */
	       + 8 * n * (3 + ncurves)           /* z, z + b, f, counts */
	       + n * (double)nbias * (ncurves + 1) /* alive and positive flags */
	       + 8 * (double)spec->inputs;
}

void layer_out_free(struct layer_out *out)
{
	free(out->dead_share);
	free(out->inactive_share);
	free(out->rate);
	memset(out, 0, sizeof *out);
}

int layer_run(const struct layer_spec *spec, const struct actfn_curve *const *curves, int ncurves,
              const double *biases, int nbias, volatile sig_atomic_t *stop, struct layer_out *out)
{
	memset(out, 0, sizeof *out);
	size_t nn = (size_t)spec->neurons, ni = (size_t)spec->inputs;
	size_t nc = (size_t)ncurves, nb = (size_t)nbias;
	double *w = malloc(nn * ni * sizeof *w);
	double *x = malloc(ni * sizeof *x);
	double *z0 = malloc(nn * sizeof *z0), *z = malloc(nn * sizeof *z);
	double *y = malloc(nn * sizeof *y), *dy = malloc(nn * sizeof *dy);
	double *active = calloc(nc * nn, sizeof *active);
	unsigned char *alive = calloc(nc * nb * nn, 1), *positive = calloc(nb * nn, 1);
	out->dead_share = calloc(nc * nb, sizeof *out->dead_share);
	out->inactive_share = calloc(nc * nb, sizeof *out->inactive_share);
	out->rate = calloc(nc * nn, sizeof *out->rate);
	int rc = -1;
	if (!w || !x || !z0 || !z || !y || !dy || !active || !alive || !positive ||
	    !out->dead_share || !out->inactive_share || !out->rate)
		goto done;

	/* The weights first, then the inputs, from one stream: the same
	 * seed gives the same layer for every activation and every run. */
	struct rng r;
	rng_seed(&r, spec->seed);
	layer_draw(&r, spec->init, spec->init_mean, spec->init_sd, w, NULL, spec->neurons,
	           spec->inputs);

	long row;
	for (row = 0; row < spec->batch; row++) {
		if (stop && *stop)
			break;
		rng_normals(&r, x, ni);
		for (size_t j = 0; j < nn; j++) {
			const double *wj = w + j * ni;
			double a0 = 0, a1 = 0;
			size_t i = 0;
			for (; i + 2 <= ni; i += 2) {
				a0 += wj[i] * x[i];
				a1 += wj[i + 1] * x[i + 1];
			}
			if (i < ni)
				a0 += wj[i] * x[i];
			z0[j] = a0 + a1;
		}
		for (size_t k = 0; k < nb; k++) {
			for (size_t j = 0; j < nn; j++) {
				z[j] = z0[j] + biases[k];
				positive[k * nn + j] |= z[j] > 0;
			}
			for (size_t c = 0; c < nc; c++) {
				actfn_eval(curves[c], z, y, dy, nn);
				unsigned char *a = alive + (c * nb + k) * nn;
				for (size_t j = 0; j < nn; j++) {
					bool grad = dy[j] != 0;
					a[j] |= grad;
					if (k == 0)
						active[c * nn + j] += grad;
				}
			}
		}
	}
	out->rows_done = row;
	for (size_t c = 0; c < nc; c++) {
		for (size_t k = 0; k < nb; k++) {
			size_t dead = 0, inactive = 0;
			for (size_t j = 0; j < nn; j++) {
				dead += !alive[(c * nb + k) * nn + j];
				inactive += !positive[k * nn + j];
			}
			out->dead_share[c * nb + k] = (double)dead / (double)nn;
			out->inactive_share[c * nb + k] = (double)inactive / (double)nn;
		}
		for (size_t j = 0; j < nn; j++)
			out->rate[c * nn + j] = row ? active[c * nn + j] / (double)row : 0;
	}
	rc = 0;
done:
	free(w);
	free(x);
	free(z0);
	free(z);
	free(y);
	free(dy);
	free(active);
	free(alive);
	free(positive);
	if (rc < 0)
		layer_out_free(out);
	return rc;
}
