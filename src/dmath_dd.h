/* dmath_dd.h: exact two-word arithmetic (the rounding error of a sum or a
 * product, as a double) and a*b + c rounded once: what dmath's functions
 * and actfn's double-doubles are built from.
 *
 * Why not C's fma() everywhere: where the CPU has no FMA (x86-64 before
 * Haswell and Piledriver, Atom-class CPUs, 32-bit ARM and x86), glibc's
 * fma() is a generic routine that saves and restores the floating-point
 * environment (about 100 ns a call here, 35 times a call to the
 * instruction), and made the smooth activations 4 to 17 times slower. The helpers below give the
 * same bits as fma(): an exact error term by Dekker's product where that
 * is exact, and a fused a*b + c by the CPU's FMA where it has one, else by
 * dmath_fma_emul (dmath_fma.c). */
#ifndef ACTVIZ_DMATH_DD_H
#define ACTVIZ_DMATH_DD_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "dmath.h"

/* A double's bits and back: memcpy, the one portable way (the byte order
 * of a double and of a uint64_t agree on every platform C runs on). */
static inline uint64_t dm_bits(double x)
{
	uint64_t u;
	memcpy(&u, &x, sizeof u);
	return u;
}

static inline double dm_double(uint64_t u)
{
	double x;
	memcpy(&x, &u, sizeof x);
	return x;
}

/* The rounding error of s = a + b, for any a and b (Knuth's two-sum). */
static inline double dm_sum_err(double a, double b, double s)
{
	double bb = s - a;
	return (a - (s - bb)) + (b - bb);
}

/* The same when |a| >= |b| or a == 0 (Dekker's fast two-sum). */
static inline double dm_fast_err(double a, double b, double s)
{
	return (a - s) + b;
}

/* a = hi + lo, hi the top 26 bits (Veltkamp), so that products of halves
 * are exact; |a| < 2^995. */
static inline void dm_split(double a, double *hi, double *lo)
{
	double c = 0x1.0000002p27 * a; /* 2^27 + 1 */
	*hi = c - (c - a);
	*lo = a - *hi;
}

/* The rounding error of p = a*b, exactly, without fma (Dekker), a's and
 * b's halves given. Exact when |a|, |b| < 2^995 (the split) and 2^-969 <
 * |p| < 2^1020: then a*b is a multiple of 2^-1074, so every partial
 * product and sum is a double, and nothing overflows. */
