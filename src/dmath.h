/* dmath.h: actviz's own elementary functions, the same bytes on every CPU,
 * vector path and C library (libm's differ between its FMA and non-FMA
 * variants). Each is within 0.51 ulp of the exact value (erfc within
 * 0.63), from IEEE-754 operations that are exact or correctly rounded
 * everywhere; special values as C's Annex F says, errno untouched. */
#ifndef ACTVIZ_DMATH_H
#define ACTVIZ_DMATH_H

#include <stdbool.h>

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

/* fma(a, b, c), a*b + c rounded once, from + - * / alone: the same bits as
 * C's fma() for every input, much faster than a C library's generic one on
 * CPUs without FMA. dmath_dd.h's dm_fma calls it there, the instruction
 * elsewhere. */
double dmath_fma_emul(double a, double b, double c);
/* Whether dm_fma may use the CPU's FMA instruction (x86: simd.c says so at
 * start; false, the default, is right on every CPU, only slower). */
void dmath_use_hw_fma(bool on);

#endif
