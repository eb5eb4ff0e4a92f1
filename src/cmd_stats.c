/* cmd_stats.c: the commands about dead neurons: dead, hist and sweep
 * (statistics of an activation under a distribution, and of a layer). */
#define _POSIX_C_SOURCE 200809L
#include "command.h"
#include "curve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "dmath.h"
#include "layer.h"
#include "num.h"
#include "rng.h"
#include "stats.h"
#include "tab.h"
#include "util.h"

/* normal(MU, SIGMA) or uniform(LO, HI), as the csv dist field has it. */
static void dist_text(const struct stats_dist *d, char *buf, size_t size)
{
	char a[NUM_BUF], b[NUM_BUF];
	num_format(d->a, a);
	num_format(d->b, b);
	snprintf(buf, size, "%s(%s, %s)", d->kind == DIST_NORMAL ? "normal" : "uniform", a, b);
}

static bool wants_monte_carlo(const struct cmd *cmd)
{
	return cmd->given & (CL_SAMPLES | CL_SEED);
}

static double mc_samples(const struct cmd *cmd, double fallback)
{
	return cmd->given & CL_SAMPLES ? cmd->samples : fallback;
}

/* ---- dead: the figures of each curve ---------------------------------------- */

struct dead_rows {
	const struct cmd *cmd;
	struct stats_figures fig[LIMIT_CURVES];
	int n;
	char dist[96];
	struct exec_env *env; /* for the progress of a long Monte Carlo run */
	int curve;            /* the curve it is on */
};

static void dead_progress(void *ctx, double done)
{
	struct dead_rows *d = ctx;
	d->env->stats_progress(d->env->hook_ctx, d->cmd, d->curve, done,
	                       mc_samples(d->cmd, DEFAULT_MC_SAMPLES));
}

static bool dead_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct dead_rows *d = ctx;
	if (i >= (size_t)d->n)
		return false;
	const struct stats_figures *f = &d->fig[i];
	tab_str(&cells[0], d->cmd->curve[i].label);
	tab_str(&cells[1], d->dist);
	tab_num(&cells[2], f->p_dead);
	tab_num(&cells[3], f->p_zero);
	tab_num(&cells[4], f->mean);
	tab_num(&cells[5], f->std);
	tab_num(&cells[6], f->mean_grad);
	tab_num(&cells[7], f->mean_grad_sq);
	tab_str(&cells[8], stats_method_name(f->method));
	tab_num(&cells[9], f->err);
	return true;
}

static enum exec_status dead_figures(struct exec_env *env, const struct cmd *cmd)
{
	static const char *const header[] = {"curve", "dist", "p_dead", "p_zero", "mean", "std",
	                                     "mean_grad", "mean_grad_sq", "method", "err"};
	struct dead_rows rows = {.cmd = cmd, .env = env};
	dist_text(&cmd->dist, rows.dist, sizeof rows.dist);
	enum exec_status st = EXEC_OK;
	double done_last = 0;
	for (int i = 0; i < cmd->ncurves; i++) {
		const struct actfn_curve *c = &cmd->curve[i].fn;
		if (wants_monte_carlo(cmd)) {
			double done;
			rows.curve = i;
			stats_monte_carlo_watched(c, &cmd->dist, mc_samples(cmd, DEFAULT_MC_SAMPLES),
			                          (uint64_t)cmd->seed, env->stop,
			                          env->stats_progress ? dead_progress : NULL, &rows, &rows.fig[i],
			                          &done);
			done_last = done;
			if (done < mc_samples(cmd, DEFAULT_MC_SAMPLES)) {
				/* what was drawn before Ctrl-C is shown, its error bound
				 * from the samples it had */
				st = EXEC_INTERRUPTED;
				if (done > 0)
					rows.n = i + 1;
				break;
			}
		} else {
			stats_exact(c, &cmd->dist, &rows.fig[i]);
		}
		rows.n = i + 1;
	}
	struct tab_source src = {.ncols = 10, .header = header, .row = dead_row, .ctx = &rows};
	tab_write(env->out, env->set->format, &src, NULL, NULL);
	if (st == EXEC_INTERRUPTED && rows.n > 0 && env->set->format == TAB_TEXT)
		out_printf(env->out, "(interrupted: %s from %.0f of %.0f samples)\n",
		           cmd->curve[rows.n - 1].label, done_last, mc_samples(cmd, DEFAULT_MC_SAMPLES));
	if (env->stats_hook && rows.n > 0)
		env->stats_hook(env->hook_ctx, cmd, rows.fig, rows.n);
	return st;
}

