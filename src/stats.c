/* stats.c: statistics of f(z) and f'(z) for z from a distribution, piece by
 * piece between the kinks the math table names: polynomial pieces in
 * closed form (normal partial moments), the rest by adaptive Gauss-Kronrod
 * quadrature with its error estimate. */
#define _POSIX_C_SOURCE 200809L
#include "stats.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "dmath.h"
#include "rng.h"
#include "simd.h"

const struct stats_dist stats_std_normal = {DIST_NORMAL, 0, 1};

#define INV_SQRT2 0.70710678118654752440
#define INV_SQRT_2PI 0.39894228040143267794
/* Past 40 standard deviations the normal density is below 1e-347: the
 * rest of the line cannot change a double. */
#define NORMAL_REACH 40.0

const char *stats_method_name(enum stats_method m)
{
	switch (m) {
	case STATS_CLOSED_FORM:
		return "closed_form";
	case STATS_QUADRATURE:
		return "quadrature";
	case STATS_MONTE_CARLO:
		break;
	}
	return "monte_carlo";
}

/* ---- the standard normal ---------------------------------------------------- */

static double pdf(double t)
{
	return isinf(t) ? 0 : INV_SQRT_2PI * dmath_exp(-0.5 * t * t);
}

/* P(alpha < t < beta), from whichever tail keeps its digits. */
static double mass(double alpha, double beta)
{
	if (alpha >= 0)
		return 0.5 * (dmath_erfc(alpha * INV_SQRT2) - dmath_erfc(beta * INV_SQRT2));
	if (beta <= 0)
		return 0.5 * (dmath_erfc(-beta * INV_SQRT2) - dmath_erfc(-alpha * INV_SQRT2));
	return 1 - 0.5 * (dmath_erfc(-alpha * INV_SQRT2) + dmath_erfc(beta * INV_SQRT2));
}

/* ---- pieces ------------------------------------------------------------------ */

struct piece {
	double a, b;    /* in z, a < b; may be infinite for the normal */
	bool f_zero;    /* f is exactly 0 everywhere inside */
	bool d_zero;    /* f' is exactly 0 everywhere inside */
};

/* Points inside (a, b) to probe a piece with. */
static int probe_points(double a, double b, double *out)
{
	static const double offsets[] = {1e-6, 0.01, 0.5, 1, 3, 10, 100, 1e4};
	int n = 0;
	if (isfinite(a) && isfinite(b)) {
		for (int k = 1; k <= 7; k++)
			out[n++] = a + (b - a) * k / 8;
	} else if (isfinite(a)) {
		for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++)
			out[n++] = a + offsets[k];
	} else if (isfinite(b)) {
		for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++)
			out[n++] = b - offsets[k];
	} else {
		for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
			out[n++] = offsets[k];
			out[n++] = -offsets[k];
		}
		out[n++] = 0;
	}
	return n;
}

static void classify(const struct actfn_curve *c, struct piece *p)
{
	double x[24], y[24], dy[24];
	int n = probe_points(p->a, p->b, x);
	actfn_eval(c, x, y, dy, (size_t)n);
	p->f_zero = p->d_zero = true;
	for (int i = 0; i < n; i++) {
		p->f_zero &= y[i] == 0;
		p->d_zero &= dy[i] == 0;
	}
}

/* The pieces of the support of d between f's kinks. */
static int pieces_of(const struct actfn_curve *c, double lo, double hi, struct piece *out)
{
	struct actfn_break br[ACTFN_MAX_BREAKS];
	int nb = actfn_breaks(c, br), n = 0;
	double a = lo;
	for (int i = 0; i <= nb; i++) {
		double b = i < nb ? br[i].x : hi;
		if (b > hi)
			b = hi;
		if (b > a) {
			out[n] = (struct piece){a, b, false, false};
			classify(c, &out[n]);
			n++;
			a = b;
		}
	}
	return n;
}

/* ---- standardised coordinates ----------------------------------------------- */

/* Every figure is computed in t = (z - mu) / sigma, where the density is
 * fixed (phi for the normal, 1/2 on [-1, 1] for the uniform): quadrature
 * nodes then keep their digits however far mu is from 0, and moments of t
 * cannot overflow. Output is computed divided by a power of two, scale,
 * when f may be so large that its square would overflow. */
struct frame {
	double mu, sigma;
	double tlo, thi; /* where the density is not negligible */
	double scale;
};

