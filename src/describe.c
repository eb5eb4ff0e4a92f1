/* describe.c: a plot in words, read from the plot's own samples and the
 * kink table's one-sided limits, so that every claim is about the points
 * the picture draws; nothing here knows any activation by name. */
#define _POSIX_C_SOURCE 200809L
#include "describe.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "plot.h"
#include "settings.h"
#include "util.h"

/* ---- the points: samples, and each kink's left limit, value and right limit */

enum pt_kind { PT_SAMPLE, PT_LEFT, PT_AT, PT_RIGHT };

struct points {
	size_t n;
	double *x;
	unsigned char *kind;
	double *v[LIMIT_CURVES][2]; /* curve c, f (0) or f' (1) */
	double lo, hi, step;        /* the window and the samples' spacing */
};

/* The x of every kink of any curve inside the window, ascending, once. */
static int kink_xs(const struct plot_samples *sm, int ncurves, double *bx)
{
	int nb = 0;
	for (int c = 0; c < ncurves; c++)
		for (int k = 0; k < sm[c].nbreaks; k++) {
			double x = sm[c].br[k].x;
			int j = nb;
			while (j > 0 && bx[j - 1] > x)
				j--;
			if (j > 0 && bx[j - 1] == x)
				continue;
			memmove(&bx[j + 1], &bx[j], (size_t)(nb - j) * sizeof *bx);
			bx[j] = x;
			nb++;
		}
	return nb;
}

/* The values of curve c at kink x: its own one-sided limits there (from
 * the plot's samples), or, at another curve's kink, its values just
 * either side the same way, so that curves compare like with like; and
 * its value at x, from the sample when x is one. */
static void kink_values(const struct describe_spec *s, const struct plot_samples *m, int c,
                        double x, long sample, double out[3][2])
{
	if (sample >= 0) {
		out[1][0] = m->y[sample];
		out[1][1] = m->dy[sample];
	} else {
		actfn_point(s->curve[c].fn, x, &out[1][0], &out[1][1]);
	}
	actfn_point(s->curve[c].fn, nextafter(x, -HUGE_VAL), &out[0][0], &out[0][1]);
	actfn_point(s->curve[c].fn, nextafter(x, HUGE_VAL), &out[2][0], &out[2][1]);
	for (int k = 0; k < m->nbreaks; k++)
		if (m->br[k].x == x)
			for (int p = 0; p < 2; p++) {
				out[0][p] = m->left[k][p];
				out[2][p] = m->right[k][p];
			}
}

static void put_point(struct points *P, int ncurves, double x, int kind, double v[][2],
                      size_t stride)
{
	size_t i = P->n++;
	P->x[i] = x;
	P->kind[i] = (unsigned char)kind;
	for (int c = 0; c < ncurves; c++)
		for (int p = 0; p < 2; p++)
			P->v[c][p][i] = v[(size_t)c * stride][p];
}

/* Merges the samples with the kinks (left limit, value, right limit; a
 * sample on a kink becomes its value). */
static void merge_points(const struct describe_spec *s, const double *xs,
                         const struct plot_samples *sm, struct points *P,
                         unsigned char *on_sample)
{
	double bx[LIMIT_CURVES * ACTFN_MAX_BREAKS];
	int nb = kink_xs(sm, s->ncurves, bx), b = 0;
	double kv[LIMIT_CURVES][3][2], sv[LIMIT_CURVES][2];
	P->n = 0;
	for (long i = 0; i < s->samples; i++) {
		bool on_kink = false;
		for (; b < nb && bx[b] <= xs[i]; b++) {
			long on = bx[b] == xs[i] ? i : -1;
			on_kink = on >= 0;
			for (int c = 0; c < s->ncurves; c++)
				kink_values(s, &sm[c], c, bx[b], on, kv[c]);
			/* the plot shows only the window's side of a kink at its end */
			for (int j = 0; j < 3; j++)
				if (!(j == 0 && bx[b] == s->xlo) && !(j == 2 && bx[b] == s->xhi)) {
					on_sample[P->n] = j == 1 && on_kink;
					put_point(P, s->ncurves, bx[b], PT_LEFT + j, &kv[0][j], 3);
				}
		}
		if (on_kink)
			continue;
		for (int c = 0; c < s->ncurves; c++) {
			sv[c][0] = sm[c].y[i];
			sv[c][1] = sm[c].dy[i];
		}
		put_point(P, s->ncurves, xs[i], PT_SAMPLE, sv, 1);
	}
}

