/* kernel.c: dense-layer products in the compilers' vector extension,
 * eight samples a vector, blocked so that the accumulators stay in
 * registers, and cloned for AVX-512, AVX2 and plain x86-64. Every clone
 * does the same multiplications and additions in the same order (no
 * fused multiply-add: -ffp-contract=off), so a seed gives the same bytes
 * whichever the CPU picks. */
#define _POSIX_C_SOURCE 200809L
#include "kernel.h"


typedef double v8d __attribute__((vector_size(64)));
/* the same, for loads and stores that need no 64-byte alignment */
typedef double v8d_u __attribute__((vector_size(64), aligned(8), may_alias));

#define CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

/* Macros, not functions: a function taking or returning a vector wider
 * than the baseline would change its calling convention between clones. */
#define LOAD(p) (*(const v8d_u *)(p))
#define STORE(p, v) (*(v8d_u *)(p) = (v))
#define SPLAT(x) ((v8d){(x), (x), (x), (x), (x), (x), (x), (x)})
/* The eight lanes of a sum, added in one fixed order. */
#define LANES(v) ((((v)[0] + (v)[4]) + ((v)[2] + (v)[6])) + (((v)[1] + (v)[5]) + ((v)[3] + (v)[7])))

/* A 4 x 16 block of C, C[r][:] = init[r] + sum_k w_r[k * ws] B[k][:]: eight
 * accumulators, enough independent additions to hide their latency. The
 * block for both Z = W A + b (ws 1) and dA = W^T dZ (ws K). */
#define BLOCK_4x16(C, ldc, init, w0, w1, w2, w3, ws, B, ldb, kmax)                       \
	do {                                                                             \
		v8d c00 = SPLAT(init[0]), c01 = c00, c10 = SPLAT(init[1]), c11 = c10;        \
		v8d c20 = SPLAT(init[2]), c21 = c20, c30 = SPLAT(init[3]), c31 = c30;        \
		for (long q = 0; q < (kmax); q++) {                                          \
			v8d b0 = LOAD((B) + q * (ldb)), b1 = LOAD((B) + q * (ldb) + 8);          \
			v8d d0 = SPLAT((w0)[q * (ws)]), d1 = SPLAT((w1)[q * (ws)]);              \
			v8d d2 = SPLAT((w2)[q * (ws)]), d3 = SPLAT((w3)[q * (ws)]);              \
			c00 += d0 * b0;                                                          \
			c01 += d0 * b1;                                                          \
			c10 += d1 * b0;                                                          \
			c11 += d1 * b1;                                                          \
			c20 += d2 * b0;                                                          \
			c21 += d2 * b1;                                                          \
			c30 += d3 * b0;                                                          \
			c31 += d3 * b1;                                                          \
		}                                                                            \
		STORE((C), c00);                                                             \
		STORE((C) + 8, c01);                                                         \
		STORE((C) + (ldc), c10);                                                     \
		STORE((C) + (ldc) + 8, c11);                                                 \
		STORE((C) + 2 * (ldc), c20);                                                 \
		STORE((C) + 2 * (ldc) + 8, c21);                                             \
		STORE((C) + 3 * (ldc), c30);                                                 \
		STORE((C) + 3 * (ldc) + 8, c31);                                             \
	} while (0)

CLONES
static void kernel_forward_clone(const double *W, const double *b, const double *A, double *Z,
                                 long N, long K, long bp)
{
	long n = 0;
	for (; n + 4 <= N; n += 4) {
		const double *w0 = W + n * K, *w1 = w0 + K, *w2 = w1 + K, *w3 = w2 + K;
		long j = 0;
		for (; j + 16 <= bp; j += 16)
			BLOCK_4x16(Z + n * bp + j, bp, (b + n), w0, w1, w2, w3, 1, A + j, bp, K);
		for (; j < bp; j += 8) {
			v8d c0 = SPLAT(b[n]), c1 = SPLAT(b[n + 1]), c2 = SPLAT(b[n + 2]), c3 = SPLAT(b[n + 3]);
			for (long k = 0; k < K; k++) {
				v8d a = LOAD(A + k * bp + j);
				c0 += SPLAT(w0[k]) * a;
				c1 += SPLAT(w1[k]) * a;
				c2 += SPLAT(w2[k]) * a;
				c3 += SPLAT(w3[k]) * a;
			}
			STORE(Z + n * bp + j, c0);
			STORE(Z + (n + 1) * bp + j, c1);
			STORE(Z + (n + 2) * bp + j, c2);
			STORE(Z + (n + 3) * bp + j, c3);
		}
	}
	for (; n < N; n++) {
		const double *wn = W + n * K;
		for (long j = 0; j < bp; j += 8) {
			v8d c = SPLAT(b[n]);
			for (long k = 0; k < K; k++)
				c += SPLAT(wn[k]) * LOAD(A + k * bp + j);
			STORE(Z + n * bp + j, c);
		}
	}
}

