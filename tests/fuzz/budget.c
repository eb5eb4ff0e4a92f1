/* budget.c: a rough estimate of the time a command takes, for the fuzz
 * target's budget (fuzz_script.c vets each command with it). */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_script.h"

#include <math.h>
#include <string.h>

#include "depth.h"
#include "bench.h"
#include "command.h"
#include "session.h"
#include "tab.h"
#include "train.h"

/* Nanoseconds per unit of work, measured on the -O3 build (x86-64, 2020s
 * CPU) and rounded up: an estimate only needs to be within a small factor. */
#define NS_EVAL 30.0       /* f and f' at one point (gelu; relu is faster) */
#define NS_PLOT_POINT 60.0 /* a plot sample: f, f' and rasterising them */
#define NS_GRID_CELL 10.0  /* a character cell of a text picture */
#define NS_CELL 1000.0     /* a number formatted into a table cell */
#define NS_NORMAL 6.0      /* a random normal */
#define NS_MC_SAMPLE 35.0  /* a Monte Carlo sample: a normal and an eval */
#define NS_MAC 0.2         /* a multiply-add in a layer or a network */
#define NS_CLOSED 1e3      /* dead's figures of a piecewise polynomial */
/* Dead's figures by quadrature: usually about 0.1 ms, but up to about
 * 55 ms when the tolerance is never met (dead tanh under N(0, 1)). */
#define NS_QUADRATURE 1e6
#define NS_COMMAND 1e3     /* any command: parsing, settings, headers */

/* Character cells of a picture at the session's size (a histogram is at
 * most max_rows high). */
static double grid_cells(struct exec_env *env, int max_rows)
{
	struct plot_curve none[1];
	struct plot_spec spec;
	struct cmd empty = {.kind = CMD_EMPTY};
	exec_plot_spec(env, &empty, &env->set->range, none, &spec);
	return (double)spec.width * (double)(spec.height < max_rows ? spec.height : max_rows);
}

static double figures_work(const struct actfn_curve *c)
{
	if (!actfn_breaks_known(c)) /* a definition's figures from samples */
		return STATS_FALLBACK_SAMPLES * NS_MC_SAMPLE * actfn_cost(c);
	return (c->def->degree > 0 ? NS_CLOSED : NS_QUADRATURE) * actfn_cost(c);
}

/* How much slower than a built-in the command's slowest curve is. */
static double cost_of(const struct cmd *cmd)
{
	double worst = 1;
	for (int i = 0; i < cmd->ncurves; i++)
		if (actfn_cost(&cmd->curve[i].fn) > worst)
			worst = actfn_cost(&cmd->curve[i].fn);
	return worst;
}

/* Table rows and sweep biases, less one, as the commands compute them:
 * from the step, or a round one for about max_ticks. */
static double steps_in(const struct range *r, bool has_step, double step, int max_ticks)
{
	if (!has_step) {
		double ticks[64];
		plot_ticks(r->lo, r->hi, max_ticks, ticks, &step);
	}
	return (r->hi - r->lo) / step + 1e-9;
}

static double layer_work(const struct layer_spec *s, int ncurves, int nbias)
{
	double n = (double)s->neurons, in = (double)s->inputs, b = (double)s->batch;
	if (layer_memory(s, ncurves, nbias) > LIMIT_MEMORY)
		return 0; /* refused by the command itself */
	return (n * in + in * b) * NS_NORMAL + n * in * b * NS_MAC +
	       b * n * nbias * (1 + ncurves * NS_EVAL);
}

static double train_work(struct exec_env *env, const struct train_spec *s, int ncurves, bool text)
{
	double w = (double)s->width, d = (double)s->depth, b = (double)s->batch;
	double in = s->task == TASK_SPIRALS ? 2 : 1;
	double params = in * w + (d - 1) * w * w + w + (d + 1) * w + 1;
	/* forward, the gradient and the deltas; the optimizer's update */
	double step = w * d * b * NS_EVAL + 3 * params * b * NS_MAC + params * 10;
	double reports = floor((double)s->steps / (double)s->every) + 2;
	/* text: a picture of every report and a table of the last; else a
	 * row per report and curve */
	double shown = reports * ncurves * (4 + d) * NS_CELL;
	if (text)
		shown = reports * ncurves * NS_PLOT_POINT + ncurves * (4 + d) * NS_CELL +
		        grid_cells(env, LIMIT_HEIGHT_MAX) * NS_GRID_CELL;
	return (double)s->steps * ncurves * step + shown;
}

