/* stats.h: what an activation does to a distribution of pre-activations:
 * how often it is dead (f' = 0) or silent (f = 0), the mean and spread of
 * its output, how much gradient flows. Exact where a closed form exists,
 * adaptive quadrature with an error bound otherwise. */
#ifndef ACTVIZ_STATS_H
#define ACTVIZ_STATS_H

#include <signal.h>
#include <stdint.h>

#include "actfn.h"

enum stats_dist_kind { DIST_NORMAL, DIST_UNIFORM };

struct stats_dist {
	enum stats_dist_kind kind;
	double a, b; /* normal: mean and standard deviation; uniform: lo, hi */
};

enum stats_method { STATS_CLOSED_FORM, STATS_QUADRATURE, STATS_MONTE_CARLO };

struct stats_figures {
	double p_dead;       /* P(f'(z) = 0): no gradient for that input */
	double p_zero;       /* P(f(z) = 0): sparsity */
	double mean, std;    /* of f(z) */
	double mean_grad;    /* E f'(z) */
	double mean_grad_sq; /* E f'(z)^2 */
	enum stats_method method; /* of the least exact figure */
	double err;          /* bound on the absolute error of every figure
	                      * (0 for closed forms, beyond rounding) */
};

/* The standard normal N(0, 1). */
extern const struct stats_dist stats_std_normal;

/* Fills out for z ~ d. Returns 0, or -1 if the distribution is invalid
 * (sigma <= 0, lo >= hi, non-finite). */
int stats_exact(const struct actfn_curve *c, const struct stats_dist *d, struct stats_figures *out);

/* Monte Carlo limits (man page, LIMITS). */
#define STATS_MC_MAX 1e10
/* Samples (seed 1) for the figures of a definition whose kinks cannot
 * all be located, where the others are computed exactly. */
#define STATS_FALLBACK_SAMPLES 1e6

/* The same figures by Monte Carlo: n samples from a seeded stream, in
 * constant memory; err is 4 standard errors. Stops early when *stop is
 * set (the figures then cover the samples drawn, *done says how many).
 * Returns 0, or -1 for an invalid distribution or n. */
int stats_monte_carlo(const struct actfn_curve *c, const struct stats_dist *d, double n,
                      uint64_t seed, volatile sig_atomic_t *stop, struct stats_figures *out,
                      double *done);

/* The same, saying how far it got: watch(ctx, samples drawn) now and
 * then (every 2^18 samples), for a progress line. */
int stats_monte_carlo_watched(const struct actfn_curve *c, const struct stats_dist *d, double n,
                              uint64_t seed, volatile sig_atomic_t *stop,
                              void (*watch)(void *ctx, double done), void *ctx,
                              struct stats_figures *out, double *done);

/* The same by quadrature even where a closed form exists: how the two
 * methods check each other. */
int stats_quadrature(const struct actfn_curve *c, const struct stats_dist *d,
                     struct stats_figures *out);

const char *stats_method_name(enum stats_method m);

/* Over the window [lo, hi] of x: the share of it where f' = 0, and the
 * smallest and largest finite f. */
void stats_window(const struct actfn_curve *c, double lo, double hi, double *share_dead,
                  double *ymin, double *ymax);

#endif
