/* rng.c: xoshiro256** (Blackman and Vigna, 2018), seeded by splitmix64,
 * and Marsaglia and Tsang's ziggurat for the normal distribution. */
#define _POSIX_C_SOURCE 200809L
#include "rng.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "dmath.h"
#include "simd.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
	/* splitmix64 spreads any seed, 0 included, over the whole state */
	for (int lane = 0; lane < RNG_LANES; lane++)
		for (int w = 0; w < 4; w++)
			r->s[w][lane] = splitmix64(&seed);
	for (int w = 0; w < 4; w++)
		r->aux[w] = splitmix64(&seed);
	r->pos = RNG_LANES;
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* Steps of all the lanes, in the compilers' vector extension at the
 * path's own width W (8 lanes on AVX-512, 4 on AVX2, 2 otherwise): the
 * lanes W at a time, each run of W keeping its state in four registers
 * across every step and writing its words into their places in the
 * interleaved stream. (A vector wider than the registers is lowered
 * through the stack, which made this loop most of a Monte Carlo run.) */
#define ROTL(x, k) (((x) << (k)) | ((x) >> (64 - (k))))

#define RNG_STEPS(suffix, attr, W)                                                     \
	attr static void steps_##suffix(uint64_t s[4][RNG_LANES], uint64_t *out,     \
	                                size_t groups)                               \
	{                                                                            \
		typedef uint64_t vu __attribute__((vector_size(8 * (W))));               \
		typedef uint64_t vu_u __attribute__((vector_size(8 * (W)), aligned(8), may_alias)); \
		for (int h = 0; h < RNG_LANES; h += (W)) {                               \
			vu s0 = *(const vu_u *)(s[0] + h), s1 = *(const vu_u *)(s[1] + h);   \
			vu s2 = *(const vu_u *)(s[2] + h), s3 = *(const vu_u *)(s[3] + h);   \
			for (size_t g = 0; g < groups; g++) {                                \
				vu x = (s1 << 2) + s1; /* s1 * 5 */                              \
				x = ROTL(x, 7);                                                  \
				*(vu_u *)(out + RNG_LANES * g + h) = (x << 3) + x; /* * 9 */    \
				vu t = s1 << 17;                                                 \
				s2 ^= s0;                                                        \
				s3 ^= s1;                                                        \
				s1 ^= s2;                                                        \
				s0 ^= s3;                                                        \
				s2 ^= t;                                                         \
				s3 = ROTL(s3, 45);                                               \
			}                                                                    \
			*(vu_u *)(s[0] + h) = s0;                                            \
			*(vu_u *)(s[1] + h) = s1;                                            \
			*(vu_u *)(s[2] + h) = s2;                                            \
			*(vu_u *)(s[3] + h) = s3;                                            \
		}                                                                        \
	}

RNG_STEPS(baseline, , 2)
#if SIMD_X86
RNG_STEPS(avx2, TARGET_AVX2, 4)
RNG_STEPS(avx512, TARGET_AVX512, 8)
#endif

static void steps(uint64_t s[4][RNG_LANES], uint64_t *out, size_t groups)
{
	SIMD_DISPATCH(steps, (s, out, groups));
}

static inline uint64_t next(struct rng *r)
{
	if (r->pos == RNG_LANES) {
		steps(r->s, r->buf, 1);
		r->pos = 0;
	}
	return r->buf[r->pos++];
}

uint64_t rng_next(struct rng *r)
{
	return next(r);
}

