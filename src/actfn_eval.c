/* actfn_eval.c: every activation's f and f' at a point, exact to an ulp or
 * two, and their loops over arrays, one variant per vector path; the
 * table that names them is actfn.c. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include "actfn_eval.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dmath.h"
#include "dmath_dd.h"

/* Constants to full precision (M_PI and friends are not C11). Where a
 * rounding error would be amplified, a constant is split into hi + lo. */
#define INV_SQRT2_HI 0x1.6a09e667f3bcdp-1     /* 1/sqrt(2) */
#define INV_SQRT2_LO (-0x1.bdd3413b26456p-55)
#define TWO_OVER_SQRTPI 0x1.20dd750429b6dp+0  /* 2/sqrt(pi) */
#define INV_SQRT_2PI 0x1.9884533d43651p-2     /* 1/sqrt(2*pi) */
/* GELU's tanh form is defined by its two constants, and exact here means
 * exact for the doubles PyTorch holds: kBeta = M_SQRT2*M_2_SQRTPI*0.5 (the
 * double nearest sqrt(2/pi)) and kKappa = 0.044715 as a double. */
#define GELU_BETA 0x1.9884533d43651p-1        /* kBeta */
#define GELU_KAPPA 0x1.6e4e26d4801f7p-5       /* kKappa */
#define GELU_3KB_HI 0x1.b6676bf7450f1p-4      /* 3*kKappa*kBeta, exactly hi + lo */
#define GELU_3KB_LO (-0x1.dad2032c3d48bp-58)
#define LN_SQRT_2PI_HI 0x1.d67f1c864beb5p-1   /* ln(sqrt(2*pi)) */
#define LN_SQRT_2PI_LO (-0x1.65b5a1b7ff5dfp-55)
#define SELU_ALPHA 1.6732632423543772848170429916717
#define SELU_SCALE 1.0507009873554804934193349852946
/* scale*alpha: the exact product of PyTorch's two doubles, as hi + lo (hi
 * is PyTorch's own rounded product, its negcoef) */
#define SELU_SCALE_ALPHA_HI 0x1.c212cc640f030p+0
#define SELU_SCALE_ALPHA_LO 0x1.092dbf6372048p-54

/* ---- evaluation helpers ------------------------------------------------ */

/* c ? a : b, marked unpredictable so that compilers select instead of
 * branching: on random signs (Monte Carlo, a layer's pre-activations) a
 * mispredicted branch costs more than the function. */
static inline double pick(bool c, double a, double b)
{
	return __builtin_expect_with_probability(c, 1, 0.5) ? a : b;
}

/* e^(hi + lo) for |lo| << ulp(hi): a first-order correction is exact to
 * rounding, and keeps the error of a rounded argument from being
 * multiplied by |hi| (exp's condition number). */
static double exp_dd(double hi, double lo)
{
	double e = dmath_exp(hi);
	return lo == 0 ? e : dm_fma(e, lo, e);
}

/* Which variant of the array loops runs (simd.c says, through
 * actfn_use_variant): 0 portable, 1 AVX2, 2 AVX-512. */
static int variant;

void actfn_use_variant(int v)
{
	variant = v;
}

/* Generates name_eval_SUFFIX, the array loop over name_point under a
 * target attribute. NaN in gives NaN out for f and f' alike, so no point
 * function has to test for it; the test is a select, not a branch, so
 * that simple functions vectorise. The point functions are the same on
 * every variant, so are the bytes: only the width of the loop changes.
 * The parameters are copied first: y or dy might be where they live, for
 * all a compiler knows, and it reloaded them at every element and would
 * not vectorise (leaky's loop: scalar, with a branch on each sign). */
#define ACTFN_LOOP(name, suffix, attr)                                                \
	attr static void name##_eval_##suffix(const double *pp, const double *x, double *y, \
	                                      double *dy, size_t n)                       \
	{                                                                               \
		double p[ACTFN_MAX_PARAMS];                                                 \
		memcpy(p, pp, sizeof p);                                                    \
		if (dy) {                                                                   \
			for (size_t i = 0; i < n; i++) {                                        \
				double v = x[i], f, d;                                              \
				name##_point(p, v, &f, &d);                                         \
				y[i] = pick(v != v, v, f);                                          \
				dy[i] = pick(v != v, v, d);                                         \
			}                                                                       \
		} else {                                                                    \
			for (size_t i = 0; i < n; i++) {                                        \
				double v = x[i], f, d;                                              \
				name##_point(p, v, &f, &d);                                         \
				y[i] = pick(v != v, v, f);                                          \
			}                                                                       \
		}                                                                           \
	}