static struct frame frame_of(const struct stats_dist *d)
{
	struct frame fr;
	if (d->kind == DIST_NORMAL) {
		fr.mu = d->a;
		fr.sigma = d->b;
		fr.tlo = -NORMAL_REACH;
		fr.thi = NORMAL_REACH;
	} else {
		/* halves first: a + b and b - a may overflow */
		fr.mu = d->a / 2 + d->b / 2;
		fr.sigma = d->b / 2 - d->a / 2;
		fr.tlo = -1;
		fr.thi = 1;
	}
	fr.scale = 1;
	return fr;
}

/* A power of two near the largest |f| on the support, when squares of f
 * could overflow: bounded activations keep scale 1, so that their
 * small squares do not underflow instead. */
static void frame_scale(struct frame *fr, const struct actfn_curve *c)
{
	double z[7] = {0, fr->tlo, fr->thi, -1, 1, fr->tlo / 2, fr->thi / 2}, y[7];
	for (int i = 1; i < 7; i++)
		z[i] = fmin(fmax(fr->mu + fr->sigma * z[i], -DBL_MAX), DBL_MAX);
	actfn_eval(c, z, y, NULL, 7);
	double big = 0;
	for (int i = 0; i < 7; i++)
		if (isfinite(y[i]))
			big = fmax(big, fabs(y[i]));
	int e;
	frexp(big, &e);
	fr->scale = e > 400 ? ldexp(1, e < 1023 ? e : 1023) : 1;
}

static double to_t(const struct frame *fr, double z)
{
	if (isinf(z))
		return z > 0 ? fr->thi : fr->tlo;
	double t = (z - fr->mu) / fr->sigma;
	return fmin(fmax(t, fr->tlo), fr->thi);
}

/* P(a < t < b) and E[t^k 1{a < t < b}] for k = 1..4. */
static void partial_moments(const struct stats_dist *d, double a, double b, double m[5])
{
	if (d->kind == DIST_UNIFORM) {
		double pa = 1, pb = 1;
		for (int k = 0; k < 5; k++) {
			pa *= a;
			pb *= b;
			m[k] = (pb - pa) / (2 * (k + 1));
		}
		return;
	}
	/* I_k = int t^k phi(t) over (a, b): I_k = (k-1) I_{k-2} +
	 * a^{k-1} phi(a) - b^{k-1} phi(b). */
	double pa = pdf(a), pb = pdf(b);
	m[0] = mass(a, b);
	m[1] = pa - pb;
	double ak = pa == 0 ? 0 : a, bk = pb == 0 ? 0 : b;
	for (int k = 2; k < 5; k++) {
		m[k] = (k - 1) * m[k - 2] + ak * pa - bk * pb;
		ak *= a;
		bk *= b;
	}
}

/* f = c0 + c1 z + c2 z^2 on the piece, from f and f' at two inner points
 * well apart (f' is linear there, so its slope is exact to rounding). */
static void poly_of(const struct actfn_curve *c, const struct piece *p, double coef[3])
{
	double pts[24];
	probe_points(p->a, p->b, pts);
	double m0 = pts[1], m1 = pts[4], y0, d0, y1, d1;
	actfn_point(c, m0, &y0, &d0);
	actfn_point(c, m1, &y1, &d1);
	double c2 = c->def->degree >= 2 ? (d1 - d0) / (2 * (m1 - m0)) : 0;
	double c1 = d0 - 2 * c2 * m0;
	coef[2] = c2;
	coef[1] = c1;
	coef[0] = y0 - c1 * m0 - c2 * m0 * m0;
}

/* The piece's polynomial in t, divided by the frame's scale (e), and its
 * derivative in z as a polynomial in t (g). */
static void poly_in_t(const struct frame *fr, const double c[3], double e[3], double g[2])
{
	double ms = fr->mu / fr->scale, ss = fr->sigma / fr->scale;
	double slope_mu = c[1] + 2 * c[2] * fr->mu; /* f'(mu) */
	e[0] = c[0] / fr->scale + ms * (c[1] + c[2] * fr->mu);
	e[1] = ss * slope_mu;
	e[2] = c[2] * fr->sigma * ss;
	g[0] = slope_mu;
	g[1] = 2 * c[2] * fr->sigma;
}

/* ---- adaptive Gauss-Kronrod for the rest ------------------------------------ */

/* QUADPACK's 15-point Kronrod rule and its embedded 7-point Gauss rule. */
static const double xgk[8] = {
	0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
	0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
	0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
	0.207784955007898467600689403773245, 0.0,
};
static const double wgk[8] = {
	0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
	0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
	0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
	0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
};
static const double wg[4] = {
	0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
	0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
};

