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
	r->aux_pos = RNG_AUX_BUF;
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
static uint64_t aux_step(uint64_t s[4])
{
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
/* x[i] 2^-52 and ratio[i] 2^52 side by side: the vector paths fetch both
 * of a lane with one 16-byte load, and take the top 53 bits v of a word
 * as they are: v x[i] 2^-52 and |v| < ratio[i] 2^52 are u x[i] and
 * |u| < ratio[i] for u = v 2^-52 exactly (scalings by a power of two),
 * one multiplication fewer. */
static double zig_pair[ZIG_N][2] __attribute__((aligned(16)));
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
	for (int i = 0; i < ZIG_N; i++) {
		zig_pair[i][0] = zig_x[i] * 0x1p-52;
		zig_pair[i][1] = zig_ratio[i] * 0x1p52;
	}
	zig_ready = true;
}

/* Makes at least two words wait in aux_buf, the waiting ones first. */
static void aux_fill(struct rng *r)
{
	int k = 0;
	for (int j = r->aux_pos; j < RNG_AUX_BUF; j++, k++) {
		r->aux_buf[k] = r->aux_buf[j];
		r->aux_uniform[k] = r->aux_uniform[j];
		r->aux_redraw[k] = r->aux_redraw[j];
		r->aux_lands[k] = r->aux_lands[j];
	}
	for (; k < RNG_AUX_BUF; k++) {
		uint64_t b = aux_step(r->aux);
		int i = (int)(b & 0xff);
		double su = (double)((int64_t)b >> 11) * 0x1p-52;
		r->aux_buf[k] = b;
		r->aux_uniform[k] = (double)(b >> 11) * 0x1p-53;
		r->aux_redraw[k] = su * zig_x[i];
		r->aux_lands[k] = fabs(su) < zig_ratio[i];
	}
	r->aux_pos = 0;
}

static uint64_t aux_next(struct rng *r)
{
	if (r->aux_pos == RNG_AUX_BUF)
		aux_fill(r);
	return r->aux_buf[r->aux_pos++];
}

static double aux_uniform(struct rng *r)
{
	if (r->aux_pos == RNG_AUX_BUF)
		aux_fill(r);
	return r->aux_uniform[r->aux_pos++];
}

/* The wedge test's bounds for the point at x of layer i: y below *under
 * lies under the curve, y above *over does not, and only the
 * exponential decides between them. With a = x[i+1], the wedge's left
 * edge, and d = (x^2 - a^2)/2 >= 0, f(x) = f(a) e^-d, and e^-d lies
 * between 1 - d + d^2/2 - d^3/6 and 1 - d + d^2/2; the margin, 1e-12 of
 * f(a), is far wider than any rounding in them or in zig_pdf (about
 * 1e-15): about one wedge point in ten falls between (in the widest
 * layers), none in most. */
static inline void zig_wedge_bounds(int i, double x, double *under, double *over)
{
	double a = zig_x[i + 1], fa = zig_f[i + 1];
	double d = 0.5 * (x - a) * (x + a);
	double upper = 1 - d + 0.5 * d * d;
	double lower = upper - d * d * d * (1.0 / 6);
	double margin = 1e-12 * fa;
	*under = fa * lower - margin;
	*over = fa * upper + margin;
}

/* Whether the point (x, y) of layer i's wedge lies under the curve: the
 * same answer as y < zig_pdf(x), for the same bytes, but mostly without
 * the exponential. */
static bool zig_wedge_accepts(int i, double x, double y)
{
	double under, over;
	zig_wedge_bounds(i, x, &under, &over);
	if (y < under)
		return true;
	if (y > over)
		return false;
	return y < zig_pdf(x);
}

/* The rest of a draw whose point fell outside layer i's inner rectangle:
 * su is its signed uniform. The sign is put on by multiplying (or
 * copysign in the tail): a branch on it is a coin toss the processor
 * guesses wrong half the time. (Rounding is symmetric, so su * x[i] is
 * the same bytes as -(|su| * x[i]) when su < 0.) */
