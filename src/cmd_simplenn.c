/* cmd_simplenn.c: simplenn, the article's PyTorch network nn.Linear(10, 1)
 * then ReLU, at its default initialisation over many seeds: how often its
 * one output is exactly 0, and how often the unit is dead for a batch. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"
#include "curve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "clause.h"
#include "layer.h"
#include "num.h"
#include "stats.h"
#include "tab.h"
#include "util.h"

#define SIMPLENN_INPUTS 10        /* nn.Linear(10, 1) */
#define SIMPLENN_SEEDS 100000.0
#define SIMPLENN_BATCH 16.0
#define SIMPLENN_ERR_SE 4         /* err: standard errors, as dead's */
#define SIMPLENN_MAX_BATCHES 21   /* 1, 2, 4, ..., 2^19, then up to 1e6 */

/* The batch sizes of the rows: 1, 2, 4, ... up to the batch given, which
 * ends the list when it is no power of 2. */
static int batch_sizes(long batch, long *sizes)
{
	int n = 0;
	for (long k = 1; k < batch; k *= 2)
		sizes[n++] = k;
	sizes[n++] = batch;
	return n;
}

struct simplenn_rows {
	const struct cmd *cmd;
	long sizes[SIMPLENN_MAX_BATCHES];
	struct layer_out out[SIMPLENN_MAX_BATCHES];
	int nbatch;  /* batch sizes run (the last perhaps cut short) */
};

static bool simplenn_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct simplenn_rows *S = ctx;
	size_t c = i / (size_t)S->nbatch, b = i % (size_t)S->nbatch;
	if (c >= (size_t)S->cmd->ncurves)
		return false;
	const struct layer_out *o = &S->out[b];
	tab_str(&cells[0], S->cmd->curve[c].label);
	tab_num(&cells[1], (double)S->sizes[b]);
	tab_num(&cells[2], (double)o->seeds_done);
	tab_num(&cells[3], o->zero_share[c]);
	tab_num(&cells[4], num_round_sig(SIMPLENN_ERR_SE * o->zero_se[c], 2));
	tab_num(&cells[5], o->dead_share[c]);
	tab_num(&cells[6], num_round_sig(SIMPLENN_ERR_SE * o->dead_se[c], 2));
	return true;
}

static void simplenn_title(const struct simplenn_rows *S, char *buf, size_t size)
{
	const struct cmd *cmd = S->cmd;
	char dist[96], a[NUM_BUF], b[NUM_BUF];
	num_format(cmd->dist.a, a);
	num_format(cmd->dist.b, b);
	snprintf(dist, sizeof dist, "%s(%s, %s)", cmd->dist.kind == DIST_NORMAL ? "normal" : "uniform",
	         a, b);
	size_t len = 0;
	util_append(buf, size, &len, "nn.Linear(10, 1) at PyTorch's init, inputs ~ %s, %.0f seeds from %llu",
	            dist, cmd->seeds, (unsigned long long)cmd->layer.seed);
	if (S->nbatch > 0 && layer_interrupted(&cmd->layer, &S->out[S->nbatch - 1]))
		util_append(buf, size, &len, " (interrupted)");
}