#define NQ 5 /* E f, E (f - m)^2, E f', E f'^2, and the mass: the rule's
            * error in it is divided out */

struct quad {
	const struct actfn_curve *c;
	const struct stats_dist *d;
	const struct frame *fr;
	double center; /* m for the second moment, over the scale */
};

/* The integrands at t, times the density of t. */
static void integrand(struct quad *q, double t, double out[NQ])
{
	double y, dy;
	actfn_point(q->c, q->fr->mu + q->fr->sigma * t, &y, &dy);
	double w = q->d->kind == DIST_NORMAL ? pdf(t) : 0.5;
	y /= q->fr->scale;
	if (w == 0 || !isfinite(y) || !isfinite(dy)) {
		for (int k = 0; k < NQ; k++)
			out[k] = 0;
		return;
	}
	out[0] = y * w;
	out[1] = (y - q->center) * (y - q->center) * w;
	out[2] = dy * w;
	out[3] = dy * dy * w;
	out[4] = w;
}

/* One Kronrod rule over [a, b]; err gets QUADPACK's estimate, which
 * scales the Gauss-Kronrod difference by how smooth the integrand looks
 * (the raw difference overstates the error by orders of magnitude). */
static void kronrod(struct quad *q, double a, double b, double res[NQ], double err[NQ],
                    double absres[NQ])
{
	double half = (b - a) / 2, mid = a + half;
	double fv[15][NQ], gauss[NQ], resabs[NQ];
	integrand(q, mid, fv[14]);
	for (int k = 0; k < NQ; k++) {
		res[k] = fv[14][k] * wgk[7];
		gauss[k] = fv[14][k] * wg[3];
		resabs[k] = fabs(res[k]);
	}
	for (int j = 0; j < 7; j++) {
		integrand(q, mid - half * xgk[j], fv[2 * j]);
		integrand(q, mid + half * xgk[j], fv[2 * j + 1]);
		for (int k = 0; k < NQ; k++) {
			double f1 = fv[2 * j][k], f2 = fv[2 * j + 1][k];
			res[k] += wgk[j] * (f1 + f2);
			resabs[k] += wgk[j] * (fabs(f1) + fabs(f2));
			if (j % 2 == 1)
				gauss[k] += wg[j / 2] * (f1 + f2);
		}
	}
	for (int k = 0; k < NQ; k++) {
		double mean = res[k] * 0.5, resasc = wgk[7] * fabs(fv[14][k] - mean);
		for (int j = 0; j < 7; j++)
			resasc += wgk[j] * (fabs(fv[2 * j][k] - mean) + fabs(fv[2 * j + 1][k] - mean));
		res[k] *= half;
		resabs[k] *= fabs(half);
		resasc *= fabs(half);
		double e = fabs((res[k] - gauss[k] * half));
		if (resasc != 0 && e != 0)
			e = resasc * fmin(1, dmath_pow(200 * e / resasc, 1.5));
		if (resabs[k] > 0x1p-1022 / (50 * 0x1p-52))
			e = fmax(50 * 0x1p-52 * resabs[k], e);
		err[k] = e;
		absres[k] = resabs[k];
	}
}

#define MAX_PARTS 2000
#define QUAD_RTOL 2e-13

struct part {
	double a, b, res[NQ], err[NQ], absres[NQ];
};

/* Cuts of [a, b] at z = 0 and z = +-8^k (2^-12 <= 8^k < 2^1024), in t:
 * activations change on a scale of 1 around z = 0 (or of their
 * parameter), and a wide distribution would let every node miss that. */
static int graded_cuts(const struct frame *fr, double a, double b, double *cut, int max)
{
	int n = 0;
	cut[n++] = a;
	double zs[2 * 346 + 1];
	int nz = 0;
	for (int e = 1023 - 1023 % 3; e >= -12; e -= 3)
		zs[nz++] = -ldexp(1, e);
	zs[nz++] = 0;
	for (int e = -12; e <= 1023; e += 3)
		zs[nz++] = ldexp(1, e);
	for (int i = 0; i < nz && n < max - 1; i++) {
		double t = (zs[i] - fr->mu) / fr->sigma;
		if (t > cut[n - 1] && t < b)
			cut[n++] = t;
	}
	cut[n++] = b;
	return n;
}

/* s + c += x, keeping in c what rounding takes from s */
static void neumaier(double *s, double *c, double x)
{
	double t = *s + x;
	*c += fabs(*s) >= fabs(x) ? (*s - t) + x : (x - t) + *s;
	*s = t;
}