/* The points of curve c's own picture: the samples (a kink of another
 * curve that fell on one standing for it) and its own kinks. */
static void own_points(const struct points *P, const unsigned char *on_sample,
                       const struct plot_samples *m, int c, struct points *Q)
{
	Q->n = 0;
	Q->lo = P->lo;
	Q->hi = P->hi;
	Q->step = P->step;
	for (size_t i = 0; i < P->n; i++) {
		bool keep = P->kind[i] == PT_SAMPLE || on_sample[i];
		for (int k = 0; k < m->nbreaks; k++)
			keep = keep || m->br[k].x == P->x[i];
		if (!keep)
			continue;
		Q->x[Q->n] = P->x[i];
		Q->kind[Q->n] = P->kind[i];
		Q->v[0][0][Q->n] = P->v[c][0][i];
		Q->v[0][1][Q->n] = P->v[c][1][i];
		Q->n++;
	}
}

/* ---- numbers and stretches of x ----------------------------------------------- */

/* x to the resolution res: no digit finer than res, so a sample's
 * -2.9699999999999998 reads -2.97 and a crossing found between samples
 * claims no more than their spacing. */
static void round_text(double x, double res, char buf[NUM_BUF])
{
	if (!isfinite(x) || x == 0 || !(res > 0) || !isfinite(res)) {
		num_format(x == 0 ? 0.0 : x, buf);
		return;
	}
	char t[48];
	snprintf(t, sizeof t, "%.16e", fabs(x));
	long ex = strtol(strchr(t, 'e') + 1, NULL, 10);
	snprintf(t, sizeof t, "%.16e", res);
	long er = strtol(strchr(t, 'e') + 1, NULL, 10);
	long sig = ex - er + 1;
	if (sig < 1) {
		snprintf(buf, NUM_BUF, "0");
		return;
	}
	snprintf(t, sizeof t, "%.*e", (int)(sig > 17 ? 16 : sig - 1), x);
	double r = strtod(t, NULL);
	num_format(r == 0 ? 0.0 : r, buf);
}

/* How an end of a stretch is known: exactly (a kink, the window's end),
 * at a sample, or about (between two samples). */
enum how { HOW_EXACT, HOW_SAMPLE, HOW_ABOUT };

static void x_text(const struct points *P, double x, enum how how, char *buf, size_t size)
{
	char n[NUM_BUF];
	if (how == HOW_EXACT)
		num_format(x, n);
	else
		round_text(x, how == HOW_ABOUT ? P->step : P->step * 1e-4, n);
	snprintf(buf, size, "%s%s", how == HOW_ABOUT ? "about " : "", n);
}

/* A value as the rest of the program writes it, with 0 for -0 (a
 * sentence's zero has no sign). A one-sided limit is taken one double
 * away from its kink, and is a few units in the last place off the true
 * limit there: within 4 of them, a 12-digit decimal is the limit (so
 * hardshrink's at 0.5 reads 0.5, not 0.5000000000000001), and a tiny
 * one (elu's 5e-324 just right of 0) is 0. */
static void val_text(double v, bool limit, char buf[NUM_BUF])
{
	if (limit && isfinite(v)) {
		char t[40];
		snprintf(t, sizeof t, "%.12g", v);
		double r = strtod(t, NULL);
		if (fabs(r - v) <= 4 * DBL_EPSILON * fabs(v))
			v = r;
		else if (fabs(v) < 1e-300)
			v = 0;
	}
	num_format(v == 0 ? 0.0 : v, buf);
}

static bool is_limit(int kind);

/* Point i's value: a limit that carries on a stretch of equal values
 * (rrelu's slope up to its kink) is that value exactly; one that does
 * not is rounded as val_text says. */
