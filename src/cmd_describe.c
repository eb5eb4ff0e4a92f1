/* cmd_describe.c: describe, a plot in words (for a screen reader or a
 * transcript): what each curve does on the window and how they compare. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

static enum exec_status exec_describe_cmd(struct exec_env *env, const struct cmd *cmd,
                                          struct diag *d)
{
	const struct range *r = cmd_has(cmd, CL_ON) ? &cmd->range : &env->set->range;
	return exec_describe(env, cmd, r, d);
}

const struct command command_describe_entry = {
	.name = "describe",
	.kind = CMD_DESCRIBE,
	.clauses = CL_ON,
	.exec = exec_describe_cmd,
	.overview = "  describe relu, leaky 0.01     a plot in words, for a screen reader\n",
	.help = "describe NAME [PARAMS] [, NAME [PARAMS] ...] [on LO..HI]\n"
	 "\n"
	 "Says in sentences what the plot of the same curves shows, for a screen\n"
	 "reader or a transcript: for each curve its values at the ends of the window\n"
	 "and its lowest and highest points; where f is below zero, 0 or above zero,\n"
	 "and where it holds one value; the same for f' (unless set deriv off); each\n"
	 "kink or jump inside the window, with the value at the point itself\n"
	 "(relu'(0) = 0); then how each curve compares with the first. It reads the\n"
	 "plot's own samples (set samples) and the kink table, so a point between two\n"
	 "samples is given as about X, to their spacing. Text in every format.\n"
	 "set describe on (or the option --describe) adds this under every plot.\n",
	.arg = COMMAND_ARG_CURVES,
	.listed = true,
};