/* ---- layers -------------------------------------------------------------------- */

static int run_layer(struct exec_env *env, const struct cmd *cmd, const double *biases, int nbias,
                     struct layer_out *out, struct diag *d)
{
	const struct actfn_curve *curves[LIMIT_CURVES];
	for (int i = 0; i < cmd->ncurves; i++)
		curves[i] = &cmd->curve[i].fn;
	double need = layer_memory(&cmd->layer, cmd->ncurves, nbias);
	if (need > LIMIT_MEMORY)
		return diag_set(d, cmd->off, "this would need %.1f GiB of memory (at most 1 GiB)",
		                need / LIMIT_MEMORY);
	if (layer_run(&cmd->layer, curves, cmd->ncurves, biases, nbias, env->stop, out) < 0)
		return diag_set(d, cmd->off, "out of memory");
	return 0;
}

struct layer_rows {
	const struct cmd *cmd;
	const struct layer_out *out;
	int nbias;
	const double *biases;
};

static bool layer_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct layer_rows *L = ctx;
	if (i >= (size_t)L->cmd->ncurves)
		return false;
	tab_str(&cells[0], L->cmd->curve[i].label);
	tab_num(&cells[1], L->out->dead_share[i]);
	tab_num(&cells[2], L->out->inactive_share[i]);
	return true;
}

static bool sweep_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct layer_rows *L = ctx;
	size_t c = i / (size_t)L->nbias, k = i % (size_t)L->nbias;
	if (c >= (size_t)L->cmd->ncurves)
		return false;
	tab_str(&cells[0], L->cmd->curve[c].label);
	tab_num(&cells[1], L->biases[k]);
	tab_num(&cells[2], L->out->dead_share[c * (size_t)L->nbias + k]);
	tab_num(&cells[3], L->out->inactive_share[c * (size_t)L->nbias + k]);
	return true;
}

/* What a layer run was; batch_done short of the batch after Ctrl-C. */
static void layer_title(const struct cmd *cmd, long batch_done, char *buf, size_t size)
{
	char bias[NUM_BUF], init[80];
	num_format(cmd->bias, bias);
	clause_init_text(&cmd->init, init, sizeof init);
	size_t len = 0;
	util_append(buf, size, &len, "layer of %ld neurons, %ld inputs ~ N(0, 1), init %s", cmd->layer.neurons,
	            cmd->layer.inputs, init);
	if (cmd->kind != CMD_SWEEP)
		util_append(buf, size, &len, ", bias %s", bias);
	if (batch_done < cmd->layer.batch)
		util_append(buf, size, &len, ", %ld of a batch of %ld (interrupted)", batch_done,
		            cmd->layer.batch);
	else
		util_append(buf, size, &len, ", batch %ld", cmd->layer.batch);
	util_append(buf, size, &len, ", seed %llu", (unsigned long long)cmd->layer.seed);
}

/* ---- histograms ------------------------------------------------------------------ */

/* The rows of a picture whose command writes a line of text under it:
 * on the full screen all it has for such a picture (unless set height
 * says), else the plot's. */
static int rows_over_a_line(const struct exec_env *env, int height)
{
	if (env->grid_hook && !env->set->height && env->picture_rows_most > height)
		return env->picture_rows_most;
	return height;
}

/* On a screen the histograms of n curves share its height, each of them
 * a few bar rows at least. */
static void hist_size(struct exec_env *env, int n, int *w, int *h)
{
	struct plot_curve none[1];
	struct plot_spec spec;
	struct cmd empty;
	memset(&empty, 0, sizeof empty);
	exec_plot_spec(env, &empty, &env->set->range, none, &spec);
	*w = spec.width;
	*h = spec.height > 16 ? 16 : spec.height;
	int most = rows_over_a_line(env, spec.height);
	if (env->grid_hook && n > 1 && most / n < *h)
		*h = most / n < 6 ? 6 : most / n;
}

/* Counts into bins over [lo, hi]; the top edge belongs to the last bin. */
static void bin(long *count, int bins, double lo, double hi, double v)
{
	if (!(v >= lo && v <= hi))
		return;
	int b = (int)((v - lo) / (hi - lo) * bins);
	count[b < bins ? b : bins - 1]++;
}

struct hist_rows {
	const struct cmd *cmd;
	long *count; /* [curve][bin] */
	double *lo, *hi;
	int bins, n;
};

