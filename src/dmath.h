/* dmath.h: actviz's own elementary functions, the same bytes on every CPU,
 * vector path and C library (libm's differ between its FMA and non-FMA
 * variants). Each is within 0.51 ulp of the exact value (erfc within
 * 0.63), from IEEE-754 operations that are exact or correctly rounded
 * everywhere; special values as C's Annex F says, errno untouched. */
#ifndef ACTVIZ_DMATH_H
#define ACTVIZ_DMATH_H

double dmath_exp(double x);
double dmath_expm1(double x);
double dmath_log(double x);
double dmath_log1p(double x);
double dmath_log10(double x);
double dmath_pow(double x, double y);
double dmath_erfc(double x);
/* erfc(x) as the rounded result plus *lo, the rest (about 2^-57 of it),
 * for a caller whose product with erfc must round once */
double dmath_erfc_dd(double x, double *lo);
double dmath_sin(double x);
double dmath_cos(double x);

#endif