static double zig_slow(struct rng *r, int i, double su)
{
	for (;;) {
		double u = fabs(su);
		if (i == 0) {
			/* the tail beyond R: Marsaglia's exponential rejection */
			double x, y;
			do {
				x = -dmath_log(1 - aux_uniform(r)) / ZIG_R;
				y = -dmath_log(1 - aux_uniform(r));
			} while (2 * y < x * x);
			return copysign(ZIG_R + x, su);
		}
		double x = u * zig_x[i];
		/* the wedge between the layer's rectangle and the curve */
		if (zig_wedge_accepts(i, x, zig_f[i] + aux_uniform(r) * (zig_f[i + 1] - zig_f[i])))
			return su * zig_x[i];
		/* rejected: a new draw from scratch */
		uint64_t b = aux_next(r);
		i = (int)(b & 0xff);
		su = (double)((int64_t)b >> 11) * 0x1p-52;
		if (fabs(su) < zig_ratio[i])
			return su * zig_x[i];
	}
}

/* v, as a value compilers cannot see through: combined with & and |,
 * comparisons stay 0s and 1s, where GCC 12 turned them back into the
 * branches zig_retry is there to avoid. */
static inline unsigned opaque(unsigned v)
{
	__asm__("" : "+r"(v));
	return v;
}

/* c ? a : b by masks, so that neither is a branch */
static inline double select_double(unsigned c, double a, double b)
{
	uint64_t ab, bb, m = (uint64_t)0 - opaque(c);
	memcpy(&ab, &a, sizeof ab);
	memcpy(&bb, &b, sizeof bb);
	ab = (ab & m) | (bb & ~m);
	memcpy(&a, &ab, sizeof a);
	return a;
}

/* A slow draw's usual course, with no branch on how it goes: its point
 * in layer i's wedge is taken (one aux word), or refused and the next
 * aux word gives a new draw that lands in its layer's rectangle (two
 * words). 45% of wedge points are refused, a coin toss to a branch
 * predictor that cost more than the rest of the draw. Both words are
 * looked at before either is taken; anything else (the tail, a point
 * too near the curve for the bounds, a second slow draw) is left to
 * zig_slow, which takes the same words in the same order. */
static inline double zig_retry(struct rng *r, int *pos, int i, double su)
{
	int p = *pos;
	if (__builtin_expect(i == 0 || p > RNG_AUX_BUF - 2, 0)) {
		r->aux_pos = p;
		if (i == 0)
			goto slow;
		aux_fill(r);
		p = 0;
	}
	double x = fabs(su) * zig_x[i];
	double y = zig_f[i] + r->aux_uniform[p] * (zig_f[i + 1] - zig_f[i]);
	double under, over;
	zig_wedge_bounds(i, x, &under, &over);
	unsigned take = y < under;
	unsigned refuse = y > over;
	if (__builtin_expect(!opaque(take | (refuse & r->aux_lands[p + 1])), 0)) {
		r->aux_pos = p;
		goto slow;
	}
	*pos = p + 2 - (int)take;
	return select_double(take, su * zig_x[i], r->aux_redraw[p + 1]);
slow:;
	double v = zig_slow(r, i, su);
	*pos = r->aux_pos;
	return v;
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
	int p = r->aux_pos;
	double v = zig_retry(r, &p, i, u);
	r->aux_pos = p;
	return v;
}

double rng_normal(struct rng *r)
{
	if (!zig_ready)
		zig_init();
	return zig_draw(r);
}

#define ZIG_BLOCK 256 /* words; rng_normals lists them by a byte each */
_Static_assert(ZIG_BLOCK <= 256 && ZIG_BLOCK % 64 == 0 && RNG_LANES == 8,
               "a block's places fit a byte, and its groups' flags whole words");

#if defined(__SSE2__) && SIMD_X86
#include <emmintrin.h>
/* SSE2, x86-64's baseline, two lanes a vector in AVX2's way (see
 * zig_groups_avx2): the lookups a 16-byte pair each, the top 53 bits
 * through the mantissa of 2^52, the sign by a mask of the word's top
 * bit, and two lanes' flags in one movemask: a Monte Carlo run 6-8%
 * faster than with the scalar loop compilers made of the portable one
 * (AMD Zen 4). */