/* The scalar xoshiro256** of the slow path. */
static uint64_t aux_next(struct rng *r)
{
	uint64_t *s = r->aux;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static double aux_uniform(struct rng *r)
{
	return (double)(aux_next(r) >> 11) * 0x1p-53;
}

void rng_fill(struct rng *r, uint64_t *out, size_t n)
{
	size_t k = 0;
	while (k < n && r->pos < RNG_LANES)
		out[k++] = r->buf[r->pos++];
	size_t groups = (n - k) / RNG_LANES;
	steps(r->s, out + k, groups);
	k += RNG_LANES * groups;
	while (k < n)
		out[k++] = next(r);
}

double rng_uniform(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1p-53;
}

/* ---- the ziggurat ---------------------------------------------------------
 * 256 layers of equal area V under f(x) = exp(-x^2/2): layer i spans
 * [0, x[i]] in x; the base layer holds the tail beyond R. A draw picks a
 * layer and a point in it; when the point lies left of the next layer's
 * edge (x < x[i+1], about 99% of draws) it is accepted with no more work. */

#define ZIG_N 256
#define ZIG_R 3.6541528853610088
#define ZIG_V 4.92867323399e-3

static double zig_x[ZIG_N + 1];  /* layer widths, x[0] the base's equivalent */
static double zig_ratio[ZIG_N];  /* x[i+1]/x[i]: the fast acceptance test */
static double zig_f[ZIG_N + 1];  /* f(x[i]) */
static bool zig_ready;

static double zig_pdf(double x)
{
	return dmath_exp(-0.5 * x * x);
}

static void zig_init(void)
{
	double f = zig_pdf(ZIG_R);
	zig_x[0] = ZIG_V / f;
	zig_x[1] = ZIG_R;
	zig_x[ZIG_N] = 0;
	for (int i = 2; i < ZIG_N; i++) {
		zig_x[i] = sqrt(-2 * dmath_log(ZIG_V / zig_x[i - 1] + f));
		f = zig_pdf(zig_x[i]);
	}
	for (int i = 0; i <= ZIG_N; i++)
		zig_f[i] = zig_pdf(zig_x[i]);
	for (int i = 0; i < ZIG_N; i++)
		zig_ratio[i] = zig_x[i + 1] / zig_x[i];
	zig_ready = true;
}

static double zig_slow(struct rng *r, int i, double u, bool neg)
{
	for (;;) {
		if (i == 0) {
			/* the tail beyond R: Marsaglia's exponential rejection */
			double x, y;
			do {
				x = -dmath_log(1 - aux_uniform(r)) / ZIG_R;
				y = -dmath_log(1 - aux_uniform(r));
			} while (2 * y < x * x);
			return neg ? -(ZIG_R + x) : ZIG_R + x;
		}
		double x = u * zig_x[i];
		/* the wedge between the layer's rectangle and the curve */
		if (zig_f[i] + aux_uniform(r) * (zig_f[i + 1] - zig_f[i]) < zig_pdf(x))
			return neg ? -x : x;
		/* rejected: a new draw from scratch */
		uint64_t b = aux_next(r);
		i = (int)(b & 0xff);
		u = (double)((int64_t)b >> 11) * 0x1p-52;
		neg = u < 0;
		u = fabs(u);
		if (u < zig_ratio[i]) {
			x = u * zig_x[i];
			return neg ? -x : x;
		}
	}
}

/* One draw: the low 8 bits pick the layer, the top 53 a signed uniform
 * in [-1, 1), so the sign costs no branch. */
static inline double zig_draw(struct rng *r)
{
	uint64_t b = next(r);
	int i = (int)(b & 0xff);
	double u = (double)((int64_t)b >> 11) * 0x1p-52;
	if (fabs(u) < zig_ratio[i])
		return u * zig_x[i];
	return zig_slow(r, i, fabs(u), u < 0);
}

double rng_normal(struct rng *r)
{
	if (!zig_ready)
		zig_init();
	return zig_draw(r);
}

#define ZIG_BLOCK 256

/* Normals a block at a time: the random words first, then every draw's
 * fast path in a branch-free loop the compiler can vectorise (with
 * gathers where the CPU has them), then the rare rejections in order.
 * Each clone computes the same bits: integer work, one exact conversion
 * and one multiplication per draw. */
SIMD_INLINE void zig_block_body(const uint64_t *restrict w, double *restrict out,
                                unsigned char *restrict bad, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		uint64_t b = w[k];
		size_t i = b & 0xff;
		/* (double)((int64_t)b >> 11), exactly, without a 64-bit integer
		 * conversion (AVX2 has none): the low 52 bits of that integer
		 * as the mantissa of 2^52 + m, less 2^52, or 2^53 when the sign
		 * bit is set (no branch: the sign is random). Every step is
		 * exact, so the bits are the same. */
		uint64_t bits = 0x4330000000000000u | ((b >> 11) & 0xfffffffffffffu);
		uint64_t less = 0x4330000000000000u + (b >> 63 << 52); /* 2^52 or 2^53 */
		double m, l;
		memcpy(&m, &bits, sizeof m);
		memcpy(&l, &less, sizeof l);
		double u = (m - l) * 0x1p-52;
		out[k] = u * zig_x[i];
		bad[k] = !(fabs(u) < zig_ratio[i]);
	}
}

/* restrict: without it GCC 12 vectorises none of the AVX-512 copy */
SIMD_VARIANTS(zig_block,
              (const uint64_t *restrict w, double *restrict out, unsigned char *restrict bad,
               size_t n),
              (w, out, bad, n))

void rng_normals(struct rng *r, double *out, size_t n)
{
	if (!zig_ready)
		zig_init();
	uint64_t w[ZIG_BLOCK] __attribute__((aligned(64)));
	unsigned char bad[ZIG_BLOCK + 8] = {0}; /* read eight at a time */
	for (size_t done = 0; done < n;) {
		size_t k = n - done < ZIG_BLOCK ? n - done : ZIG_BLOCK;
		rng_fill(r, w, k);
		zig_block(w, out + done, bad, k);
		/* about one draw in a hundred needs more: find them eight flags
		 * at a time */
		for (size_t j = 0; j < k; j += 8) {
			uint64_t flags;
			memcpy(&flags, bad + j, sizeof flags);
			if (!flags)
				continue;
			for (size_t q = j; q < j + 8 && q < k; q++) {
				if (bad[q]) {
					double u = (double)((int64_t)w[q] >> 11) * 0x1p-52;
					out[done + q] = zig_slow(r, (int)(w[q] & 0xff), fabs(u), u < 0);
				}
			}
		}
		done += k;
	}
}
