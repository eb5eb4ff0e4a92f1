/* train_blas.c: benchmark peer, not a test: the MLP that `actviz -e 'train
 * relu steps N batch B lr 0.01 bias 0 init torch seed 1'` trains, written
 * plainly in C on OpenBLAS's cblas_dgemm, one thread. tests/bench/train.sh
 * sets it beside actviz and PyTorch; make bench builds it when configure
 * found OpenBLAS.
 *
 *   train_blas [STEPS [BATCH [SEED]]]     defaults 60000 16 1
 *
 * The work per step is actviz's and torch's: a fresh batch x ~ U(-3, 3),
 * y = sin(3x); a 1 -> 64 -> 64 -> 1 ReLU network in float64 (weights and
 * the output bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)) as nn.Linear draws
 * them, hidden biases 0); the mean squared error; the dead hidden units
 * (f' = 0 for the whole batch) of each layer; backpropagation; plain SGD.
 * Activations are sample-major ([sample][unit]), as torch keeps them, and
 * every layer's three products are dgemm calls (forward Z = A W^T + b,
 * dW = dZ^T A, dA = dZ W; the first layer's dA is not needed, as in torch
 * and actviz). Its own random numbers (xoshiro256** seeded by splitmix64):
 * the same amount of work as actviz, not the same stream, so its loss
 * differs from actviz's in the digits but not in size.
 *
 * Prints OpenBLAS's configuration, then one line of key=value pairs:
 * steps, batch, the nanoseconds of the training loop (weight set-up
 * included, process start-up and OpenBLAS's own initialisation excluded:
 * torch's figure is timed the same way) on the wall clock and in CPU time,
 * steps per second (wall clock), the loss of the
 * first and the last step (on that step's batch, before its update) and
 * the dead units of each hidden layer at the last step. */
#define _POSIX_C_SOURCE 200809L
#include <cblas.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* OpenBLAS's own; declared by its cblas.h, but not by other BLASes'. */
void openblas_set_num_threads(int num_threads);
char *openblas_get_config(void);
char *openblas_get_corename(void);
int openblas_get_num_threads(void);

#define WIDTH 64
#define LAYERS 3 /* two hidden layers and the output layer */
#define LR 0.01

static const int dims[LAYERS + 1] = {1, WIDTH, WIDTH, 1};

/* ---- random numbers: xoshiro256**, seeded by splitmix64 ------------------- */

static uint64_t state[4];

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t next(void)
{
	uint64_t r = rotl(state[1] * 5, 7) * 9, t = state[1] << 17;
	state[2] ^= state[0];
	state[3] ^= state[1];
	state[1] ^= state[2];
	state[0] ^= state[3];
	state[2] ^= t;
	state[3] = rotl(state[3], 45);
	return r;
}

/* U[0, 1) with 53 random bits */
static double uniform(void)
{
	return (double)(next() >> 11) * 0x1p-53;
}

/* ---- the network ---------------------------------------------------------- */

struct net {
	double *W[LAYERS], *b[LAYERS], *gW[LAYERS], *gb[LAYERS];
	/* [batch][units]: pre-activations, activations (the next layer's
	 * input), f' of the hidden layers, and the gradient wrt Z */
	double *x, *y, *Z[LAYERS], *A[LAYERS], *D[LAYERS], *dZ[LAYERS], *dA;
};

static double *alloc(size_t n)
{
	double *p = calloc(n ? n : 1, sizeof *p);
	if (!p) {
		fprintf(stderr, "train_blas: out of memory\n");
		exit(1);
	}
	return p;
}

static void net_alloc(struct net *t, int batch)
{
	size_t B = (size_t)batch;
	for (int l = 0; l < LAYERS; l++) {
		size_t n = (size_t)dims[l + 1], k = (size_t)dims[l];
		t->W[l] = alloc(n * k);
		t->gW[l] = alloc(n * k);
		t->b[l] = alloc(n);
		t->gb[l] = alloc(n);
		t->Z[l] = alloc(B * n);
		t->A[l] = alloc(B * n);
		t->D[l] = alloc(B * n);
		t->dZ[l] = alloc(B * n);
	}
	t->x = alloc(B);
	t->y = alloc(B);
	t->dA = alloc(B * WIDTH);
}

/* nn.Linear's default: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weights and
 * biases; then "bias 0": the hidden biases are set to 0. */
static void net_init(struct net *t, uint64_t seed)
{
	uint64_t s = seed;
	for (int i = 0; i < 4; i++)
		state[i] = splitmix64(&s);
	for (int l = 0; l < LAYERS; l++) {
		int n = dims[l + 1], k = dims[l];
		double bound = 1 / sqrt((double)k);
		for (int j = 0; j < n * k; j++)
			t->W[l][j] = bound * (2 * uniform() - 1);
		for (int j = 0; j < n; j++)
			t->b[l][j] = l + 1 < LAYERS ? 0 : bound * (2 * uniform() - 1);
	}
}

/* One SGD step on a fresh batch; returns the loss before the update and
 * the dead units of each hidden layer. */
