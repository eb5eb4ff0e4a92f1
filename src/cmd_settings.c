/* cmd_settings.c: set and show, the session's settings (the settings
 * themselves are in settings.c). */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <stdio.h>

#include "tab.h"
#include "util.h"

static int parse_onoff(struct parser *p, struct cmd *cmd, bool allow_auto)
{
	const struct token *t = parser_peek(p, 0);
	if (parser_is_word(p, t, "on") || parser_is_word(p, t, "yes") || parser_is_word(p, t, "always"))
		cmd->choice = TRI_ON;
	else if (parser_is_word(p, t, "off") || parser_is_word(p, t, "no") || parser_is_word(p, t, "never"))
		cmd->choice = TRI_OFF;
	else if (allow_auto && parser_is_word(p, t, "auto"))
		cmd->choice = TRI_AUTO;
	else
		return parser_unexpected(p, t, allow_auto ? "on, off or auto" : "on or off");
	parser_next(p);
	return 0;
}

static int parse_size(struct parser *p, struct cmd *cmd, const char *what, long min, long max)
{
	const struct token *t = parser_peek(p, 0);
	if (parser_is_word(p, t, "auto")) {
		parser_next(p);
		cmd->ival = 0;
		return 0;
	}
	if (t->kind != TOK_NUMBER)
		return parser_unexpected(p, t, "a number or 'auto'");
	return parser_count(p, what, min, max, &cmd->ival);
}

static int parse_set(struct parser *p, struct cmd *cmd)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind != TOK_WORD)
		return parser_unexpected(p, t, "a setting: range, samples, format, width, height, color, ascii "
		                        "or deriv");
	int which = settings_lookup(parser_text(p, t), t->len);
	if (which < 0) {
		const char *sug = util_closest(parser_text(p, t), t->len, settings_names(), SET_COUNT);
		if (sug)
			return diag_set(p->d, t->off, "unknown setting '%.*s' (did you mean '%s'?)", PARSER_QLEN(t),
			                parser_text(p, t), sug);
		return diag_set(p->d, t->off, "unknown setting '%.*s' (show settings lists them)",
		                PARSER_QLEN(t), parser_text(p, t));
	}
	parser_next(p);
	cmd->setting = (enum setting)which;
	int rc = 0;
	switch (cmd->setting) {
	case SET_RANGE:
		rc = parser_range(p, &cmd->range, &cmd->value_off[CLAUSE_ON]);
		break;
	case SET_SAMPLES:
		rc = parser_count(p, "samples", LIMIT_SAMPLES_MIN, LIMIT_SAMPLES_MAX, &cmd->ival);
		break;
	case SET_FORMAT: {
		const struct token *v = parser_peek(p, 0);
		int f = v->kind == TOK_WORD ? tab_format_lookup(parser_text(p, v), v->len) : -1;
		if (f < 0) {
			char list[64], expected[80];
			tab_format_list(list, sizeof list);
			snprintf(expected, sizeof expected, "a format: %s", list);
			return parser_unexpected(p, v, expected);
		}
		parser_next(p);
		cmd->choice = f;
		break;
	}
	case SET_WIDTH:
		rc = parse_size(p, cmd, "width", LIMIT_WIDTH_MIN, LIMIT_WIDTH_MAX);
		break;
	case SET_HEIGHT:
		rc = parse_size(p, cmd, "height", LIMIT_HEIGHT_MIN, LIMIT_HEIGHT_MAX);
		break;
	case SET_COLOR:
		rc = parse_onoff(p, cmd, true);
		break;
	case SET_ASCII:
	case SET_DERIV:
		rc = parse_onoff(p, cmd, false);
		break;
	case SET_COUNT:
		break;
	}
	return rc < 0 ? rc : parser_end(p);
}

static int parse_show(struct parser *p, struct cmd *cmd)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind == TOK_END || parser_is_word(p, t, "settings") || parser_is_word(p, t, "all")) {
		cmd->show_all = true;
		parser_next(p);
		return parser_end(p);
	}
	int which = t->kind == TOK_WORD ? settings_lookup(parser_text(p, t), t->len) : -1;
	if (which < 0)
		return parser_unexpected(p, t, "'settings' or the name of a setting");
	parser_next(p);
	cmd->setting = (enum setting)which;
	return parser_end(p);
}

static enum exec_status exec_set(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)d;
	struct settings *s = env->set;
	switch (cmd->setting) {
	case SET_RANGE:
		s->range = cmd->range;
		break;
	case SET_SAMPLES:
		s->samples = cmd->ival;
		break;
	case SET_FORMAT:
		s->format = cmd->choice;
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

static enum exec_status exec_show(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)d;
	if (!cmd->show_all) {
		settings_show(env->out, env->set, cmd->setting);
		return EXEC_OK;
	}
	for (int i = 0; i < SET_COUNT; i++)
		settings_show(env->out, env->set, (enum setting)i);
	return EXEC_OK;
}

const struct command command_set_entry = {
	.name = "set",
	.kind = CMD_SET,
	.parse = parse_set,
	.exec = exec_set,
	.overview = "  set range -5..5               also: samples, format, width, height, color, ascii, deriv\n",
	.help = "set range LO..HI        default x range of plots and tables (-3..3)\n"
	 "set samples N           points per curve in a plot, 2..100000 (201)\n"
	 "set format FORMAT       {formats}, for at, table and plots\n"
	 "set width N | auto      plot width, 20..1000 columns (auto: the terminal's)\n"
	 "set height N | auto     plot height, 8..500 rows\n"
	 "set color on|off|auto   colour escapes (auto: on a terminal without NO_COLOR)\n"
	 "set ascii on|off        ASCII plots; off: braille where the locale is UTF-8\n"
	 "set deriv on|off        the derivative panel under the function panel\n",
	.arg = COMMAND_ARG_SETTING,
	.listed = true,
};

const struct command command_show_entry = {
	.name = "show",
	.kind = CMD_SHOW,
	.parse = parse_show,
	.exec = exec_show,
	.overview = "  show settings                 the current settings\n",
	.help = "show [settings]         every setting and its value\n"
	 "show NAME               one of them (show range)\n",
	.arg = COMMAND_ARG_SHOW,
	.listed = true,
};