static void point_text(const struct points *P, const double *v, size_t i, char buf[NUM_BUF])
{
	bool limit = is_limit(P->kind[i]);
	size_t j = P->kind[i] == PT_LEFT ? i - 1 : i + 1;
	if (limit && !(P->kind[i] == PT_LEFT && i == 0) && j < P->n && v[j] == v[i])
		limit = false;
	val_text(v[i], limit, buf);
}

/* A stretch of points a..b where something holds, and where it starts
 * and ends: included or not, at the window's ends or not. */
struct run {
	size_t a, b;
	int cls;  /* -1 below zero, 0 zero, 1 above, 2 not a number */
	double s, e;
	enum how s_how, e_how;
	bool s_in, e_in;
};

static int sign_class(double v)
{
	return v < 0 ? -1 : v > 0 ? 1 : v == 0 ? 0 : 2;
}

static bool is_limit(int kind)
{
	return kind == PT_LEFT || kind == PT_RIGHT;
}

/* Where a stretch of points starts or ends when nothing else says. */
static void run_ends(const struct points *P, struct run *r)
{
	r->s = P->x[r->a];
	r->s_how = P->kind[r->a] == PT_SAMPLE && r->a > 0 ? HOW_SAMPLE : HOW_EXACT;
	r->s_in = false;
	for (size_t i = r->a; i <= r->b && P->x[i] == r->s; i++)
		r->s_in = r->s_in || !is_limit(P->kind[i]);
	r->e = P->x[r->b];
	r->e_how = P->kind[r->b] == PT_SAMPLE && r->b + 1 < P->n ? HOW_SAMPLE : HOW_EXACT;
	r->e_in = false;
	for (size_t i = r->b + 1; i-- > r->a && P->x[i] == r->e;)
		r->e_in = r->e_in || !is_limit(P->kind[i]);
}

/* The stretches of one sign (a limit that is NaN, inf - inf compared,
 * skipped over). Returns how many there are; at most max are stored. */
static size_t sign_runs(const struct points *P, const double *v, struct run *runs, size_t max)
{
	size_t nr = 0;
	int cur = 3;
	for (size_t i = 0; i < P->n; i++) {
		if (isnan(v[i]) && is_limit(P->kind[i]))
			continue;
		int c = sign_class(v[i]);
		if (c != cur) {
			if (nr < max)
				runs[nr] = (struct run){.a = i, .b = i, .cls = c};
			nr++;
			cur = c;
		} else if (nr <= max) {
			runs[nr - 1].b = i;
		}
	}
	size_t m = nr < max ? nr : max;
	for (size_t i = 0; i < m; i++)
		run_ends(P, &runs[i]);
	/* Where one stretch gives way to the next: at a kink or at the end of
	 * a zero, exactly; between samples of opposite sign, where the
	 * picture's straight segment crosses zero. */
	for (size_t i = 0; i + 1 < m; i++) {
		struct run *r = &runs[i], *q = &runs[i + 1];
		size_t a = r->b, b = q->a;
		if (P->x[a] == P->x[b])
			continue;
		if (r->cls == 0) {
			q->s = r->e, q->s_how = r->e_how, q->s_in = false;
		} else if (q->cls == 0) {
			r->e = q->s, r->e_how = q->s_how, r->e_in = false;
		} else {
			double xa = P->x[a], xb = P->x[b], t = 0.5;
			if (isfinite(v[a]) && isfinite(v[b]) && r->cls != 2 && q->cls != 2)
				t = v[a] / (v[a] - v[b]);
			r->e = q->s = xa + t * (xb - xa);
			r->e_how = q->s_how = HOW_ABOUT;
			r->e_in = q->s_in = false;
		}
	}
	return nr;
}

/* How often v changes sign, a zero between the two sides counting once. */
static size_t sign_changes(const double *v, size_t n)
{
	size_t k = 0;
	int last = 0;
	for (size_t i = 0; i < n; i++) {
		int c = v[i] < 0 ? -1 : v[i] > 0 ? 1 : 0;
		if (c != 0 && last != 0 && c != last)
			k++;
		if (c != 0)
			last = c;
	}
	return k;
}