CLONES
static void kernel_backward_input_clone(const double *W, const double *dZ, double *dA, long N,
                                        long K, long bp)
{
	static const double zero[4] = {0, 0, 0, 0};
	long k = 0;
	for (; k + 4 <= K; k += 4) {
		const double *w0 = W + k, *w1 = w0 + 1, *w2 = w0 + 2, *w3 = w0 + 3;
		long j = 0;
		for (; j + 16 <= bp; j += 16)
			BLOCK_4x16(dA + k * bp + j, bp, zero, w0, w1, w2, w3, K, dZ + j, bp, N);
		for (; j < bp; j += 8) {
			v8d c0 = SPLAT(0.0), c1 = SPLAT(0.0), c2 = SPLAT(0.0), c3 = SPLAT(0.0);
			for (long n = 0; n < N; n++) {
				v8d dz = LOAD(dZ + n * bp + j);
				const double *wn = W + n * K + k;
				c0 += SPLAT(wn[0]) * dz;
				c1 += SPLAT(wn[1]) * dz;
				c2 += SPLAT(wn[2]) * dz;
				c3 += SPLAT(wn[3]) * dz;
			}
			STORE(dA + k * bp + j, c0);
			STORE(dA + (k + 1) * bp + j, c1);
			STORE(dA + (k + 2) * bp + j, c2);
			STORE(dA + (k + 3) * bp + j, c3);
		}
	}
	for (; k < K; k++) {
		for (long j = 0; j < bp; j += 8) {
			v8d c = SPLAT(0.0);
			for (long n = 0; n < N; n++)
				c += SPLAT(W[n * K + k]) * LOAD(dZ + n * bp + j);
			STORE(dA + k * bp + j, c);
		}
	}
}

/* db[n] = sum_j dZ[n][j]: the padding of dZ is zero, so all of it. */
static inline void bias_grad(const double *dZ, double *db, long N, long bp)
{
	for (long n = 0; n < N; n++) {
		v8d s = SPLAT(0.0);
		for (long j = 0; j < bp; j += 8)
			s += LOAD(dZ + n * bp + j);
		db[n] = LANES(s);
	}
}

/* Rank-one updates along the batch: dW[n][:] += dZ[n][j] At[j][:], four
 * rows and sixteen columns of dW in registers at a time. */
CLONES
static void kernel_weight_grad_clone(const double *dZ, const double *At, double *dW, double *db,
                                     long N, long K, long b, long bp)
{
	bias_grad(dZ, db, N, bp);
	long n = 0;
	for (; n + 4 <= N; n += 4) {
		const double *z0 = dZ + n * bp, *z1 = z0 + bp, *z2 = z1 + bp, *z3 = z2 + bp;
		long k = 0;
		for (; k + 16 <= K; k += 16) {
			v8d c00 = SPLAT(0.0), c01 = SPLAT(0.0), c10 = SPLAT(0.0), c11 = SPLAT(0.0);
			v8d c20 = SPLAT(0.0), c21 = SPLAT(0.0), c30 = SPLAT(0.0), c31 = SPLAT(0.0);
			for (long j = 0; j < b; j++) {
				v8d a0 = LOAD(At + j * K + k), a1 = LOAD(At + j * K + k + 8);
				v8d d0 = SPLAT(z0[j]), d1 = SPLAT(z1[j]), d2 = SPLAT(z2[j]), d3 = SPLAT(z3[j]);
				c00 += d0 * a0;
				c01 += d0 * a1;
				c10 += d1 * a0;
				c11 += d1 * a1;
				c20 += d2 * a0;
				c21 += d2 * a1;
				c30 += d3 * a0;
				c31 += d3 * a1;
			}
			STORE(dW + n * K + k, c00);
			STORE(dW + n * K + k + 8, c01);
			STORE(dW + (n + 1) * K + k, c10);
			STORE(dW + (n + 1) * K + k + 8, c11);
			STORE(dW + (n + 2) * K + k, c20);
			STORE(dW + (n + 2) * K + k + 8, c21);
			STORE(dW + (n + 3) * K + k, c30);
			STORE(dW + (n + 3) * K + k + 8, c31);
		}
		for (; k < K; k++) {
			double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (long j = 0; j < b; j++) {
				double a = At[j * K + k];
				s0 += z0[j] * a;
				s1 += z1[j] * a;
				s2 += z2[j] * a;
				s3 += z3[j] * a;
			}
			dW[n * K + k] = s0;
			dW[(n + 1) * K + k] = s1;
			dW[(n + 2) * K + k] = s2;
			dW[(n + 3) * K + k] = s3;
		}
	}
	for (; n < N; n++) {
		for (long k = 0; k < K; k++) {
			double s = 0;
			for (long j = 0; j < b; j++)
				s += dZ[n * bp + j] * At[j * K + k];
			dW[n * K + k] = s;
		}
	}
}