static inline double dm_prod_err(double ah, double al, double bh, double bl, double p)
{
	return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/* Whether dm_prod_err is exact for a, b and p = a*b rounded (NaN and
 * infinities fail the test). */
static inline bool dm_prod_exact(double a, double b, double p)
{
	return fabs(a) < 0x1p995 && fabs(b) < 0x1p995 && fabs(p) > 0x1p-969 &&
	       fabs(p) < 0x1p1020;
}

/* ---- a*b + c rounded once ----------------------------------------------- */

/* The rest of dm_fma_emul: the ends of the range, exactly (dmath_fma.c). */
double dmath_fma_slow(double a, double b, double c);

/* dmath_fma_emul, inlined: its fast path, Boldo and Melquiond's emulation
 * (dmath_fma.c). Its range: a and b normal and below 2^995 (Veltkamp's
 * split does not overflow), 2^-970 <= |a*b| < 2^1021 and |c| < 2^1021, so
 * that no step overflows, and a*b, c and every step's exact result are
 * multiples of 2^-1074. Each step then rounds as it would with unbounded
 * exponents, where the theorem holds: a normal result rounds the same
 * way, and one below 2^-1022 is a multiple of 2^-1074, a double, exact in
 * both. a*b + c is such a multiple too, so where it is below 2^-1021 it
 * is a double and both results are it, and above that fma rounds as with
 * unbounded exponents. */
static inline double dm_fma_emul(double a, double b, double c)
{
	uint64_t ua = dm_bits(a), ub = dm_bits(b), uc = dm_bits(c);
	uint32_t ea = ua >> 52 & 0x7ff, eb = ub >> 52 & 0x7ff, ec = uc >> 52 & 0x7ff;
	if (ea - 1 < 2017 && eb - 1 < 2017 && ea + eb - 1076 <= 1989 && ec <= 2043) {
		double p = a * b, ah, al, bh, bl;
		dm_split(a, &ah, &al);
		dm_split(b, &bh, &bl);
		double e = dm_prod_err(ah, al, bh, bl, p);   /* a*b = p + e */
		double s = c + p, t = dm_sum_err(c, p, s);     /* c + p = s + t */
		double v = t + e, w = dm_sum_err(t, e, v);     /* t + e = v + w */
		/* v rounded to odd: where inexact (w != 0) and even, one ulp
		 * towards w. v = 0 only if t + e = 0 exactly (sums of doubles
		 * are multiples of 2^-1074), so w = 0 then. */
		uint64_t vb = dm_bits(v);
		if (w != 0 && !(vb & 1))
			vb += (dm_bits(w) ^ vb) >> 63 ? (uint64_t)-1 : 1;
		return s + dm_double(vb);
	}
	return dmath_fma_slow(a, b, c);
}

/* Whether dm_fma uses the CPU's FMA instruction (dmath_use_hw_fma sets it;
 * dmath_fma_emul otherwise). */
extern bool dmath_fma_hw;

#if !defined(__FP_FAST_FMA) && (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define DMATH_FMA_X86 1
/* The instruction, compiled whatever the build's baseline: inlined into
 * callers that are themselves compiled for FMA (actfn's AVX2 and AVX-512
 * loops), called elsewhere. Run only where the CPU has FMA. */
__attribute__((target("fma"))) static inline double dm_fma_x86(double a, double b, double c)
{
	return __builtin_fma(a, b, c);
}
#else
#define DMATH_FMA_X86 0
#endif

/* a*b + c rounded once: fma(a, b, c), fast on every CPU. */
static inline double dm_fma(double a, double b, double c)
{
#if defined(__FP_FAST_FMA) /* the target always has it (arm64, or -mfma): one instruction */
	return fma(a, b, c);
#else
#if DMATH_FMA_X86
	if (dmath_fma_hw)
		return dm_fma_x86(a, b, c);
#endif
	return dm_fma_emul(a, b, c);
#endif
}

/* a*b - p exactly, for p = a*b rounded: fma(a, b, -p). The instruction
 * where the CPU has it (faster here than Dekker's 17 operations, even as
 * a call); else Dekker's product where it is exact (bit for bit the same,
 * as both are the exact value), the emulation at the ends of the range. */
static inline double dm_mul_err(double a, double b, double p)
{
#if defined(__FP_FAST_FMA)
	return fma(a, b, -p);
#else
#if DMATH_FMA_X86
	if (dmath_fma_hw)
		return dm_fma_x86(a, b, -p);
#endif
	if (dm_prod_exact(a, b, p)) {
		double ah, al, bh, bl;
		dm_split(a, &ah, &al);
		dm_split(b, &bh, &bl);
		return dm_prod_err(ah, al, bh, bl, p);
	}
	return dm_fma(a, b, -p);
#endif
}

/* n - q*d for q = n/d rounded: fma(-q, d, n), the remainder of the
 * division, chosen as dm_mul_err is. With q*d = p + e exactly (Dekker),
 * n - p is exact (Sterbenz: q is within a factor 2 of n/d, even
 * subnormal, so p is within one of n), so (n - p) - e is n - q*d rounded
 * once, as fma rounds it (and n - q*d is a double anyway, absent
 * underflow). */
static inline double dm_div_rem(double n, double q, double d)
{
#if defined(__FP_FAST_FMA)
	return fma(-q, d, n);
#else
#if DMATH_FMA_X86
	if (dmath_fma_hw)
		return dm_fma_x86(-q, d, n);
#endif
	double p = q * d;
	if (dm_prod_exact(q, d, p)) {
		double qh, ql, dh, dl;
		dm_split(q, &qh, &ql);
		dm_split(d, &dh, &dl);
		return (n - p) - dm_prod_err(qh, ql, dh, dl, p);
	}
	return dm_fma(-q, d, n);
#endif
}

#endif
