/* dmath_fma.c: fma(a, b, c) for CPUs without the instruction, the same
 * bits as C's fma() for every input, and 12 to 20 times faster than
 * glibc's generic one (which saves and restores the floating-point
 * environment on every call): about 9 ns a call in a dependent chain,
 * 5 ns when independent, against 105 and 100 here.
 *
 * Most calls take the fast path (dm_fma_emul in dmath_dd.h, inlined where
 * it is used): Boldo and Melquiond's emulation ("Emulation of a FMA and
 * correctly rounded sums: proved algorithms using rounding to odd", IEEE
 * Trans. Computers 57(4), 2008, proved in Coq). With a*b = p + e exactly
 * (Dekker), c + p = s + t exactly (two-sum) and v = t + e rounded to odd,
 * s + v rounded to nearest is a*b + c rounded once. Rounding to odd (when
 * inexact, the neighbour whose last bit is odd) keeps the information
 * that t + e was not a tie, which a second rounding to nearest would
 * lose; it is made from round-to-nearest and a two-sum. The rest (huge or
 * tiny products, huge c, zeros, infinities, NaN) takes an exact integer
 * computation here: the 106-bit product, the aligned sum in 128 bits, one
 * rounding to nearest even at the result's precision, subnormal or not.
 * tests/test_fma.c compares both with fma() on random and hard triples. */
#include "dmath_dd.h"

#include <stdbool.h>
#include <stdint.h>

bool dmath_fma_hw;

void dmath_use_hw_fma(bool on)
{
	dmath_fma_hw = on && DMATH_FMA_X86;
}

/* ---- 128-bit integers, portable (no __int128 on 32-bit targets) ---------- */

struct u128 {
	uint64_t hi, lo;
};

/* The product of two integers below 2^53, from 32-bit halves. */
static struct u128 mul_53(uint64_t a, uint64_t b)
{
	uint64_t a0 = a & 0xffffffff, a1 = a >> 32, b0 = b & 0xffffffff, b1 = b >> 32;
	uint64_t p00 = a0 * b0, mid = a0 * b1 + a1 * b0 + (p00 >> 32); /* < 2^55 */
	return (struct u128){a1 * b1 + (mid >> 32), (mid << 32) | (p00 & 0xffffffff)};
}

static int top_bit(struct u128 x) /* x != 0 */
{
	return x.hi ? 127 - __builtin_clzll(x.hi) : 63 - __builtin_clzll(x.lo);
}

static struct u128 shl(struct u128 x, int s) /* 0 <= s < 128 */
{
	if (s >= 64)
		return (struct u128){x.lo << (s - 64), 0};
	if (s == 0)
		return x;
	return (struct u128){(x.hi << s) | (x.lo >> (64 - s)), x.lo << s};
}

static struct u128 shr(struct u128 x, int s) /* 0 <= s < 128 */
{
	if (s >= 64)
		return (struct u128){0, x.hi >> (s - 64)};
	if (s == 0)
		return x;
	return (struct u128){x.hi >> s, (x.lo >> s) | (x.hi << (64 - s))};
}

static bool lt(struct u128 x, struct u128 y)
{
	return x.hi < y.hi || (x.hi == y.hi && x.lo < y.lo);
}

static struct u128 add(struct u128 x, struct u128 y)
{
	uint64_t lo = x.lo + y.lo;
	return (struct u128){x.hi + y.hi + (lo < x.lo), lo};
}

static struct u128 sub(struct u128 x, struct u128 y) /* x >= y */
{
	return (struct u128){x.hi - y.hi - (x.lo < y.lo), x.lo - y.lo};
}

/* x >> s with the bits shifted out, if any were set, kept as a 1 in bit 0
 * ("sticky"): rounded to odd at bit 0, which leaves a later rounding at
 * bit 2 or above as it would have been. */
static struct u128 shr_sticky(struct u128 x, int s)
{
	if (s >= 128)
		return (struct u128){0, (x.hi | x.lo) != 0};
	struct u128 r = shr(x, s), back = shl(r, s);
	r.lo |= back.hi != x.hi || back.lo != x.lo;
	return r;
}