void kernel_transpose(const double *A, double *At, long K, long b, long bp)
{
	for (long k = 0; k < K; k++)
		for (long j = 0; j < b; j++)
			At[j * K + k] = A[k * bp + j];
}

/* Dot products along the batch, a 2 x 4 block of dW at a time; the
 * padding of dZ is zero, so the whole padded batch can be summed. */
CLONES
static void kernel_weight_grad_dot_clone(const double *dZ, const double *A, double *dW, double *db,
                                         long N, long K, long bp)
{
	bias_grad(dZ, db, N, bp);
	long n = 0;
	/* 4 x 4 blocks: sixteen accumulators, eight loads for sixteen products */
	for (; n + 4 <= N; n += 4) {
		long k = 0;
		for (; k + 4 <= K; k += 4) {
			v8d c[4][4];
			for (int r = 0; r < 4; r++)
				for (int q = 0; q < 4; q++)
					c[r][q] = SPLAT(0.0);
			for (long j = 0; j < bp; j += 8) {
				v8d a0 = LOAD(A + k * bp + j), a1 = LOAD(A + (k + 1) * bp + j);
				v8d a2 = LOAD(A + (k + 2) * bp + j), a3 = LOAD(A + (k + 3) * bp + j);
				for (int r = 0; r < 4; r++) {
					v8d z = LOAD(dZ + (n + r) * bp + j);
					c[r][0] += z * a0;
					c[r][1] += z * a1;
					c[r][2] += z * a2;
					c[r][3] += z * a3;
				}
			}
			for (int r = 0; r < 4; r++)
				for (int q = 0; q < 4; q++)
					dW[(n + r) * K + k + q] = LANES(c[r][q]);
		}
		for (; k < K; k++) {
			for (int r = 0; r < 4; r++) {
				v8d c0 = SPLAT(0.0);
				for (long j = 0; j < bp; j += 8)
					c0 += LOAD(dZ + (n + r) * bp + j) * LOAD(A + k * bp + j);
				dW[(n + r) * K + k] = LANES(c0);
			}
		}
	}
	for (; n < N; n++) {
		for (long k = 0; k < K; k++) {
			v8d c = SPLAT(0.0);
			for (long j = 0; j < bp; j += 8)
				c += LOAD(dZ + n * bp + j) * LOAD(A + k * bp + j);
			dW[n * K + k] = LANES(c);
		}
	}
}

/* The entry points: plain functions calling the clones (an exported
 * function cannot itself be cloned portably; clang 14 drops its name). */
void kernel_forward(const double *W, const double *b, const double *A, double *Z, long N, long K,
                    long bp)
{
	kernel_forward_clone(W, b, A, Z, N, K, bp);
}

void kernel_backward_input(const double *W, const double *dZ, double *dA, long N, long K, long bp)
{
	kernel_backward_input_clone(W, dZ, dA, N, K, bp);
}

void kernel_weight_grad(const double *dZ, const double *At, double *dW, double *db, long N, long K,
                        long b, long bp)
{
	kernel_weight_grad_clone(dZ, At, dW, db, N, K, b, bp);
}

void kernel_weight_grad_dot(const double *dZ, const double *A, double *dW, double *db, long N,
                            long K, long bp)
{
	kernel_weight_grad_dot_clone(dZ, A, dW, db, N, K, bp);
}