static bool hist_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct hist_rows *H = ctx;
	size_t c = i / (size_t)H->bins, b = i % (size_t)H->bins;
	if (c >= (size_t)H->n)
		return false;
	/* (hi - lo) * b / bins, not b * w: 3/5 of [0, 1] is 0.6, where
	 * 3 * 0.2 is 0.6000000000000001 */
	double lo = H->lo[c], span = H->hi[c] - lo;
	tab_str(&cells[0], H->cmd->curve[c].label);
	tab_num(&cells[1], b == 0 ? lo : lo + span * (double)b / H->bins);
	tab_num(&cells[2], b + 1 == (size_t)H->bins ? H->hi[c] : lo + span * (double)(b + 1) / H->bins);
	tab_num(&cells[3], (double)H->count[c * (size_t)H->bins + b]);
	return true;
}

/* f(z) for Monte Carlo samples of z: two passes over the same seeded
 * stream, the first for the range, the second to count. */
static enum exec_status sample_hist(struct exec_env *env, const struct cmd *cmd, struct hist_rows *H)
{
	enum { CHUNK = 1024 };
	double z[CHUNK], y[CHUNK];
	double n = mc_samples(cmd, DEFAULT_HIST_SAMPLES);
	for (int c = 0; c < cmd->ncurves; c++) {
		for (int pass = 0; pass < 2; pass++) {
			struct rng r;
			rng_seed(&r, (uint64_t)cmd->seed);
			double lo = HUGE_VAL, hi = -HUGE_VAL;
			for (double done = 0; done < n;) {
				if (env->stop && *env->stop)
					return EXEC_INTERRUPTED;
				size_t k = n - done < CHUNK ? (size_t)(n - done) : CHUNK;
				if (cmd->dist.kind == DIST_NORMAL) {
					rng_normals(&r, z, k);
					for (size_t i = 0; i < k; i++)
						z[i] = cmd->dist.a + cmd->dist.b * z[i];
				} else {
					for (size_t i = 0; i < k; i++)
						z[i] = cmd->dist.a + (cmd->dist.b - cmd->dist.a) * rng_uniform(&r);
				}
				actfn_eval(&cmd->curve[c].fn, z, y, NULL, k);
				for (size_t i = 0; i < k; i++) {
					if (pass == 0) {
						if (isfinite(y[i])) {
							lo = fmin(lo, y[i]);
							hi = fmax(hi, y[i]);
						}
					} else {
						bin(H->count + (size_t)c * (size_t)H->bins, H->bins, H->lo[c], H->hi[c], y[i]);
					}
				}
				done += (double)k;
			}
			if (pass == 0) {
				if (!(lo < hi)) { /* a constant: a unit interval around it */
					lo = (lo == HUGE_VAL ? 0 : lo) - 0.5;
					hi = lo + 1;
				}
				H->lo[c] = lo;
				H->hi[c] = hi;
			}
		}
		H->n = c + 1;
	}
	return EXEC_OK;
}

