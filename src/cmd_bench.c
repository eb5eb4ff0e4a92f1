/* cmd_bench.c: bench, what each activation costs on this machine: the
 * nanoseconds per element of f alone and of f with f', through the array
 * evaluation every other command uses, and each against ReLU's. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"
#include "curve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "clause.h"
#include "layer.h"
#include "num.h"
#include "simd.h"
#include "tab.h"
#include "util.h"

/* The input array's seed: the same numbers every run. */
#define BENCH_SEED 1

struct bench_rows {
	const struct cmd *cmd;
	struct bench_result res[LIMIT_CURVES];
	int row[LIMIT_CURVES]; /* the curves measured, in the order given */
	int n;
	int ref;               /* the curve the ratios are to */
};

static bool bench_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct bench_rows *B = ctx;
	if (i >= (size_t)B->n)
		return false;
	const struct bench_result *r = &B->res[B->row[i]], *ref = &B->res[B->ref];
	double spread = fmax(bench_spread(&r->y), bench_spread(&r->y_dy));
	tab_str(&cells[0], B->cmd->curve[B->row[i]].label);
	tab_num(&cells[1], num_round_sig(r->y.min, 3));
	tab_num(&cells[2], num_round_sig(r->y_dy.min, 3));
	tab_num(&cells[3], num_round_sig(r->y.min / ref->y.min, 3));
	tab_num(&cells[4], num_round_sig(r->y_dy.min / ref->y_dy.min, 3));
	tab_num(&cells[5], num_round_sig(spread, 2));
	tab_num(&cells[6], (double)r->repeats);
	tab_str(&cells[7], B->cmd->curve[B->ref].label);
	tab_str(&cells[8], simd_name(simd_path()));
	return true;
}

/* The first relu of the list, else the first curve. */
static int ref_curve(const struct cmd *cmd)
{
	const struct actfn_def *relu = actfn_lookup("relu", 4);
	for (int i = 0; i < cmd->ncurves; i++)
		if (cmd->curve[i].fn.def == relu)
			return i;
	return 0;
}

static enum exec_status exec_bench(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	static const char *const header[] = {"curve", "ns_y", "ns_y_dy", "ratio_y", "ratio_y_dy",
	                                     "spread", "repeats", "ref", "simd"};
	struct bench_spec spec = {.size = (long)cmd->size, .repeats = (long)cmd->repeats,
	                          .budget = BENCH_BUDGET, .warmup = BENCH_WARMUP};
	if (bench_memory(spec.size) > LIMIT_MEMORY)
		return diag_set(d, cmd->off, "this would need %.1f GiB of memory (at most 1 GiB)",
		                bench_memory(spec.size) / LIMIT_MEMORY);
	struct bench_arrays a;
	if (bench_alloc(&a, spec.size, BENCH_SEED) < 0)
		return diag_set(d, cmd->off, "out of memory");
	struct bench_rows B = {.cmd = cmd, .ref = ref_curve(cmd)};
	enum exec_status st = EXEC_OK;
	for (int i = 0; i < cmd->ncurves; i++) {
		/* the reference first, so that a stop leaves its row to compare with */
		int c = i == 0 ? B.ref : (i <= B.ref ? i - 1 : i);
		int rc = bench_curve(&cmd->curve[c].fn, &spec, &a, bench_monotonic, NULL, env->stop,
		                     &B.res[c]);
		if (rc < 0) {
			bench_free(&a);
			return diag_set(d, cmd->off, "out of memory");
		}
		if (rc > 0) {
			st = EXEC_INTERRUPTED;
			break;
		}
	}
	bench_free(&a);
	for (int i = 0; i < cmd->ncurves; i++)
		if (B.res[i].repeats > 0)
			B.row[B.n++] = i;
	if (B.res[B.ref].repeats == 0)
		return st; /* stopped before anything could be compared */
	if (env->set->format == TAB_TEXT) {
		out_printf(env->out, "ns per element of f (y) and of f with f' (y_dy) over %ld doubles, %s\n",
		           spec.size, simd_name(simd_path()));
		if (cmd->curve[B.ref].fn.def != actfn_lookup("relu", 4))
			out_printf(env->out, "ratios to %s, the first curve: relu is not in the list\n",
			           cmd->curve[B.ref].label);
	}
	struct tab_source src = {.ncols = 9, .header = header, .row = bench_row, .ctx = &B};
	tab_write(env->out, env->set->format, &src, NULL, NULL);
	if (st == EXEC_INTERRUPTED && env->set->format == TAB_TEXT)
		out_printf(env->out, "(interrupted: %d of %d curves timed)\n", B.n, cmd->ncurves);
	return st;
}

/* ---- parsing ---------------------------------------------------------------- */

static void bench_defaults(struct cmd *cmd)
{
	cmd->size = BENCH_SIZE_DEFAULT;
	cmd->repeats = 0;
}

/* The curves may be left out: ReLU, its two usual fixes, the smooth
 * ones of today's networks, and the two classics. */
static int parse_bench(struct parser *p, struct cmd *cmd)
{
	static const char *const set[] = {"relu", "leaky", "elu", "gelu", "silu", "sigmoid", "tanh"};
	if (curve_parse_list_or(p, cmd, set, (int)(sizeof set / sizeof set[0])) < 0)
		return -1;
	return command_clauses(p, cmd);
}

/* ---- the entry ------------------------------------------------------------ */

const struct command command_bench_entry = {
	.name = "bench",
	.kind = CMD_BENCH,
	.clauses = CL_SIZE | CL_REPEATS,
	.defaults = bench_defaults,
	.parse = parse_bench,
	.exec = exec_bench,
	.overview = "  bench relu, sigmoid, gelu     nanoseconds per element here, against ReLU\n",
	.help = "bench [CURVES] [size N] [repeats R]\n"
	 "\n"
	 "Times each curve on this machine through the array evaluation that plots,\n"
	 "tables and layers use, over N doubles from N(0, 1) (100000 by default; 1000 to\n"
	 "1e7): ns_y, nanoseconds per element of f alone (the forward pass), and\n"
	 "ns_y_dy, of f and f' together (forward and backward, in one pass); each\n"
	 "against the first relu of the list (or the first curve): ratio_y and\n"
	 "ratio_y_dy. Each curve is warmed up, then timed for about 0.2 s in repeats of\n"
	 "at least 100000 elements each (at least 5; repeats R: exactly R, at most\n"
	 "100000); the figures are the fastest repeat's (other processes only ever\n"
	 "slow one down), spread the interquartile range of the repeats over their\n"
	 "median (the larger of the two: how busy the machine was), simd the vector\n"
	 "path (ACTVIZ_SIMD chooses).\n"
	 "Without curves: relu, leaky, elu, gelu, silu, sigmoid and tanh.\n",
	.arg = COMMAND_ARG_CURVES,
	.data = true,
	.listed = true,
};
