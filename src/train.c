/* train.c: the multilayer perceptron behind `train`: forward pass,
 * backpropagation written out by hand, SGD and Adam. Activations are kept
 * unit-major ([unit][sample], the batch padded to a multiple of 8) so that
 * every product runs along the batch in vector registers. */
#define _POSIX_C_SOURCE 200809L
#include "train.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "kernel.h"
#include "rng.h"

#define MAX_LAYERS (LIMIT_TRAIN_DEPTH + 1)

struct net {
	struct actfn_curve fn;
	bool learned;           /* its first parameter is trained (PReLU) */
	double *params, *grad, *m, *v;
	double *W[MAX_LAYERS], *b[MAX_LAYERS], *gW[MAX_LAYERS], *gb[MAX_LAYERS];
	double *slope, *gslope; /* [depth]: the learned parameter per layer */
};

struct train {
	struct train_spec spec;
	int n, layers;          /* hidden layers + the output layer */
	long in_dim, bp;        /* bp: the batch padded */
	long rows[MAX_LAYERS], cols[MAX_LAYERS]; /* layer l maps cols -> rows */
	size_t nparams;
	struct net *nets;
	double *x, *y;          /* the step's batch: [in_dim][bp], [bp] */
	double *z[MAX_LAYERS], *a[MAX_LAYERS], *d[MAX_LAYERS];
	double *dz, *da, *tmp;  /* backward work, [width][bp] */
	struct rng data;
	long step;
	bool batch_ready;
};

static long input_dim(const struct train_spec *s)
{
	return s->task == TASK_SPIRALS ? 2 : 1;
}

static size_t count_params(const struct train_spec *s)
{
	size_t n = 0, k = (size_t)input_dim(s), w = (size_t)s->width;
	for (long l = 0; l < s->depth; l++) {
		n += w * k + w;
		k = w;
	}
	return n + w + 1 + (size_t)s->depth; /* output layer, then the slopes */
}

double train_memory(const struct train_spec *s, int n)
{
	double bp = (double)kernel_padded(s->batch), w = (double)s->width;
	double per_net = 4.0 * (double)count_params(s) * 8;
	double work = 8 * (bp * (3 * w * (double)s->depth + 2 * w + 4));
	return n * per_net + work;
}

long train_default_every(long steps)
{
	return (steps + 49) / 50;
}

bool train_reported(const struct train_spec *s, long step)
{
	return step == 1 || step == s->steps || step % s->every == 0;
}

/* Points a network's layer pointers into its flat vectors. */
static void wire(struct train *t, struct net *net)
{
	size_t off = 0;
	for (int l = 0; l < t->layers; l++) {
		size_t nw = (size_t)(t->rows[l] * t->cols[l]);
		net->W[l] = net->params + off;
		net->gW[l] = net->grad + off;
		off += nw;
		net->b[l] = net->params + off;
		net->gb[l] = net->grad + off;
		off += (size_t)t->rows[l];
	}
	net->slope = net->params + off;
	net->gslope = net->grad + off;
}

void train_free(struct train *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->n && t->nets; i++) {
		free(t->nets[i].params);
		free(t->nets[i].grad);
		free(t->nets[i].m);
		free(t->nets[i].v);
	}
	free(t->nets);
	free(t->x);
	free(t->y);
	for (int l = 0; l < MAX_LAYERS; l++) {
		free(t->z[l]);
		free(t->a[l]);
		free(t->d[l]);
	}
	free(t->dz);
	free(t->da);
	free(t->tmp);
	free(t);
}