/* |x| = m 2^e with m an integer, for finite nonzero x. */
static uint64_t unpack(uint64_t u, int *e)
{
	int biased = (int)(u >> 52 & 0x7ff);
	uint64_t m = u & 0x000fffffffffffffULL;
	*e = (biased ? biased : 1) - 1075;
	return biased ? m | 1ULL << 52 : m;
}

/* a*b + c rounded to nearest even, for finite nonzero a, b and c: the
 * exact sum of the 106-bit product and c in 128 bits, both placed with
 * their top bit at bit 125 and the smaller shifted right with a sticky
 * bit, then rounded once at the result's last bit (2^-1074 when
 * subnormal). The larger term's bit 0 is 0 (at most 106 bits from bit
 * 125), and where a sticky bit was set the two terms were more than 20
 * bits apart, so the result keeps its top bit at 124 or above, at least
 * 72 bits over the sticky bit: the rounding is the exact sum's. */
static double fma_exact(double a, double b, double c)
{
	uint64_t ua = dm_bits(a), ub = dm_bits(b), uc = dm_bits(c);
	int ea, eb, ec;
	uint64_t ma = unpack(ua, &ea), mb = unpack(ub, &eb), mc = unpack(uc, &ec);
	struct u128 x = mul_53(ma, mb), y = {0, mc};
	int tx = top_bit(x), ty = top_bit(y);
	int lead_x = ea + eb + tx, lead_y = ec + ty; /* exponents of the top bits */
	uint64_t sx = (ua ^ ub) >> 63, sy = uc >> 63;
	x = shl(x, 125 - tx);
	y = shl(y, 125 - ty);
	if (lead_x < lead_y) { /* x the larger in exponent */
		struct u128 t = x;
		x = y;
		y = t;
		uint64_t ts = sx;
		sx = sy;
		sy = ts;
		int tl = lead_x;
		lead_x = lead_y;
		lead_y = tl;
	}
	y = shr_sticky(y, lead_x - lead_y);
	struct u128 r;
	uint64_t sign = sx;
	if (sx == sy) {
		r = add(x, y);
	} else if (lt(x, y)) {
		r = sub(y, x);
		sign = sy;
	} else {
		r = sub(x, y);
	}
	if ((r.hi | r.lo) == 0) /* exact cancellation: +0 when rounding to nearest */
		return 0.0;
	int e0 = lead_x - 125; /* the exponent of r's bit 0 */
	int lead = e0 + top_bit(r);
	if (lead > 1023)
		return sign ? -INFINITY : INFINITY;
	int last = lead - 52 < -1074 ? -1074 : lead - 52; /* exponent of the result's last bit */
	int shift = last - e0;
	uint64_t m;
	if (shift <= 0) {
		m = shl(r, -shift).lo; /* exact: fewer than 54 bits */
	} else if (shift >= 128) {
		m = 0; /* r < 2^127 is below half the last bit */
	} else {
		m = shr(r, shift).lo;
		struct u128 half = shl((struct u128){0, 1}, shift - 1);
		struct u128 rest = sub(r, shl((struct u128){0, m}, shift));
		m += lt(half, rest) || (!lt(rest, half) && (m & 1));
	}
	/* the exponent field plus the significand, its leading 1 included:
	 * a carry out of the rounding moves into the exponent, a subnormal
	 * that rounds up to 2^-1022 becomes normal, and 2^1024 becomes inf */
	return dm_double((sign << 63) | (((uint64_t)(last + 1074) << 52) + m));
}

/* Zeros, infinities and NaN, where a*b + c with the product exact gives
 * fma's answer; then the general case. */
static double fma_slow(double a, double b, double c)
{
	if (!isfinite(a) || !isfinite(b))
		return a * b + c; /* inf or NaN: the product's rounding changes nothing */
	if (!isfinite(c))
		return c; /* a*b is finite, however large */
	if (a == 0 || b == 0)
		return a * b + c; /* the product is an exact zero of the right sign */
	if (c == 0)
		return a * b; /* a*b rounded, rounding to 0 with the product's sign */
	return fma_exact(a, b, c);
}

double dmath_fma_slow(double a, double b, double c)
{
	return fma_slow(a, b, c);
}

double dmath_fma_emul(double a, double b, double c)
{
	return dm_fma_emul(a, b, c);
}
