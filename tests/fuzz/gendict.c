/* gendict.c: prints the words of the language from the program's own
 * tables, one "SECTION WORD" a line, for tests/fuzz/gendict.sh to turn
 * into the fuzzing dictionary (so it never drifts from the code). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "actfn.h"
#include "help.h"
#include "clause.h"
#include "command.h"
#include "parser.h"
#include "settings.h"
#include "tab.h"

static void words(const char *section, const char *const *w)
{
	for (; *w; w++)
		printf("%s %s\n", section, *w);
}

int main(void)
{
	words("command", command_words());
	for (size_t i = 0; i < clause_count(); i++)
		printf("clause %s\n", clause_at(i)->word);
	for (size_t i = 0; i < clause_count(); i++)
		if (clause_at(i)->words)
			words("word", clause_at(i)->words);
	words("setting", settings_names());
	for (int i = 0; i < SET_COUNT; i++)
		if (settings_def((enum setting)i)->alias)
			printf("setting %s\n", settings_def((enum setting)i)->alias);
	words("format", tab_format_names());
	for (int k = SETTING_RANGE; k <= SETTING_ONOFF; k++)
		if (settings_value_words((enum setting_kind)k))
			words("word", settings_value_words((enum setting_kind)k));
	words("help", help_topics());
	for (size_t i = 0; i < actfn_count(); i++) {
		const struct actfn_def *def = actfn_at(i);
		printf("activation %s\n", def->name);
		words("alias", def->aliases);
		for (int k = 0; k < def->nparams; k++) {
			const struct actfn_param *pp = &def->param[k];
			printf("param %s\n", pp->name);
			if (pp->alias)
				printf("param %s\n", pp->alias);
			if (pp->type == ACTFN_CHOICE)
				words("choice", pp->choices);
		}
	}
	/* def's expression language: its functions, constants and operators */
	words("expr", actfn_user_words());
	static const char *const ops[] = {"^", "**", "<=", ">=", "==", "!=", "(x)", "=", NULL};
	words("expr", ops);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