/* Generates actfn_NAME_eval: the variants, and the choice between them. */
#ifdef HAVE_X86_PATHS
#define ACTFN_ARRAY(name)                                                             \
	ACTFN_LOOP(name, base, )                                                      \
	ACTFN_LOOP(name, avx2, TARGET_AVX2)                                           \
	ACTFN_LOOP(name, avx512, TARGET_AVX512)                                       \
	void actfn_##name##_eval(const double *p, const double *x, double *y, double *dy, \
	                         size_t n)                                              \
	{                                                                               \
		if (variant == 2)                                                       \
			name##_eval_avx512(p, x, y, dy, n);                                 \
		else if (variant == 1)                                                  \
			name##_eval_avx2(p, x, y, dy, n);                                   \
		else                                                                    \
			name##_eval_base(p, x, y, dy, n);                                   \
	}
#else
#define ACTFN_ARRAY(name)                                                             \
	ACTFN_LOOP(name, base, )                                                      \
	void actfn_##name##_eval(const double *p, const double *x, double *y, double *dy, \
	                         size_t n)                                              \
	{                                                                               \
		name##_eval_base(p, x, y, dy, n);                                       \
	}
#endif

/* ---- the functions, f and f' side by side --------------------------------
 * Each _point follows PyTorch's float64 forward and autograd backward,
 * including which branch owns a kink; where PyTorch's formula loses digits
 * (exp(x)-1, 1-s, chain-rule cancellations) an exact rearrangement of the
 * same definition is used instead. */

static void relu_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	*f = pick(x < 0, 0.0, x); /* keeps -0 as PyTorch's clamp_min does */
	*d = pick(x > 0, 1.0, 0.0);
}

static void hardtanh_point(const double *p, double x, double *f, double *d)
{
	double lo = p[0], hi = p[1];
	*f = pick(x < lo, lo, pick(x > hi, hi, x));
	*d = pick(x > lo && x < hi, 1.0, 0.0);
}

static void relu6_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	static const double bounds[2] = {0.0, 6.0};
	hardtanh_point(bounds, x, f, d);
}

static void leaky_point(const double *p, double x, double *f, double *d)
{
	*f = pick(x > 0, x, x * p[0]);
	*d = pick(x > 0, 1.0, p[0]);
}

static void rrelu_point(const double *p, double x, double *f, double *d)
{
	/* Evaluation mode: a fixed slope, the mean of the training range. */
	double slope = (p[0] + p[1]) / 2;
	leaky_point(&slope, x, f, d);
}

/* ---- extra precision --------------------------------------------------------
 * Where a rounding error would be amplified (by a cancellation, by exp, or
 * by a product with a subnormal that has already lost digits), a value is
 * carried as a double-double: hi + lo, lo the part hi could not hold.
 * The exact parts come from dmath_dd.h rather than fma(), a slow software
 * routine on CPUs without FMA: dm_mul_err(a, b, p) = a*b - p and
 * dm_div_rem(n, q, d) = n - q*d, exactly, and dm_fma(a, b, c) = a*b + c
 * rounded once, each the bits fma() gives. */

/* 256*ln(2) as hi + lo, hi a multiple of 2^-42, so that adding hi to any
 * double in [-2048, -708] is exact. */
#define LN2_X256_HI 0x1.62e42fefa39e8p+7
#define LN2_X256_LO 0x1.cd5e4f1d9cc02p-43

/* e^(hi + lo) = (m[0] + m[1]) * 2^k, returning k; m[1] = m[0]*lo is the
 * first-order correction, so only exp's own rounding is left. Below e^-708
 * the result would be subnormal, with digits lost before a caller's product
 * rounds again: there m is e^(hi + lo) * 2^256, normal, and k = -256, so
 * the caller rounds once more, in ldexp. */