static void zig_lanes_baseline(const uint64_t *restrict w, double *restrict out,
                               unsigned char *restrict bad, size_t groups)
{
	const __m128i mant = _mm_set1_epi64x(0xfffffffffffff);
	const __m128i two52 = _mm_set1_epi64x(0x4330000000000000);
	const __m128d two52d = _mm_set1_pd(0x1p52), sign = _mm_set1_pd(-0.0);
	for (size_t g = 0; g < groups; g++) {
		unsigned flags = 0;
		for (int h = 0; h < RNG_LANES; h += 2) {
			const uint64_t *wg = w + RNG_LANES * g + h;
			__m128i b = _mm_loadu_si128((const __m128i *)wg);
			__m128d p0 = _mm_load_pd(zig_pair[wg[0] & 0xff]);
			__m128d p1 = _mm_load_pd(zig_pair[wg[1] & 0xff]);
			__m128d xi = _mm_unpacklo_pd(p0, p1), ri = _mm_unpackhi_pd(p0, p1);
			/* 2^52 + m less 2^52, less 2^52 again where the sign is set */
			__m128i m = _mm_or_si128(two52, _mm_and_si128(_mm_srli_epi64(b, 11), mant));
			__m128i neg = _mm_shuffle_epi32(_mm_srai_epi32(b, 31), _MM_SHUFFLE(3, 3, 1, 1));
			__m128d u = _mm_sub_pd(_mm_sub_pd(_mm_castsi128_pd(m), two52d),
			                       _mm_and_pd(_mm_castsi128_pd(neg), two52d));
			_mm_storeu_pd(out + RNG_LANES * g + h, _mm_mul_pd(u, xi));
			__m128d no = _mm_cmpnlt_pd(_mm_andnot_pd(sign, u), ri);
			flags |= (unsigned)_mm_movemask_pd(no) << h;
		}
		bad[g] = (unsigned char)flags;
	}
}
#else
static void zig_lanes_baseline(const uint64_t *restrict w, double *restrict out,
                               unsigned char *restrict bad, size_t groups)
{
	for (size_t g = 0; g < groups; g++) {
		unsigned flags = 0;
		for (int l = 0; l < RNG_LANES; l++) {
			uint64_t b = w[RNG_LANES * g + l];
			size_t i = b & 0xff;
			double u = (double)((int64_t)b >> 11) * 0x1p-52;
			out[RNG_LANES * g + l] = u * zig_x[i];
			flags |= (unsigned)!(fabs(u) < zig_ratio[i]) << l;
		}
		bad[g] = (unsigned char)flags;
	}
}
#endif

/* The ziggurat's fast path for a run of whole groups of the stream: the
 * state steps, each group's eight words land in w, their normals in out,
 * and bit l of bad[g] is set when lane l of group g needs the slow path.
 * Every variant computes the same bits: integer work, one exact
 * conversion of the top 53 bits, one multiplication, one comparison. */
static void zig_groups_baseline(uint64_t s[4][RNG_LANES], uint64_t *restrict w,
                                double *restrict out, unsigned char *restrict bad, size_t groups)
{
	steps_baseline(s, w, groups);
	zig_lanes_baseline(w, out, bad, groups);
}

#if SIMD_X86
/* Written with the instructions themselves. The two table entries of a
 * lane come in one 16-byte load of zig_pair, and the lanes are put
 * together with inserts and unpacks: compilers tuned for generic x86-64
 * build lookups a double at a time, and gather instructions (two a
 * group) took three quarters of this loop on AMD Zen 4. */
#include <immintrin.h>

/* The pair of table entries of word k's layer. */
#define PAIR(w, k) _mm_load_pd(zig_pair[(w)[k] & 0xff])
/* The layers are read back from the words just stored, a byte load each:
 * left to themselves, compilers take them out of the vector register a
 * lane at a time, which cost a fifth of the loop (AVX2: 580 million
 * normals a second against 770 with the loads, on AMD Zen 4). */
#define RELOAD_WORDS() __asm__ volatile("" ::: "memory")