static enum exec_status exec_simplenn(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	static const char *const header[] = {"curve", "batch", "seeds", "zero_share", "zero_err",
	                                     "dead_share", "dead_err"};
	const struct actfn_curve *curves[LIMIT_CURVES];
	for (int i = 0; i < cmd->ncurves; i++)
		curves[i] = &cmd->curve[i].fn;
	struct simplenn_rows S = {.cmd = cmd};
	int n = batch_sizes(cmd->layer.batch, S.sizes);
	static const double no_bias = 0; /* the unit's own bias is drawn */
	enum exec_status st = EXEC_OK;
	/* Each batch size on the same seeds: the first k inputs of a seed's
	 * batch are those of every larger batch, so a unit dead for the
	 * larger is dead for the smaller, and the dead share falls down the
	 * rows. */
	for (int b = 0; b < n; b++) {
		struct layer_spec spec = cmd->layer;
		spec.batch = S.sizes[b];
		if (layer_run(&spec, curves, cmd->ncurves, &no_bias, 1, env->stop, &S.out[b]) < 0) {
			st = diag_set(d, cmd->off, "out of memory");
			goto done;
		}
		S.nbatch = b + 1;
		if (layer_interrupted(&spec, &S.out[b])) {
			st = EXEC_INTERRUPTED;
			break;
		}
	}
	if (env->set->format == TAB_TEXT)
		out_printf(env->out, "SimpleNN: nn.Linear(10, 1), then the activation\n");
	struct tab_source src = {.ncols = 7, .header = header, .row = simplenn_row, .ctx = &S};
	tab_write(env->out, env->set->format, &src, NULL, NULL);
	if (env->set->format == TAB_TEXT) {
		char what[256];
		simplenn_title(&S, what, sizeof what);
		out_printf(env->out, "(%s)\n", what);
	}
done:
	for (int b = 0; b < n; b++) /* all zero where not run, or failed */
		layer_out_free(&S.out[b]);
	return st;
}

/* ---- parsing ---------------------------------------------------------------- */

static void simplenn_defaults(struct cmd *cmd)
{
	cmd->seed = DEFAULT_SEED;
	cmd->seeds = SIMPLENN_SEEDS;
	cmd->batch = SIMPLENN_BATCH;
}

/* The curves may be left out: the article's ReLU. */
static int parse_simplenn(struct parser *p, struct cmd *cmd)
{
	static const char *const relu[] = {"relu"};
	if (curve_parse_list_or(p, cmd, relu, 1) < 0)
		return -1;
	return command_clauses(p, cmd);
}

static int finish_simplenn(struct parser *p, struct cmd *cmd)
{
	(void)p;
	cmd->layer = (struct layer_spec){.neurons = 1, .inputs = SIMPLENN_INPUTS,
	                                 .batch = (long)cmd->batch, .init = INIT_TORCH,
	                                 .init_bias = true, .input = &cmd->dist,
	                                 .seed = (uint64_t)cmd->seed, .seeds = (long)cmd->seeds};
	return 0;
}

/* ---- the entry ------------------------------------------------------------ */

const struct command command_simplenn_entry = {
	.name = "simplenn",
	.kind = CMD_SIMPLENN,
	.clauses = CL_WITH | CL_SEED | CL_SEEDS | CL(CLAUSE_BATCH),
	.defaults = simplenn_defaults,
	.parse = parse_simplenn,
	.finish = finish_simplenn,
	.exec = exec_simplenn,
	.overview = "  simplenn                      the article's nn.Linear(10, 1) + ReLU: how often 0\n",
	.help = "simplenn [CURVES] [batch K] [seeds N] [seed S] [with DIST]\n"
	 "\n"
	 "The article's PyTorch network, SimpleNN: nn.Linear(10, 1) at PyTorch's default\n"
	 "initialisation (weights and bias from U(-1/sqrt(10), 1/sqrt(10))), then ReLU\n"
	 "(or each curve given), fed inputs from DIST (N(0, 1), torch.randn, by\n"
	 "default), one network per seed S, S + 1, ... (N of them, 100000 by default).\n"
	 "For batches of 1, 2, 4, ... up to K (16 by default): zero_share, how often its\n"
	 "one output is exactly 0, and dead_share, how often the unit is dead for the\n"
	 "whole batch (f' = 0 for every input: no gradient reaches it), each with its\n"
	 "err, 4 standard errors over the seeds. Like dead relu layer 1 inputs 10 init\n"
	 "torch, with nn.Linear's bias drawn too and many networks pooled.\n",
	.arg = COMMAND_ARG_CURVES,
	.data = true,
	.listed = true,
};