/* Global adaptive bisection: the part with the largest error relative to
 * its figure's tolerance is split until every figure is within it. */
static void integrate(struct quad *q, double a, double b, double res[NQ], double err[NQ])
{
	static struct part parts[MAX_PARTS];
	double cut[MAX_PARTS / 2];
	int ncut = graded_cuts(q->fr, a, b, cut, MAX_PARTS / 2);
	int n = 0;
	for (int i = 0; i + 1 < ncut; i++, n++) {
		parts[n].a = cut[i];
		parts[n].b = cut[i + 1];
		kronrod(q, parts[n].a, parts[n].b, parts[n].res, parts[n].err, parts[n].absres);
	}
	for (;;) {
		double tol[NQ];
		bool done = true;
		for (int k = 0; k < NQ; k++) {
			double r = 0, rc = 0, e = 0, ar = 0;
			for (int i = 0; i < n; i++) {
				neumaier(&r, &rc, parts[i].res[k]);
				e += parts[i].err[k];
				ar += parts[i].absres[k];
			}
			r += rc;
			/* relative to the figure, or to the integral of its absolute
			 * value where the figure cancels to nearly nothing */
			/* never below the rounding floor kronrod puts on each part's
			 * error (50 eps of its absolute integral), or a figure that
			 * cancels would split parts to the limit */
			tol[k] = fmax(QUAD_RTOL * fmax(fabs(r), 1e-3 * ar), fmax(100 * 0x1p-52 * ar, 0x1p-1022));
			res[k] = r;
			err[k] = e;
			done &= e <= tol[k];
		}
		if (done || n == MAX_PARTS)
			break;
		int worst = 0;
		double worst_ratio = -1;
		for (int i = 0; i < n; i++)
			for (int k = 0; k < NQ; k++)
				if (parts[i].err[k] / tol[k] > worst_ratio) {
					worst_ratio = parts[i].err[k] / tol[k];
					worst = i;
				}
		struct part *w = &parts[worst], *p2 = &parts[n++];
		double m = w->a + (w->b - w->a) / 2;
		p2->a = m;
		p2->b = w->b;
		w->b = m;
		kronrod(q, w->a, w->b, w->res, w->err, w->absres);
		kronrod(q, p2->a, p2->b, p2->res, p2->err, p2->absres);
	}
}

/* ---- putting it together ------------------------------------------------------ */

static bool dist_valid(const struct stats_dist *d)
{
	if (!isfinite(d->a) || !isfinite(d->b))
		return false;
	return d->kind == DIST_NORMAL ? d->b > 0 : d->a < d->b;
}

static int figures(const struct actfn_curve *c, const struct stats_dist *d, bool force_quadrature,
                   struct stats_figures *out)
{
	memset(out, 0, sizeof *out);
	if (!dist_valid(d))
		return -1;
	if (!actfn_breaks_known(c)) {
		/* a definition whose kinks cannot all be located: samples */
		double done;
		return stats_monte_carlo(c, d, STATS_FALLBACK_SAMPLES, 1, NULL, out, &done);
	}
	struct frame fr = frame_of(d);
	frame_scale(&fr, c);
	double lo = d->kind == DIST_NORMAL ? -HUGE_VAL : d->a;
	double hi = d->kind == DIST_NORMAL ? HUGE_VAL : d->b;
	struct piece pieces[ACTFN_MAX_BREAKS + 1];
	int np = pieces_of(c, lo, hi, pieces);
	double ta[ACTFN_MAX_BREAKS + 1], tb[ACTFN_MAX_BREAKS + 1];
	for (int i = 0; i < np; i++) {
		ta[i] = to_t(&fr, pieces[i].a);
		tb[i] = to_t(&fr, pieces[i].b);
	}

