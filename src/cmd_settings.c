/* cmd_settings.c: set and show, the session's settings (the settings
 * themselves are in settings.c). */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <stdio.h>

#include "hint.h"
#include "tab.h"
#include "util.h"

static int parse_onoff(struct parser *p, struct cmd *cmd, enum setting_kind kind)
{
	const struct token *t = parser_peek(p, 0);
	int v = t->kind == TOK_WORD ? settings_choice(kind, parser_text(p, t), t->len) : -1;
	if (v < 0)
		return parser_unexpected(p, t, kind == SETTING_TRISTATE ? "on, off or auto" : "on or off");
	cmd->choice = v;
	parser_next(p);
	return 0;
}

static int parse_size(struct parser *p, struct cmd *cmd, const char *what, long min, long max)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind == TOK_WORD && util_word_eq(parser_text(p, t), t->len, settings_value_words(SETTING_SIZE)[0])) {
		parser_next(p);
		cmd->ival = 0;
		return 0;
	}
	if (t->kind != TOK_NUMBER)
		return parser_unexpected(p, t, "a number or 'auto'");
	return parser_count(p, what, min, max, &cmd->ival);
}

/* "range, samples, ... or deriv": the settings, as messages list them. */
static void setting_list(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < SET_COUNT; i++)
		util_append(buf, size, &len, "%s%s", i == 0 ? "" : i + 1 == SET_COUNT ? " or " : ", ",
		            settings_name((enum setting)i));
}

/* The value of a setting, by the kind of value the table gives it. */
static int parse_setting_value(struct parser *p, struct cmd *cmd, const struct setting_def *def)
{
	switch (def->kind) {
	case SETTING_RANGE:
		return parser_range(p, &cmd->range, &cmd->value_off[CLAUSE_ON]);
	case SETTING_COUNT:
		return parser_count(p, def->name, def->min, def->max, &cmd->ival);
	case SETTING_SIZE:
		return parse_size(p, cmd, def->name, def->min, def->max);
	case SETTING_FORMAT: {
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
		return 0;
	}
	case SETTING_TRISTATE:
		return parse_onoff(p, cmd, SETTING_TRISTATE);
	case SETTING_ONOFF:
		return parse_onoff(p, cmd, SETTING_ONOFF);
	}
	return 0;
}

static int parse_set(struct parser *p, struct cmd *cmd)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind != TOK_WORD) {
		char list[128], expected[160];
		setting_list(list, sizeof list);
		snprintf(expected, sizeof expected, "a setting: %s", list);
		return parser_unexpected(p, t, expected);
	}
	int which = settings_lookup(parser_text(p, t), t->len);
	if (which < 0) {
		const char *sug = util_closest(parser_text(p, t), t->len, settings_names(), SET_COUNT);
		if (sug)
			return diag_set(p->d, t->off, "unknown setting '%.*s' (did you mean '%s'?)",
			                PARSER_QLEN(t), parser_text(p, t), sug);
		return diag_set(p->d, t->off, "unknown setting '%.*s' (show settings lists them)",
		                PARSER_QLEN(t), parser_text(p, t));
	}
	parser_next(p);
	cmd->setting = (enum setting)which;
	if (parse_setting_value(p, cmd, settings_def(cmd->setting)) < 0)
		return -1;
	return parser_end(p);
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
	if (which < 0 && hint_show(p, t) < 0)
		return -1;
	if (which < 0)
		return parser_unexpected(p, t, "'settings' or the name of a setting");
	parser_next(p);
	cmd->setting = (enum setting)which;
	return parser_end(p);
}

static enum exec_status exec_set(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)d;
	settings_apply(env->set, cmd->setting, cmd->ival, cmd->choice, &cmd->range);
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
	.overview = "  set range -5..5               also: {settings-after-range}\n",
	.help = "{settings-usage}",
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