static double step(struct net *t, int batch, int dead[LAYERS - 1])
{
	for (int j = 0; j < batch; j++) {
		double x = -3 + 6 * uniform();
		t->x[j] = x;
		t->y[j] = sin(3 * x);
	}

	/* forward: Z = b + A W^T, then A = relu(Z), D = relu'(Z) */
	const double *in = t->x;
	for (int l = 0; l < LAYERS; l++) {
		int n = dims[l + 1], k = dims[l];
		double *Z = t->Z[l];
		for (int j = 0; j < batch; j++)
			memcpy(Z + (size_t)j * n, t->b[l], (size_t)n * sizeof *Z);
		cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, batch, n, k, 1.0, in, k, t->W[l], k,
		            1.0, Z, n);
		if (l + 1 == LAYERS)
			break;
		double *A = t->A[l], *D = t->D[l];
		for (size_t j = 0; j < (size_t)batch * n; j++) {
			A[j] = Z[j] > 0 ? Z[j] : 0;
			D[j] = Z[j] > 0 ? 1 : 0;
		}
		/* dead: f'(z) = 0 for every sample of the batch */
		unsigned char alive[WIDTH] = {0};
		for (int j = 0; j < batch; j++)
			for (int u = 0; u < n; u++)
				alive[u] |= D[(size_t)j * n + u] != 0;
		int count = 0;
		for (int u = 0; u < n; u++)
			count += !alive[u];
		dead[l] = count;
		in = A;
	}

	/* the mean squared error, and its gradient wrt the output */
	const double *out = t->Z[LAYERS - 1];
	double *dZ = t->dZ[LAYERS - 1], loss = 0;
	for (int j = 0; j < batch; j++) {
		double e = out[j] - t->y[j];
		loss += e * e;
		dZ[j] = 2 * e / batch;
	}

	/* backward: dW = dZ^T A_in, db = sum over the batch of dZ, dA_in = dZ W,
	 * dZ_in = dA_in f'(Z_in) */
	for (int l = LAYERS - 1; l >= 0; l--) {
		int n = dims[l + 1], k = dims[l];
		const double *A_in = l ? t->A[l - 1] : t->x;
		dZ = t->dZ[l];
		cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, n, k, batch, 1.0, dZ, n, A_in, k, 0.0,
		            t->gW[l], k);
		for (int u = 0; u < n; u++)
			t->gb[l][u] = 0;
		for (int j = 0; j < batch; j++)
			for (int u = 0; u < n; u++)
				t->gb[l][u] += dZ[(size_t)j * n + u];
		if (l == 0)
			break;
		cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, batch, k, n, 1.0, dZ, n, t->W[l], k,
		            0.0, t->dA, k);
		const double *D = t->D[l - 1];
		double *dZin = t->dZ[l - 1];
		for (size_t j = 0; j < (size_t)batch * k; j++)
			dZin[j] = t->dA[j] * D[j];
	}

	/* SGD */
	for (int l = 0; l < LAYERS; l++) {
		int n = dims[l + 1], k = dims[l];
		for (int j = 0; j < n * k; j++)
			t->W[l][j] -= LR * t->gW[l][j];
		for (int j = 0; j < n; j++)
			t->b[l][j] -= LR * t->gb[l][j];
	}
	return loss / batch;
}

static long arg(const char *s, const char *what, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi) {
		fprintf(stderr, "train_blas: %s %s: not a whole number in %ld..%ld\n", what, s, lo, hi);
		exit(2);
	}
	return v;
}

static int64_t now_ns(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc > 4) {
		fprintf(stderr, "usage: train_blas [STEPS [BATCH [SEED]]]\n");
		return 2;
	}
	long steps = argc > 1 ? arg(argv[1], "steps", 1, 100000000) : 60000;
	int batch = argc > 2 ? (int)arg(argv[2], "batch", 1, 65536) : 16;
	uint64_t seed = argc > 3 ? (uint64_t)arg(argv[3], "seed", 0, 0x7fffffffffffffff) : 1;

	openblas_set_num_threads(1);
	struct net t;
	net_alloc(&t, batch);

	int64_t t0 = now_ns(CLOCK_MONOTONIC), c0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
	net_init(&t, seed);
	int dead[LAYERS - 1] = {0};
	double first = 0, loss = 0;
	for (long s = 1; s <= steps; s++) {
		loss = step(&t, batch, dead);
		if (s == 1)
			first = loss;
	}
	int64_t t1 = now_ns(CLOCK_MONOTONIC), c1 = now_ns(CLOCK_PROCESS_CPUTIME_ID);

	double secs = (double)(t1 - t0) / 1e9;
	printf("openblas: %s; core %s; %d thread(s)\n", openblas_get_config(), openblas_get_corename(),
	       openblas_get_num_threads());
	printf("steps=%ld batch=%d ns=%lld cpu_ns=%lld steps_per_s=%.1f loss_first=%.6g loss=%.6g "
	       "dead1=%d dead2=%d\n",
	       steps, batch, (long long)(t1 - t0), (long long)(c1 - c0), (double)steps / secs, first, loss,
	       dead[0], dead[1]);
	return ferror(stdout) || fclose(stdout) ? 1 : 0;
}