	bool closed = c->def->degree > 0 && !force_quadrature;
	double e[ACTFN_MAX_BREAKS + 1][3], m[ACTFN_MAX_BREAKS + 1][5];
	double mean = 0, grad = 0, grad_sq = 0;
	for (int i = 0; i < np; i++) {
		const struct piece *p = &pieces[i];
		partial_moments(d, ta[i], tb[i], m[i]);
		if (p->d_zero)
			out->p_dead += m[i][0];
		if (p->f_zero)
			out->p_zero += m[i][0];
		if (!closed)
			continue;
		double coef[3] = {0, 0, 0}, g[2];
		if (!p->f_zero)
			poly_of(c, p, coef);
		poly_in_t(&fr, coef, e[i], g);
		if (m[i][0] == 0) /* no mass: skip, lest inf * 0 */
			continue;
		const double *k = e[i], *mm = m[i];
		mean += k[0] * mm[0] + k[1] * mm[1] + k[2] * mm[2];
		grad += g[0] * mm[0] + g[1] * mm[1];
		grad_sq += g[0] * g[0] * mm[0] + 2 * g[0] * (g[1] * mm[1]) + g[1] * (g[1] * mm[2]);
	}
	if (closed) {
		/* (f - mean)^2 from the shifted polynomial: no E f^2 - (E f)^2
		 * cancellation */
		double var = 0;
		for (int i = 0; i < np; i++) {
			if (m[i][0] == 0)
				continue;
			const double *k = e[i], *mm = m[i];
			double c0 = k[0] - mean, c1 = k[1], c2 = k[2];
			/* the moment first in each product: a piece of huge slope
			 * and no mass must give 0, not inf * 0 */
			var += c0 * (c0 * mm[0]) + 2 * c0 * (c1 * mm[1]) + c1 * (c1 * mm[2]) +
			       2 * c0 * (c2 * mm[2]) + 2 * c1 * (c2 * mm[3]) + c2 * (c2 * mm[4]);
		}
		out->mean = mean * fr.scale;
		out->std = sqrt(fmax(var, 0)) * fr.scale;
		out->mean_grad = grad;
		out->mean_grad_sq = grad_sq;
		out->method = STATS_CLOSED_FORM;
		out->err = 0;
		return 0;
	}

	/* Quadrature, twice: the mean first, then the spread around it. */
	struct quad q = {.c = c, .d = d, .fr = &fr};
	double sum[NQ], err[NQ];
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < NQ; k++)
			sum[k] = err[k] = 0;
		for (int i = 0; i < np; i++) {
			if (!(tb[i] > ta[i]))
				continue;
			double r[NQ], er[NQ];
			integrate(&q, ta[i], tb[i], r, er);
			for (int k = 0; k < NQ; k++) {
				sum[k] += r[k];
				err[k] += er[k];
			}
		}
		for (int k = 0; k < 4; k++) {
			sum[k] /= sum[4];
			err[k] /= sum[4];
		}
		q.center = sum[0];
	}
	double var = fmax(sum[1], 0);
	out->mean = q.center * fr.scale;
	out->std = sqrt(var) * fr.scale;
	out->mean_grad = sum[2];
	out->mean_grad_sq = sum[3];
	out->method = STATS_QUADRATURE;
	/* The error of the std is that of the variance through the square
	 * root; every error is scaled back to z, plus rounding. */
	double std_err = var > 0 ? err[1] / (2 * sqrt(var)) : sqrt(err[1]);
	double e_out = fmax(fmax(err[0], std_err) * fr.scale, fmax(err[2], err[3]));
	double size = fmax(1, fmax(fabs(out->mean), out->mean_grad_sq));
	out->err = e_out + 64 * 0x1p-52 * size;
	return 0;
}

int stats_exact(const struct actfn_curve *c, const struct stats_dist *d, struct stats_figures *out)
{
	return figures(c, d, false, out);
}

int stats_quadrature(const struct actfn_curve *c, const struct stats_dist *d,
                     struct stats_figures *out)
{
	return figures(c, d, true, out);
}

void stats_window(const struct actfn_curve *c, double lo, double hi, double *share_dead,
                  double *ymin, double *ymax)
{
	struct piece pieces[ACTFN_MAX_BREAKS + 1];
	int np = pieces_of(c, lo, hi, pieces);
	double dead = 0;
	for (int i = 0; i < np; i++)
		if (pieces[i].d_zero)
			dead += pieces[i].b - pieces[i].a;
	*share_dead = dead / (hi - lo);
	/* f's extremes on the window: samples, and both sides of each kink */
	enum { N = 257 };
	double x[N], y[N];
	for (int i = 0; i < N; i++) {
		double t = (double)i / (N - 1);
		x[i] = i == N - 1 ? hi : lo * (1 - t) + hi * t;
	}
	actfn_eval(c, x, y, NULL, N);
	double mn = HUGE_VAL, mx = -HUGE_VAL;
	for (int i = 0; i < N; i++) {
		if (isfinite(y[i])) {
			mn = fmin(mn, y[i]);
			mx = fmax(mx, y[i]);
		}
	}
	struct actfn_break br[ACTFN_MAX_BREAKS];
	int nb = actfn_breaks(c, br);
	for (int i = 0; i < nb; i++) {
		if (br[i].x <= lo || br[i].x >= hi)
			continue;
		double side[2] = {nextafter(br[i].x, -HUGE_VAL), nextafter(br[i].x, HUGE_VAL)};
		for (int s = 0; s < 2; s++) {
			double v;
			actfn_point(c, side[s], &v, NULL);
			if (isfinite(v)) {
				mn = fmin(mn, v);
				mx = fmax(mx, v);
			}
		}
	}
	*ymin = mn;
	*ymax = mx;
}