/* "for x < 0", "at x = 0", "for -1 < x <= 1", "for every x in the window". */
static void interval(const struct points *P, const struct run *r, char *buf, size_t size,
                     size_t *len)
{
	char s[NUM_BUF + 8], e[NUM_BUF + 8];
	x_text(P, r->s, r->s_how, s, sizeof s);
	x_text(P, r->e, r->e_how, e, sizeof e);
	bool at_lo = r->s == P->lo && r->s_in && r->s_how == HOW_EXACT;
	bool at_hi = r->e == P->hi && r->e_in && r->e_how == HOW_EXACT;
	if (at_lo && at_hi)
		util_append(buf, size, len, "for every x in the window");
	else if (r->s == r->e && strcmp(s, e) == 0)
		util_append(buf, size, len, "at x = %s", s);
	else if (at_lo)
		util_append(buf, size, len, "for x %s %s", r->e_in ? "<=" : "<", e);
	else if (at_hi)
		util_append(buf, size, len, "for x %s %s", r->s_in ? ">=" : ">", s);
	else
		util_append(buf, size, len, "for %s %s x %s %s", s, r->s_in ? "<=" : "<",
		            r->e_in ? "<=" : "<", e);
}

/* Whether v is one value over a..b (limits outside the window aside). */
static bool flat(const double *v, size_t a, size_t b, double *value)
{
	size_t i = a;
	while (i <= b && isnan(v[i]))
		i++;
	if (i > b)
		return false;
	for (size_t j = i; j <= b; j++)
		if (!isnan(v[j]) && v[j] != v[i])
			return false;
	*value = v[i] == 0 ? 0.0 : v[i];
	return true;
}

/* "; " or " and " between the items of a list of n. */
static const char *sep(size_t i, size_t n)
{
	return i == 0 ? "" : i + 1 == n ? " and " : ", ";
}

/* ---- one curve ---------------------------------------------------------------- */

#define LINE 2048
#define MAX_STRETCHES 8 /* more, and a sentence counts them instead */

/* Whether word w (n bytes) holds on to the next ("x", "<", "about");
 * an operator holds on to the word before it too (unit). */
static bool glued(const char *w, size_t n)
{
	static const char *const glue[] = {"x", "<", "<=", ">", ">=", "=", "about"};
	for (size_t i = 0; i < sizeof glue / sizeof glue[0]; i++)
		if (n == strlen(glue[i]) && strncmp(w, glue[i], n) == 0)
			return true;
	return false;
}

/* The bytes of the words from w that a line break must not part:
 * "x <= 0", "about -1.28". */
static size_t unit(const char *w)
{
	size_t len = strcspn(w, " ");
	const char *last = w;
	for (;;) {
		size_t n = strcspn(last, " ");
		if (last[n] != ' ')
			break;
		const char *next = last + n + 1;
		size_t m = strcspn(next, " ");
		/* "x <", "< 0", "f'(0) =", "about -1" */
		bool op = m <= 2 && strchr("<>=", next[0]);
		if (!glued(last, n) && !op)
			break;
		last += n + 1;
		len = (size_t)(last - w) + strcspn(last, " ");
	}
	return len;
}

/* One sentence, indented 2, its words wrapped at 79 columns and the
 * rest of it indented 4, so that it reads on an 80-column terminal. */
static void wrap(struct out *o, const char *line, int indent)
{
	enum { WIDTH = 79 };
	int col = indent;
	out_repeat(o, ' ', (size_t)indent);
	for (const char *w = line; *w;) {
		size_t n = unit(w);
		if (col > indent && col + 1 + (int)n > WIDTH) {
			out_putc(o, '\n');
			out_repeat(o, ' ', (size_t)indent + 2);
			col = indent + 2;
		} else if (col > indent) {
			out_putc(o, ' ');
			col++;
		}
		out_write(o, w, n);
		col += (int)n;
		w += n;
		while (*w == ' ')
			w++;
	}
	out_putc(o, '\n');
}

static void say(struct out *o, const char *line)
{
	wrap(o, line, 2);
}