static enum exec_status exec_hist_or_rates(struct exec_env *env, const struct cmd *cmd,
                                           struct diag *d, bool layer)
{
	static const char *const header[] = {"curve", "bin_lo", "bin_hi", "count"};
	size_t nc = (size_t)cmd->ncurves, nb = (size_t)cmd->bins;
	struct hist_rows H = {.cmd = cmd, .bins = cmd->bins};
	H.count = calloc(nc * nb, sizeof *H.count);
	H.lo = calloc(nc, sizeof *H.lo);
	H.hi = calloc(nc, sizeof *H.hi);
	struct layer_out out = {0};
	enum exec_status st = EXEC_OK;
	if (!H.count || !H.lo || !H.hi) {
		st = diag_set(d, cmd->off, "out of memory");
		goto done;
	}
	if (layer) {
		/* activation rates of the neurons, binned over [0, 1] */
		if (run_layer(env, cmd, &cmd->bias, 1, &out, d) < 0) {
			st = EXEC_ERROR;
			goto done;
		}
		if (out.rows_done < cmd->layer.batch)
			st = EXEC_INTERRUPTED;
		for (size_t c = 0; c < nc; c++) {
			H.lo[c] = 0;
			H.hi[c] = 1;
			for (long j = 0; j < cmd->layer.neurons; j++)
				bin(H.count + c * nb, (int)nb, 0, 1, out.rate[c * (size_t)cmd->layer.neurons + (size_t)j]);
		}
		H.n = (int)nc;
	} else {
		st = sample_hist(env, cmd, &H);
	}
	if (env->set->format != TAB_TEXT) {
		struct tab_source src = {.ncols = 4, .header = header, .row = hist_row, .ctx = &H};
		tab_write(env->out, env->set->format, &src, NULL, NULL);
		goto done;
	}
	int w, h;
	hist_size(env, H.n, &w, &h);
	char dist[96], title[256], xlabel[320];
	dist_text(&cmd->dist, dist, sizeof dist);
	for (int c = 0; c < H.n; c++) {
		if (layer) {
			snprintf(title, sizeof title, "%s: share of neurons by activation rate", cmd->curve[c].label);
			snprintf(xlabel, sizeof xlabel, "activation rate (f' != 0)");
		} else {
			snprintf(title, sizeof title, "%s: distribution of f(z)", cmd->curve[c].label);
			snprintf(xlabel, sizeof xlabel, "f(z)");
		}
		/* stacked on a screen, what was counted is said once, by the
		 * last: the titles say it too, and the bars get the row */
		bool stacked = env->grid_hook && H.n > 1 && c + 1 < H.n;
		struct plot_hist ph = {.title = title, .xlabel = stacked ? NULL : xlabel, .count = H.count + (size_t)c * nb,
		                       .bins = (int)nb, .lo = H.lo[c], .hi = H.hi[c],
		                       .unicode = exec_braille(env), .width = w, .height = h};
		struct plot_grid g;
		if (plot_histogram(&ph, &g) < 0) {
			st = diag_set(d, cmd->off, "out of memory");
			goto done;
		}
		exec_picture(env, &g, NULL, c);
		plot_grid_free(&g);
	}
	/* what was counted, on its own line: under the axis it would be
	 * cut at the plot's width */
	char what[200];
	if (layer)
		layer_title(cmd, out.rows_done, what, sizeof what);
	else
		snprintf(what, sizeof what, "z ~ %s, %.0f samples, seed %llu", dist,
		         mc_samples(cmd, DEFAULT_HIST_SAMPLES), (unsigned long long)cmd->seed);
	if (H.n > 0)
		out_printf(env->out, "(%s)\n", what);
done:
	free(H.count);
	free(H.lo);
	free(H.hi);
	layer_out_free(&out);
	return st;
}

/* ---- running them ------------------------------------------------------------------ */

static enum exec_status exec_dead(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	if (!(cmd->given & CL_LAYER))
		return dead_figures(env, cmd);
	static const char *const header[] = {"curve", "dead_share", "inactive_share"};
	struct layer_out out;
	if (run_layer(env, cmd, &cmd->bias, 1, &out, d) < 0)
		return EXEC_ERROR;
	struct layer_rows L = {.cmd = cmd, .out = &out, .nbias = 1, .biases = &cmd->bias};
	struct tab_source src = {.ncols = 3, .header = header, .row = layer_row, .ctx = &L};
	tab_write(env->out, env->set->format, &src, NULL, NULL);
	if (env->set->format == TAB_TEXT) {
		char what[200];
		layer_title(cmd, out.rows_done, what, sizeof what);
		out_printf(env->out, "(%s)\n", what);
	}
	enum exec_status st = out.rows_done < cmd->layer.batch ? EXEC_INTERRUPTED : EXEC_OK;
	layer_out_free(&out);
	return st;
}

static enum exec_status exec_hist(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	return exec_hist_or_rates(env, cmd, d, cmd->given & CL_LAYER);
}