static int exp_scaled(double hi, double lo, double m[2])
{
	int k = 0;
	if (hi < -708) {
		hi += LN2_X256_HI;
		lo += LN2_X256_LO;
		k = -256;
	}
	m[0] = dmath_exp(hi);
	m[1] = m[0] * lo;
	return k;
}

/* sigmoid(hi + lo) and 1 - sigmoid(hi + lo) as double-doubles. The small
 * side is e/(1 + e), e = exp(-|hi|), with the sum and the quotient carried
 * exactly and lo added to first order; the large side is 1 minus it,
 * exactly. Only exp's rounding is left, and (1 - small) damps it. */
static void sigmoid_dd(double hi, double lo, double s[2], double oms[2])
{
	bool neg = hi < 0;
	double e = dmath_exp(neg ? hi : -hi), elo = neg ? lo : -lo;
	double den = 1 + e, denlo = e - (den - 1); /* Fast2Sum: 1 >= e */
	double q = e / den;
	double qlo = (dm_div_rem(e, q, den) - q * denlo) / den + q * (1 - q) * elo;
	double big = 1 - q, biglo = ((1 - big) - q) - qlo;
	s[0] = neg ? q : big;
	s[1] = neg ? qlo : biglo;
	oms[0] = neg ? big : q;
	oms[1] = neg ? biglo : qlo;
}

/* s (1 + a b) for double-doubles s, a and b, rounded once: the f' of silu
 * and of GELU's tanh form, whose two terms cancel near the minimum of f. */
static double times_one_plus(const double s[2], const double a[2], const double b[2])
{
	double p = a[0] * b[0];
	double plo = dm_mul_err(a[0], b[0], p) + (a[0] * b[1] + a[1] * b[0]);
	double q = 1 + p, qlo = dm_sum_err(1, p, q) + plo;
	return dm_fma(s[0], q, s[0] * qlo + s[1] * q);
}

/* (c + clo) e^(hi + lo), rounded once: the f' of elu, selu and celu. */
static double exp_times(double c, double clo, double hi, double lo)
{
	double m[2];
	int k = exp_scaled(hi, lo, m);
	double rest = clo * m[0] + c * m[1];
	/* c = 1 (celu, and elu's default alpha): c m[0] is exact, so the sum
	 * alone rounds, as in the fma, and costs no emulated fma */
	double v = c == 1 ? m[0] + rest : dm_fma(c, m[0], rest);
	return k ? ldexp(v, k) : v;
}

/* f = x e^x and f' = (1 + x) e^x: silu and mish below x = -708, where
 * sigmoid(x) and tanh(softplus(x)) equal e^x to double precision but e^x
 * is subnormal (1 + x is exact there). */
static void exp_tail(double x, double *f, double *d)
{
	double m[2];
	int k = exp_scaled(x, 0, m);
	*f = ldexp(dm_fma(x, m[0], x * m[1]), k);
	*d = ldexp(dm_fma(1 + x, m[0], (1 + x) * m[1]), k);
}

/* phi(x) = exp(-x^2/2 - ln(sqrt(2 pi))) = (m[0] + m[1]) * 2^k, returning
 * k; x^2 = sq + sqlo exactly. Folding the constant into the argument, in
 * double-double, leaves only exp's rounding. */
static int normal_pdf(double sq, double sqlo, double m[2])
{
	double a = -0.5 * sq, b = a - LN_SQRT_2PI_HI;
	double blo = dm_sum_err(a, -LN_SQRT_2PI_HI, b) - (0.5 * sqlo + LN_SQRT_2PI_LO);
	return exp_scaled(b, blo, m);
}

/* x Phi(x) and Phi(x) + x phi(x) for -39 <= x < -37, where erfc is
 * subnormal or nearly so: Phi(x) = -phi(x) S/x with the asymptotic series
 * S = 1 - r + 3r^2 - 15r^3 + ..., r = 1/x^2 (8 terms reach 2^-60 here). */
static void gelu_erf_tail(double x, double *f, double *d)
{
	double sq = x * x, sqlo = dm_mul_err(x, x, sq), r = 1 / sq, c = 0;
	for (int k = 8; k >= 1; k--) /* c = S - 1 */
		c = -(2 * k - 1) * r * (1 + c);
	double m[2];
	int k = normal_pdf(sq, sqlo, m);
	/* m[1] may be 2^-42 of m[0] (the scaling's lo), so it too is
	 * multiplied by S - 1 and by S/x^2 */
	*f = ldexp(-(m[0] + (m[1] + (m[0] + m[1]) * c)), k); /* -phi S */
	double p = x * m[0], plo = dm_mul_err(x, m[0], p) + x * m[1];
	*d = ldexp(p + (plo - (p + plo) * (1 + c) * r), k); /* x phi (1 - S/x^2) */
}

