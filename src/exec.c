/* exec.c: runs a command record through its entry in the command table,
 * and what the commands share: the plot a session draws, how a grid of x
 * values is rounded, colour and braille. Output goes to env->out, never
 * to stdio; nothing here knows whether that is a pipe, a terminal or the
 * UI. */
#define _POSIX_C_SOURCE 200809L
#include "exec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "describe.h"
#include "num.h"

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

void exec_picture(struct exec_env *env, const struct plot_grid *g, const struct plot_spec *spec,
                  int index)
{
	env->pictures++;
	if (env->capture)
		env->capture(env->capture_ctx, g, spec, index);
	else if (env->grid_hook)
		env->grid_hook(env->hook_ctx, g, index);
	else
		render_text(env->out, g, exec_color(env) ? env->pal : NULL);
}

enum exec_status exec_describe(struct exec_env *env, const struct cmd *cmd,
                               const struct range *r, struct diag *d)
{
	struct describe_curve curves[LIMIT_CURVES];
	for (int i = 0; i < cmd->ncurves; i++)
		curves[i] = (struct describe_curve){&cmd->curve[i].fn, cmd->curve[i].label};
	struct describe_spec spec = {.curve = curves, .ncurves = cmd->ncurves, .xlo = r->lo,
	                             .xhi = r->hi, .samples = env->set->samples,
	                             .deriv = env->set->deriv};
	if (describe_write(env->out, &spec) < 0)
		return diag_set(d, cmd->off, "out of memory");
	return EXEC_OK;
}

enum exec_status exec_command(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	if (!cmd->command)
		return EXEC_OK;
	return cmd->command->exec(env, cmd, d);
}