TARGET_AVX512
static void zig_groups_avx512(uint64_t s[4][RNG_LANES], uint64_t *restrict w,
                              double *restrict out, unsigned char *restrict bad, size_t groups)
{
	__m512i s0 = _mm512_loadu_si512(s[0]), s1 = _mm512_loadu_si512(s[1]);
	__m512i s2 = _mm512_loadu_si512(s[2]), s3 = _mm512_loadu_si512(s[3]);
	for (size_t g = 0; g < groups; g++) {
		/* xoshiro256**: rotl(s1 * 5, 7) * 9, then the state's step */
		__m512i x = _mm512_rol_epi64(_mm512_add_epi64(_mm512_slli_epi64(s1, 2), s1), 7);
		__m512i b = _mm512_add_epi64(_mm512_slli_epi64(x, 3), x);
		__m512i t = _mm512_slli_epi64(s1, 17);
		s2 = _mm512_xor_si512(s2, s0);
		s3 = _mm512_xor_si512(s3, s1);
		s1 = _mm512_xor_si512(s1, s2);
		s0 = _mm512_xor_si512(s0, s3);
		s2 = _mm512_xor_si512(s2, t);
		s3 = _mm512_rol_epi64(s3, 45);
		uint64_t *wg = w + RNG_LANES * g;
		_mm512_storeu_si512(wg, b);
		RELOAD_WORDS();
		/* lanes 0, 2, 4, 6 in a, 1, 3, 5, 7 in c: unpacking them gives
		 * every lane's x, and every lane's ratio, in order */
		__m512d a = _mm512_castpd128_pd512(PAIR(wg, 0));
		__m512d c = _mm512_castpd128_pd512(PAIR(wg, 1));
		a = _mm512_insertf64x2(a, PAIR(wg, 2), 1);
		c = _mm512_insertf64x2(c, PAIR(wg, 3), 1);
		a = _mm512_insertf64x2(a, PAIR(wg, 4), 2);
		c = _mm512_insertf64x2(c, PAIR(wg, 5), 2);
		a = _mm512_insertf64x2(a, PAIR(wg, 6), 3);
		c = _mm512_insertf64x2(c, PAIR(wg, 7), 3);
		__m512d xi = _mm512_unpacklo_pd(a, c), ri = _mm512_unpackhi_pd(a, c);
		/* the top 53 bits, signed: the uniform times 2^52 */
		__m512d u = _mm512_cvtepi64_pd(_mm512_srai_epi64(b, 11));
		_mm512_storeu_pd(out + RNG_LANES * g, _mm512_mul_pd(u, xi));
		__mmask8 ok = _mm512_cmp_pd_mask(_mm512_abs_pd(u), ri, _CMP_LT_OQ);
		bad[g] = (unsigned char)~ok;
	}
	_mm512_storeu_si512(s[0], s0);
	_mm512_storeu_si512(s[1], s1);
	_mm512_storeu_si512(s[2], s2);
	_mm512_storeu_si512(s[3], s3);
}

/* AVX2: the eight lanes as two halves of four, and no 64-bit arithmetic
 * shift, rotation or conversion: a rotation is two shifts, and the top
 * 53 bits become a double through the mantissa of 2^52 (exact). */
#define ROTL256(x, k) _mm256_or_si256(_mm256_slli_epi64((x), (k)), _mm256_srli_epi64((x), 64 - (k)))