/* Where point i is: "at x = -1.29", "just left of x = 0". */
static void where(const struct points *P, size_t i, char *buf, size_t size)
{
	char x[NUM_BUF + 8];
	x_text(P, P->x[i], P->kind[i] == PT_SAMPLE && i > 0 && i + 1 < P->n ? HOW_SAMPLE : HOW_EXACT,
	       x, sizeof x);
	snprintf(buf, size, "%sx = %s",
	         P->kind[i] == PT_LEFT ? "just left of " : P->kind[i] == PT_RIGHT ? "just right of "
	                                                                            : "at ", x);
}

/* Whether each point has a neighbour of its value: steps only (relu'),
 * whose stretches say all there is. */
static bool only_steps(const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(i > 0 && v[i - 1] == v[i]) && !(i + 1 < n && v[i + 1] == v[i]))
			return false;
	return true;
}

/* Its values at the ends, and its lowest and highest points when they
 * are inside. Says nothing of a constant (its stretches say it). */
static void say_ends(struct out *o, const struct points *P, const char *f, const double *v)
{
	size_t imin = 0, imax = 0, first = 0, last = P->n - 1;
	bool up = true, down = true;
	double prev = NAN;
	for (size_t i = 0; i < P->n; i++) {
		if (isnan(v[i]))
			continue;
		if (isnan(v[imin]) || v[i] < v[imin])
			imin = i;
		if (isnan(v[imax]) || v[i] > v[imax])
			imax = i;
		if (!isnan(prev)) {
			up = up && v[i] >= prev;
			down = down && v[i] <= prev;
		}
		prev = v[i];
	}
	if (v[imin] == v[imax] || only_steps(v, P->n))
		return;
	char a[NUM_BUF], b[NUM_BUF], lo[NUM_BUF], hi[NUM_BUF], line[LINE];
	point_text(P, v, first, a);
	point_text(P, v, last, b);
	num_format(P->lo, lo);
	num_format(P->hi, hi);
	size_t len = 0;
	util_append(line, sizeof line, &len, "%s %s from %s at x = %s to %s at x = %s", f,
	            up ? "rises" : down ? "falls" : "goes", a, lo, b, hi);
	bool low_inside = v[imin] < v[first] && v[imin] < v[last];
	bool high_inside = v[imax] > v[first] && v[imax] > v[last];
	char w[NUM_BUF + 40], n[NUM_BUF];
	if (low_inside) {
		where(P, imin, w, sizeof w);
		point_text(P, v, imin, n);
		util_append(line, sizeof line, &len, "; its lowest point is %s, %s", n, w);
	}
	if (high_inside) {
		where(P, imax, w, sizeof w);
		point_text(P, v, imax, n);
		util_append(line, sizeof line, &len, "%s %s, %s",
		            low_inside ? ", and its highest" : "; its highest point is", n, w);
	}
	util_append(line, sizeof line, &len, ".");
	say(o, line);
}

/* A stretch that holds one value from point a to b inside the sign run
 * r, its ends at those points (or at r's own ends where they meet). */
static struct run flat_piece(const struct points *P, const struct run *r, size_t a, size_t b)
{
	struct run f = {.a = a, .b = b, .cls = 3};
	run_ends(P, &f);
	if (a == r->a)
		f.s = r->s, f.s_how = r->s_how, f.s_in = r->s_in;
	if (b == r->b)
		f.e = r->e, f.e_how = r->e_how, f.e_in = r->e_in;
	return f;
}

/* The part of sign run r from point a to b between its flat stretches
 * (prev ends before a, next starts after b; NULL: r's own end). */
static struct run rest_piece(const struct run *r, const struct run *prev, const struct run *next)
{
	struct run q = *r;
	if (prev)
		q.a = prev->b + 1, q.s = prev->e, q.s_how = prev->e_how, q.s_in = !prev->e_in;
	if (next)
		q.b = next->a - 1, q.e = next->s, q.e_how = next->s_how, q.e_in = !next->s_in;
	return q;
}

/* Splits the sign runs into stretches: one value (cls 3; three points or
 * more, saturation or a linear piece's slope), or else one sign. Returns
 * how many; at most max are stored. */
