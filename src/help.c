/* help.c: the text of `help` and `help TOPIC`: the commands' own, from
 * the command table, and the topics that are not commands. */
#define _POSIX_C_SOURCE 200809L
#include "help.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "keys.h"
#include "settings.h"
#include "tab.h"
#include "util.h"

struct topic {
	const char *name;
	const char *text;
};

/* The topics that are not commands, each listed after the command whose
 * `also` names it, or at the end. */
static const struct topic topics[] = {
	{"at",
	 "NAME [PARAMS] [, ...] at P, P, ...\n"
	 "\n"
	 "Prints x, f(x) and f'(x) at each point (up to 10000). Points are any numbers,\n"
	 "inf, -inf and nan included:  relu at -1, 0, 1, 2  gives 0, 0, 1, 2 as\n"
	 "torch.relu(torch.tensor([-1., 0., 1., 2.])) does, and f' 0, 0, 1, 1.\n"},
	{"ranges",
	 "A range is LO..HI with finite LO < HI: -3..3, -1e-3..1e-3, 0..1e308.\n"
	 "HI - LO must be finite and at least 1e-12 of the larger end.\n"
	 "`on LO..HI` applies to one command; `set range LO..HI` changes the default.\n"
	 "[LO, HI] and LO:HI are read as LO..HI: relu on [-3, 3] is relu on -3..3.\n"},
	{"numbers",
	 "Numbers: an optional sign, digits with an optional decimal point and exponent\n"
	 "(1.5, -2e-3, .5), hex floats (0x1p-3), inf, infinity and nan in any case.\n"
	 "Output uses the shortest of 15, 16 or 17 significant digits that reads back\n"
	 "as the same double; nan, inf, -inf and -0 are written as such.\n"},
	{"formats",
	 "{format-lines}"
	 "Choose with -f FORMAT or set format FORMAT. info, help and show stay text.\n"},
	{"keys",
	 "Keys of the full-screen interface (the prompt keeps all of readline's):\n"
	 "\n"
	 "{keys}"},
	{"dying",
	 "The dying ReLU problem.\n"
	 "\n"
	 "ReLU(x) = max(0, x) has derivative 1 for x > 0 and 0 for x <= 0 (relu'(0) = 0\n"
	 "in PyTorch). A neuron whose pre-activation is negative for every input\n"
	 "outputs exactly 0 and receives exactly zero gradient: gradient descent can\n"
	 "never change its weights again, so it stays dead. A large learning rate or a\n"
	 "strongly negative bias can kill many neurons at once.\n"
	 "\n"
	 "The same zero output for negative inputs is also what makes ReLU sparse.\n"
	 "The fixes keep a gradient for x <= 0:\n"
	 "  leaky 0.01    slope 0.01 for x <= 0\n"
	 "  prelu         a slope the network learns (starts at 0.25)\n"
	 "  elu           alpha*(exp(x) - 1) for x <= 0, gradient alpha*exp(x) > 0\n"
	 "Compare:  relu, leaky 0.1, elu on -3..3\n"
	 "In numbers:  dead relu, leaky 0.01, elu      (p_dead 0.5 for relu)\n"
	 "In a layer:  sweep bias -8..0\n"
	 "Training:    train relu, leaky 0.01, elu, prelu\n"},
};

#define NTOPICS (sizeof topics / sizeof topics[0])

/* Other words people try for the same topic. */
static const struct topic aliases[] = {
	{"exit", "quit"},    {"range", "ranges"}, {"on", "ranges"}, {"format", "formats"},
	{"step", "table"},   {"die", "dying"},    {"number", "numbers"}, {"layer", "dead"},
	{"histogram", "hist"},
	{"settings", "set"},
};

/* What a placeholder of the help texts stands for, from its table. */
static void fill(const char *name, size_t n, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	if (n == 7 && strncmp(name, "formats", n) == 0) {
		tab_format_list(buf, size);
	} else if (n == 12 && strncmp(name, "format-lines", n) == 0) {
		tab_format_about(buf, size);
	} else if (n == 4 && strncmp(name, "keys", n) == 0) {
		keys_help(buf, size);
	} else if (n == 20 && strncmp(name, "settings-after-range", n) == 0) {
		/* after "  set range -5..5               also: ", lined up under
		 * itself within 79 columns */
		enum { START = 38, WIDTH = 79 };
		size_t col = START;
		for (int i = 1; i < SET_COUNT; i++) {
			const char *word = settings_name((enum setting)i);
			bool wrap = i > 1 && col + 2 + strlen(word) + 1 > WIDTH;
			util_append(buf, size, &len, "%s%*s%s", i == 1 ? "" : wrap ? ",\n" : ", ",
			            wrap ? START : 0, "", word);
			col = (wrap ? START : col + (i > 1 ? 2 : 0)) + strlen(word);
		}
	} else if (n == 14 && strncmp(name, "settings-usage", n) == 0) {
		for (int i = 0; i < SET_COUNT; i++) {
			const struct setting_def *d = settings_def((enum setting)i);
			char head[32];
			snprintf(head, sizeof head, "%s %s", d->name, d->usage);
			util_append(buf, size, &len, "set %-20s%s\n", head, d->about);
		}
	}
}