/* ---- Monte Carlo ------------------------------------------------------------- */

#define MC_CHUNK 1024 /* z, y and dy stay in L1 */

/* Sums of one chunk, added into running totals with Neumaier's
 * compensation so that 1e10 samples lose nothing to rounding. */
enum { S_Y, S_Y2, S_Y3, S_Y4, S_D, S_D2, S_D4, S_ZERO, S_DEAD, NSUM };

struct total {
	double sum[NSUM], comp[NSUM];
};

static void add_total(struct total *t, const double *chunk)
{
	for (int k = 0; k < NSUM; k++) {
		double s = t->sum[k] + chunk[k];
		if (fabs(t->sum[k]) >= fabs(chunk[k]))
			t->comp[k] += (t->sum[k] - s) + chunk[k];
		else
			t->comp[k] += (chunk[k] - s) + t->sum[k];
		t->sum[k] = s;
	}
}

/* Four lanes per sum, in the compilers' vector extension: independent
 * chains that stay in registers (one AVX2 register each), added up in an
 * order fixed by the code, so every clone gives the same bytes. */
typedef double v4d __attribute__((vector_size(32)));
typedef int64_t v4i __attribute__((vector_size(32)));

/* The lanes of the sums (a[7] and the two counts), the last few samples
 * added to lane 0, and each sum's four lanes added in one fixed order. */
SIMD_INLINE void sums_finish(const v4d a[7], const double zero[4], const double dead[4],
                             const double *y, const double *dy, size_t i, size_t n,
                             double out[NSUM])
{
	double lane[NSUM][4];
	for (int k = 0; k < 7; k++)
		memcpy(lane[k], &a[k], sizeof lane[k]);
	for (int l = 0; l < 4; l++) {
		lane[S_ZERO][l] = zero[l];
		lane[S_DEAD][l] = dead[l];
	}
	for (; i < n; i++) {
		double v = y[i], d = dy[i], v2 = v * v, d2 = d * d;
		lane[S_Y][0] += v;
		lane[S_Y2][0] += v2;
		lane[S_Y3][0] += v2 * v;
		lane[S_Y4][0] += v2 * v2;
		lane[S_D][0] += d;
		lane[S_D2][0] += d2;
		lane[S_D4][0] += d2 * d2;
		lane[S_ZERO][0] += v == 0;
		lane[S_DEAD][0] += d == 0;
	}
	for (int k = 0; k < NSUM; k++)
		out[k] = (lane[k][0] + lane[k][1]) + (lane[k][2] + lane[k][3]);
}

/* f's sums and f''s of a step of four samples, into a and the counts. */
#define SUMS_Y(a, v)                        \
	do {                                \
		v4d v2_ = (v) * (v);        \
		(a)[S_Y] += (v);            \
		(a)[S_Y2] += v2_;           \
		(a)[S_Y3] += v2_ * (v);     \
		(a)[S_Y4] += v2_ * v2_;     \
	} while (0)
#define SUMS_D(a, d)                        \
	do {                                \
		v4d d2_ = (d) * (d);        \
		(a)[S_D] += (d);            \
		(a)[S_D2] += d2_;           \
		(a)[S_D4] += d2_ * d2_;     \
	} while (0)

/* A gate's f' is 0 or 1 (actfn's table says which curves are gates):
 * its sums of f'^2 and f'^4 are the sum of f', and its zeros are the
 * samples less that sum, all exact integers. */
SIMD_INLINE void gate_sums(size_t n, double out[NSUM])
{
	out[S_D2] = out[S_D4] = out[S_D];
	out[S_DEAD] = (double)n - out[S_D];
}

/* One pass over both arrays: the wide paths' registers hold all nine
 * (a gate's four fewer, where they were a third of this loop's work). */
