/* exec_stats.c: the commands about dead neurons: dead, hist and sweep
 * (statistics of one activation under a distribution, and of a layer). */
#define _POSIX_C_SOURCE 200809L
#include "exec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "layer.h"
#include "num.h"
#include "rng.h"
#include "stats.h"
#include "tab.h"
#include "train.h"
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
};

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
	struct dead_rows rows = {.cmd = cmd};
	dist_text(&cmd->dist, rows.dist, sizeof rows.dist);
	enum exec_status st = EXEC_OK;
	double done_last = 0;
	for (int i = 0; i < cmd->ncurves; i++) {
		const struct actfn_curve *c = &cmd->curve[i].fn;
		if (wants_monte_carlo(cmd)) {
			double done;
			stats_monte_carlo(c, &cmd->dist, mc_samples(cmd, DEFAULT_MC_SAMPLES), cmd->seed,
			                  env->stop, &rows.fig[i], &done);
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
	if (st == EXEC_INTERRUPTED && rows.n > 0 && env->set->format == FMT_TEXT)
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
	static const char *const inits[] = {"he", "xavier", "normal", "torch"};
	char bias[NUM_BUF];
	num_format(cmd->bias, bias);
	size_t len = 0;
	util_append(buf, size, &len, "layer of %ld neurons, %ld inputs ~ N(0, 1), init %s", cmd->layer.neurons,
	            cmd->layer.inputs, inits[cmd->layer.init]);
	if (cmd->layer.init == INIT_NORMAL) {
		char m[NUM_BUF], sd[NUM_BUF];
		num_format(cmd->layer.init_mean, m);
		num_format(cmd->layer.init_sd, sd);
		util_append(buf, size, &len, "(%s, %s)", m, sd);
	}
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

/* A picture goes to the screen's plot area, or out as text. */
static void render(struct exec_env *env, const struct plot_grid *g, int index)
{
	if (env->grid_hook)
		env->grid_hook(env->hook_ctx, g, index);
	else
		render_text(env->out, g, exec_color(env) ? env->pal : NULL);
}

/* On a screen the histograms of n curves share its height. */
static void hist_size(struct exec_env *env, int n, int *w, int *h)
{
	struct plot_curve none[1];
	struct plot_spec spec;
	struct cmd empty;
	memset(&empty, 0, sizeof empty);
	exec_plot_spec(env, &empty, &env->set->range, none, &spec);
	*w = spec.width;
	*h = spec.height > 16 ? 16 : spec.height;
	if (env->grid_hook && n > 1 && spec.height / n < *h)
		*h = spec.height / n < 6 ? 6 : spec.height / n;
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
			rng_seed(&r, cmd->seed);
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
	if (env->set->format != FMT_TEXT) {
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
		struct plot_hist ph = {.title = title, .xlabel = xlabel, .count = H.count + (size_t)c * nb,
		                       .bins = (int)nb, .lo = H.lo[c], .hi = H.hi[c],
		                       .unicode = exec_braille(env), .width = w, .height = h};
		struct plot_grid g;
		if (plot_histogram(&ph, &g) < 0) {
			st = diag_set(d, cmd->off, "out of memory");
			goto done;
		}
		render(env, &g, c);
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

/* ---- the commands ------------------------------------------------------------------ */

enum exec_status exec_dead(struct exec_env *env, const struct cmd *cmd, struct diag *d)
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
	if (env->set->format == FMT_TEXT) {
		char what[200];
		layer_title(cmd, out.rows_done, what, sizeof what);
		out_printf(env->out, "(%s)\n", what);
	}
	enum exec_status st = out.rows_done < cmd->layer.batch ? EXEC_INTERRUPTED : EXEC_OK;
	layer_out_free(&out);
	return st;
}

enum exec_status exec_hist(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	return exec_hist_or_rates(env, cmd, d, cmd->given & CL_LAYER);
}

enum exec_status exec_sweep(struct exec_env *env, const struct cmd *cmd, struct diag *d)
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
		return diag_set(d, cmd->given & CL_STEP ? cmd->step_off : cmd->off,
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
	if (env->set->format != FMT_TEXT) {
		struct layer_rows L = {.cmd = cmd, .out = &out, .nbias = nb, .biases = biases};
		struct tab_source src = {.ncols = 4, .header = header, .row = sweep_row, .ctx = &L};
		tab_write(env->out, env->set->format, &src, NULL, NULL);
	} else {
		/* the dead share against the bias, a curve per activation, and
		 * the never-positive share (the same for all) under it */
		struct plot_curve curves[LIMIT_CURVES];
		struct plot_spec spec;
		exec_plot_spec(env, cmd, r, curves, &spec);
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
			render(env, &g, 0);
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

/* ---- train ------------------------------------------------------------------------ */

struct train_rows {
	struct exec_env *env;
	const struct cmd *cmd;
	struct train *t;
	struct train_report rep[LIMIT_CURVES];
	long row_step;   /* the step rep[] holds */
	bool stopped;
};

/* Steps every network up to the next reported step. */
static bool advance(struct train_rows *R)
{
	const struct train_spec *s = &R->cmd->train;
	for (;;) {
		if (R->row_step >= s->steps)
			return false;
		if (R->env->stop && *R->env->stop) {
			R->stopped = true;
			if (R->env->progress) /* the progress line goes */
				R->env->progress(R->env->progress_ctx, R->cmd, s->steps, s->steps, R->rep);
			return false;
		}
		long step = train_step(R->t, R->rep);
		R->row_step = step;
		bool reported = train_reported(s, step);
		/* progress at each report, and now and then between them */
		if (R->env->progress && (reported || step % 4096 == 0))
			R->env->progress(R->env->progress_ctx, R->cmd, step, s->steps, R->rep);
		if (reported)
			return true;
	}
}

static void report_cells(const struct cmd *cmd, int c, const struct train_report *r,
                         struct tab_cell *cells)
{
	tab_str(&cells[0], cmd->curve[c].label);
	tab_num(&cells[1], (double)r->step);
	tab_num(&cells[2], r->loss);
	tab_num(&cells[3], r->dead_share);
	for (long l = 0; l < cmd->train.depth; l++)
		tab_num(&cells[4 + l], r->dead_layer[l]);
}

/* Rows as they come: one per curve at each reported step, the training
 * running just far enough ahead to fill them. */
static bool train_row(void *ctx, size_t i, struct tab_cell *cells)
{
	struct train_rows *R = ctx;
	int n = R->cmd->ncurves, c = (int)(i % (size_t)n);
	if (c == 0) {
		if (!advance(R))
			return false;
		/* these rows go out as they come: the progress line goes first,
		 * or a row would follow it on the terminal's line */
		long steps = R->cmd->train.steps;
		if (R->env->progress)
			R->env->progress(R->env->progress_ctx, R->cmd, steps, steps, R->rep);
	}
	report_cells(R->cmd, c, &R->rep[c], cells);
	return true;
}

static void train_header(const struct cmd *cmd, char names[][16], const char **header)
{
	static const char *const fixed[] = {"curve", "step", "loss", "dead_share"};
	for (int k = 0; k < 4; k++)
		header[k] = fixed[k];
	for (long l = 0; l < cmd->train.depth; l++) {
		snprintf(names[l], 16, "dead_l%d", (int)(l + 1));
		header[4 + l] = names[l];
	}
}

/* log10 loss and the dead share against the step, for the reports so
 * far; the x axis runs to `last`. */
static void train_picture(struct exec_env *env, const struct cmd *cmd, const double *xs,
                          const double *loss, const double *dead, size_t n, size_t cap, long last)
{
	struct plot_curve pc[LIMIT_CURVES];
	struct plot_spec spec;
	struct range r = {xs[0], (double)last > xs[n - 1] ? (double)last : xs[n - 1], 0, 0};
	exec_plot_spec(env, cmd, &r, pc, &spec);
	for (int c = 0; c < cmd->ncurves; c++) {
		pc[c].fn = NULL;
		pc[c].y[0] = loss + (size_t)c * cap;
		pc[c].y[1] = dead + (size_t)c * cap;
	}
	spec.series_x = xs;
	spec.samples = (long)n;
	spec.x_whole = true;
	spec.mark_dead = -1;
	spec.deriv = true;
	spec.title[0] = "log10 loss";
	spec.title[1] = "dead share (hidden units with f' = 0 for the whole batch)";
	spec.ylo[1] = -0.05;
	spec.yhi[1] = 1.05;
	struct plot_grid g;
	if (plot_layout(&spec, &g) == 0) {
		render(env, &g, 0);
		plot_grid_free(&g);
	}
}

/* The text table: the last report of each curve. */
static bool final_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct train_rows *R = ctx;
	if (i >= (size_t)R->cmd->ncurves)
		return false;
	report_cells(R->cmd, (int)i, &R->rep[i], cells);
	return true;
}

enum exec_status exec_train(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	const struct train_spec *s = &cmd->train;
	struct actfn_curve curves[LIMIT_CURVES];
	for (int i = 0; i < cmd->ncurves; i++)
		curves[i] = cmd->curve[i].fn;
	bool text = env->set->format == FMT_TEXT;
	double reports = (double)(s->steps / s->every) + 2;
	double nets = train_memory(s, cmd->ncurves);
	double need = nets + (text ? reports * (cmd->ncurves * 2 + 1) * 8 : 0);
	if (need > LIMIT_MEMORY)
		return diag_set(d, cmd->off, "this would need %.1f GiB of memory (at most 1 GiB)%s",
		                need / LIMIT_MEMORY,
		                nets > LIMIT_MEMORY ? "; a smaller width, batch or fewer curves fit"
		                                    : "; a larger every keeps fewer points");
	struct train_rows R = {.env = env, .cmd = cmd};
	R.t = train_new(s, curves, cmd->ncurves);
	if (!R.t)
		return diag_set(d, cmd->off, "out of memory");
	char names[LIMIT_TRAIN_DEPTH][16];
	const char *header[4 + LIMIT_TRAIN_DEPTH];
	train_header(cmd, names, header);
	int ncols = 4 + (int)s->depth;
	enum exec_status st = EXEC_OK;

	if (!text) {
		struct tab_source src = {.ncols = ncols, .header = header, .row = train_row, .ctx = &R};
		tab_write(env->out, env->set->format, &src, NULL, NULL);
		st = R.stopped ? EXEC_INTERRUPTED : EXEC_OK;
		train_free(R.t);
		return st;
	}

	/* Text: keep every report for the plot, then the final table. */
	size_t cap = (size_t)reports, nc = (size_t)cmd->ncurves;
	double *xs = malloc(cap * sizeof *xs);
	double *loss = malloc(cap * nc * sizeof *loss), *dead = malloc(cap * nc * sizeof *dead);
	if (!xs || !loss || !dead) {
		st = diag_set(d, cmd->off, "out of memory");
		goto done;
	}
	size_t n = 0;
	long diverged[LIMIT_CURVES] = {0};
	while (n < cap && advance(&R)) {
		xs[n] = (double)R.row_step;
		for (size_t c = 0; c < nc; c++) {
			/* the loss on a log scale: it falls by orders of magnitude */
			double l = R.rep[c].loss;
			loss[c * cap + n] = l > 0 ? dmath_log10(l) : NAN;
			dead[c * cap + n] = R.rep[c].dead_share;
			if (!diverged[c] && !(l <= 1e6 * fmax(dmath_pow(10, loss[c * cap]), 1)))
				diverged[c] = R.row_step;
		}
		n++;
		/* on screen the curves grow as the training goes */
		if (env->grid_hook && n >= 2 && R.row_step < s->steps)
			train_picture(env, cmd, xs, loss, dead, n, cap, s->steps);
	}
	if (R.stopped)
		st = EXEC_INTERRUPTED;
	if (n >= 2)
		train_picture(env, cmd, xs, loss, dead, n, cap, R.row_step);
	if (n > 0) {
		struct tab_source src = {.ncols = ncols, .header = header, .row = final_row, .ctx = &R};
		tab_write(env->out, env->set->format, &src, NULL, NULL);
	}
	static const char *const tasks[] = {"sin(3x) on -3..3, mean squared error",
	                                    "two spirals, cross-entropy"};
	char lr[NUM_BUF], bias[NUM_BUF];
	num_format(s->lr, lr);
	num_format(s->bias, bias);
	out_printf(env->out, "(%s; %ld hidden layers of %ld, batch %ld, %s lr %s, bias %s, seed %llu)\n",
	           tasks[s->task], s->depth, s->width, s->batch, s->opt == OPT_SGD ? "sgd" : "adam", lr,
	           bias, (unsigned long long)s->seed);
	/* A diverged run is no verdict on its activation: say so, and what
	 * to change. Outputs that are far from zero-centred make the output
	 * layer's step too long for SGD, the more the wider the layer. */
	for (size_t c = 0; c < nc; c++) {
		if (!diverged[c])
			continue;
		char smaller[NUM_BUF];
		num_format(s->lr / 4, smaller);
		out_printf(env->out, "%s: the loss diverged (seen at step %ld): lr %s is too large for it "
		           "here; try lr %s\n", cmd->curve[c].label, diverged[c], lr, smaller);
	}
done:
	free(xs);
	free(loss);
	free(dead);
	train_free(R.t);
	return st;
}