/* A text with its facts filled in from their tables, in two passes (a
 * setting's line may name the formats): {formats}, {format-lines},
 * {keys}, {settings-after-range}, {settings-usage}. */
static const char *expand(const char *text)
{
	static char buf[2][4096];
	for (int pass = 0; pass < 2 && strchr(text, '{'); pass++) {
		size_t len = 0;
		char *out = buf[pass];
		out[0] = '\0';
		for (const char *s = text; *s;) {
			const char *close = *s == '{' ? strchr(s, '}') : NULL;
			if (close) {
				char value[2048];
				fill(s + 1, (size_t)(close - s - 1), value, sizeof value);
				util_append(out, sizeof buf[pass], &len, "%s", value);
				s = close + 1;
			} else {
				util_append(out, sizeof buf[pass], &len, "%c", *s++);
			}
		}
		text = out;
	}
	return text;
}

/* Whether an extra topic is listed after a command (plot's at). */
static bool follows_command(const char *name)
{
	for (size_t i = 0; i < command_count(); i++)
		if (command_at(i)->also && strcmp(command_at(i)->also, name) == 0)
			return true;
	return false;
}

/* Appends word to the topic list, wrapping it at 80 columns. */
static void list_word(char *buf, size_t size, size_t *len, size_t *col, const char *word)
{
	size_t w = strlen(word);
	if (*col + 1 + w > 80) {
		util_append(buf, size, len, "\n");
		*col = 0;
	} else if (*col > 0) {
		util_append(buf, size, len, " ");
		(*col)++;
	}
	util_append(buf, size, len, "%s", word);
	*col += w;
}

/* The overview: every command's lines, then the topics. */
static const char *overview(void)
{
	static char text[4096];
	if (text[0])
		return text;
	size_t len = 0, col = 0;
	util_append(text, sizeof text, &len,
	            "actviz: see and measure neural-network activation functions.\n\n");
	for (size_t i = 0; i < command_count(); i++)
		util_append(text, sizeof text, &len, "%s", expand(command_at(i)->overview));
	util_append(text, sizeof text, &len, "\n");
	list_word(text, sizeof text, &len, &col, "Topics:");
	char word[40];
	for (size_t i = 0; i < command_count(); i++) {
		const struct command *c = command_at(i);
		if (!c->listed)
			continue;
		snprintf(word, sizeof word, "%s,", c->name);
		list_word(text, sizeof text, &len, &col, word);
		if (c->also) {
			snprintf(word, sizeof word, "%s,", c->also);
			list_word(text, sizeof text, &len, &col, word);
		}
	}
	for (size_t i = 0; i < NTOPICS; i++) {
		if (follows_command(topics[i].name))
			continue;
		snprintf(word, sizeof word, "%s,", topics[i].name);
		list_word(text, sizeof text, &len, &col, word);
	}
	static const char *const tail[] = {"and", "the", "name", "of", "any", "activation."};
	for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
		list_word(text, sizeof text, &len, &col, tail[i]);
	util_append(text, sizeof text, &len, "\n# starts a comment.\n");
	return text;
}

const char *const *help_topics(void)
{
	static const char *names[64];
	if (!names[0]) {
		size_t n = 0;
		for (size_t i = 0; i < command_count(); i++) {
			const struct command *c = command_at(i);
			names[n++] = c->name;
			if (c->also)
				names[n++] = c->also;
		}
		for (size_t i = 0; i < NTOPICS; i++)
			if (!follows_command(topics[i].name))
				names[n++] = topics[i].name;
	}
	return names;
}

static const char *lookup(const char *topic, size_t len)
{
	for (size_t i = 0; i < command_count(); i++)
		if (util_word_eq(topic, len, command_at(i)->name))
			return command_at(i)->help;
	for (size_t i = 0; i < NTOPICS; i++)
		if (util_word_eq(topic, len, topics[i].name))
			return topics[i].text;
	return NULL;
}

const char *help_text(const char *topic, size_t len)
{
	if (len == 0)
		return overview();
	const char *text = lookup(topic, len);
	for (size_t i = 0; !text && i < sizeof aliases / sizeof aliases[0]; i++)
		if (util_word_eq(topic, len, aliases[i].name))
			text = lookup(aliases[i].text, strlen(aliases[i].text));
	return text ? expand(text) : NULL;
}