static void elu_point(const double *p, double x, double *f, double *d)
{
	if (x > 0) {
		*f = x;
		*d = 1.0;
	} else {
		*f = p[0] * dmath_expm1(x);
		*d = exp_times(p[0], 0, x, 0);
	}
}

static void selu_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	if (x > 0) {
		*f = SELU_SCALE * x;
		*d = SELU_SCALE;
	} else {
		double em = dmath_expm1(x);
		*f = dm_fma(SELU_SCALE_ALPHA_HI, em, SELU_SCALE_ALPHA_LO * em);
		*d = exp_times(SELU_SCALE_ALPHA_HI, SELU_SCALE_ALPHA_LO, x, 0);
	}
}

static void celu_point(const double *p, double x, double *f, double *d)
{
	if (x > 0) {
		*f = x;
		*d = 1.0;
		return;
	}
	/* x/alpha carried as hi + lo: its rounding would otherwise be
	 * amplified |x/alpha| times by exp. */
	double a = p[0], hi = x / a;
	double lo = isfinite(hi) ? dm_div_rem(x, hi, a) / a : 0;
	double e = dmath_exp(hi);
	*f = a * dm_fma(e, lo, dmath_expm1(hi));
	*d = exp_times(1, 0, hi, lo);
}

/* GELU's f' = Phi(x) + x phi(x) for -1.25 < x < -0.4, as its Taylor
 * series about its zero x0: sum over j >= 1 of g_j h^j, h = x - x0.
 * There Phi and x phi cancel, and erfc's own error (about an ulp of Phi)
 * would break the bound at a zero of f'; the series has no cancellation
 * left. 22 terms reach 2^-56 for |h| < 0.5. tests/gen/gelu_taylor.py
 * prints x0 and the g_j. */
static double gelu_erf_d_near_zero(double x)
{
	static const double g[] = { /* g22 down to g2 */
		-0x1.5e18b3d4867f6p-37, -0x1.89a0774eb6048p-34, 0x1.3effe0efcb25fp-33,
		0x1.0592d74158a0ap-29,  -0x1.7ffd0f708645ap-30, -0x1.3099122c48e32p-25,
		-0x1.b9057b3d93486p-30, 0x1.322a347f1968bp-21,  0x1.d0c38b7a117ccp-22,
		-0x1.03fec69bdd554p-17, -0x1.784acad4b941ep-17, 0x1.69610924deba8p-14,
		0x1.86c863b66083cp-13,  -0x1.8680f74e6b6bap-11, -0x1.258a6d85633afp-9,
		0x1.297b9d6ffaacdp-8,   0x1.3e346def42057p-6,   -0x1.e4088244f901dp-7,
		-0x1.d2fa4c17c7e84p-4,  -0x1.2a2ef9bb865aep-6,  0x1.8d9a941de3ac5p-2,
	};
	const double x0_hi = -0x1.80ead197f00b4p-1, x0_lo = 0x1.13e74c58cada8p-56;
	const double g1_hi = 0x1.b9d98fa5a3215p-2, g1_lo = 0x1.f7c1a23190c7cp-56;
	double h = x - x0_hi, hlo = -x0_lo; /* x - x0_hi is exact (Sterbenz) */
	double r = g[0]; /* the first step, fma(0, h, g22), is g22 exactly */
	for (size_t j = 1; j < sizeof g / sizeof g[0]; j++)
		r = dm_fma(r, h, g[j]);
	double q = dm_fma(h, r, g1_hi);
	return dm_fma(h, q, h * g1_lo + hlo * q); /* (h + hlo)(q + g1_lo) */
}

