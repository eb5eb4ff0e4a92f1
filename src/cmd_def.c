/* cmd_def.c: def (an activation of your own, in an expression with exact
 * derivatives) and defs (the definitions in force, as def lines again). */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "util.h"

/* The text after `def`, its own language (not the command language's
 * tokens), kept for exec: definitions take effect when the line runs,
 * not when it is parsed. */
static int parse_def(const char *line, size_t len, size_t pos, struct cmd *cmd, struct diag *d)
{
	size_t off = pos;
	while (off < len && (line[off] == ' ' || line[off] == '\t'))
		off++;
	if (off >= len || line[off] == '#')
		return diag_set(d, off, "expected a definition: def NAME(x) = EXPRESSION, "
		                "as in def swish2(x) = x * sigmoid(2*x)");
	cmd->text = malloc(len - off + 1);
	if (!cmd->text)
		return diag_set(d, off, "out of memory");
	memcpy(cmd->text, line + off, len - off);
	cmd->text[len - off] = '\0';
	cmd->text_off = off;
	return 0;
}

/* A definition's name must not read as one of the language's words. */
static enum exec_status check_name(const struct cmd *cmd, struct diag *d)
{
	const char *s = cmd->text;
	size_t n = 0;
	while (s[n] && (util_lower(s[n]) >= 'a' && util_lower(s[n]) <= 'z'))
		n++;
	while (s[n] && ((s[n] >= '0' && s[n] <= '9') || s[n] == '_' ||
	                (util_lower(s[n]) >= 'a' && util_lower(s[n]) <= 'z')))
		n++;
	if (n == 0)
		return EXEC_OK;
	const char *what = command_lookup(s, n) ? "a command" :
	                   clause_lookup(s, n, ~0u) ? "a clause word" : NULL;
	if (what) {
		diag_set(d, cmd->text_off, "'%.*s' is %s: give the definition another name", (int)n, s,
		         what);
		return EXEC_ERROR;
	}
	return EXEC_OK;
}

static enum exec_status exec_def(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)env;
	if (check_name(cmd, d) != EXEC_OK)
		return EXEC_ERROR;
	struct actfn_user_error err;
	if (!actfn_user_define(cmd->text, strlen(cmd->text), &err)) {
		diag_set(d, cmd->text_off + err.off, "%s", err.msg);
		return EXEC_ERROR;
	}
	return EXEC_OK;
}

void cmd_defs_write(struct out *o)
{
	size_t n = actfn_user_count();
	if (n == 0)
		out_puts(o, "# no definitions yet: def swish2(x) = x * sigmoid(2*x)\n");
	for (size_t i = 0; i < n; i++) {
		const struct actfn_def *def = actfn_user_at(i);
		char head[ACTFN_USER_LEN];
		actfn_user_header(def, head, sizeof head);
		out_printf(o, "def %s = %s\n", head, actfn_user_source(def));
	}
}

static enum exec_status exec_defs(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)cmd;
	(void)d;
	cmd_defs_write(env->out);
	return EXEC_OK;
}

static int parse_nothing(struct parser *p, struct cmd *cmd)
{
	(void)cmd;
	return parser_end(p);
}

const struct command command_def_entry = {
	.name = "def",
	.kind = CMD_DEF,
	.arg = COMMAND_ARG_EXPR,
	.parse_raw = parse_def,
	.exec = exec_def,
	.overview = "  def sq(x) = relu(x)^2         an activation of your own, f' exact (defs lists)\n",
	.help = "def NAME(x[, P=V ...]) = EXPRESSION\n"
	        "                        defines an activation that works wherever a built-in\n"
	        "                        one does (plot, at, table, dead, train, info ...).\n"
	        "                        EXPRESSION: numbers, x, the parameters, + - * / ^,\n"
	        "                        < <= > >= == != (1 or 0), if(c, a, b), exp log log1p\n"
	        "                        expm1 sqrt abs sign erf erfc sin cos tan sinh cosh\n"
	        "                        min max pow, pi, e, the built-in activations\n"
	        "                        (leaky(x, 0.2), elu(x, alpha=2)) and earlier\n"
	        "                        definitions. f' comes from automatic differentiation,\n"
	        "                        exact to rounding; a built-in keeps its own f' at its\n"
	        "                        kinks, and at a tie max and min take the smaller f',\n"
	        "                        so def myrelu(x) = max(0, x) is relu, relu'(0) = 0.\n"
	        "                          def bent(x, a=0.1) = max(a*x, x)\n"
	        "                          bent, bent 0.3 on -2..2\n",
	.listed = true,
};

const struct command command_defs_entry = {
	.name = "defs",
	.kind = CMD_DEFS,
	.parse = parse_nothing,
	.exec = exec_defs,
	.overview = "  defs                          your definitions, as def lines\n",
	.help = "defs                    the definitions in force, each as the def line that\n"
	        "                        makes it again (defs > file.avz; load file.avz)\n",
};