struct train *train_new(const struct train_spec *spec, const struct actfn_curve *curves, int n)
{
	struct train *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->spec = *spec;
	t->n = n;
	t->layers = (int)spec->depth + 1;
	t->in_dim = input_dim(spec);
	t->bp = kernel_padded(spec->batch);
	long k = t->in_dim;
	for (int l = 0; l < t->layers; l++) {
		t->cols[l] = k;
		t->rows[l] = l + 1 == t->layers ? 1 : spec->width;
		k = t->rows[l];
	}
	t->nparams = count_params(spec);
	size_t bp = (size_t)t->bp, w = (size_t)spec->width;
	t->nets = calloc((size_t)n, sizeof *t->nets);
	t->x = kernel_doubles((size_t)t->in_dim * bp);
	t->y = kernel_doubles(bp);
	t->dz = kernel_doubles(w * bp);
	t->da = kernel_doubles(w * bp);
	t->tmp = kernel_doubles(w * bp);
	bool ok = t->nets && t->x && t->y && t->dz && t->da && t->tmp;
	for (int l = 0; l < t->layers && ok; l++) {
		size_t cells = (size_t)t->rows[l] * bp;
		t->z[l] = kernel_doubles(cells);
		t->a[l] = kernel_doubles(cells);
		t->d[l] = kernel_doubles(cells);
		ok = t->z[l] && t->a[l] && t->d[l];
	}
	for (int i = 0; i < n && ok; i++) {
		struct net *net = &t->nets[i];
		net->fn = curves[i];
		net->learned = actfn_learned(&curves[i]);
		net->params = kernel_doubles(t->nparams);
		net->grad = kernel_doubles(t->nparams);
		net->m = kernel_doubles(t->nparams);
		net->v = kernel_doubles(t->nparams);
		ok = net->params && net->grad && net->m && net->v;
		if (ok)
			wire(t, net);
	}
	if (!ok) {
		train_free(t);
		return NULL;
	}
	/* One set of initial weights for all: drawn once, copied. */
	struct rng r;
	rng_seed(&r, spec->seed);
	struct net *first = &t->nets[0];
	for (int l = 0; l < t->layers; l++) {
		bool hidden = l + 1 < t->layers;
		layer_draw(&r, spec->init, spec->init_mean, spec->init_sd, first->W[l], first->b[l],
		           t->rows[l], t->cols[l]);
		/* a bias given is the hidden units' starting bias */
		if (hidden && spec->set_bias)
			for (long j = 0; j < t->rows[l]; j++)
				first->b[l][j] = spec->bias;
	}
	for (int i = 0; i < n; i++) {
		struct net *net = &t->nets[i];
		if (i > 0)
			memcpy(net->params, first->params, t->nparams * sizeof *net->params);
		for (long l = 0; l < spec->depth; l++)
			net->slope[l] = net->fn.p[0];
	}
	/* the data stream: its own, so weights and data never overlap */
	rng_seed(&t->data, spec->seed ^ 0x5851f42d4c957f2du);
	return t;
}

size_t train_nparams(const struct train *t)
{
	return t->nparams;
}

double *train_params(struct train *t, int i)
{
	return t->nets[i].params;
}

/* ---- the data ------------------------------------------------------------- */

#define PI 3.14159265358979323846

static void draw_batch(struct train *t)
{
	long b = t->spec.batch, bp = t->bp;
	if (t->spec.task == TASK_SIN) {
		for (long j = 0; j < b; j++) {
			double x = -3 + 6 * rng_uniform(&t->data);
			t->x[j] = x;
			t->y[j] = dmath_sin(3 * x);
		}
	} else {
		/* two spirals of one and a half turns, a little noise */
		for (long j = 0; j < b; j++) {
			int cls = (int)(rng_next(&t->data) & 1);
			double s = rng_uniform(&t->data);
			double angle = 3 * PI * s + cls * PI, radius = 0.2 + 2.8 * s;
			t->x[j] = radius * dmath_cos(angle) + 0.1 * rng_normal(&t->data);
			t->x[bp + j] = radius * dmath_sin(angle) + 0.1 * rng_normal(&t->data);
			t->y[j] = cls;
		}
	}
	for (long j = b; j < bp; j++) { /* the padding: zeros, never counted */
		for (long k = 0; k < t->in_dim; k++)
			t->x[k * bp + j] = 0;
		t->y[j] = 0;
	}
	t->batch_ready = true;
}

/* ---- one network's forward and backward pass ----------------------------------- */

