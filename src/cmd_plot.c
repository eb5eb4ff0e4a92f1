/* cmd_plot.c: the commands about curves themselves: a plot (the word
 * plot optional), the values at points (at) and a table. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "clause.h"
#include "dmath.h"
#include "num.h"
#include "tab.h"

/* ---- rows of x, f(x), f'(x) ------------------------------------------------- */

enum row_kind { ROWS_POINTS, ROWS_STEP, ROWS_SAMPLES };

struct curve_rows {
	const struct cmd *cmd;
	enum row_kind kind;
	size_t n;
	const double *points;
	double lo, hi, step;
	int dec; /* decimals to round table rows to; NUM_DEC_NONE: none */
};

static double row_x(const struct curve_rows *r, size_t i)
{
	switch (r->kind) {
	case ROWS_POINTS:
		return r->points[i];
	case ROWS_STEP:
		return exec_round_decimals(r->lo + (double)i * r->step, r->dec);
	case ROWS_SAMPLES:
		break;
	}
	double t = (double)i / (double)(r->n - 1);
	return i + 1 == r->n ? r->hi : r->lo * (1 - t) + r->hi * t;
}

static bool curve_row(void *ctx, size_t i, struct tab_cell *cells)
{
	const struct curve_rows *r = ctx;
	if (i >= r->n)
		return false;
	double x = row_x(r, i);
	tab_num(&cells[0], x);
	for (int c = 0; c < r->cmd->ncurves; c++) {
		double y, dy;
		actfn_point(&r->cmd->curve[c].fn, x, &y, &dy);
		tab_num(&cells[1 + 2 * c], y);
		tab_num(&cells[2 + 2 * c], dy);
	}
	return true;
}

/* Row i of curve g alone: x, y, dy (JSON's object per curve). */
static bool curve_point(void *ctx, size_t i, int g, struct tab_cell *cells)
{
	const struct curve_rows *r = ctx;
	if (i >= r->n)
		return false;
	double x = row_x(r, i), y, dy;
	actfn_point(&r->cmd->curve[g].fn, x, &y, &dy);
	tab_num(&cells[0], x);
	tab_num(&cells[1], y);
	tab_num(&cells[2], dy);
	return true;
}

static enum exec_status write_rows(struct exec_env *env, const struct curve_rows *r)
{
	const struct cmd *cmd = r->cmd;
	int ncols = 1 + 2 * cmd->ncurves;
	char names[1 + 2 * LIMIT_CURVES][CMD_LABEL + 8];
	const char *header[1 + 2 * LIMIT_CURVES];
	snprintf(names[0], sizeof names[0], "x");
	for (int c = 0; c < cmd->ncurves; c++) {
		const char *label = cmd->curve[c].label;
		if (cmd->ncurves == 1) {
			snprintf(names[1], sizeof names[1], "y");
			snprintf(names[2], sizeof names[2], "dy");
		} else {
			snprintf(names[1 + 2 * c], sizeof names[0], "y(%s)", label);
			snprintf(names[2 + 2 * c], sizeof names[0], "dy(%s)", label);
		}
	}
	for (int j = 0; j < ncols; j++)
		header[j] = names[j];
	/* each curve with every parameter, defaults included */
	const char *labels[LIMIT_CURVES], *const *pnames[LIMIT_CURVES];
	const char *pname[LIMIT_CURVES][ACTFN_MAX_PARAMS];
	struct tab_cell pcell[LIMIT_CURVES][ACTFN_MAX_PARAMS];
	const struct tab_cell *pvalues[LIMIT_CURVES];
	int np[LIMIT_CURVES];
	for (int c = 0; c < cmd->ncurves; c++) {
		const struct actfn_curve *fn = &cmd->curve[c].fn;
		labels[c] = cmd->curve[c].label;
		np[c] = fn->def->nparams;
		for (int k = 0; k < np[c]; k++) {
			pname[c][k] = fn->def->param[k].name;
			if (fn->def->param[k].type == ACTFN_CHOICE)
				tab_str(&pcell[c][k], fn->def->param[k].choices[(int)fn->p[k]]);
			else
				tab_num(&pcell[c][k], fn->p[k]);
		}
		pnames[c] = pname[c];
		pvalues[c] = pcell[c];
	}
	static const char *const point_names[] = {"x", "y", "dy"};
	struct tab_groups groups = {
		.n = cmd->ncurves, .key = "curve", .label = labels, .nparams = np,
		.param_name = pnames, .param_value = pvalues,
		.ncols = 3, .names = point_names, .row = curve_point};
	struct tab_source src = {.ncols = ncols, .header = header, .row = curve_row,
	                         .ctx = (void *)r, .groups = &groups};
	bool stopped;
	tab_write(env->out, env->set->format, &src, env->stop, &stopped);
	return stopped ? EXEC_INTERRUPTED : EXEC_OK;
}

static const struct range *command_range(const struct exec_env *env, const struct cmd *cmd)
{
	return cmd_has(cmd, CL_ON) ? &cmd->range : &env->set->range;
}

static enum exec_status exec_at(struct exec_env *env, const struct cmd *cmd)
{
	struct curve_rows rows = {.cmd = cmd, .kind = ROWS_POINTS, .n = cmd->npoints,
	                          .points = cmd->points};
	return write_rows(env, &rows);
}