static void gelu_erf(double x, double *f, double *d)
{
	if (isinf(x) || x < -39) { /* both underflow to 0 below -39 */
		*f = x > 0 ? x : -0.0;
		*d = x > 0 ? 1.0 : 0.0;
		return;
	}
	if (x < -37) {
		gelu_erf_tail(x, f, d);
		return;
	}
	/* Phi(x) = erfc(t)/2 with t = -x/sqrt(2). erfc multiplies the error of
	 * t by about 2t^2, so t is carried as hi + lo and erfc corrected to
	 * first order. */
	double t = -x * INV_SQRT2_HI;
	double tlo = dm_mul_err(-x, INV_SQRT2_HI, t) - x * INV_SQRT2_LO;
	double eclo, ec0 = dmath_erfc_dd(t, &eclo), corr = TWO_OVER_SQRTPI * dmath_exp(-t * t) * tlo;
	double ec = ec0 - corr;
	/* rounded once: erfc's own rest eclo, with the correction, goes into
	 * the fma (rounding erfc first cost up to 0.8 ulp at x = -1) */
	*f = dm_fma(0.5 * x, ec0, 0.5 * x * (eclo - corr));
	if (x > -1.25 && x < -0.4) {
		*d = gelu_erf_d_near_zero(x);
		return;
	}
	/* phi(x), with x^2 split exactly: exp would amplify its rounding */
	double sq = x * x, phi[2] = {0, 0};
	if (sq < 1500)
		normal_pdf(sq, dm_mul_err(x, x, sq), phi);
	*d = dm_fma(x, phi[0], dm_fma(x, phi[1], 0.5 * ec));
}

/* PyTorch's tanh form 0.5 x (1 + tanh(u)), u = kBeta (x + kKappa x^3), as
 * x sigmoid(v) with v = 2u. */
static void gelu_tanh(double x, double *f, double *d)
{
	if (fabs(x) > 1e30) { /* the tanh has long saturated; x^3 would overflow */
		*f = x > 0 ? x : -0.0;
		*d = x > 0 ? 1.0 : 0.0;
		return;
	}
	/* Far from 0 sigmoid amplifies v's rounding error by |v|, so v is
	 * formed in double-double from the exact constants. */
	double x2 = x * x, x2lo = dm_mul_err(x, x, x2);
	double x3 = x2 * x, x3lo = dm_mul_err(x2, x, x3) + x2lo * x;
	double k = GELU_KAPPA * x3, klo = dm_mul_err(GELU_KAPPA, x3, k) + GELU_KAPPA * x3lo;
	double w = x + k, wlo = dm_sum_err(x, k, w) + klo;
	double v = 2 * GELU_BETA * w, vlo = dm_mul_err(2 * GELU_BETA, w, v) + 2 * GELU_BETA * wlo;
	if (v < -800) { /* f and f' are below the least subnormal */
		*f = -0.0;
		*d = -0.0;
		return;
	}
	/* f' = s (1 + A (1 - s)) with s = sigmoid(v) and A = x dv/dx =
	 * 2x (kBeta + 3 kKappa kBeta x^2), in double-double: the two terms of
	 * f' cancel near x = -0.75. */
	double p = GELU_3KB_HI * x2;
	double plo = dm_mul_err(GELU_3KB_HI, x2, p) + (GELU_3KB_HI * x2lo + GELU_3KB_LO * x2);
	double du = GELU_BETA + p, dulo = dm_sum_err(GELU_BETA, p, du) + plo;
	double a[2] = {2 * x * du, 0};
	a[1] = dm_mul_err(2 * x, du, a[0]) + 2 * x * dulo;
	double s[2], oms[2];
	if (v < -708) { /* sigmoid(v) = e^v, subnormal: rounded once, in ldexp */
		static const double one[2] = {1, 0};
		int e = exp_scaled(v, vlo, s);
		*f = ldexp(dm_fma(x, s[0], x * s[1]), e);
		*d = ldexp(times_one_plus(s, a, one), e);
		return;
	}
	sigmoid_dd(v, vlo, s, oms);
	*f = dm_fma(x, s[0], x * s[1]);
	*d = times_one_plus(s, a, oms);
}

static void gelu_point(const double *p, double x, double *f, double *d)
{
	if (p[0] == 0)
		gelu_erf(x, f, d);
	else
		gelu_tanh(x, f, d);
}

/* Where x e^x-like functions (silu, mish) are x itself or their e^x
 * tail; false elsewhere. */
