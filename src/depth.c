/* depth.c: the network behind `depth`: square layers of one width, the
 * forward pass with each layer's statistics, then backpropagation from a
 * unit direction at the top to every layer's weight gradient, on the
 * kernels `train` runs (unit-major [unit][sample], the batch padded). */
#define _POSIX_C_SOURCE 200809L
#include "depth.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernel.h"
#include "rng.h"

struct depth {
	struct depth_spec spec;
	long bp;                /* the batch padded */
	double *W, *b;          /* [layers][width][width], [layers][width] */
	double *x, *g;          /* the inputs and the top's direction, [width][bp] */
	double *a, *d;          /* f and f' of each layer, [layers][width][bp] */
	double *z, *dz, *da;    /* work, [width][bp] */
	double *dW, *db;        /* one layer's gradient */
};

/* The sizes of the pieces, in doubles; memory and allocation agree. */
static size_t cells(const struct depth_spec *s)
{
	return (size_t)s->width * (size_t)kernel_padded(s->batch);
}

static size_t weights(const struct depth_spec *s)
{
	return (size_t)s->width * (size_t)s->width;
}

double depth_memory(const struct depth_spec *s)
{
	double c = (double)cells(s), w = (double)weights(s), L = (double)s->layers;
	return 8 * (L * (w + (double)s->width + 2 * c) + 5 * c + w + (double)s->width);
}

void depth_free(struct depth *d)
{
	if (!d)
		return;
	free(d->W);
	free(d->b);
	free(d->x);
	free(d->g);
	free(d->a);
	free(d->d);
	free(d->z);
	free(d->dz);
	free(d->da);
	free(d->dW);
	free(d->db);
	free(d);
}

/* x scaled by a power of two that brings the largest |x| into [1, 2):
 * sums of squares of the scaled values neither overflow nor underflow
 * where the values are far from 1 (exploding or vanishing), and the
 * scaling is exact. 1 when the largest is 0, inf or nan. */
static double scale_of(double largest)
{
	if (!(largest > 0) || !isfinite(largest))
		return 1;
	return ldexp(1, -ilogb(largest));
}

/* Eight chains, added in one fixed order: fast, and the same bytes on
 * every machine. */
static double lanes8(const double l[8])
{
	return ((l[0] + l[4]) + (l[2] + l[6])) + ((l[1] + l[5]) + (l[3] + l[7]));
}

/* The Frobenius norm of v[0..n), NaN if any entry is. */
static double norm(const double *v, size_t n)
{
	double largest = 0;
	bool nan = false;
	for (size_t i = 0; i < n; i++) {
		double m = fabs(v[i]);
		largest = m > largest ? m : largest;
		nan |= m != m;
	}
	if (nan)
		return NAN;
	if (isinf(largest) || largest == 0)
		return largest;
	double s = scale_of(largest), l[8] = {0};
	size_t i = 0;
	for (; i + 8 <= n; i += 8)
		for (int k = 0; k < 8; k++)
			l[k] += (v[i + k] * s) * (v[i + k] * s);
	for (; i < n; i++)
		l[i % 8] += (v[i] * s) * (v[i] * s);
	return sqrt(lanes8(l)) / s;
}

/* The mean, standard deviation and share of zeros of a layer's outputs
 * a ([width][bp]), over its units and the real samples. */
static void moments(const struct depth *d, const double *a, struct depth_stats *st)
{
	long w = d->spec.width, b = d->spec.batch, bp = d->bp;
	double largest = 0, sum[8] = {0}, sq[8] = {0};
	long zeros = 0;
	for (long u = 0; u < w; u++) {
		for (long j = 0; j < b; j++) {
			double m = fabs(a[u * bp + j]);
			largest = m > largest || m != m ? m : largest;
			zeros += m == 0;
		}
	}
	double s = scale_of(largest), n = (double)w * (double)b;
	for (long u = 0; u < w; u++)
		for (long j = 0; j < b; j++)
			sum[j % 8] += a[u * bp + j] * s;
	double mean = lanes8(sum) / n;
	for (long u = 0; u < w; u++) {
		for (long j = 0; j < b; j++) {
			double e = a[u * bp + j] * s - mean;
			sq[j % 8] += e * e;
		}
	}
	st->act_mean = mean / s;
	/* an infinite output: an infinite spread, not inf - inf */
	st->act_std = isinf(largest) ? largest : sqrt(lanes8(sq) / n) / s;
	st->zero_share = (double)zeros / n;
}

