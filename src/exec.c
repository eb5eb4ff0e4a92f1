/* exec.c: what each command does. Output goes to env->out, never to stdio
 * directly; nothing here knows whether that is a pipe, a terminal or the UI. */
#define _POSIX_C_SOURCE 200809L
#include "exec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "help.h"
#include "stats.h"
#include "num.h"
#include "tab.h"
#include "util.h"

#define DEFAULT_WIDTH 80
#define DEFAULT_HEIGHT 24

bool exec_color(struct exec_env *env)
{
	bool want = env->set->color == TRI_ON || (env->set->color == TRI_AUTO && env->color_auto);
	if (want && !env->pal && env->load_palette)
		env->pal = env->load_palette();
	return want && env->pal;
}

bool exec_braille(const struct exec_env *env)
{
	return env->utf8 && env->set->ascii != TRI_ON;
}

static long clamp(long v, long lo, long hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

void exec_plot_spec(struct exec_env *env, const struct cmd *cmd, const struct range *r,
                    struct plot_curve *curves, struct plot_spec *spec)
{
	const struct settings *set = env->set;
	for (int i = 0; i < cmd->ncurves; i++) {
		curves[i].fn = &cmd->curve[i].fn;
		curves[i].label = cmd->curve[i].label;
	}
	long w = set->width ? set->width : (env->term_width > 0 ? env->term_width : DEFAULT_WIDTH);
	long h = set->height ? set->height : (env->term_height > 0 ? env->term_height : DEFAULT_HEIGHT);
	*spec = (struct plot_spec){
		.curve = curves,
		.ncurves = cmd->ncurves,
		.xlo = r->lo,
		.xhi = r->hi,
		.samples = set->samples,
		.width = (int)clamp(w, LIMIT_WIDTH_MIN, LIMIT_WIDTH_MAX),
		.height = (int)clamp(h, LIMIT_HEIGHT_MIN, LIMIT_HEIGHT_MAX),
		.braille = exec_braille(env),
		.color = exec_color(env),
		.colors = env->pal ? env->pal->distinct : 0,
		.deriv = set->deriv,
		/* one curve: its dead zone is unambiguous, so it is marked */
		.mark_dead = cmd->ncurves == 1 ? 0 : -1,
		.ylo = {NAN, NAN},
		.yhi = {NAN, NAN},
	};
}

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

/* v rounded to a multiple of 10^-dec, through its decimal text, so that
 * the x printed is the x evaluated and reads as typed (-2.3, -7e-31,
 * 9e300). dec may be negative (1e300 steps) or large (denormals). */
double exec_round_decimals(double v, int dec)
{
	if (dec == NUM_DEC_NONE || !isfinite(v) || v == 0)
		return v;
	/* 17 significant digits read back to v; their exponent says how many
	 * of them lie at or above the digit for 10^-dec. */
	char buf[40];
	snprintf(buf, sizeof buf, "%.16e", v);
	long keep = strtol(strchr(buf, 'e') + 1, NULL, 10) + (long)dec + 1;
	if (keep >= 17)
		return v; /* a finer grid than the double's: v is its own rounding */
	if (keep >= 1) {
		/* printf rounds the exact binary value: no double rounding */
		snprintf(buf, sizeof buf, "%.*e", (int)keep - 1, v);
		return strtod(buf, NULL);
	}
	if (keep < 0)
		return 0; /* |v| < 10^-dec / 10 */
	/* 10^(-dec-1) <= |v| < 10^-dec: 0 or +-10^-dec, whichever is nearer,
	 * 0 on a tie (half to even, as printf). Decided on all the digits of v
	 * (767 at most), since the 17 above may have rounded up to the tie or
	 * past a power of ten. Never reached by a table: its x are within
	 * an ulp or so of the grid. */
	char all[800];
	snprintf(all, sizeof all, "%.766e", fabs(v));
	if (strtol(strchr(all, 'e') + 1, NULL, 10) != -(long)dec - 1)
		return 0;
	bool up = all[0] > '5' || (all[0] == '5' && all[2 + strspn(all + 2, "0")] != 'e');
	if (!up)
		return 0;
	snprintf(buf, sizeof buf, "%s1e%d", v < 0 ? "-" : "", -dec);
	double r = strtod(buf, NULL);
	return isinf(r) ? v : r;
}

/* The decimals to round LO + i*S to: those of LO and S as typed, the more
 * of the two; a LO of 0 is a multiple of every power of ten and counts for
 * none. NUM_DEC_NONE (no rounding) when either is not decimal. */
int exec_grid_decimals(const struct range *r, int step_dec)
{
	if (r->lo_dec == NUM_DEC_NONE || step_dec == NUM_DEC_NONE)
		return NUM_DEC_NONE;
	if (r->lo == 0)
		return step_dec;
	return r->lo_dec > step_dec ? r->lo_dec : step_dec;
}

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

/* JSON: one object per curve with its parameters and points. */
static enum exec_status json_rows(struct exec_env *env, const struct curve_rows *r)
{
	struct out *o = env->out;
	out_putc(o, '[');
	for (int c = 0; c < r->cmd->ncurves; c++) {
		const struct cmd_curve *cc = &r->cmd->curve[c];
		const struct actfn_def *def = cc->fn.def;
		out_puts(o, c ? ",{\"curve\":" : "{\"curve\":");
		tab_json_string(o, cc->label);
		out_puts(o, ",\"params\":{");
		for (int k = 0; k < def->nparams; k++) {
			if (k)
				out_putc(o, ',');
			tab_json_string(o, def->param[k].name);
			out_putc(o, ':');
			if (def->param[k].type == ACTFN_CHOICE)
				tab_json_string(o, def->param[k].choices[(int)cc->fn.p[k]]);
			else
				tab_json_num(o, cc->fn.p[k]);
		}
		out_puts(o, "},\"points\":[");
		for (size_t i = 0; i < r->n && !o->err; i++) {
			if (env->stop && *env->stop)
				break;
			double x = row_x(r, i), y, dy;
			actfn_point(&cc->fn, x, &y, &dy);
			out_puts(o, i ? ",{\"x\":" : "{\"x\":");
			tab_json_num(o, x);
			out_puts(o, ",\"y\":");
			tab_json_num(o, y);
			out_puts(o, ",\"dy\":");
			tab_json_num(o, dy);
			out_putc(o, '}');
		}
		out_puts(o, "]}");
	}
	out_puts(o, "]\n");
	return env->stop && *env->stop ? EXEC_INTERRUPTED : EXEC_OK;
}

static enum exec_status write_rows(struct exec_env *env, const struct curve_rows *r)
{
	if (env->set->format == FMT_JSON)
		return json_rows(env, r);
	int ncols = 1 + 2 * r->cmd->ncurves;
	char names[1 + 2 * LIMIT_CURVES][CMD_LABEL + 8];
	const char *header[1 + 2 * LIMIT_CURVES];
	snprintf(names[0], sizeof names[0], "x");
	for (int c = 0; c < r->cmd->ncurves; c++) {
		const char *label = r->cmd->curve[c].label;
		if (r->cmd->ncurves == 1) {
			snprintf(names[1], sizeof names[1], "y");
			snprintf(names[2], sizeof names[2], "dy");
		} else {
			snprintf(names[1 + 2 * c], sizeof names[0], "y(%s)", label);
			snprintf(names[2 + 2 * c], sizeof names[0], "dy(%s)", label);
		}
	}
	for (int j = 0; j < ncols; j++)
		header[j] = names[j];
	struct tab_source src = {.ncols = ncols, .header = header, .row = curve_row, .ctx = (void *)r};
	bool stopped;
	tab_write(env->out, env->set->format, &src, env->stop, &stopped);
	return stopped ? EXEC_INTERRUPTED : EXEC_OK;
}

/* ---- commands ---------------------------------------------------------------- */

static const struct range *command_range(const struct exec_env *env, const struct cmd *cmd)
{
	return cmd->has_range ? &cmd->range : &env->set->range;
}

static enum exec_status exec_plot(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	const struct range *r = command_range(env, cmd);
	if (env->plot_hook) {
		env->plot_hook(env->hook_ctx, cmd, r);
		return EXEC_OK;
	}
	if (env->set->format != FMT_TEXT) {
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
	render_text(env->out, &grid, spec.color ? env->pal : NULL);
	plot_grid_free(&grid);
	return EXEC_OK;
}

static enum exec_status exec_at(struct exec_env *env, const struct cmd *cmd)
{
	struct curve_rows rows = {.cmd = cmd, .kind = ROWS_POINTS, .n = cmd->npoints,
	                          .points = cmd->points};
	return write_rows(env, &rows);
}

static enum exec_status exec_table(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	const struct range *r = command_range(env, cmd);
	double step = cmd->step;
	int step_dec = cmd->step_dec;
	if (!cmd->has_step) {
		/* About 10 to 20 rows, on a round step. */
		double ticks[64];
		plot_ticks(r->lo, r->hi, 21, ticks, &step);
		step_dec = (int)-floor(dmath_log10(step) + 1e-9);
	}
	double q = (r->hi - r->lo) / step + 1e-9;
	if (!(q < LIMIT_TABLE_ROWS))
		return diag_set(d, cmd->has_step ? cmd->step_off : cmd->off,
		                "table would have more than %d rows (use a larger step)", LIMIT_TABLE_ROWS);
	int dec = exec_grid_decimals(r, step_dec);
	struct curve_rows rows = {.cmd = cmd, .kind = ROWS_STEP, .n = (size_t)floor(q) + 1,
	                          .lo = r->lo, .hi = r->hi, .step = step, .dec = dec};
	return write_rows(env, &rows);
}

static enum exec_status exec_set(struct exec_env *env, const struct cmd *cmd)
{
	struct settings *s = env->set;
	switch (cmd->setting) {
	case SET_RANGE:
		s->range = cmd->range;
		break;
	case SET_SAMPLES:
		s->samples = cmd->ival;
		break;
	case SET_FORMAT:
		s->format = (enum format)cmd->choice;
		break;
	case SET_WIDTH:
		s->width = cmd->ival;
		break;
	case SET_HEIGHT:
		s->height = cmd->ival;
		break;
	case SET_COLOR:
		s->color = (enum tristate)cmd->choice;
		break;
	case SET_ASCII:
		s->ascii = (enum tristate)cmd->choice;
		break;
	case SET_DERIV:
		s->deriv = cmd->choice == TRI_ON;
		break;
	case SET_COUNT:
		break;
	}
	return EXEC_OK;
}

static enum exec_status exec_show(struct exec_env *env, const struct cmd *cmd)
{
	if (!cmd->show_all) {
		settings_show(env->out, env->set, cmd->setting);
		return EXEC_OK;
	}
	for (int i = 0; i < SET_COUNT; i++)
		settings_show(env->out, env->set, (enum setting)i);
	return EXEC_OK;
}

/* ---- list ------------------------------------------------------------------- */

static bool list_row(void *ctx, size_t i, struct tab_cell *cells)
{
	(void)ctx;
	const struct actfn_def *def = actfn_at(i);
	if (!def)
		return false;
	tab_str(&cells[0], def->name);
	size_t len = 0;
	char buf[TAB_CELL];
	buf[0] = '\0';
	for (int k = 0; def->aliases[k]; k++)
		util_append(buf, sizeof buf, &len, "%s%s", k ? " " : "", def->aliases[k]);
	tab_str(&cells[1], buf);
	len = 0;
	buf[0] = '\0';
	for (int k = 0; k < def->nparams; k++) {
		char v[NUM_BUF];
		if (def->param[k].required)
			snprintf(v, sizeof v, "(required)");
		else
			actfn_param_text(def, k, def->param[k].def, v, sizeof v);
		util_append(buf, sizeof buf, &len, "%s%s=%s", k ? " " : "", def->param[k].name, v);
	}
	tab_str(&cells[2], buf);
	return true;
}

static enum exec_status exec_list(struct exec_env *env)
{
	static const char *const header[] = {"name", "aliases", "params"};
	struct tab_source src = {.ncols = 3, .header = header, .row = list_row, .left_align = true};
	tab_write(env->out, env->set->format, &src, NULL, NULL);
	return EXEC_OK;
}

/* ---- info ------------------------------------------------------------------- */

/* Writes "  key   text", the text wrapped at 78 columns under itself. */
static void field(struct out *o, const char *key, const char *text)
{
	enum { KEY = 14, WIDTH = 78 };
	out_printf(o, "  %-*s", KEY - 2, key);
	int col = KEY;
	const char *s = text;
	while (*s) {
		const char *sp = strchr(s, ' ');
		size_t wl = sp ? (size_t)(sp - s) : strlen(s);
		if (col > KEY && col + 1 + (int)wl > WIDTH) {
			out_putc(o, '\n');
			out_repeat(o, ' ', KEY);
			col = KEY;
		} else if (col > KEY) {
			out_putc(o, ' ');
			col++;
		}
		out_write(o, s, wl);
		col += (int)wl;
		s += wl;
		while (*s == ' ')
			s++;
	}
	out_putc(o, '\n');
}

static void param_domain(const struct actfn_param *pp, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	if (pp->type == ACTFN_CHOICE) {
		for (int i = 0; pp->choices[i]; i++)
			util_append(buf, size, &len, "%s%s", i ? " or " : "one of ", pp->choices[i]);
		return;
	}
	char lo[NUM_BUF], hi[NUM_BUF];
	num_format(pp->lo, lo);
	num_format(pp->hi, hi);
	if (isinf(pp->lo) && isinf(pp->hi))
		util_append(buf, size, &len, "any finite number");
	else if (isinf(pp->hi))
		util_append(buf, size, &len, "a finite number %s %s", pp->lo_open ? ">" : ">=", lo);
	else
		util_append(buf, size, &len, "in %s%s, %s%s", pp->lo_open ? "(" : "[", lo, hi,
		            pp->hi_open ? ")" : "]");
}

static enum exec_status exec_info(struct exec_env *env, const struct cmd *cmd)
{
	struct out *o = env->out;
	const struct actfn_curve *c = &cmd->curve[0].fn;
	const struct actfn_def *def = c->def;
	bool defaults = cmd->curve[0].bare;
	/* Untouched defaults read better as names (negative_slope*x); given
	 * values are shown as such. */
	const struct actfn_curve *shown = defaults ? NULL : c;
	char buf[1024];

	out_printf(o, "%s: %s\n", defaults ? def->name : cmd->curve[0].label, def->title);
	if (def->aliases[0]) {
		size_t len = 0;
		buf[0] = '\0';
		for (int k = 0; def->aliases[k]; k++)
			util_append(buf, sizeof buf, &len, "%s%s", k ? ", " : "", def->aliases[k]);
		field(o, "aliases", buf);
	}
	if (def->nparams == 0)
		field(o, "parameters", "none");
	for (int i = 0; i < def->nparams; i++) {
		const struct actfn_param *pp = &def->param[i];
		char dom[96], v[NUM_BUF];
		param_domain(pp, dom, sizeof dom);
		size_t len = 0;
		util_append(buf, sizeof buf, &len, "%s", pp->name);
		if (pp->alias)
			util_append(buf, sizeof buf, &len, " (or %s)", pp->alias);
		if (pp->required) {
			util_append(buf, sizeof buf, &len, ", required");
		} else {
			actfn_param_text(def, i, pp->def, v, sizeof v);
			util_append(buf, sizeof buf, &len, ", default %s", v);
		}
		if (!defaults) {
			actfn_param_text(def, i, c->p[i], v, sizeof v);
			util_append(buf, sizeof buf, &len, ", here %s", v);
		}
		util_append(buf, sizeof buf, &len, "; %s", dom);
		field(o, i == 0 ? "parameters" : "", buf);
	}
	actfn_expand(def, shown, def->formula, buf, sizeof buf);
	field(o, "f(x)", buf);
	actfn_expand(def, shown, def->derivative, buf, sizeof buf);
	field(o, "f'(x)", buf);
	field(o, "range", def->range);
	actfn_expand(def, shown, def->kink, buf, sizeof buf);
	field(o, "kink", buf);
	actfn_expand(def, shown, def->properties, buf, sizeof buf);
	field(o, "properties", buf);
	/* what it does to standard-normal pre-activations (dead for more) */
	struct stats_figures f;
	if (!(defaults && def->nparams > 0 && def->param[0].required) &&
	    stats_exact(c, &stats_std_normal, &f) == 0) {
		snprintf(buf, sizeof buf, "P(f' = 0) %.4g, P(f = 0) %.4g, mean %.4g, std %.4g, "
		         "E f' %.4g (%s; dead %s shows more)", f.p_dead, f.p_zero,
		         fabs(f.mean) <= f.err ? 0.0 : f.mean, f.std, f.mean_grad,
		         f.method == STATS_CLOSED_FORM ? "exact" : "by quadrature", cmd->curve[0].label);
		field(o, "z ~ N(0,1)", buf);
	}
	bool required = def->nparams > 0 && def->param[0].required;
	actfn_expand(def, defaults && required ? NULL : c, def->torch, buf, sizeof buf);
	field(o, "pytorch", buf);
	return EXEC_OK;
}

static enum exec_status exec_help(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	size_t len = strlen(cmd->topic);
	const char *text = help_text(cmd->topic, len);
	if (text) {
		out_puts(env->out, text);
		return EXEC_OK;
	}
	const struct actfn_def *def = actfn_lookup(cmd->topic, len);
	if (def) {
		struct cmd info;
		memset(&info, 0, sizeof info);
		info.kind = CMD_INFO;
		info.ncurves = 1;
		actfn_curve_default(&info.curve[0].fn, def);
		actfn_label(&info.curve[0].fn, info.curve[0].label, sizeof info.curve[0].label);
		info.curve[0].bare = true;
		return exec_info(env, &info);
	}
	const char *const *topics = help_topics();
	size_t ntopics = 0;
	while (topics[ntopics])
		ntopics++;
	const char *sug = util_closest(cmd->topic, len, topics, ntopics);
	if (!sug)
		sug = actfn_suggest(cmd->topic, len);
	if (sug)
		return diag_set(d, cmd->topic_off, "no help on '%s' (did you mean '%s'?)", cmd->topic, sug);
	return diag_set(d, cmd->topic_off, "no help on '%s' (help alone lists the topics)", cmd->topic);
}

enum exec_status exec_command(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	if (env->work_left) {
		double work = exec_work(env, cmd);
		if (work > *env->work_left)
			return diag_set(d, cmd->off, "this would take about %.3g ms (at most %.3g ms left "
			                "in the fuzzing budget)", work / 1e6, *env->work_left / 1e6);
		*env->work_left -= work;
	}
	switch (cmd->kind) {
	case CMD_EMPTY:
		return EXEC_OK;
	case CMD_PLOT:
		return exec_plot(env, cmd, d);
	case CMD_AT:
		return exec_at(env, cmd);
	case CMD_TABLE:
		return exec_table(env, cmd, d);
	case CMD_SET:
		return exec_set(env, cmd);
	case CMD_SHOW:
		return exec_show(env, cmd);
	case CMD_LIST:
		return exec_list(env);
	case CMD_INFO:
		return exec_info(env, cmd);
	case CMD_HELP:
		return exec_help(env, cmd, d);
	case CMD_QUIT:
		return EXEC_QUIT;
	case CMD_DEAD:
		return exec_dead(env, cmd, d);
	case CMD_HIST:
		return exec_hist(env, cmd, d);
	case CMD_SWEEP:
		return exec_sweep(env, cmd, d);
	case CMD_TRAIN:
		return exec_train(env, cmd, d);
	}
	return EXEC_OK;
}
