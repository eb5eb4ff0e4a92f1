/* stats.c: statistics of f(z) and f'(z) for z from a distribution, piece by
 * piece between the kinks the math table names: polynomial pieces in
 * closed form (normal partial moments), the rest by adaptive Gauss-Kronrod
 * quadrature with its error estimate. */
#define _POSIX_C_SOURCE 200809L
#include "stats.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "rng.h"

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
	return isinf(t) ? 0 : INV_SQRT_2PI * exp(-0.5 * t * t);
}

/* P(alpha < t < beta), from whichever tail keeps its digits. */
static double mass(double alpha, double beta)
{
	if (alpha >= 0)
		return 0.5 * (erfc(alpha * INV_SQRT2) - erfc(beta * INV_SQRT2));
	if (beta <= 0)
		return 0.5 * (erfc(-beta * INV_SQRT2) - erfc(-alpha * INV_SQRT2));
	return 1 - 0.5 * (erfc(-alpha * INV_SQRT2) + erfc(beta * INV_SQRT2));
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

/* ---- closed forms for polynomial pieces ------------------------------------ */

/* E[z^k 1{a < z < b}] for k = 0..4, z ~ d. */
static void partial_moments(const struct stats_dist *d, double a, double b, double m[5])
{
	if (d->kind == DIST_UNIFORM) {
		double w = d->b - d->a;
		double pa = 1, pb = 1;
		for (int k = 0; k < 5; k++) {
			pa *= a;
			pb *= b;
			m[k] = (pb - pa) / ((k + 1) * w);
		}
		return;
	}
	double mu = d->a, sigma = d->b;
	double alpha = (a - mu) / sigma, beta = (b - mu) / sigma;
	/* I_k = int t^k phi(t) over (alpha, beta): I_k = (k-1) I_{k-2} +
	 * alpha^{k-1} phi(alpha) - beta^{k-1} phi(beta). */
	double I[5], pa = pdf(alpha), pb = pdf(beta);
	I[0] = mass(alpha, beta);
	I[1] = pa - pb;
	double ak = isinf(alpha) ? 0 : alpha, bk = isinf(beta) ? 0 : beta;
	for (int k = 2; k < 5; k++) {
		I[k] = (k - 1) * I[k - 2] + (pa == 0 ? 0 : ak * pa) - (pb == 0 ? 0 : bk * pb);
		ak *= isinf(alpha) ? 0 : alpha;
		bk *= isinf(beta) ? 0 : beta;
	}
	/* z = mu + sigma t: binomial expansion */
	static const double binom[5][5] = {
		{1}, {1, 1}, {1, 2, 1}, {1, 3, 3, 1}, {1, 4, 6, 4, 1},
	};
	for (int k = 0; k < 5; k++) {
		m[k] = 0;
		for (int j = 0; j <= k; j++)
			m[k] += binom[k][j] * pow(mu, k - j) * pow(sigma, j) * I[j];
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

#define NQ 4 /* E f, E (f - m)^2, E f', E f'^2 */

struct quad {
	const struct actfn_curve *c;
	const struct stats_dist *d;
	double center; /* m for the second moment */
	int evals;
};

/* The integrands at z, times the density. */
static void integrand(struct quad *q, double z, double out[NQ])
{
	double y, dy, w;
	actfn_point(q->c, z, &y, &dy);
	if (q->d->kind == DIST_NORMAL)
		w = pdf((z - q->d->a) / q->d->b) / q->d->b;
	else
		w = 1 / (q->d->b - q->d->a);
	q->evals++;
	if (w == 0 || !isfinite(y) || !isfinite(dy)) {
		for (int k = 0; k < NQ; k++)
			out[k] = 0;
		return;
	}
	out[0] = y * w;
	out[1] = (y - q->center) * (y - q->center) * w;
	out[2] = dy * w;
	out[3] = dy * dy * w;
}

/* One Kronrod rule over [a, b]; err gets QUADPACK's estimate, which
 * scales the Gauss-Kronrod difference by how smooth the integrand looks
 * (the raw difference overstates the error by orders of magnitude). */
static void kronrod(struct quad *q, double a, double b, double res[NQ], double err[NQ])
{
	double half = (b - a) / 2, mid = (a + b) / 2;
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
			e = resasc * fmin(1, pow(200 * e / resasc, 1.5));
		if (resabs[k] > 0x1p-1022 / (50 * 0x1p-52))
			e = fmax(50 * 0x1p-52 * resabs[k], e);
		err[k] = e;
	}
}

#define MAX_PARTS 2000

struct part {
	double a, b, res[NQ], err[NQ];
};

static double worst_err(const double err[NQ])
{
	double w = 0;
	for (int k = 0; k < NQ; k++)
		w = fmax(w, err[k]);
	return w;
}

/* Global adaptive bisection: the part with the largest error is split
 * until the total error is within tolerance. */
static void integrate(struct quad *q, double a, double b, double res[NQ], double err[NQ])
{
	static struct part parts[MAX_PARTS];
	int n = 1;
	parts[0].a = a;
	parts[0].b = b;
	kronrod(q, a, b, parts[0].res, parts[0].err);
	for (;;) {
		double total_err = 0, total = 0;
		int worst = 0;
		for (int i = 0; i < n; i++) {
			total_err += worst_err(parts[i].err);
			for (int k = 0; k < NQ; k++)
				total = fmax(total, fabs(parts[i].res[k]));
			if (worst_err(parts[i].err) > worst_err(parts[worst].err))
				worst = i;
		}
		if (total_err <= fmax(1e-16, 2e-13 * total) || n == MAX_PARTS)
			break;
		struct part *w = &parts[worst], *p2 = &parts[n++];
		double m = (w->a + w->b) / 2;
		p2->a = m;
		p2->b = w->b;
		w->b = m;
		kronrod(q, w->a, w->b, w->res, w->err);
		kronrod(q, p2->a, p2->b, p2->res, p2->err);
	}
	for (int k = 0; k < NQ; k++) {
		res[k] = err[k] = 0;
		for (int i = 0; i < n; i++) {
			res[k] += parts[i].res[k];
			err[k] += parts[i].err[k];
		}
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
	double lo = d->kind == DIST_NORMAL ? -HUGE_VAL : d->a;
	double hi = d->kind == DIST_NORMAL ? HUGE_VAL : d->b;
	struct piece pieces[ACTFN_MAX_BREAKS + 1];
	int np = pieces_of(c, lo, hi, pieces);

	double sum[NQ] = {0}, err[NQ] = {0};
	bool closed = c->def->degree > 0 && !force_quadrature;
	double coef[ACTFN_MAX_BREAKS + 1][3];
	for (int i = 0; i < np; i++) {
		const struct piece *p = &pieces[i];
		double m[5];
		partial_moments(d, p->a, p->b, m);
		if (p->d_zero)
			out->p_dead += m[0];
		if (p->f_zero)
			out->p_zero += m[0];
		if (!closed)
			continue;
		poly_of(c, p, coef[i]);
		double *k = coef[i];
		if (p->f_zero)
			k[0] = k[1] = k[2] = 0;
		sum[0] += k[0] * m[0] + k[1] * m[1] + k[2] * m[2];
		/* f' = k1 + 2 k2 z */
		sum[2] += k[1] * m[0] + 2 * k[2] * m[1];
		sum[3] += k[1] * k[1] * m[0] + 4 * k[1] * k[2] * m[1] + 4 * k[2] * k[2] * m[2];
	}
	if (closed) {
		out->mean = sum[0];
		/* (f - mean)^2 from the shifted polynomial: no E f^2 - (E f)^2
		 * cancellation */
		double var = 0;
		for (int i = 0; i < np; i++) {
			double m[5], *k = coef[i];
			partial_moments(d, pieces[i].a, pieces[i].b, m);
			double c0 = k[0] - out->mean, c1 = k[1], c2 = k[2];
			var += c0 * c0 * m[0] + 2 * c0 * c1 * m[1] + (c1 * c1 + 2 * c0 * c2) * m[2] +
			       2 * c1 * c2 * m[3] + c2 * c2 * m[4];
		}
		out->std = sqrt(fmax(var, 0));
		out->mean_grad = sum[2];
		out->mean_grad_sq = sum[3];
		out->method = STATS_CLOSED_FORM;
		out->err = 0;
		return 0;
	}

	/* Quadrature, twice: the mean first, then the spread around it. */
	struct quad q = {.c = c, .d = d};
	double zlo = d->kind == DIST_NORMAL ? d->a - NORMAL_REACH * d->b : d->a;
	double zhi = d->kind == DIST_NORMAL ? d->a + NORMAL_REACH * d->b : d->b;
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < NQ; k++)
			sum[k] = err[k] = 0;
		for (int i = 0; i < np; i++) {
			double a = fmax(pieces[i].a, zlo), b = fmin(pieces[i].b, zhi);
			if (!(b > a))
				continue;
			double r[NQ], e[NQ];
			integrate(&q, a, b, r, e);
			for (int k = 0; k < NQ; k++) {
				sum[k] += r[k];
				err[k] += e[k];
			}
		}
		q.center = sum[0];
	}
	out->mean = q.center;
	out->std = sqrt(fmax(sum[1], 0));
	out->mean_grad = sum[2];
	out->mean_grad_sq = sum[3];
	out->method = STATS_QUADRATURE;
	/* The Kronrod-Gauss difference overstates the error of the Kronrod
	 * result; it is the bound reported, plus rounding. The error of the
	 * std is that of the variance through the square root. */
	double e = 0;
	for (int k = 0; k < NQ; k++)
		e = fmax(e, err[k]);
	double std_err = out->std > 0 ? err[1] / (2 * out->std) : sqrt(err[1]);
	e = fmax(e, std_err);
	double scale = fmax(1, fmax(fabs(out->mean), out->mean_grad_sq));
	out->err = e + 64 * 0x1p-52 * scale;
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

__attribute__((target_clones("avx512f", "avx2", "default")))
static void chunk_sums(const double *y, const double *dy, size_t n, double out[NSUM])
{
	v4d a[7] = {{0}};
	v4i zero = {0}, dead = {0};
	size_t i = 0;
	for (; i + 4 <= n; i += 4) {
		v4d v, d;
		memcpy(&v, y + i, sizeof v);
		memcpy(&d, dy + i, sizeof d);
		v4d v2 = v * v, d2 = d * d;
		a[S_Y] += v;
		a[S_Y2] += v2;
		a[S_Y3] += v2 * v;
		a[S_Y4] += v2 * v2;
		a[S_D] += d;
		a[S_D2] += d2;
		a[S_D4] += d2 * d2;
		zero -= (v == 0); /* a true comparison is -1 */
		dead -= (d == 0);
	}
	double lane[NSUM][4];
	for (int k = 0; k < 7; k++)
		memcpy(lane[k], &a[k], sizeof lane[k]);
	for (int l = 0; l < 4; l++) {
		lane[S_ZERO][l] = (double)zero[l];
		lane[S_DEAD][l] = (double)dead[l];
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
	memset(out, 0, sizeof *out);
	*done = 0;
	if (!dist_valid(d) || !(n >= 1) || n > STATS_MC_MAX || n != floor(n))
		return -1;
	struct rng r;
	rng_seed(&r, seed);
	double z[MC_CHUNK], y[MC_CHUNK], dy[MC_CHUNK], part[NSUM];
	struct total t = {{0}, {0}};
	double drawn = 0;
	while (drawn < n) {
		if (stop && *stop)
			break;
		size_t k = n - drawn < MC_CHUNK ? (size_t)(n - drawn) : MC_CHUNK;
		draw(&r, d, z, k);
		actfn_eval(c, z, y, dy, k);
		chunk_sums(y, dy, k, part);
		add_total(&t, part);
		drawn += (double)k;
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