static size_t stretches(const struct points *P, const double *v, const struct run *runs,
                        size_t nr, struct run *out, size_t max)
{
	size_t n = 0;
#define PUT(piece) do { if (n < max) out[n] = (piece); n++; } while (0)
	for (size_t i = 0; i < nr; i++) {
		const struct run *r = &runs[i];
		double value;
		if (r->cls == 2 || r->cls == 0 || (r->a < r->b && flat(v, r->a, r->b, &value))) {
			struct run whole = *r;
			if (r->cls != 2 && r->a < r->b)
				whole.cls = 3;
			PUT(whole);
			continue;
		}
		struct run prev, cur;
		bool have_prev = false;
		size_t from = r->a;
		for (size_t a = r->a; a <= r->b;) {
			size_t b = a;
			while (b + 1 <= r->b && v[b + 1] == v[a])
				b++;
			/* saturation reaches an end or a kink; a run of equal
			 * doubles elsewhere (elu's -0.9999999999999999 beside its
			 * -1) says nothing of the curve */
			bool edge = a == r->a || b == r->b || P->kind[a] != PT_SAMPLE ||
			            P->kind[b] != PT_SAMPLE;
			if (b >= a + 2 && P->x[b] > P->x[a] && edge) {
				cur = flat_piece(P, r, a, b);
				if (a > from)
					PUT(rest_piece(r, have_prev ? &prev : NULL, &cur));
				PUT(cur);
				prev = cur;
				have_prev = true;
				from = b + 1;
			}
			a = b + 1;
		}
		if (from <= r->b)
			PUT(rest_piece(r, have_prev ? &prev : NULL, NULL));
	}
#undef PUT
	return n;
}

/* Where it is 0, below or above zero, or one value: "f is 0 for x <= 0
 * and above zero for x > 0", "f' is 0.01 for x <= 0 and 1 for x > 0". */
static void say_signs(struct out *o, const struct points *P, const char *f, const double *v)
{
	struct run runs[MAX_STRETCHES], st[MAX_STRETCHES];
	size_t nr = sign_runs(P, v, runs, MAX_STRETCHES);
	size_t ns = nr <= MAX_STRETCHES ? stretches(P, v, runs, nr, st, MAX_STRETCHES) : 0;
	char line[LINE];
	size_t len = 0;
	if (nr > MAX_STRETCHES || ns > MAX_STRETCHES) {
		util_append(line, sizeof line, &len, "%s changes sign %zu times on the window.", f,
		            sign_changes(v, P->n));
		say(o, line);
		return;
	}
	util_append(line, sizeof line, &len, "%s is ", f);
	for (size_t i = 0; i < ns; i++) {
		char n[NUM_BUF];
		util_append(line, sizeof line, &len, "%s", sep(i, ns));
		if (st[i].cls == 2) {
			util_append(line, sizeof line, &len, "not a number ");
		} else if (st[i].cls == 3 || st[i].cls == 0) {
			point_text(P, v, st[i].a, n);
			util_append(line, sizeof line, &len, "%s ", n);
		} else {
			util_append(line, sizeof line, &len, "%s zero ", st[i].cls < 0 ? "below" : "above");
		}
		interval(P, &st[i], line, sizeof line, &len);
	}
	util_append(line, sizeof line, &len, ".");
	say(o, line);
}

/* The kinks of the table inside the window: what jumps, from what to
 * what, and the value at the point itself (PyTorch's convention). */
static void say_kinks(struct out *o, const struct points *P, const struct plot_samples *m,
                      const double *const v[2], bool deriv)
{
	static const char *const name[2] = {"f", "f'"};
	for (int k = 0; k < m->nbreaks; k++) {
		double x = m->br[k].x;
		size_t at = 0;
		while (at < P->n && !(P->x[at] == x && P->kind[at] == PT_AT))
			at++;
		char bx[NUM_BUF];
		num_format(x, bx);
		for (int p = 0; p < (deriv ? 2 : 1); p++) {
			double l = m->left[k][p], r = m->right[k][p];
			if (l == r || (p == 0 && !m->br[k].f_jumps) || at == P->n)
				continue;
			char line[LINE], a[NUM_BUF], b[NUM_BUF], c[NUM_BUF];
			/* each side from its point when the window shows it */
			if (at > 0 && P->kind[at - 1] == PT_LEFT)
				point_text(P, v[p], at - 1, a);
			else
				val_text(l, true, a);
			if (at + 1 < P->n && P->kind[at + 1] == PT_RIGHT)
				point_text(P, v[p], at + 1, b);
			else
				val_text(r, true, b);
			val_text(v[p][at], false, c);
			const char *side = x == P->lo ? " (the window shows its right side)"
			                 : x == P->hi ? " (the window shows its left side)" : "";
			snprintf(line, sizeof line, "At x = %s, %s jumps from %s to %s%s; %s(%s) = %s.", bx,
			         name[p], a, b, side, name[p], bx, c);
			say(o, line);
		}
	}
}