static enum exec_status exec_plot(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	if (cmd->kind == CMD_AT)
		return exec_at(env, cmd);
	const struct range *r = command_range(env, cmd);
	if (env->plot_hook && !env->capture) {
		env->pictures++;
		env->plot_hook(env->hook_ctx, cmd, r);
		return env->set->describe ? exec_describe(env, cmd, r, d) : EXEC_OK;
	}
	if (env->set->format != TAB_TEXT && !env->capture) {
		struct curve_rows rows = {.cmd = cmd, .kind = ROWS_SAMPLES, .n = (size_t)env->set->samples,
		                          .lo = r->lo, .hi = r->hi};
		return write_rows(env, &rows);
	}
	struct plot_curve curves[LIMIT_CURVES];
	struct plot_spec spec;
	exec_plot_spec(env, cmd, r, curves, &spec);
	struct plot_grid grid;
	if (plot_layout(&spec, &grid) < 0)
		return diag_set(d, cmd->off, "out of memory");
	if (env->capture)
		exec_picture(env, &grid, &spec, 0);
	else {
		env->pictures++;
		render_text(env->out, &grid, spec.color ? env->pal : NULL);
	}
	plot_grid_free(&grid);
	/* in words too: under the picture, after a blank line */
	if (env->set->describe) {
		out_putc(env->out, '\n');
		return exec_describe(env, cmd, r, d);
	}
	return EXEC_OK;
}

static enum exec_status exec_table(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	const struct range *r = command_range(env, cmd);
	double step = cmd->step;
	int step_dec = cmd->step_dec;
	if (!cmd_has(cmd, CL_STEP)) {
		/* About 10 to 20 rows, on a round step. */
		double ticks[64];
		plot_ticks(r->lo, r->hi, 21, ticks, &step);
		step_dec = (int)-floor(dmath_log10(step) + 1e-9);
	}
	double q = (r->hi - r->lo) / step + 1e-9;
	if (!(q < LIMIT_TABLE_ROWS))
		return diag_set(d, cmd_has(cmd, CL_STEP) ? cmd->value_off[CLAUSE_STEP] : cmd->off,
		                "table would have more than %d rows (use a larger step)", LIMIT_TABLE_ROWS);
	int dec = exec_grid_decimals(r, step_dec);
	struct curve_rows rows = {.cmd = cmd, .kind = ROWS_STEP, .n = (size_t)floor(q) + 1,
	                          .lo = r->lo, .hi = r->hi, .step = step, .dec = dec};
	return write_rows(env, &rows);
}

/* A plot's clauses together: `on` and `at` exclude each other. */
static int finish_plot(struct parser *p, struct cmd *cmd)
{
	if (cmd->kind == CMD_AT && cmd_has(cmd, CL_ON))
		return diag_set(p->d, cmd->value_off[CLAUSE_ON],
		                "'on' does not go with 'at' (the points are the x values)");
	return 0;
}

const struct command command_plot_entry = {
	.name = "plot",
	.kind = CMD_PLOT,
	.clauses = CL_ON | CL_AT,
	.finish = finish_plot,
	.exec = exec_plot,
	.overview = "  relu                          plot ReLU and its derivative on the current range\n"
	            "  leaky 0.01 on -3..3           positional parameters, in PyTorch's order\n"
	            "  elu alpha=1.5 on -4..2        or named ones\n"
	            "  relu, leaky 0.1, elu          several curves in one plot\n"
	            "  relu at -1, 0, 1, 2           values and derivatives at points\n",
	.help = "NAME [PARAMS] [, NAME [PARAMS] ...] [on LO..HI]\n"
	 "plot NAME ...                (the word plot is optional)\n"
	 "\n"
	 "Draws each curve f above its derivative f' on the same x range (the current\n"
	 "range unless `on` gives one). Parameters go in PyTorch's order (leaky 0.1) or\n"
	 "by name (leaky negative_slope=0.1, or its alias slope=0.1). Up to 16 curves,\n"
	 "told apart by colour on a terminal, else by glyph (* + o x # % @ &).\n"
	 "A kink or jump (relu' at 0) is drawn as separate pieces, never a ramp.\n"
	 "With set format csv, tsv or json a plot writes the points it would draw.\n"
	 "PyTorch's spellings work too: torch.relu, F.leaky_relu, nn.LeakyReLU(0.2),\n"
	 "torch.nn.ELU(alpha=1.5), relu(2) for relu at 2 (man actviz: SPELLINGS).\n",
	.also = "at",
	.arg = COMMAND_ARG_CURVES,
	.data = true,
	.listed = true,
};

const struct command command_table_entry = {
	.name = "table",
	.kind = CMD_TABLE,
	.clauses = CL_ON | CL_STEP,
	.exec = exec_table,
	.overview = "  table elu on -2..2 step 0.5   a table of x, f(x), f'(x)\n",
	.help = "table NAME [PARAMS] [, ...] [on LO..HI] [step S]\n"
	 "\n"
	 "Prints rows x, f(x), f'(x) for x = LO, LO+S, ... up to HI (at most 1000000\n"
	 "rows). Each x is rounded to the decimals of LO and S as typed, so\n"
	 "-3..3 step 0.1 gives -2.3, not -2.2999999999999998. Without step, a round\n"
	 "step giving about 10 to 20 rows is chosen. Several curves add a y and dy\n"
	 "column per curve, named after it: y(relu), dy(relu), y(leaky 0.1), ...\n",
	.arg = COMMAND_ARG_CURVES,
	.data = true,
	.listed = true,
};
