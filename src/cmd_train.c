/* cmd_train.c: train, a small network per activation learning side by
 * side, and the dead units it leaves. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"
#include "curve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "dmath.h"
#include "num.h"
#include "tab.h"
#include "train.h"
#include "util.h"

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
		exec_picture(env, &g, &spec, 0);
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

static enum exec_status exec_train(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	const struct train_spec *s = &cmd->train;
	struct actfn_curve curves[LIMIT_CURVES];
	for (int i = 0; i < cmd->ncurves; i++)
		curves[i] = cmd->curve[i].fn;
	bool text = env->set->format == TAB_TEXT;
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

/* ---- parsing ---------------------------------------------------------------- */

/* train: curves and clauses; the sizes checked together against the
 * limits before anything is allocated. */
static void train_defaults(struct cmd *cmd)
{
	cmd->seed = DEFAULT_SEED;
	cmd->width = DEFAULT_TRAIN_WIDTH;
	cmd->depth = DEFAULT_TRAIN_DEPTH;
	cmd->batch = DEFAULT_TRAIN_BATCH;
	cmd->steps = DEFAULT_TRAIN_STEPS;
	cmd->init = (struct cmd_init){INIT_TORCH, 0, 0};
	cmd->bias = DEFAULT_TRAIN_BIAS;
	cmd->task = TASK_SIN;
	cmd->optimizer = DEFAULT_TRAIN_OPT;
}

static int finish_train(struct parser *p, struct cmd *cmd)
{
	if (!cmd_has(cmd, CL_LR))
		cmd->lr = cmd->optimizer == OPT_ADAM ? DEFAULT_TRAIN_LR_ADAM : DEFAULT_TRAIN_LR_SGD;
	cmd->train = (struct train_spec){
		.width = (long)cmd->width, .depth = (long)cmd->depth, .batch = (long)cmd->batch,
		.steps = (long)cmd->steps, .every = (long)cmd->every, .lr = cmd->lr,
		.bias = cmd->bias, .set_bias = true, .init = cmd->init.kind,
		.init_mean = cmd->init.mean, .init_sd = cmd->init.sd,
		.task = (enum train_task)cmd->task, .opt = (enum train_opt)cmd->optimizer,
		.seed = (uint64_t)cmd->seed};
	struct train_spec *t = &cmd->train;
	if ((double)t->width * (double)t->batch > LIMIT_TRAIN_CELLS) {
		size_t off = cmd->clause_off[cmd->given & CL_BATCH ? CLAUSE_TRAIN_BATCH : CLAUSE_WIDTH];
		return diag_set(p->d, off, "width x batch must be at most 4194304 (2^22; here %ld x %ld)",
		                t->width, t->batch);
	}
	if (!(cmd->given & CL_EVERY))
		t->every = train_default_every(t->steps);
	return 0;
}

/* train may leave its curves out: the demo's four, ReLU and its fixes. */
static int parse_train(struct parser *p, struct cmd *cmd)
{
	static const char *const demo[] = {"relu", "leaky", "elu", "prelu"};
	if (curve_parse_list_or(p, cmd, demo, 4) < 0)
		return -1;
	return command_clauses(p, cmd);
}

const struct command command_train_entry = {
	.name = "train",
	.kind = CMD_TRAIN,
	.clauses = CL_SEED | CL(CLAUSE_BIAS) | CL_INIT | CL(CLAUSE_TRAIN_BATCH) | CL_LR | CL_STEPS |
	           CL_WIDTH | CL_DEPTH | CL_TASK | CL_OPTIMIZER | CL_EVERY,
	.defaults = train_defaults,
	.parse = parse_train,
	.finish = finish_train,
	.exec = exec_train,
	.overview = "  train relu, leaky 0.01, elu   ReLU units dying while a network learns\n",
	.help = "train [CURVES] [lr X] [steps N] [batch B] [width W] [depth D] [task sin|spirals]\n"
	 "      [optimizer sgd|adam] [bias B] [init torch|he|xavier|normal(0, S)]\n"
	 "      [every N] [seed S]\n"
	 "\n"
	 "A network 1 -> 64 -> 64 -> 1 (width and depth hidden layers) per activation,\n"
	 "from the same initial weights and the same batches, trained by SGD (or Adam) to\n"
	 "regress sin(3x) on -3..3 (or to tell two spirals apart). PReLU's slope is\n"
	 "learned. Reported: the loss and the share of dead hidden units (f' = 0 for the\n"
	 "whole batch), per layer too. Defaults: 1000 steps, batch 64, Adam at lr 0.01\n"
	 "(SGD: lr 0.02), PyTorch's nn.Linear initialisation with the hidden biases at -1,\n"
	 "where most ReLU units die and stay dead while the fixes learn; bias 0 starts\n"
	 "them alive. Without CURVES: relu, leaky, elu, prelu. Ctrl-C stops it, keeping\n"
	 "what was computed.\n",
	.arg = COMMAND_ARG_CURVES,
	.data = true,
	.listed = true,
};