static bool swish_ends(double x, double *f, double *d)
{
	if (isinf(x)) {
		*f = x > 0 ? x : -0.0;
		*d = x > 0 ? 1.0 : 0.0;
		return true;
	}
	if (x < -708) {
		exp_tail(x, f, d);
		return true;
	}
	return false;
}

static void silu_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	if (swish_ends(x, f, d))
		return;
	double s[2], oms[2], xx[2] = {x, 0};
	sigmoid_dd(x, 0, s, oms);
	*f = dm_fma(x, s[0], x * s[1]);
	*d = times_one_plus(s, xx, oms); /* s (1 + x (1 - s)) */
}

/* mish for -708 <= x < 0, e = e^x. Over the common denominator
 * den^2 = (e^2 + 2e + 2)^2, f' = t + x s (1 - t^2) is exactly e w/den^2
 * with w = 4(x + 1) + e(4x + 6) + 4e^2 + e^3: the cancellation between -2
 * and -0.75 is left to w alone, which is formed in double-double like den,
 * t = n/den and the quotients. */
static void mish_negative(double x, double *f, double *d)
{
	double e = dmath_exp(x), e2 = e * e, e2lo = dm_mul_err(e, e, e2);
	double n = 2 * e + e2, nlo = dm_sum_err(2 * e, e2, n) + e2lo; /* e^2 + 2e */
	double den = 2 + n, denlo = dm_sum_err(2, n, den) + nlo;
	double t = n / den, tlo = (dm_div_rem(n, t, den) + nlo - t * denlo) / den;
	*f = dm_fma(x, t, x * tlo);
	/* w = 4(x + 1) + e((4x + 6) + (4e + e^2)), each sum and product a
	 * double-double, so that only exp's rounding is left in f' */
	double x1 = x + 1, x1lo = dm_sum_err(x, 1, x1);
	double a = 4 * x + 6, alo = dm_sum_err(4 * x, 6, a);
	double b = 4 * e + e2, blo = dm_sum_err(4 * e, e2, b) + e2lo;
	double c = a + b, clo = dm_sum_err(a, b, c) + (alo + blo);
	double p = e * c, plo = dm_mul_err(e, c, p) + e * clo;
	double w = 4 * x1 + p, wlo = dm_sum_err(4 * x1, p, w) + (plo + 4 * x1lo);
	double num = e * w, numlo = dm_mul_err(e, w, num) + e * wlo;
	double dd = den * den, ddlo = dm_mul_err(den, den, dd) + 2 * den * denlo;
	double q = num / dd;
	*d = q + (dm_div_rem(num, q, dd) + numlo - q * ddlo) / dd;
}

static void mish_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	if (swish_ends(x, f, d))
		return;
	/* t = tanh(softplus(x)) = n/(n + 2) with n = e^x (e^x + 2); written
	 * with e^-x for x >= 0 so nothing overflows, and 1 - t kept apart. */
	if (x < 0) {
		mish_negative(x, f, d);
		return;
	}
	/* t = a/den, a = 1 + 2q, den = a + 2q^2, q = e^-x: carried in
	 * double-double, so that f = x t rounds once */
	double q = dmath_exp(-x), q2 = q * q, q2lo = dm_mul_err(q, q, q2);
	double a = 1 + 2 * q, alo = dm_sum_err(1, 2 * q, a);
	double den = a + 2 * q2, denlo = dm_sum_err(a, 2 * q2, den) + (alo + 2 * q2lo);
	double t = a / den, tlo = (dm_div_rem(a, t, den) + alo - t * denlo) / den;
	double omt = 2 * q2 / den, s = 1 / (1 + q);
	*f = dm_fma(x, t, x * tlo);
	*d = t + (tlo + x * s * (omt * (1 + t))); /* t + x s (1 - t^2), all positive */
}

