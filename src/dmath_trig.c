/* dmath_trig.c: sin and cos of our own, within about half an ulp for every double, the same on every machine. */
#include "dmath.h"

#include <math.h>
#include <stdint.h>

#include "dmath_tab.h"

/* x = k pi/64 + t, |t| <= pi/128, with t carried as t + tlo exactly
 * enough that even t near 0 (x near a multiple of pi: at worst about
 * 2^-61 relative for a double) keeps its digits. Then with a = j pi/64,
 * j = k mod 32, and the quadrant k/32 mod 4,
 *   sin(a + t) = sin a + cos a t + sin a (cos t - 1) + cos a (sin t - t)
 * with sin a and cos a from a table in triple precision, cos a * t exact
 * (Dekker's product) and the rest below 2^-11 of the result: only the
 * final addition rounds at full weight. */

#define SHIFT 0x1.8p52

/* Cody and Waite's reduction for |x| < 2^16 (|k| < 2^21): k times each
 * 32-bit part of pi/64 is exact, and the sums are two-sums. */
static unsigned reduce_small(double x, double *t, double *tlo)
{
	const double *p = dmath_pio64;
	double kd = x * p[0] + SHIFT;
	kd -= SHIFT;
	double w = x - kd * p[1]; /* exact: Sterbenz */
	double m2 = kd * p[2], a = w - m2, ae = dm_sum_err(w, -m2, a);
	double m3 = kd * p[3], b = a - m3, be = dm_sum_err(a, -m3, b);
	double rest = (ae + be) - kd * p[4];
	*t = b + rest;
	*tlo = dm_fast_err(b, rest, *t);
	return (unsigned)(int32_t)kd & 127;
}

/* 64 bits of the integer a[] (32-bit limbs, least significant first)
 * from bit pos up. */
static uint64_t bits64(const uint32_t *a, int pos)
{
	int l = pos / 32, s = pos % 32;
	uint64_t v = (uint64_t)a[l] | (uint64_t)a[l + 1] << 32;
	if (s)
		v = v >> s | (uint64_t)a[l + 2] << (64 - s);
	return v;
}

/* limb n of the 192-bit fraction f[0..2] (most significant first), in 32-bit pieces */
static double limb(const uint64_t *f, int n)
{
	uint64_t w = f[n / 2];
	return (double)(uint32_t)(n % 2 ? w : w >> 32);
}

/* Payne and Hanek's reduction for |x| >= 2^16, any finite double: x =
 * M 2^E (M < 2^53 an integer), and x 64/pi mod 128 is M times the bits
 * of 2/pi that matter there, exactly, in integer arithmetic (32-bit
 * limbs, so that 32-bit CPUs do the same). */
static unsigned reduce_big(double ax, double *t, double *tlo)
{
	int e;
	double m = frexp(ax, &e);
	uint64_t M = (uint64_t)ldexp(m, 53); /* exact */
	int E = e - 53;
	/* x 64/pi = sum_i M w_i 2^(E + 5 - 32(i+1)): the words before i0 only
	 * add multiples of 128 (the term's exponent is >= 7) */
	int i0 = E - 2 >= 0 ? (E - 2) / 32 : 0;
	uint32_t acc[12] = {0};
	for (int j = 0; j < 8; j++) { /* acc += M w 2^(32(7 - j)) */
		uint64_t w = dmath_two_over_pi[i0 + j];
		uint64_t lo = (M & 0xffffffffu) * w, hi = (M >> 32) * w;
		uint64_t carry = 0;
		int l = 7 - j;
		for (int n = 0; l + n < 12; n++) {
			uint64_t add = n == 0 ? (uint32_t)lo
			               : n == 1 ? (lo >> 32) + (uint32_t)hi
			               : n == 2 ? hi >> 32 : 0;
			uint64_t s = (uint64_t)acc[l + n] + add + carry;
			acc[l + n] = (uint32_t)s;
			carry = s >> 32;
			if (n >= 2 && carry == 0)
				break;
		}
	}
	/* the bit of weight 1 is bit b0 of acc */
	int b0 = -(E + 5 - 32 * (i0 + 8));
	unsigned k = (unsigned)(bits64(acc, b0) & 127);
	uint64_t f[3] = {bits64(acc, b0 - 64), bits64(acc, b0 - 128), bits64(acc, b0 - 192)};
	double sign = 1;
	if (f[0] >> 63) { /* fraction >= 1/2: round k up, f - 1 is negative */
		k = (k + 1) & 127;
		sign = -1;
		f[0] = ~f[0];
		f[1] = ~f[1];
		f[2] = ~f[2] + 1; /* two's complement of the 192 bits */
		if (f[2] == 0 && ++f[1] == 0)
			f[0]++;
	}
	/* f as hi + lo from its leading nonzero 32-bit limbs, each exact as
	 * a double */
	int n = 0;
	while (n < 3 && limb(f, n) == 0)
		n++;
	double a = ldexp(limb(f, n), -32 * (n + 1)), b = ldexp(limb(f, n + 1), -32 * (n + 2));
	double fh = a + b;
	double fl = dm_fast_err(a, b, fh) + (ldexp(limb(f, n + 2), -32 * (n + 3)) +
	                                    ldexp(limb(f, n + 3), -32 * (n + 4)));
	/* t = f pi/64 */
	const double *p = dmath_pio64;
	double fhh, fhl;
	dm_split(fh, &fhh, &fhl);
	double ph = p[5] + p[6]; /* pi/64's nearest double, exactly */
	double th = fh * ph;
	double tl = dm_prod_err(fhh, fhl, p[5], p[6], th) + (fh * p[7] + fl * ph);
	*t = sign * (th + tl);
	*tlo = sign * dm_fast_err(th, tl, th + tl);
	return k;
}