/* ---- the curves together ------------------------------------------------------ */

/* What curve c does over run r, when that is simple: one value, or one
 * slope, with its sign (limits aside: the stretch is open at a kink).
 * Returns 2 for one value or one slope, 1 for a sign alone, else 0. */
static int trait(const struct points *P, int c, const char *label, const struct run *r,
                 char *buf, size_t size)
{
	double value, slope;
	char n[NUM_BUF];
	const double *y = P->v[c][0], *dy = P->v[c][1];
	size_t len = 0;
	buf[0] = '\0';
	if (flat(y, r->a, r->b, &value)) {
		val_text(value, false, n);
		util_append(buf, size, &len, "%s is exactly %s", label, n);
		return 2;
	}
	bool sl = flat(dy, r->a, r->b, &slope), below = true, above = true;
	for (size_t i = r->a; i <= r->b; i++)
		if (!is_limit(P->kind[i]))
			below = below && y[i] < 0, above = above && y[i] > 0;
	if (!sl && !below && !above)
		return 0;
	util_append(buf, size, &len, "%s", label);
	if (below || above)
		util_append(buf, size, &len, " stays %s zero", below ? "below" : "above");
	if (sl) {
		val_text(slope, false, n);
		util_append(buf, size, &len, "%s slope %s", below || above ? " with" : " has", n);
	}
	return sl ? 2 : 1;
}

/* Curve c against the first: where it is below, equal or above, by how
 * much, and what each does where they differ. */
static void say_compare(struct out *o, const struct describe_spec *s, const struct points *P,
                        int c, double *d)
{
	const char *me = s->curve[c].label, *ref = s->curve[0].label;
	for (size_t i = 0; i < P->n; i++)
		d[i] = P->v[c][0][i] - P->v[0][0][i];
	struct run runs[MAX_STRETCHES];
	size_t nr = sign_runs(P, d, runs, MAX_STRETCHES);
	char line[LINE], n[NUM_BUF];
	size_t len = 0;
	double most = 0;
	for (size_t i = 0; i < P->n; i++)
		if (fabs(d[i]) > most)
			most = fabs(d[i]);
	num_format(most, n);
	if (nr > MAX_STRETCHES) {
		util_append(line, sizeof line, &len, "%s and %s cross %zu times; they differ by up to %s.",
		            me, ref, sign_changes(d, P->n), n);
		say(o, line);
		return;
	}
	util_append(line, sizeof line, &len, "%s is ", me);
	for (size_t i = 0; i < nr; i++) {
		util_append(line, sizeof line, &len, "%s", sep(i, nr));
		const struct run *r = &runs[i];
		double gap = 0;
		for (size_t j = r->a; j <= r->b; j++)
			if (fabs(d[j]) > gap)
				gap = fabs(d[j]);
		if (r->cls == 0)
			util_append(line, sizeof line, &len, "equal to %s ", ref);
		else if (r->cls == 2)
			util_append(line, sizeof line, &len, "not comparable with %s ", ref);
		else
			util_append(line, sizeof line, &len, "%s %s ", r->cls < 0 ? "below" : "above", ref);
		interval(P, r, line, sizeof line, &len);
		if (r->cls == 1 || r->cls == -1) {
			num_format(gap, n);
			util_append(line, sizeof line, &len, " (by up to %s)", n);
		}
	}
	util_append(line, sizeof line, &len, ".");
	say(o, line);
	for (size_t i = 0; i < nr && nr > 1; i++) {
		const struct run *r = &runs[i];
		if (r->cls != 1 && r->cls != -1)
			continue;
		char where_[LINE / 4];
		size_t wl = 0;
		interval(P, r, where_, sizeof where_, &wl);
		len = 0;
		/* "for x < 0" begins the sentence: "For x < 0, ..." */
		util_append(line, sizeof line, &len, "For %s", where_ + 4);
		char mine[LINE / 4], theirs[LINE / 4];
		int a = trait(P, c, me, r, mine, sizeof mine);
		int b = trait(P, 0, ref, r, theirs, sizeof theirs);
		if (a < 2 && b < 2) /* only signs: the lines above say those */
			continue;
		util_append(line, sizeof line, &len, ", %s%s%s.", mine, a && b ? "; " : "", theirs);
		say(o, line);
	}
}