static void softplus_point(const double *p, double x, double *f, double *d)
{
	double beta = p[0], threshold = p[1];
	double bx = beta * x;
	if (bx > threshold) { /* PyTorch returns x itself past the threshold */
		*f = x;
		*d = 1.0;
		return;
	}
	double lo = isfinite(bx) ? dm_mul_err(beta, x, bx) : 0;
	if (bx < -708) { /* f = e^bx/beta and f' = e^bx, subnormal: one rounding, in ldexp */
		double m[2];
		int k = exp_scaled(bx, lo, m);
		double q = m[0] / beta;
		*f = ldexp(q + (dm_div_rem(m[0], q, beta) + m[1]) / beta, k);
		*d = ldexp(m[0] + m[1], k);
		return;
	}
	double s[2], oms[2];
	sigmoid_dd(bx, lo, s, oms);
	*d = s[0] + s[1];
	if (bx <= 0) {
		double e = exp_dd(bx, lo);
		*f = dmath_log1p(e) / beta;
	} else {
		double e = exp_dd(-bx, -lo);
		*f = (bx + (lo + dmath_log1p(e))) / beta;
	}
}

static void sigmoid_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	double s[2], oms[2];
	sigmoid_dd(x, 0, s, oms);
	*f = s[0] + s[1];
	/* PyTorch's (1 - s) s underflows to 0 from x = 37; here both factors
	 * are double-doubles and the product is rounded once */
	*d = dm_fma(s[0], oms[0], s[0] * oms[1] + s[1] * oms[0]);
}

/* sech(x)^2 = 4 sigmoid(2x) sigmoid(-2x), the product of double-doubles
 * rounded once (the 4 inside, so that a subnormal result rounds once). */
static double sech2(double x)
{
	if (fabs(x) > 354) { /* 4 e^-2|x|, subnormal: rounded once, in ldexp */
		double m[2];
		int k = exp_scaled(-2 * fabs(x), 0, m);
		return ldexp(4 * (m[0] + m[1]), k);
	}
	double s[2], oms[2];
	sigmoid_dd(2 * x, 0, s, oms);
	return dm_fma(4 * s[0], oms[0], 4 * (s[0] * oms[1] + s[1] * oms[0]));
}

/* tanh x and x - tanh x for small |x|, as double-doubles: tanh x =
 * x c/(c + x^2) and x - tanh x = x^3/(c + x^2), where c is Lambert's
 * continued fraction 3 + x^2/(5 + x^2/(7 + ...)): no cancellation. The
 * fraction starts at 2 top + 3: top = 7 reaches 2^-62 for |x| < 0.625,
 * top = 11 for |x| < 2. The last level, the sum c + x^2 and the quotients
 * are carried in double-double. */
static void tanh_small(double x, int top, double t[2], double xmt[2])
{
	double x2 = x * x, x2lo = dm_mul_err(x, x, x2), tail = 2 * top + 3;
	for (int k = top; k >= 2; k--)
		tail = (2 * k + 1) + x2 / tail;
	double r = x2 / tail, rlo = (dm_div_rem(x2, r, tail) + x2lo) / tail;
	double c = 3 + r, clo = dm_sum_err(3, r, c) + rlo;
	double den = c + x2, denlo = dm_sum_err(c, x2, den) + (clo + x2lo);
	double n = x * x2, nlo = dm_mul_err(x, x2, n) + x * x2lo;
	xmt[0] = n / den;
	xmt[1] = (dm_div_rem(n, xmt[0], den) + nlo - xmt[0] * denlo) / den;
	double m = x * c, mlo = dm_mul_err(x, c, m) + x * clo;
	t[0] = m / den;
	t[1] = (dm_div_rem(m, t[0], den) + mlo - t[0] * denlo) / den;
}

/* tanh x within an ulp (glibc's tanh is up to 2 off): the continued
 * fraction below |x| = 0.625, 1 - 2 sigmoid(-2|x|) in double-double above,
 * where 2 sigmoid(-2|x|) < 0.45 leaves little to cancel. */
static double tanh_exact(double x)
{
	if (fabs(x) < 0.625) {
		double t[2], xmt[2];
		tanh_small(x, 7, t, xmt);
		return copysign(t[0] + t[1], x); /* keeps tanh(-0) = -0 */
	}
	double s[2], oms[2];
	sigmoid_dd(-2 * fabs(x), 0, s, oms);
	double r = 1 - 2 * s[0], rlo = dm_sum_err(1, -2 * s[0], r) - 2 * s[1];
	return copysign(r + rlo, x);
}

static void tanh_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	*f = tanh_exact(x);
	*d = sech2(x); /* no 1 - tanh^2 cancellation */
}