static enum exec_status exec_sweep(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	static const char *const header[] = {"curve", "bias", "dead_share", "inactive_share"};
	const struct range *r = &cmd->bias_range;
	double step = cmd->step;
	int dec;
	if (cmd->given & CL_STEP) {
		dec = cmd->step_dec;
	} else {
		double ticks[64];
		plot_ticks(r->lo, r->hi, 41, ticks, &step);
		dec = (int)-floor(dmath_log10(step) + 1e-9);
	}
	double q = (r->hi - r->lo) / step + 1e-9;
	if (!(q < LIMIT_POINTS))
		return diag_set(d, cmd->given & CL_STEP ? cmd->value_off[CLAUSE_STEP] : cmd->off,
		                "a sweep has at most %d biases (use a larger step)", LIMIT_POINTS);
	int nb = (int)floor(q) + 1;
	dec = exec_grid_decimals(r, dec);
	double *biases = malloc((size_t)nb * sizeof *biases);
	if (!biases)
		return diag_set(d, cmd->off, "out of memory");
	for (int k = 0; k < nb; k++)
		biases[k] = exec_round_decimals(r->lo + k * step, dec);
	struct layer_out out;
	if (run_layer(env, cmd, biases, nb, &out, d) < 0) {
		free(biases);
		return EXEC_ERROR;
	}
	enum exec_status st = out.rows_done < cmd->layer.batch ? EXEC_INTERRUPTED : EXEC_OK;
	if (env->set->format != TAB_TEXT) {
		struct layer_rows L = {.cmd = cmd, .out = &out, .nbias = nb, .biases = biases};
		struct tab_source src = {.ncols = 4, .header = header, .row = sweep_row, .ctx = &L};
		tab_write(env->out, env->set->format, &src, NULL, NULL);
	} else {
		/* the dead share against the bias, a curve per activation, and
		 * the never-positive share (the same for all) under it */
		struct plot_curve curves[LIMIT_CURVES];
		struct plot_spec spec;
		exec_plot_spec(env, cmd, r, curves, &spec);
		spec.height = rows_over_a_line(env, spec.height);
		for (int c = 0; c < cmd->ncurves; c++) {
			curves[c].fn = NULL;
			curves[c].y[0] = out.dead_share + (size_t)c * (size_t)nb;
			curves[c].y[1] = out.inactive_share + (size_t)c * (size_t)nb;
		}
		spec.series_x = biases;
		spec.samples = nb;
		spec.mark_dead = -1;
		spec.title[0] = "dead share";
		spec.title[1] = "never active (z <= 0 for every input)";
		for (int k = 0; k < 2; k++) { /* shares: 0 to 1, whatever the data */
			spec.ylo[k] = -0.05;
			spec.yhi[k] = 1.05;
		}
		struct plot_grid g;
		if (plot_layout(&spec, &g) == 0) {
			exec_picture(env, &g, &spec, 0);
			plot_grid_free(&g);
		}
		char what[200];
		layer_title(cmd, out.rows_done, what, sizeof what);
		out_printf(env->out, "x: bias; %s\n", what);
	}
	layer_out_free(&out);
	free(biases);
	return st;
}

/* ---- parsing ---------------------------------------------------------------- */

static void stats_defaults(struct cmd *cmd)
{
	cmd->seed = DEFAULT_SEED;
	cmd->bins = DEFAULT_BINS;
	cmd->neurons = DEFAULT_NEURONS;
	cmd->inputs = DEFAULT_INPUTS;
	cmd->batch = DEFAULT_BATCH;
	cmd->init = (struct cmd_init){INIT_HE, 0, 0};
}

/* What a layer's clauses need of each other: the layer clauses go with
 * `layer`, and its inputs are N(0, 1) (no `with`, no `samples`). */
static int finish_stats(struct parser *p, struct cmd *cmd)
{
	cmd->layer = (struct layer_spec){
		.neurons = (long)cmd->neurons, .inputs = (long)cmd->inputs, .batch = (long)cmd->batch,
		.init = cmd->init.kind, .init_mean = cmd->init.mean, .init_sd = cmd->init.sd,
		.seed = (uint64_t)cmd->seed};
	static const unsigned layer_only = CL_INPUTS | CL_BIAS | CL_INIT | CL_BATCH;
	bool layer = cmd->kind == CMD_SWEEP || (cmd->given & CL_LAYER);
	for (size_t i = 0; i < clause_count(); i++) {
		const struct clause *c = clause_at(i);
		unsigned bit = CL(c->id);
		size_t off = cmd->clause_off[c->id];
		if (!layer && (cmd->given & bit & layer_only))
			return diag_set(p->d, off, "'%s' belongs to a layer (%s ... layer 256 %s ...)",
			                c->word, cmd->kind == CMD_DEAD ? "dead" : "hist", c->word);
		if (layer && (cmd->given & bit & (CL_WITH | CL_SAMPLES)))
			return diag_set(p->d, off, "'%s' does not go with a layer (its inputs are N(0, 1))",
			                c->word);
	}
	if (layer && (double)cmd->layer.neurons * (double)cmd->layer.inputs > LIMIT_LAYER_WEIGHTS) {
		size_t off = cmd->clause_off[cmd->given & CL_LAYER ? CLAUSE_LAYER : CLAUSE_INPUTS];
		return diag_set(p->d, off, "a layer has at most 1e7 weights (neurons x inputs; here %ld x %ld)",
		                cmd->layer.neurons, cmd->layer.inputs);
	}
	if (cmd->kind == CMD_SWEEP && !(cmd->given & CL_BIAS))
		return diag_set(p->d, parser_peek(p, 0)->off, "sweep needs a bias range (sweep bias -3..1)");
	return 0;
}