struct depth *depth_new(const struct depth_spec *spec)
{
	struct depth *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->spec = *spec;
	d->bp = kernel_padded(spec->batch);
	size_t L = (size_t)spec->layers, w = (size_t)spec->width, c = cells(spec);
	d->W = kernel_doubles(L * weights(spec));
	d->b = kernel_doubles(L * w);
	d->x = kernel_doubles(c);
	d->g = kernel_doubles(c);
	d->a = kernel_doubles(L * c);
	d->d = kernel_doubles(L * c);
	d->z = kernel_doubles(c);
	d->dz = kernel_doubles(c);
	d->da = kernel_doubles(c);
	d->dW = kernel_doubles(weights(spec));
	d->db = kernel_doubles(w);
	if (!d->W || !d->b || !d->x || !d->g || !d->a || !d->d || !d->z || !d->dz || !d->da ||
	    !d->dW || !d->db) {
		depth_free(d);
		return NULL;
	}
	struct rng r;
	rng_seed(&r, spec->seed);
	for (size_t l = 0; l < L; l++)
		layer_draw(&r, spec->init, spec->init_mean, spec->init_sd, d->W + l * weights(spec),
		           d->b + l * w, spec->width, spec->width);
	/* the padding of x and g stays 0: padded samples get no gradient */
	for (size_t u = 0; u < w; u++)
		rng_normals(&r, d->x + u * (size_t)d->bp, (size_t)spec->batch);
	for (size_t u = 0; u < w; u++)
		rng_normals(&r, d->g + u * (size_t)d->bp, (size_t)spec->batch);
	double n = norm(d->g, c);
	for (size_t i = 0; i < c; i++)
		d->g[i] /= n;
	return d;
}

double *depth_weights(struct depth *d, long l)
{
	return d->W + (size_t)l * weights(&d->spec);
}

/* Layer l's outputs and derivatives, from its inputs; the padding of the
 * outputs is set to 0, so that what the padded samples reach (the biases,
 * or an overflow) never comes back into the sums along the batch. */
static void forward_layer(struct depth *d, const struct actfn_curve *fn, long l)
{
	long w = d->spec.width, bp = d->bp;
	size_t c = cells(&d->spec);
	const double *in = l ? d->a + (size_t)(l - 1) * c : d->x;
	double *a = d->a + (size_t)l * c, *df = d->d + (size_t)l * c;
	kernel_forward(depth_weights(d, l), d->b + (size_t)l * (size_t)w, in, d->z, w, w, bp);
	actfn_eval(fn, d->z, a, df, c);
	for (long u = 0; u < w; u++) {
		for (long j = d->spec.batch; j < bp; j++) {
			a[u * bp + j] = 0;
			df[u * bp + j] = 0;
		}
	}
}

int depth_run(struct depth *d, const struct actfn_curve *fn, volatile sig_atomic_t *stop,
              struct depth_stats *stats)
{
	long L = d->spec.layers, w = d->spec.width, bp = d->bp;
	size_t c = cells(&d->spec);
	for (long l = 0; l < L; l++) {
		if (stop && *stop)
			return 1;
		forward_layer(d, fn, l);
		moments(d, d->a + (size_t)l * c, &stats[l]);
	}
	/* back from dL/d(top output) = G: dz = da f'(z), dW = dz a^T, and
	 * the gradient reaching the layer below, W^T dz */
	const double *da = d->g;
	for (long l = L - 1; l >= 0; l--) {
		if (stop && *stop)
			return 1;
		const double *in = l ? d->a + (size_t)(l - 1) * c : d->x;
		kernel_mul(d->dz, da, d->d + (size_t)l * c, c);
		kernel_layer_grad(d->dz, in, d->dW, d->db, w, w, d->spec.batch, bp);
		stats[l].grad_norm = norm(d->dW, weights(&d->spec));
		if (l > 0) {
			kernel_backward_input(depth_weights(d, l), d->dz, d->da, w, w, bp);
			da = d->da;
		}
	}
	return 0;
}

double depth_loss(struct depth *d, const struct actfn_curve *fn)
{
	for (long l = 0; l < d->spec.layers; l++)
		forward_layer(d, fn, l);
	size_t c = cells(&d->spec);
	const double *top = d->a + (size_t)(d->spec.layers - 1) * c;
	double loss = 0;
	for (size_t i = 0; i < c; i++)
		loss += d->g[i] * top[i];
	return loss;
}