static void softsign_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	if (isinf(x)) {
		*f = copysign(1.0, x);
		*d = 0.0;
		return;
	}
	/* a = 1 + |x| carried as hi + lo (a two-sum) so that neither f nor
	 * f' = 1/a^2 inherits the rounding of the sum. */
	double ax = fabs(x), a = 1 + ax;
	double big = ax > 1 ? ax : 1, small = ax > 1 ? 1 : ax;
	double alo = small - (a - big);
	double corr = alo / a;
	double q = x / a, r = 1 / a;
	*f = copysign(dm_fma(q, -corr, q), x); /* keeps f(-0) = -0 */
	*d = dm_fma(r, -2 * corr, r) / a;      /* a*a would overflow from |x| = 1.3e154 */
}

static void logsigmoid_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	double s[2], oms[2];
	sigmoid_dd(x, 0, s, oms);
	/* -softplus(-x), both branches free of cancellation */
	*f = x < 0 ? x - dmath_log1p(dmath_exp(x)) : -dmath_log1p(dmath_exp(-x));
	*d = oms[0] + oms[1];
}

static void threshold_point(const double *p, double x, double *f, double *d)
{
	*f = pick(x > p[0], x, p[1]);
	*d = pick(x > p[0], 1.0, 0.0);
}

static void tanhshrink_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	/* f' = tanh^2: PyTorch's 1 - (1 - t^2) loses it all near 0, and t*t
	 * would double tanh's own error */
	if (fabs(x) >= 2) {
		*f = x - tanh_exact(x);
		*d = 1 - sech2(x); /* sech^2 <= 0.071: its error is damped */
		return;
	}
	double t[2], xmt[2];
	tanh_small(x, 11, t, xmt);
	*f = xmt[0] + xmt[1];
	*d = dm_fma(t[0], t[0], 2 * t[0] * t[1]);
}

static void softshrink_point(const double *p, double x, double *f, double *d)
{
	double l = p[0];
	*f = pick(x > l, x - l, pick(x < -l, x + l, 0.0));
	*d = pick(x > l || x < -l, 1.0, 0.0);
}

static void hardshrink_point(const double *p, double x, double *f, double *d)
{
	double l = p[0];
	bool pass = x > l || x < -l;
	*f = pick(pass, x, 0.0);
	*d = pick(pass, 1.0, 0.0);
}

static void hardswish_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	/* PyTorch: f = x*relu6(x+3)/6, which is -0 for x <= -3. Its gradient
	 * follows the documented pieces: 0 for x <= -3, 1 for x >= 3. */
	if (x <= -3)
		*f = -0.0;
	else if (x >= 3)
		*f = x;
	else
		*f = x * (x + 3) / 6;
	*d = x <= -3 ? 0.0 : (x < 3 ? (2 * x + 3) / 6 : 1.0);
}

static void hardsigmoid_point(const double *p, double x, double *f, double *d)
{
	(void)p;
	*f = pick(x <= -3, 0.0, pick(x >= 3, 1.0, (x + 3) / 6));
	*d = pick(x > -3 && x < 3, 1.0 / 6, 0.0);
}

/* d leaky(x)/d slope: x where x <= 0, 0 elsewhere (PReLU learns it). */
void actfn_slope_dparam(const double *p, const double *x, double *dp, size_t n)
{
	(void)p;
	for (size_t i = 0; i < n; i++)
		dp[i] = pick(x[i] > 0, 0.0, x[i]);
}

ACTFN_ARRAY(relu)
ACTFN_ARRAY(relu6)
ACTFN_ARRAY(leaky)
ACTFN_ARRAY(rrelu)
ACTFN_ARRAY(elu)
ACTFN_ARRAY(selu)
ACTFN_ARRAY(celu)
ACTFN_ARRAY(gelu)
ACTFN_ARRAY(silu)
ACTFN_ARRAY(mish)
ACTFN_ARRAY(softplus)
ACTFN_ARRAY(hardtanh)
ACTFN_ARRAY(hardswish)
ACTFN_ARRAY(hardsigmoid)
ACTFN_ARRAY(sigmoid)
ACTFN_ARRAY(tanh)
ACTFN_ARRAY(softsign)
ACTFN_ARRAY(logsigmoid)
ACTFN_ARRAY(threshold)
ACTFN_ARRAY(tanhshrink)
ACTFN_ARRAY(softshrink)
ACTFN_ARRAY(hardshrink)