TARGET_AVX2
static void zig_groups_avx2(uint64_t s[4][RNG_LANES], uint64_t *restrict w, double *restrict out,
                            unsigned char *restrict bad, size_t groups)
{
	/* The words first, all of them (the state stays in registers), then
	 * the normals of each group's eight lanes as two vectors of four:
	 * two lean loops, where one did both and read-modified-wrote the
	 * flags of the group's second half. */
	steps_avx2(s, w, groups);
	const __m256i mant = _mm256_set1_epi64x(0xfffffffffffff);
	const __m256i two52 = _mm256_set1_epi64x(0x4330000000000000);
	const __m256d less_pos = _mm256_set1_pd(0x1p52), less_neg = _mm256_set1_pd(0x1p53);
	const __m256d sign = _mm256_set1_pd(-0.0);
	for (size_t g = 0; g < groups; g++) {
		unsigned flags = 0;
		for (int h = 0; h < RNG_LANES; h += 4) {
			const uint64_t *wg = w + RNG_LANES * g + h;
			__m256i b = _mm256_loadu_si256((const __m256i *)wg);
			__m256d a = _mm256_insertf128_pd(_mm256_castpd128_pd256(PAIR(wg, 0)), PAIR(wg, 2), 1);
			__m256d c = _mm256_insertf128_pd(_mm256_castpd128_pd256(PAIR(wg, 1)), PAIR(wg, 3), 1);
			__m256d xi = _mm256_unpacklo_pd(a, c), ri = _mm256_unpackhi_pd(a, c);
			/* 2^52 + m, less 2^52 or, where b's sign bit is set, 2^53
			 * (a blend on that bit, which is the blend's own selector) */
			__m256i m = _mm256_or_si256(two52, _mm256_and_si256(_mm256_srli_epi64(b, 11), mant));
			__m256d less = _mm256_blendv_pd(less_pos, less_neg, _mm256_castsi256_pd(b));
			__m256d u = _mm256_sub_pd(_mm256_castsi256_pd(m), less);
			_mm256_storeu_pd(out + RNG_LANES * g + h, _mm256_mul_pd(u, xi));
			/* not (|u| < ratio): the lanes that need the slow path */
			__m256d no = _mm256_cmp_pd(_mm256_andnot_pd(sign, u), ri, _CMP_NLT_UQ);
			flags |= (unsigned)_mm256_movemask_pd(no) << h;
		}
		bad[g] = (unsigned char)flags;
	}
}
#undef PAIR
#endif

static void zig_groups(uint64_t s[4][RNG_LANES], uint64_t *restrict w, double *restrict out,
                       unsigned char *restrict bad, size_t groups)
{
	SIMD_DISPATCH(zig_groups, (s, w, out, bad, groups));
}

/* Eight groups' flag bytes as one word, bit k for draw k of the 64. */
static inline uint64_t slow_flags(const unsigned char *bad)
{
	uint64_t f;
	memcpy(&f, bad, sizeof f);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	f = __builtin_bswap64(f);
#endif
	return f;
}

void rng_normals(struct rng *r, double *out, size_t n)
{
	if (!zig_ready)
		zig_init();
	size_t done = 0;
	/* the words left over from the last group first, in order */
	while (done < n && r->pos < RNG_LANES)
		out[done++] = zig_draw(r);
	uint64_t w[ZIG_BLOCK] __attribute__((aligned(64)));
	/* bit l of bad[g]: lane l of group g is slow (the tail kept zero) */
	unsigned char bad[ZIG_BLOCK / RNG_LANES] __attribute__((aligned(8)));
	while (n - done >= RNG_LANES) {
		size_t groups = (n - done) / RNG_LANES;
		if (groups > ZIG_BLOCK / RNG_LANES)
			groups = ZIG_BLOCK / RNG_LANES;
		memset(bad + groups, 0, sizeof bad - groups);
		zig_groups(r->s, w, out + done, bad, groups);
		/* about one draw in seventy needs more, in the stream's order:
		 * their places first, listed with no branch for the first three
		 * of each 64 draws (each a test a branch predictor missed about
		 * once a slow draw), then one loop over the list */
		unsigned char slow[ZIG_BLOCK];
		size_t m = 0;
		for (size_t g8 = 0; g8 < groups; g8 += 8) {
			uint64_t f = slow_flags(bad + g8);
			unsigned base = (unsigned)(RNG_LANES * g8);
			for (int k = 0; k < 3; k++) {
				/* ctz of f, or 63 (not counted) when f is 0 */
				slow[m] = (unsigned char)(base + (unsigned)__builtin_ctzll(f | 1ull << 63));
				m += f != 0;
				f &= f - 1;
			}
			for (; f; f &= f - 1)
				slow[m++] = (unsigned char)(base + (unsigned)__builtin_ctzll(f));
		}
		int p = r->aux_pos;
		for (size_t j = 0; j < m; j++) {
			size_t q = slow[j];
			double u = (double)((int64_t)w[q] >> 11) * 0x1p-52;
			out[done + q] = zig_retry(r, &p, (int)(w[q] & 0xff), u);
		}
		r->aux_pos = p;
		done += RNG_LANES * groups;
	}
	/* the last few: a group into the buffer, then one at a time */
	while (done < n)
		out[done++] = zig_draw(r);
}
