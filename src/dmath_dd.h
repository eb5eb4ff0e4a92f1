/* dmath_dd.h: exact two-word arithmetic (the rounding error of a sum or a
 * product, as a double): what dmath's functions are built from, and what
 * actfn's double-doubles can share. */
#ifndef ACTVIZ_DMATH_DD_H
#define ACTVIZ_DMATH_DD_H

#include <stdint.h>
#include <string.h>

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

#endif
