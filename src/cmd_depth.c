/* cmd_depth.c: depth, a deep plain network at initialisation: how the
 * activations and the gradients reaching each layer grow or vanish. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"
#include "curve.h"

#include <math.h>
#include <stdlib.h>

#include "clause.h"
#include "depth.h"
#include "dmath.h"
#include "tab.h"
#include "train.h"

struct depth_rows {
	const struct cmd *cmd;
	const struct depth_stats *st; /* [curve][layer] */
	int ncurves;                  /* the curves run to the end */
	bool ends;                    /* only the first and last layers (text) */
};

static bool depth_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct depth_rows *R = ctx;
	size_t L = (size_t)R->cmd->deep.layers, per = R->ends ? (L > 1 ? 2 : 1) : L;
	size_t c = i / per, l = i % per;
	if (c >= (size_t)R->ncurves)
		return false;
	if (R->ends && l == 1)
		l = L - 1;
	const struct depth_stats *s = &R->st[c * L + l];
	tab_str(&cells[0], R->cmd->curve[c].label);
	tab_num(&cells[1], (double)(l + 1));
	tab_num(&cells[2], s->act_mean);
	tab_num(&cells[3], s->act_std);
	tab_num(&cells[4], s->zero_share);
	tab_num(&cells[5], s->grad_norm);
	return true;
}

/* Whether the positive finite values of v span more than two decades:
 * then they are drawn as log10, where a vanishing gradient is a line
 * going down, not a flat one at 0. */
static bool spans_decades(const double *v, size_t n)
{
	double lo = HUGE_VAL, hi = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i] > 0 && isfinite(v[i])) {
			lo = fmin(lo, v[i]);
			hi = fmax(hi, v[i]);
		}
	}
	return hi > 100 * lo;
}

/* The std of the activations and the gradient norm against the layer,
 * each panel on a log scale where its values span decades. */
static void depth_picture(struct exec_env *env, const struct cmd *cmd, const struct depth_rows *R)
{
	size_t L = (size_t)cmd->deep.layers, nc = (size_t)R->ncurves;
	double *xs = malloc(L * sizeof *xs), *v = malloc(2 * nc * L * sizeof *v);
	if (!xs || !v)
		goto done;
	for (size_t l = 0; l < L; l++)
		xs[l] = (double)(l + 1);
	for (size_t c = 0; c < nc; c++) {
		for (size_t l = 0; l < L; l++) {
			v[c * L + l] = R->st[c * L + l].act_std;
			v[(nc + c) * L + l] = R->st[c * L + l].grad_norm;
		}
	}
	bool lg[2];
	for (int k = 0; k < 2; k++) {
		double *p = v + (size_t)k * nc * L;
		lg[k] = spans_decades(p, nc * L);
		for (size_t i = 0; lg[k] && i < nc * L; i++) /* 0 and inf: off the scale */
			p[i] = p[i] > 0 && isfinite(p[i]) ? dmath_log10(p[i]) : NAN;
	}
	struct plot_curve pc[LIMIT_CURVES];
	struct plot_spec spec;
	struct range r = {1, (double)L, 0, 0};
	exec_plot_spec(env, cmd, &r, pc, &spec);
	for (size_t c = 0; c < nc; c++) {
		pc[c].fn = NULL;
		pc[c].y[0] = v + c * L;
		pc[c].y[1] = v + (nc + c) * L;
	}
	spec.ncurves = (int)nc;
	spec.series_x = xs;
	spec.samples = (long)L;
	spec.x_whole = true;
	spec.mark_dead = -1;
	spec.deriv = true;
	spec.title[0] = lg[0] ? "log10 std of the activations" : "std of the activations";
	spec.title[1] = lg[1] ? "log10 |dL/dW|, the gradient reaching the layer's weights"
	                      : "|dL/dW|, the gradient reaching the layer's weights";
	struct plot_grid g;
	if (plot_layout(&spec, &g) == 0) {
		exec_picture(env, &g, &spec, 0);
		plot_grid_free(&g);
	}
done:
	free(xs);
	free(v);
}

