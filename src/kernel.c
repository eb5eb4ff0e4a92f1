/* kernel.c: the dense-layer products of `train`, one variant per vector
 * path (kernel_body.h at each width), the path's variant chosen per call. */
#define _POSIX_C_SOURCE 200809L
#include "kernel.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"

/* Two doubles a vector: SSE2 on x86-64, NEON on arm64; elsewhere the
 * compiler splits the vectors into what the target has. */
#define KB_VW 2
#define KB_SUFFIX baseline
#define KB_ATTR
#define KB_PARTS 3
#define KB_CV 2
#include "kernel_body.h"

#if SIMD_X86
#define KB_VW 4
#define KB_SUFFIX avx2
#define KB_ATTR TARGET_AVX2
#define KB_PARTS 3
#define KB_CV 2
#include "kernel_body.h"

/* The AVX-512 path runs the products at 256 bits, with AVX-512's 32
 * registers, and only the dot products along the batch at 512: on AMD
 * Zen 4 (which splits a 512-bit operation in two) a tests/bench
 * micro-benchmark gave 24 GMAC/s at 256 bits against 19.5 at 512 for a
 * batch of 16, 20 against 18 at 256, and 22 against 17 for the dot
 * products the other way round. The bytes are the same either way. */
#define KB_VW 4
#define KB_SUFFIX avx512y
#define KB_ATTR TARGET_AVX512
#define KB_PARTS 1
#define KB_CV 4
#include "kernel_body.h"

#define KB_VW 8
#define KB_SUFFIX avx512
#define KB_ATTR TARGET_AVX512
#define KB_PARTS 2
#define KB_CV 2
#include "kernel_body.h"

#define forward_avx512 forward_avx512y
#define backward_input_avx512 backward_input_avx512y
#define weight_grad_avx512 weight_grad_avx512y
#endif

void kernel_forward(const double *W, const double *b, const double *A, double *Z, long N, long K,
                    long bp)
{
	SIMD_DISPATCH(forward, (W, b, A, Z, N, K, bp));
}

void kernel_backward_input(const double *W, const double *dZ, double *dA, long N, long K, long bp)
{
	SIMD_DISPATCH(backward_input, (W, dZ, dA, N, K, bp));
}

void kernel_weight_grad(const double *dZ, const double *A, double *dW, double *db, long N, long K,
                        long b, long bp)
{
	SIMD_DISPATCH(weight_grad, (dZ, A, dW, db, N, K, b, bp));
}

void kernel_weight_grad_dot(const double *dZ, const double *A, double *dW, double *db, long N,
                            long K, long bp)
{
	SIMD_DISPATCH(weight_grad_dot, (dZ, A, dW, db, N, K, bp));
}

void kernel_layer_grad(const double *dZ, const double *A, double *dW, double *db, long N, long K,
                       long b, long bp)
{
	/* short batches: rank-one updates on a transposed copy; long ones:
	 * dot products, whose horizontal sums are then cheap */
	if (bp >= 64)
		kernel_weight_grad_dot(dZ, A, dW, db, N, K, bp);
	else
		kernel_weight_grad(dZ, A, dW, db, N, K, b, bp);
}

long kernel_padded(long b)
{
	return (b + KERNEL_PAD - 1) / KERNEL_PAD * KERNEL_PAD;
}

double *kernel_doubles(size_t n)
{
	void *p = NULL;
	if (posix_memalign(&p, 64, (n ? n : 1) * sizeof(double)) != 0)
		return NULL;
	memset(p, 0, (n ? n : 1) * sizeof(double));
	return p;
}

/* ---- elementwise ----------------------------------------------------------- */

/* The loops below go eight elements at a time, unrolled, then one at a
 * time: -O3 vectorises the plain loops, but -O2 (GCC 12's cheap cost
 * model: no loop that needs a scalar tail) left them scalar, a fifth of a
 * training step's time there. Each element's operation is the same. */
#define KERNEL_UNROLL _Pragma("GCC unroll 8")

SIMD_INLINE void dead_rows_body(const double *d, long rows, long b, long bp, long *dead)
{
	long count = 0;
	for (long u = 0; u < rows; u++) {
		/* any non-zero: an OR over the row, no early exit to mispredict */
		const double *row = d + u * bp;
		int any8[8] = {0};
		long j = 0;
		for (; j + 8 <= b; j += 8)
			KERNEL_UNROLL for (int k = 0; k < 8; k++)
				any8[k] |= row[j + k] != 0;
		int any = 0;
		KERNEL_UNROLL for (int k = 0; k < 8; k++)
			any |= any8[k];
		for (; j < b; j++)
			any |= row[j] != 0;
		count += !any;
	}
	*dead = count;
}

SIMD_INLINE void mul_body(double *restrict z, const double *restrict a,
                          const double *restrict b, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8)
		KERNEL_UNROLL for (size_t k = 0; k < 8; k++)
			z[i + k] = a[i + k] * b[i + k];
	for (; i < n; i++)
		z[i] = a[i] * b[i];
}

SIMD_INLINE void sgd_body(double *restrict p, const double *restrict g, double lr, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8)
		KERNEL_UNROLL for (size_t k = 0; k < 8; k++)
			p[i + k] -= lr * g[i + k];
	for (; i < n; i++)
		p[i] -= lr * g[i];
}

SIMD_VARIANTS(dead_rows, (const double *d, long rows, long b, long bp, long *dead),
              (d, rows, b, bp, dead))
SIMD_VARIANTS(mul, (double *restrict z, const double *restrict a, const double *restrict b,
                    size_t n), (z, a, b, n))
SIMD_VARIANTS(sgd, (double *restrict p, const double *restrict g, double lr, size_t n),
              (p, g, lr, n))

void kernel_dead_rows(const double *d, long rows, long b, long bp, long *dead)
{
	dead_rows(d, rows, b, bp, dead);
}

void kernel_mul(double *z, const double *a, const double *b, size_t n)
{
	mul(z, a, b, n);
}

void kernel_sgd(double *p, const double *g, double lr, size_t n)
{
	sgd(p, g, lr, n);
}