SIMD_INLINE void chunk_sums_body(const double *y, const double *dy, size_t n, bool gate,
                                 double out[NSUM])
{
	v4d a[7] = {{0}};
	v4i zero = {0}, dead = {0};
	size_t i = 0;
	for (; i + 4 <= n; i += 4) {
		v4d v, d;
		memcpy(&v, y + i, sizeof v);
		memcpy(&d, dy + i, sizeof d);
		SUMS_Y(a, v);
		zero -= (v == 0); /* a true comparison is -1 */
		if (gate) {
			a[S_D] += d;
		} else {
			SUMS_D(a, d);
			dead -= (d == 0);
		}
	}
	double zc[4], dc[4];
	for (int l = 0; l < 4; l++) {
		zc[l] = (double)zero[l];
		dc[l] = (double)dead[l];
	}
	sums_finish(a, zc, dc, y, dy, i, n, out);
	if (gate)
		gate_sums(n, out);
}

/* The portable path in two passes, f's sums then f''s, each v4d chain as
 * two halves of 16 bytes (lanes 0-1 and 2-3): the same chains, the same
 * order, the same bytes. Written in halves because compilers lower a
 * 32-byte vector on 16-byte registers through the stack, and a chain
 * that passes through memory at every step waits on it (SSE2: 1.8 ns a
 * sample in these sums, against 0.4 on AVX2). Its zeros are counted as
 * 1.0s where SSE2 is the baseline: it has no 64-bit integer comparison,
 * and compilers built one a lane at a time. (Counts below 2^53: exact.) */
typedef double v2d __attribute__((vector_size(16)));
typedef int64_t v2i __attribute__((vector_size(16)));

#if defined(__SSE2__) && SIMD_X86
#include <emmintrin.h>
static inline v2d count_zeros(v2d c, v2d x)
{
	const __m128d one = _mm_set1_pd(1);
	return (v2d)_mm_add_pd((__m128d)c, _mm_and_pd(_mm_cmpeq_pd((__m128d)x, _mm_setzero_pd()), one));
}
#else
static inline v2d count_zeros(v2d c, v2d x)
{
	const v2d one = {1, 1};
	return c + (v2d)((v2i)one & (x == 0));
}
#endif

/* The sums of one pass as halves: h[k][0] lanes 0-1 of sum k, h[k][1]
 * lanes 2-3; c the pass's count of zeros. */
#define HALVES_Y(h, v, half)                          \
	do {                                          \
		v2d v2_ = (v) * (v);                  \
		(h)[S_Y][half] += (v);                \
		(h)[S_Y2][half] += v2_;               \
		(h)[S_Y3][half] += v2_ * (v);         \
		(h)[S_Y4][half] += v2_ * v2_;         \
	} while (0)
#define HALVES_D(h, d, half)                          \
	do {                                          \
		v2d d2_ = (d) * (d);                  \
		(h)[S_D][half] += (d);                \
		(h)[S_D2][half] += d2_;               \
		(h)[S_D4][half] += d2_ * d2_;         \
	} while (0)

static void chunk_sums_baseline(const double *y, const double *dy, size_t n, bool gate,
                                double out[NSUM])
{
	v2d h[7][2] = {{{0}}};
	v2d zero[2] = {{0}}, dead[2] = {{0}};
	size_t i;
	for (i = 0; i + 4 <= n; i += 4) {
		v2d lo, hi;
		memcpy(&lo, y + i, sizeof lo);
		memcpy(&hi, y + i + 2, sizeof hi);
		HALVES_Y(h, lo, 0);
		HALVES_Y(h, hi, 1);
		zero[0] = count_zeros(zero[0], lo);
		zero[1] = count_zeros(zero[1], hi);
	}
	for (i = 0; i + 4 <= n; i += 4) {
		v2d lo, hi;
		memcpy(&lo, dy + i, sizeof lo);
		memcpy(&hi, dy + i + 2, sizeof hi);
		if (gate) {
			h[S_D][0] += lo;
			h[S_D][1] += hi;
		} else {
			HALVES_D(h, lo, 0);
			HALVES_D(h, hi, 1);
			dead[0] = count_zeros(dead[0], lo);
			dead[1] = count_zeros(dead[1], hi);
		}
	}
	v4d a[7];
	double zc[4], dc[4];
	for (int k = 0; k < 7; k++) {
		memcpy(&a[k], &h[k][0], sizeof h[k][0]);
		memcpy((char *)&a[k] + sizeof h[k][0], &h[k][1], sizeof h[k][1]);
	}
	memcpy(zc, zero, sizeof zc);
	memcpy(dc, dead, sizeof dc);
	sums_finish(a, zc, dc, y, dy, i, n, out);
	if (gate)
		gate_sums(n, out);
}

/* The gate's sums and the others' as two copies of each path, the
 * choice made once a chunk, not at every step. */