/* ---- all of it ---------------------------------------------------------------- */

static void heading(struct out *o, const struct describe_spec *s)
{
	char line[LINE * 2], lo[NUM_BUF], hi[NUM_BUF];
	size_t len = 0;
	for (int c = 0; c < s->ncurves; c++)
		util_append(line, sizeof line, &len, "%s%s", sep((size_t)c, (size_t)s->ncurves),
		            s->curve[c].label);
	num_format(s->xlo, lo);
	num_format(s->xhi, hi);
	util_append(line, sizeof line, &len, " on %s..%s, from %ld samples %s.", lo, hi, s->samples,
	            s->ncurves == 1 ? "of the curve" : "of each curve");
	wrap(o, line, 0);
}

int describe_write(struct out *o, const struct describe_spec *s)
{
	size_t n = (size_t)s->samples, nc = (size_t)s->ncurves;
	size_t np = n + 3 * nc * ACTFN_MAX_BREAKS;
	double *xs = malloc(n * sizeof *xs);
	/* each curve's samples, all curves at the merged points, the
	 * points' x, the differences compared, one curve's own points */
	double *store = malloc((2 * n * nc + 2 * np * nc + np * 2 + np * 3) * sizeof *store);
	unsigned char *kind = malloc(3 * np);
	struct plot_samples *sm = calloc(nc, sizeof *sm);
	if (!xs || !store || !kind || !sm) {
		free(xs);
		free(store);
		free(kind);
		free(sm);
		return -1;
	}
	plot_sample_x(s->xlo, s->xhi, s->samples, xs);
	struct points P = {.x = store, .kind = kind, .lo = s->xlo, .hi = s->xhi,
	                   .step = (s->xhi - s->xlo) / (double)(n - 1)};
	double *d = store + np, *next = store + 2 * np;
	for (size_t c = 0; c < nc; c++) {
		sm[c].y = next;
		sm[c].dy = next + n;
		next += 2 * n;
		plot_sample_curve(s->curve[c].fn, s->xlo, s->xhi, xs, s->samples, &sm[c]);
		P.v[c][0] = next;
		P.v[c][1] = next + np;
		next += 2 * np;
	}
	unsigned char *on_sample = kind + np;
	merge_points(s, xs, sm, &P, on_sample);
	struct points Q = {.x = next, .kind = kind + 2 * np};
	Q.v[0][0] = next + np;
	Q.v[0][1] = next + 2 * np;

	heading(o, s);
	static const char *const name[2] = {"f", "f'"};
	for (int c = 0; c < s->ncurves; c++) {
		out_printf(o, "%s:\n", s->curve[c].label);
		own_points(&P, on_sample, &sm[c], c, &Q);
		for (int p = 0; p < (s->deriv ? 2 : 1); p++) {
			say_ends(o, &Q, name[p], Q.v[0][p]);
			say_signs(o, &Q, name[p], Q.v[0][p]);
		}
		const double *const v[2] = {Q.v[0][0], Q.v[0][1]};
		say_kinks(o, &Q, &sm[c], v, s->deriv);
	}
	if (s->ncurves > 1) {
		out_printf(o, "Compared with %s:\n", s->curve[0].label);
		for (int c = 1; c < s->ncurves; c++)
			say_compare(o, s, &P, c, d);
	}
	free(xs);
	free(store);
	free(kind);
	free(sm);
	return 0;
}
