/* dmath_tab.h: what dmath.c and dmath_trig.c share and no other module
 * needs: the generated tables (dmath_tab.c, from tests/gen/dmath_tab.py).
 * The exact two-word arithmetic the functions are built from is in
 * dmath_dd.h, which actfn shares. */
#ifndef ACTVIZ_DMATH_TAB_H
#define ACTVIZ_DMATH_TAB_H

#include <stdint.h>

#include "dmath_dd.h"

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

/* c[0] + c[1] h + ... + c[n-1] h^(n-1) in Horner's order. */
static inline double dm_horner(const double *c, int n, double h)
{
	double r = c[n - 1];
	for (int i = n - 2; i >= 0; i--)
		r = c[i] + r * h;
	return r;
}

#endif