#define CHUNK_SUMS(suffix, attr)                                                          \
	attr static void chunk_sums_##suffix(const double *y, const double *dy, size_t n, \
	                                     bool gate, double out[NSUM])                \
	{                                                                                 \
		if (gate)                                                                 \
			chunk_sums_body(y, dy, n, true, out);                             \
		else                                                                      \
			chunk_sums_body(y, dy, n, false, out);                            \
	}
#if SIMD_X86
CHUNK_SUMS(avx2, TARGET_AVX2)
CHUNK_SUMS(avx512, TARGET_AVX512)
#endif

static void chunk_sums(const double *y, const double *dy, size_t n, bool gate, double out[NSUM])
{
	SIMD_DISPATCH(chunk_sums, (y, dy, n, gate, out));
}

static void draw(struct rng *r, const struct stats_dist *d, double *z, size_t n)
{
	if (d->kind == DIST_NORMAL) {
		rng_normals(r, z, n);
		if (d->a != 0 || d->b != 1)
			for (size_t i = 0; i < n; i++)
				z[i] = d->a + d->b * z[i];
	} else {
		for (size_t i = 0; i < n; i++)
			z[i] = d->a + (d->b - d->a) * rng_uniform(r);
	}
}

int stats_monte_carlo(const struct actfn_curve *c, const struct stats_dist *d, double n,
                      uint64_t seed, volatile sig_atomic_t *stop, struct stats_figures *out,
                      double *done)
{
	return stats_monte_carlo_watched(c, d, n, seed, stop, NULL, NULL, out, done);
}

int stats_monte_carlo_watched(const struct actfn_curve *c, const struct stats_dist *d, double n,
                              uint64_t seed, volatile sig_atomic_t *stop,
                              void (*watch)(void *ctx, double done), void *ctx,
                              struct stats_figures *out, double *done)
{
	memset(out, 0, sizeof *out);
	*done = 0;
	if (!dist_valid(d) || !(n >= 1) || n > STATS_MC_MAX || n != floor(n))
		return -1;
	struct rng r;
	rng_seed(&r, seed);
	/* on cache-line boundaries, so that no vector load straddles two */
	double z[MC_CHUNK] __attribute__((aligned(64))), y[MC_CHUNK] __attribute__((aligned(64)));
	double dy[MC_CHUNK] __attribute__((aligned(64))), part[NSUM];
	struct total t = {{0}, {0}};
	bool gate = c->def->gate;
	double drawn = 0;
	unsigned long chunks = 0;
	while (drawn < n) {
		if (stop && *stop)
			break;
		size_t k = n - drawn < MC_CHUNK ? (size_t)(n - drawn) : MC_CHUNK;
		draw(&r, d, z, k);
		actfn_eval(c, z, y, dy, k);
		chunk_sums(y, dy, k, gate, part);
		add_total(&t, part);
		drawn += (double)k;
		if (watch && ++chunks % 256 == 0)
			watch(ctx, drawn);
	}
	*done = drawn;
	if (drawn == 0)
		return 0;
	double m[NSUM];
	for (int k = 0; k < NSUM; k++)
		m[k] = (t.sum[k] + t.comp[k]) / drawn;
	out->p_zero = m[S_ZERO];
	out->p_dead = m[S_DEAD];
	out->mean = m[S_Y];
	double var = fmax(m[S_Y2] - m[S_Y] * m[S_Y], 0);
	out->std = sqrt(var);
	out->mean_grad = m[S_D];
	out->mean_grad_sq = m[S_D2];
	out->method = STATS_MONTE_CARLO;
	/* standard errors: of a mean, sqrt(var/n); of the std by the delta
	 * method, sqrt(mu4 - var^2) / (2 std sqrt(n)) */
	double mu = m[S_Y];
	double mu4 = m[S_Y4] - 4 * mu * m[S_Y3] + 6 * mu * mu * m[S_Y2] - 3 * mu * mu * mu * mu;
	double se[6] = {
		sqrt(out->p_zero * (1 - out->p_zero) / drawn),
		sqrt(out->p_dead * (1 - out->p_dead) / drawn),
		sqrt(var / drawn),
		out->std > 0 ? sqrt(fmax(mu4 - var * var, 0) / drawn) / (2 * out->std) : 0,
		sqrt(fmax(m[S_D2] - m[S_D] * m[S_D], 0) / drawn),
		sqrt(fmax(m[S_D4] - m[S_D2] * m[S_D2], 0) / drawn),
	};
	double worst = 0;
	for (int k = 0; k < 6; k++)
		worst = fmax(worst, se[k]);
	out->err = 4 * worst;
	return 0;
}
