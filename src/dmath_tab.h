/* dmath_tab.h: what dmath.c and dmath_trig.c share and no other module
 * needs: the generated tables (dmath_tab.c, from tests/gen/dmath_tab.py)
 * and the exact two-word arithmetic the functions are built from. */
#ifndef ACTVIZ_DMATH_TAB_H
#define ACTVIZ_DMATH_TAB_H

#include <stdint.h>
#include <string.h>

#define DMATH_EXP_N 128
#define DMATH_LOG_N 128
#define DMATH_ERFC_PIECES 54
#define DMATH_ERFC_COEFS 15 /* Q(c) hi, lo, then P's 13 coefficients */

struct dmath_exp_entry {
	double tail;    /* 2^(i/128) relative to the double below */
	uint64_t sbits; /* that double's bits less i << 45 */
};

struct dmath_log_entry {
	double invc, logc_hi, logc_lo;
};

extern const struct dmath_exp_entry dmath_exp_tab[DMATH_EXP_N];
extern const double dmath_exp_c[6];
extern const double dmath_exp_c5;
extern const double dmath_expm1_p[9];
extern const struct dmath_log_entry dmath_log_tab[DMATH_LOG_N];
extern const double dmath_ln2[2];
extern const double dmath_inv_ln10[2];
extern const double dmath_log_q[8];
extern const double dmath_sincos_tab[32][6];
extern const double dmath_pio64[8];
extern const double dmath_sin_p[4];
extern const double dmath_cos_p[4];
extern const uint32_t dmath_two_over_pi[40];
extern const double dmath_two_over_sqrtpi[3];
extern const double dmath_erf_f[7];
extern const double dmath_erfc_tab[DMATH_ERFC_PIECES][DMATH_ERFC_COEFS];

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
 * b's halves given: fma() is a slow software routine on CPUs without FMA,
 * and this must be fast and the same everywhere. */
static inline double dm_prod_err(double ah, double al, double bh, double bl, double p)
{
	return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/* c[0] + c[1] h + ... + c[n-1] h^(n-1) in Horner's order. */
static inline double dm_horner(const double *c, int n, double h)
{
	double r = c[n - 1];
	for (int i = n - 2; i >= 0; i--)
		r = c[i] + r * h;
	return r;
}

#endif