static enum exec_status exec_depth(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	static const char *const header[] = {"curve", "layer", "act_mean", "act_std", "zero_share",
	                                     "grad_norm"};
	const struct depth_spec *s = &cmd->deep;
	size_t L = (size_t)s->layers, nc = (size_t)cmd->ncurves;
	double need = depth_memory(s) + (double)(nc * L) * (double)sizeof(struct depth_stats);
	if (need > LIMIT_MEMORY)
		return diag_set(d, cmd->off, "this would need %.1f GiB of memory (at most 1 GiB); "
		                "fewer layers, a smaller width or batch fit", need / LIMIT_MEMORY);
	struct depth_stats *st = malloc(nc * L * sizeof *st);
	struct depth *net = st ? depth_new(s) : NULL;
	if (!net) {
		free(st);
		return diag_set(d, cmd->off, "out of memory");
	}
	struct depth_rows R = {.cmd = cmd, .st = st};
	enum exec_status rc = EXEC_OK;
	for (size_t c = 0; c < nc; c++) {
		if (depth_run(net, &cmd->curve[c].fn, env->stop, st + c * L) != 0) {
			rc = EXEC_INTERRUPTED;
			break;
		}
		R.ncurves++;
	}
	depth_free(net);
	bool text = env->set->format == TAB_TEXT;
	if (text && R.ncurves > 0 && L >= 2)
		depth_picture(env, cmd, &R);
	R.ends = text;
	struct tab_source src = {.ncols = 6, .header = header, .row = depth_row, .ctx = &R};
	if (R.ncurves > 0)
		tab_write(env->out, env->set->format, &src, NULL, NULL);
	if (text) {
		char init[80];
		clause_init_text(&cmd->init, init, sizeof init);
		out_printf(env->out, "x: layer; %ld layer%s of %ld, init %s, batch %ld of N(0, 1) inputs, "
		           "seed %llu\n", s->layers, s->layers == 1 ? "" : "s", s->width, init, s->batch,
		           (unsigned long long)s->seed);
		if (R.ncurves > 0 && L > 2)
			out_printf(env->out, "(rows: the first and last layers; -f csv gives every one)\n");
		if (rc == EXEC_INTERRUPTED)
			out_printf(env->out, "(interrupted: %d of %d activations run)\n", R.ncurves,
			           cmd->ncurves);
	}
	free(st);
	return rc;
}

/* ---- parsing ---------------------------------------------------------------- */

static void depth_defaults(struct cmd *cmd)
{
	cmd->seed = DEFAULT_SEED;
	cmd->layers = DEFAULT_DEPTH_LAYERS;
	cmd->width = DEFAULT_DEPTH_WIDTH;
	cmd->batch = DEFAULT_DEPTH_BATCH;
	cmd->init = (struct cmd_init){INIT_HE, 0, 0};
}

/* depth may leave its curves out: the article's three. */
static int parse_depth(struct parser *p, struct cmd *cmd)
{
	static const char *const three[] = {"relu", "sigmoid", "tanh"};
	if (curve_parse_list_or(p, cmd, three, 3) < 0)
		return -1;
	return command_clauses(p, cmd);
}

static int finish_depth(struct parser *p, struct cmd *cmd)
{
	cmd->deep = (struct depth_spec){
		.layers = (long)cmd->layers, .width = (long)cmd->width, .batch = (long)cmd->batch,
		.init = cmd->init.kind, .init_mean = cmd->init.mean, .init_sd = cmd->init.sd,
		.seed = (uint64_t)cmd->seed};
	const struct depth_spec *s = &cmd->deep;
	if ((double)s->width * (double)s->batch > LIMIT_TRAIN_CELLS) {
		size_t off = cmd->clause_off[cmd->given & CL_BATCH ? CLAUSE_TRAIN_BATCH : CLAUSE_WIDTH];
		return diag_set(p->d, off, "width x batch must be at most 4194304 (2^22; here %ld x %ld)",
		                s->width, s->batch);
	}
	return 0;
}

const struct command command_depth_entry = {
	.name = "depth",
	.kind = CMD_DEPTH,
	.clauses = CL_SEED | CL_LAYERS | CL_WIDTH | CL(CLAUSE_TRAIN_BATCH) | CL_INIT,
	.defaults = depth_defaults,
	.parse = parse_depth,
	.finish = finish_depth,
	.exec = exec_depth,
	.overview = "  depth relu, sigmoid, tanh     vanishing gradients through 30 layers at init\n",
	.help = "depth [CURVES] [layers N] [width W] [init he|xavier|torch|normal(0, S)]\n"
	 "      [batch B] [seed S]\n"
	 "\n"
	 "A plain network of N layers (30 by default), each W units (256) wide and\n"
	 "followed by the activation, at initialisation (he, biases 0), fed a batch of B\n"
	 "(512) inputs from N(0, 1): the same weights and inputs for every activation\n"
	 "(relu, sigmoid and tanh when none are named). Per layer: the mean and std of\n"
	 "its outputs, their share of exact zeros, and the norm of the gradient of a unit\n"
	 "loss that reaches its weights: L = sum of G * (the top layer's outputs), G a\n"
	 "random direction of norm 1. Drawn against the layer, on a log scale where the\n"
	 "values span decades: sigmoid's gradient vanishes, ReLU's holds under he;\n"
	 "init normal(0, 1) blows the activations up. The text shows the first and last\n"
	 "layers; -f csv every one. Ctrl-C stops it, keeping the activations run.\n",
	.arg = COMMAND_ARG_CURVES_OPT,
	.data = true,
	.listed = true,
};