/* k and t + tlo for x = k pi/64 + t + tlo, |t| <= pi/128, x finite. */
static unsigned reduce(double x, double *t, double *tlo)
{
	if (fabs(x) < 0x1p16)
		return reduce_small(x, t, tlo);
	unsigned k = reduce_big(fabs(x), t, tlo);
	if (x > 0)
		return k;
	*t = -*t;
	*tlo = -*tlo;
	return (128 - k) & 127;
}

/* sin(j pi/64 + t + tlo) if !cosine, else cos; 0 <= j < 32. */
static double kernel(unsigned j, double t, double tlo, int cosine)
{
	const double *e = dmath_sincos_tab[j];
	/* the two table values in the roles of sin a and cos a (cos(a + t) =
	 * cos a - sin a t + ...: the same sum with the roles swapped and sin
	 * a negated) */
	double sg = cosine ? -1 : 1;
	const double *f = cosine ? e + 3 : e;     /* the value at a */
	const double *d = cosine ? e : e + 3;     /* its derivative, up to sg */
	double u = t * t;
	double sp = t * u * dm_horner(dmath_sin_p, 4, u); /* sin t - t */
	double cp = u * dm_horner(dmath_cos_p, 4, u);     /* cos t - 1 */
	double th, tl;
	dm_split(t, &th, &tl);
	double dh = d[0] + d[1], fh = f[0] + f[1]; /* the nearest doubles, exactly */
	double p = sg * (dh * t), pe = sg * dm_prod_err(d[0], d[1], th, tl, dh * t);
	double s = fh + p, se = dm_sum_err(fh, p, s);
	double lo = ((se + pe) + (f[2] + sg * (d[2] * t + dh * tlo))) + (fh * cp + sg * (dh * sp));
	return s + lo;
}

double dmath_sin(double x)
{
	if (fabs(x) < 0x1p-27) /* sin x = x - x^3/6 rounds to x (keeps -0) */
		return x;
	if (!isfinite(x))
		return x - x; /* nan, also for +-inf */
	double t, tlo;
	unsigned k = reduce(x, &t, &tlo);
	double v = kernel(k & 31, t, tlo, k & 32);
	return k & 64 ? -v : v;
}

double dmath_cos(double x)
{
	if (fabs(x) < 0x1p-27) /* cos x = 1 - x^2/2 rounds to 1 */
		return 1.0;
	if (!isfinite(x))
		return x - x;
	double t, tlo;
	/* cos x = sin(x + pi/2): a quarter turn is 32 steps of pi/64 */
	unsigned k = reduce(x, &t, &tlo) + 32;
	double v = kernel(k & 31, t, tlo, k & 32);
	return k & 64 ? -v : v;
}
