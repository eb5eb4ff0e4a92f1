/* dmath_sweep.c: prints random arguments of one dmath function, region
 * by region, with dmath's result and the C library's, for
 * tests/gen/dmath_sweep.py to measure against mpmath (not part of make
 * check). Build from the top of a built tree:
 *   cc -O2 -std=c11 -ffp-contract=off -Isrc tests/gen/dmath_sweep.c \
 *      src/dmath.o src/dmath_trig.o src/dmath_tab.o -lm -o dmath_sweep
 *   ./dmath_sweep exp 1000000 1 > exp.txt */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"

static uint64_t state;

static uint64_t next(void) /* splitmix64 */
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double uni(double a, double b)
{
	return a + (b - a) * ((double)(next() >> 11) * 0x1p-53);
}

/* log-uniform magnitude in [2^a, 2^b), random sign if sgn */
static double logu(double a, double b, int sgn)
{
	double m = ldexp(1 + (double)(next() >> 12) * 0x1p-52, (int)floor(uni(a, b)));
	return sgn && (next() & 1) ? -m : m;
}

/* any positive finite double, every binade equally likely */
static double anypos(void)
{
	uint64_t b = next() % 0x7ff0000000000000ULL;
	double x;
	memcpy(&x, &b, sizeof x);
	return x;
}

static void put(const char *tag, double x, double a, double b)
{
	printf("%s %a %a %a\n", tag, x, a, b);
}

#define ONE(tag, expr, F, G)                                                           \
	do {                                                                               \
		double x_ = (expr);                                                            \
		put(tag, x_, F(x_), G(x_));                                                    \
	} while (0)

int main(int argc, char **argv)
{
	if (argc != 4)
		return 2;
	const char *f = argv[1];
	long n = atol(argv[2]);
	state = strtoull(argv[3], NULL, 10);
	for (long i = 0; i < n; i++) {
		int r = (int)(next() % 10);
		if (!strcmp(f, "exp")) {
			if (r < 3)
				ONE("uniform", uni(-745.2, 709.8), dmath_exp, exp);
			else if (r < 7)
				ONE("binades", logu(-60, 10, 1), dmath_exp, exp);
			else if (r < 8)
				ONE("overflow", uni(700, 709.8), dmath_exp, exp);
			else
				ONE("subnormal", uni(-745.2, -708), dmath_exp, exp);
		} else if (!strcmp(f, "expm1")) {
			if (r < 6)
				ONE("binades", logu(-60, 6, 1), dmath_expm1, expm1);
			else if (r < 8)
				ONE("uniform", uni(-40, 60), dmath_expm1, expm1);
			else if (r < 9)
				ONE("large", uni(60, 709.8), dmath_expm1, expm1);
			else
				ONE("near1/8", (next() & 1 ? 1 : -1) * uni(0.12, 0.13), dmath_expm1, expm1);
		} else if (!strcmp(f, "log") || !strcmp(f, "log10")) {
			double (*F)(double) = f[3] ? dmath_log10 : dmath_log;
			double (*G)(double) = f[3] ? log10 : log;
			if (r < 5)
				ONE("anypos", anypos(), F, G);
			else if (r < 9)
				ONE("near1", 1 + logu(-60, -1, 1), F, G);
			else
				ONE("subnormal", ldexp(uni(0, 1), -1022), F, G);
		} else if (!strcmp(f, "log1p")) {
			if (r < 4)
				ONE("binades", logu(-60, 1024, 0), dmath_log1p, log1p);
			else if (r < 7)
				ONE("negative", -logu(-60, 0, 0), dmath_log1p, log1p);
			else if (r < 8)
				ONE("near-1", -1 + logu(-53, -1, 0), dmath_log1p, log1p);
			else
				ONE("edges", (next() & 1 ? 0x1p-7 : -0x1p-8) * uni(0.9, 1.1), dmath_log1p, log1p);
		} else if (!strcmp(f, "sin") || !strcmp(f, "cos")) {
			double (*F)(double) = f[0] == 's' ? dmath_sin : dmath_cos;
			double (*G)(double) = f[0] == 's' ? sin : cos;
			if (r < 3)
				ONE("binades", logu(-30, 1024, 1), F, G);
			else if (r < 5)
				ONE("uniform10", uni(-10, 10), F, G);
			else if (r < 7) {
				/* next to a multiple of pi/2: the double nearest k pi/2 and its neighbours */
				double k = floor(uni(1, 1e6));
				double x = k * 1.5707963267948966;
				long step = (long)(next() % 7) - 3;
				for (; step > 0; step--)
					x = nextafter(x, INFINITY);
				for (; step < 0; step++)
					x = nextafter(x, 0);
				ONE("near-k-pi/2", x, F, G);
			} else if (r < 9)
				ONE("huge", logu(16, 1024, 1), F, G);
			else
				ONE("train", 3 * uni(-3, 3), F, G);
		} else if (!strcmp(f, "erfc")) {
			if (r < 5)
				ONE("uniform", uni(-6, 28), dmath_erfc, erfc);
			else if (r < 8)
				ONE("binades", logu(-60, 5, 1), dmath_erfc, erfc);
			else
				ONE("subnormal", uni(26, 27.3), dmath_erfc, erfc);
		} else if (!strcmp(f, "pow")) {
			double x, y;
			const char *tag;
			if (r < 4) {
				tag = "general";
				x = logu(-20, 20, 0);
				y = uni(-300, 300);
			} else if (r < 6) {
				tag = "adam";
				x = next() & 1 ? 0.9 : 0.999;
				y = floor(uni(1, 1e7));
			} else if (r < 7) {
				tag = "ten";
				x = 10;
				y = floor(uni(-330, 310));
			} else if (r < 8) {
				tag = "quadpack";
				x = uni(0, 1);
				y = 1.5;
			} else if (r < 9) {
				tag = "near1";
				x = 1 + logu(-50, -5, 1);
				y = uni(-1e6, 1e6);
			} else {
				tag = "edges"; /* results near overflow, underflow, subnormal */
				x = logu(-10, 10, 0);
				double l = log2(x);
				y = uni(-1074, 1024) / (l == 0 ? 1 : l);
			}
			printf("%s %a %a %a %a\n", tag, x, y, dmath_pow(x, y), pow(x, y));
		} else {
			return 2;
		}
	}
	return 0;
}