/* sweep may leave its curves out: ReLU and its two usual fixes. */
static int parse_sweep(struct parser *p, struct cmd *cmd)
{
	static const char *const fixes[] = {"relu", "leaky", "elu"};
	if (curve_parse_list_or(p, cmd, fixes, 3) < 0)
		return -1;
	return command_clauses(p, cmd);
}


/* ---- the entries ----------------------------------------------------------- */

#define LAYER_CLAUSES (CL_SEED | CL_LAYER | CL_INPUTS | CL(CLAUSE_BIAS) | CL_INIT | CL(CLAUSE_BATCH))

const struct command command_dead_entry = {
	.name = "dead",
	.kind = CMD_DEAD,
	.clauses = CL_WITH | CL_SAMPLES | LAYER_CLAUSES,
	.defaults = stats_defaults,
	.finish = finish_stats,
	.exec = exec_dead,
	.overview = "  dead relu, leaky 0.01, elu    how often f' = 0 for z ~ N(0,1), and the mean output\n",
	.help = "dead CURVES [with DIST] [samples N] [seed S]\n"
	 "\n"
	 "For pre-activations z from DIST (normal(MU, SIGMA) or uniform(LO, HI); N(0, 1)\n"
	 "by default): p_dead = P(f'(z) = 0), p_zero = P(f(z) = 0), the mean and std of\n"
	 "f(z), and the mean of f'(z) and of f'(z)^2, with the method and a bound on the\n"
	 "error: closed forms where f is polynomial between its kinks (relu, leaky,\n"
	 "hardswish...; relu under N(0,1): p_dead 0.5, mean 1/sqrt(2 pi)), quadrature\n"
	 "for the smooth ones, Monte Carlo when samples or seed is given (error: 4\n"
	 "standard errors).\n"
	 "\n"
	 "dead CURVES layer N [inputs M] [bias B] [init he|xavier|torch|normal(0, S)]\n"
	 "     [batch K] [seed S]\n"
	 "\n"
	 "A layer of N neurons (64 inputs, init he, bias 0, batch 1000 by default) fed a\n"
	 "batch of N(0,1) inputs: the share of dead neurons (f' = 0 for every input, so\n"
	 "no gradient reaches them) and of never-active ones (z <= 0 for every input).\n",
	.arg = COMMAND_ARG_CURVES,
	.data = true,
	.listed = true,
};

const struct command command_hist_entry = {
	.name = "hist",
	.kind = CMD_HIST,
	.clauses = CL_WITH | CL_SAMPLES | CL_BINS | LAYER_CLAUSES,
	.defaults = stats_defaults,
	.finish = finish_stats,
	.exec = exec_hist,
	.overview = "  hist relu                     the distribution of f(z): ReLU's spike at 0\n",
	.help = "hist CURVES [with DIST] [bins N] [samples N] [seed S]\n"
	 "hist CURVES layer N [...]\n"
	 "\n"
	 "The distribution of f(z) for z from DIST (100000 samples, 40 bins): for ReLU,\n"
	 "half of the mass sits exactly at 0. With layer, the neurons' activation rates.\n",
	.arg = COMMAND_ARG_CURVES,
	.data = true,
	.listed = true,
};

const struct command command_sweep_entry = {
	.name = "sweep",
	.kind = CMD_SWEEP,
	.clauses = CL_STEP | CL_SEED | CL_LAYER | CL_INPUTS | CL(CLAUSE_BIAS_RANGE) | CL_INIT |
	           CL(CLAUSE_BATCH),
	.defaults = stats_defaults,
	.parse = parse_sweep,
	.finish = finish_stats,
	.exec = exec_sweep,
	.overview = "  sweep bias -8..0              dead ReLU units in a layer, against the bias\n",
	.help = "sweep [CURVES] bias LO..HI [step S] [layer N] [inputs M] [init ...] [batch K]\n"
	 "      [seed S]\n"
	 "\n"
	 "The dead and never-active shares of a layer against its bias, one curve per\n"
	 "activation (relu, leaky and elu when none are named). At he initialisation\n"
	 "ReLU units die below a bias of about -4: sweep bias -8..0.\n",
	.arg = COMMAND_ARG_CURVES_OPT,
	.data = true,
	.listed = true,
};