/* The forward pass; returns the loss and fills the dead counts per layer. */
static double forward(struct train *t, struct net *net, long dead[])
{
	long bp = t->bp, b = t->spec.batch;
	const double *in = t->x;
	for (int l = 0; l < t->layers; l++) {
		kernel_forward(net->W[l], net->b[l], in, t->z[l], t->rows[l], t->cols[l], bp);
		if (l + 1 == t->layers)
			break;
		struct actfn_curve fn = net->fn;
		if (net->learned)
			fn.p[0] = net->slope[l];
		actfn_eval(&fn, t->z[l], t->a[l], t->d[l], (size_t)(t->rows[l] * bp));
		kernel_dead_rows(t->d[l], t->rows[l], b, bp, &dead[l]);
		in = t->a[l];
	}
	/* the loss over the real samples, and its gradient in dz */
	const double *out = t->z[t->layers - 1];
	double loss = 0;
	for (long j = 0; j < b; j++) {
		double s = out[j], y = t->y[j];
		if (t->spec.task == TASK_SIN) {
			double e = s - y;
			loss += e * e;
			t->dz[j] = 2 * e / (double)b;
		} else {
			/* binary cross-entropy with logits, stably */
			loss += fmax(s, 0) - s * y + dmath_log1p(dmath_exp(-fabs(s)));
			double p = s >= 0 ? 1 / (1 + dmath_exp(-s)) : dmath_exp(s) / (1 + dmath_exp(s));
			t->dz[j] = (p - y) / (double)b;
		}
	}
	for (long j = b; j < bp; j++)
		t->dz[j] = 0;
	return loss / (double)b;
}

static void backward(struct train *t, struct net *net)
{
	long bp = t->bp;
	for (int l = t->layers - 1; l >= 0; l--) {
		const double *in = l ? t->a[l - 1] : t->x;
		kernel_layer_grad(t->dz, in, net->gW[l], net->gb[l], t->rows[l], t->cols[l],
		                  t->spec.batch, bp);
		if (l == 0)
			break;
		/* the gradient flowing into layer l-1's outputs ... */
		kernel_backward_input(net->W[l], t->dz, t->da, t->rows[l], t->cols[l], bp);
		size_t cells = (size_t)(t->rows[l - 1] * bp);
		/* ... the learned slope's share of it ... */
		if (net->learned) {
			struct actfn_curve fn = net->fn;
			fn.p[0] = net->slope[l - 1];
			actfn_dparam(&fn, t->z[l - 1], t->tmp, cells);
			double g = 0;
			for (size_t j = 0; j < cells; j++)
				g += t->da[j] * t->tmp[j];
			net->gslope[l - 1] = g;
		}
		/* ... and through the activation: dz = da f'(z) */
		kernel_mul(t->dz, t->da, t->d[l - 1], cells);
	}
}

static void update(struct train *t, struct net *net)
{
	double lr = t->spec.lr;
	size_t n = t->nparams;
	if (!net->learned) /* the slopes of a fixed activation stay fixed */
		n -= (size_t)t->spec.depth;
	if (t->spec.opt == OPT_SGD) {
		kernel_sgd(net->params, net->grad, lr, n);
		return;
	}
	/* Adam with PyTorch's defaults */
	const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
	double c1 = 1 - dmath_pow(b1, (double)t->step), c2 = 1 - dmath_pow(b2, (double)t->step);
	for (size_t j = 0; j < n; j++) {
		double g = net->grad[j];
		net->m[j] = b1 * net->m[j] + (1 - b1) * g;
		net->v[j] = b2 * net->v[j] + (1 - b2) * g * g;
		net->params[j] -= lr * (net->m[j] / c1) / (sqrt(net->v[j] / c2) + eps);
	}
}

long train_step(struct train *t, struct train_report *reports)
{
	t->step++;
	draw_batch(t);
	for (int i = 0; i < t->n; i++) {
		struct net *net = &t->nets[i];
		long dead[MAX_LAYERS] = {0}, total = 0;
		double loss = forward(t, net, dead);
		backward(t, net);
		update(t, net);
		struct train_report *r = &reports[i];
		memset(r, 0, sizeof *r);
		r->step = t->step;
		r->loss = loss;
		for (long l = 0; l < t->spec.depth; l++) {
			r->dead_layer[l] = (double)dead[l] / (double)t->spec.width;
			total += dead[l];
		}
		r->dead_share = (double)total / (double)(t->spec.width * t->spec.depth);
		r->param = net->learned ? net->slope[0] : net->fn.p[0];
	}
	return t->step;
}

double train_loss_grad(struct train *t, int i, double *grad)
{
	if (!t->batch_ready)
		draw_batch(t);
	struct net *net = &t->nets[i];
	long dead[MAX_LAYERS];
	memset(net->grad, 0, t->nparams * sizeof *net->grad);
	double loss = forward(t, net, dead);
	backward(t, net);
	if (grad)
		memcpy(grad, net->grad, t->nparams * sizeof *grad);
	return loss;
}