double fuzz_work(struct exec_env *env, const struct cmd *cmd)
{
	const struct settings *set = env->set;
	bool text = set->format == TAB_TEXT;
	double nc = cmd->ncurves, cols = 1 + 2 * nc, work = NS_COMMAND;
	switch (cmd->kind) {
	case CMD_DEF:
	case CMD_DEFS:
		work += (double)actfn_user_count() * NS_CELL;
		break;
	case CMD_EMPTY:
	case CMD_SET:
	case CMD_SHOW:
	case CMD_QUIT:
		break;
	case CMD_LIST:
		work += (double)actfn_count() * 3 * NS_CELL;
		break;
	case CMD_HELP:
		/* help NAME is info NAME */
		if (actfn_lookup(cmd->topic, strlen(cmd->topic)))
			work += NS_QUADRATURE;
		break;
	case CMD_INFO:
		work += figures_work(&cmd->curve[0].fn);
		break;
	case CMD_PLOT:
		if (text)
			work += nc * (double)set->samples * NS_PLOT_POINT +
			        grid_cells(env, LIMIT_HEIGHT_MAX) * NS_GRID_CELL;
		else
			work += (double)set->samples * cols * NS_CELL;
		if (text && set->describe) /* its words: the samples read again */
			work += nc * (double)set->samples * NS_PLOT_POINT;
		break;
	case CMD_DESCRIBE:
		work += nc * (double)set->samples * NS_PLOT_POINT;
		break;
	case CMD_AT:
		work += (double)cmd->npoints * cols * NS_CELL;
		break;
	case CMD_TABLE: {
		const struct range *r = cmd_has(cmd, CL_ON) ? &cmd->range : &set->range;
		double q = steps_in(r, cmd_has(cmd, CL_STEP), cmd->step, 21);
		if (q < LIMIT_TABLE_ROWS) /* else refused by the command */
			work += (floor(q) + 1) * cols * NS_CELL;
		break;
	}
	case CMD_DEAD:
		if (cmd->given & CL_LAYER) {
			work += layer_work(&cmd->layer, cmd->ncurves, 1) + nc * 3 * NS_CELL;
			break;
		}
		for (int i = 0; i < cmd->ncurves; i++) {
			if (cmd->given & (CL_SAMPLES | CL_SEED))
				work += (cmd->given & CL_SAMPLES ? cmd->samples : DEFAULT_MC_SAMPLES) * NS_MC_SAMPLE;
			else
				work += figures_work(&cmd->curve[i].fn);
		}
		work += nc * 10 * NS_CELL;
		break;
	case CMD_HIST: {
		double shown = text ? nc * grid_cells(env, 16) * NS_GRID_CELL
		                    : nc * (double)cmd->bins * 4 * NS_CELL;
		if (cmd->given & CL_LAYER)
			work += layer_work(&cmd->layer, cmd->ncurves, 1) + shown;
		else
			work += nc * (cmd->given & CL_SAMPLES ? cmd->samples : DEFAULT_HIST_SAMPLES) * 2 *
			        NS_MC_SAMPLE + shown;
		break;
	}
	case CMD_SWEEP: {
		double q = steps_in(&cmd->bias_range, cmd->given & CL_STEP, cmd->step, 41);
		if (!(q < LIMIT_POINTS)) /* refused by the command */
			break;
		double nb = floor(q) + 1;
		work += layer_work(&cmd->layer, cmd->ncurves, (int)nb);
		work += text ? grid_cells(env, LIMIT_HEIGHT_MAX) * NS_GRID_CELL : nb * nc * 4 * NS_CELL;
		break;
	}
	case CMD_BENCH: {
		/* timed by the clock: a warm-up, then the budget or the repeats */
		double np = ceil(BENCH_REPEAT_ELEMENTS / cmd->size);
		double per = cmd->repeats > 0 ? cmd->repeats * 2 * np * cmd->size * NS_EVAL
		                              : BENCH_BUDGET * 1e9;
		work += nc * (BENCH_WARMUP * 1e9 + per) + nc * 9 * NS_CELL;
		break;
	}
	case CMD_SIMPLENN:
		/* a layer of one neuron per seed, for batches 1, 2, 4, ... K */
		for (double k = 1;; k = fmin(2 * k, cmd->batch)) {
			struct layer_spec s = cmd->layer;
			s.batch = (long)k;
			work += cmd->seeds * layer_work(&s, cmd->ncurves, 1) + nc * 7 * NS_CELL;
			if (k >= cmd->batch)
				break;
		}
		break;
	case CMD_TRAIN:
		if (train_memory(&cmd->train, cmd->ncurves) <= LIMIT_MEMORY)
			work += train_work(env, &cmd->train, cmd->ncurves, text);
		break;
	case CMD_DEPTH: {
		const struct depth_spec *s = &cmd->deep;
		if (depth_memory(s) > LIMIT_MEMORY) /* refused by the command */
			break;
		double L = (double)s->layers, w = (double)s->width, b = (double)s->batch;
		/* the draws; per curve three products a layer and f, f' */
		work += (L * w * w + 2 * w * b) * NS_NORMAL +
		        nc * L * (3 * w * w * b * NS_MAC + w * b * NS_EVAL);
		work += text ? grid_cells(env, LIMIT_HEIGHT_MAX) * NS_GRID_CELL + nc * 12 * NS_CELL
		             : nc * L * 6 * NS_CELL;
		break;
	}
	case CMD_LOAD: /* refused: the fuzz target reads no files */
		break;
	case CMD_SAVE:
		/* the last picture's command again, and its SVG: every sample
		 * of every curve written out */
		if (cmd->save_what == 0 && env->session && env->session->picture) {
			struct cmd pc;
			struct diag d;
			const char *line = env->session->picture;
			if (command_parse_line(line, strlen(line), &pc, &d) == 0)
				work += fuzz_work(env, &pc) +
				        2 * pc.ncurves * (double)env->session->picture_set.samples * NS_CELL;
			cmd_free(&pc);
		}
		break;
	}
	return work * cost_of(cmd);
}
