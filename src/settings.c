/* settings.c: the session's settings: their table (names, kinds of value,
 * limits, help), defaults, and how each is set and shown. */
#define _POSIX_C_SOURCE 200809L
#include "settings.h"

#include <stddef.h>

#include "num.h"
#include "tab.h"
#include "util.h"

#define AT(f) offsetof(struct settings, f)

static const struct setting_def defs[SET_COUNT] = {
	[SET_RANGE] = {"range", NULL, SETTING_RANGE, 0, 0, AT(range), "LO..HI",
	               "default x range of plots and tables (-3..3)"},
	[SET_SAMPLES] = {"samples", NULL, SETTING_COUNT, LIMIT_SAMPLES_MIN, LIMIT_SAMPLES_MAX,
	                 AT(samples), "N", "points per curve in a plot, 2..100000 (201)"},
	[SET_FORMAT] = {"format", NULL, SETTING_FORMAT, 0, 0, AT(format), "FORMAT",
	                "{formats}, for at, table and plots"},
	[SET_WIDTH] = {"width", NULL, SETTING_SIZE, LIMIT_WIDTH_MIN, LIMIT_WIDTH_MAX, AT(width),
	               "N | auto", "plot width, 20..1000 columns (auto: the terminal's)"},
	[SET_HEIGHT] = {"height", NULL, SETTING_SIZE, LIMIT_HEIGHT_MIN, LIMIT_HEIGHT_MAX,
	                AT(height), "N | auto", "plot height, 8..500 rows"},
	[SET_COLOR] = {"color", "colour", SETTING_TRISTATE, 0, 0, AT(color), "on|off|auto",
	               "colour escapes (auto: on a terminal without NO_COLOR)"},
	[SET_ASCII] = {"ascii", NULL, SETTING_TRISTATE, 0, 0, AT(ascii), "on|off",
	               "ASCII plots; off: braille where the locale is UTF-8"},
	[SET_DERIV] = {"deriv", "derivative", SETTING_ONOFF, 0, 0, AT(deriv), "on|off",
	               "the derivative panel under the function panel"},
	[SET_DESCRIBE] = {"describe", NULL, SETTING_ONOFF, 0, 0, AT(describe), "on|off",
	                  "each plot also in words, under it (off)"},
};

const struct setting_def *settings_def(enum setting which)
{
	return &defs[which];
}

void settings_default(struct settings *s)
{
	s->range = (struct range){-3, 3, 0, 0};
	s->samples = 201;
	s->format = TAB_TEXT;
	s->width = 0;
	s->height = 0;
	s->color = TRI_AUTO;
	s->ascii = TRI_OFF;
	s->deriv = true;
	s->describe = false;
}

const char *settings_name(enum setting which)
{
	return defs[which].name;
}

int settings_lookup(const char *word, size_t len)
{
	for (int i = 0; i < SET_COUNT; i++)
		if (util_word_eq(word, len, defs[i].name))
			return i;
	for (int i = 0; i < SET_COUNT; i++)
		if (defs[i].alias && util_word_eq(word, len, defs[i].alias))
			return i;
	return -1;
}

const char *const *settings_names(void)
{
	static const char *names[SET_COUNT + 1];
	for (int i = 0; i < SET_COUNT; i++)
		names[i] = defs[i].name;
	return names;
}

void settings_apply(struct settings *s, enum setting which, long ival, int choice,
                    const struct range *range)
{
	void *field = (char *)s + defs[which].field;
	switch (defs[which].kind) {
	case SETTING_RANGE:
		*(struct range *)field = *range;
		break;
	case SETTING_COUNT:
	case SETTING_SIZE:
		*(long *)field = ival;
		break;
	case SETTING_FORMAT:
		*(int *)field = choice;
		break;
	case SETTING_TRISTATE:
		*(enum tristate *)field = (enum tristate)choice;
		break;
	case SETTING_ONOFF:
		*(bool *)field = choice == TRI_ON;
		break;
	}
}

/* Indexed by enum tristate. */
static const char *const tristate_words[] = {"auto", "on", "off", NULL};
static const char *const onoff_words[] = {"on", "off", NULL};
static const char *const auto_words[] = {"auto", NULL};

const char *const *settings_value_words(enum setting_kind kind)
{
	static const char *const tristate_offer[] = {"on", "off", "auto", NULL};
	switch (kind) {
	case SETTING_TRISTATE:
		return tristate_offer;
	case SETTING_ONOFF:
		return onoff_words;
	case SETTING_SIZE:
		return auto_words;
	case SETTING_FORMAT:
		return tab_format_names();
	case SETTING_RANGE:
	case SETTING_COUNT:
		break;
	}
	return NULL;
}

int settings_choice(enum setting_kind kind, const char *word, size_t len)
{
	static const struct {
		const char *word;
		enum tristate value;
	} also[] = {{"yes", TRI_ON}, {"always", TRI_ON}, {"no", TRI_OFF}, {"never", TRI_OFF}};
	for (int i = 0; tristate_words[i]; i++)
		if (util_word_eq(word, len, tristate_words[i]))
			return i == TRI_AUTO && kind != SETTING_TRISTATE ? -1 : i;
	for (size_t i = 0; i < sizeof also / sizeof also[0]; i++)
		if (util_word_eq(word, len, also[i].word))
			return also[i].value;
	return -1;
}

static const char *tri_name(enum tristate t)
{
	return tristate_words[t];
}

void settings_show(struct out *o, const struct settings *s, enum setting which)
{
	const void *field = (const char *)s + defs[which].field;
	out_printf(o, "%-8s ", defs[which].name);
	switch (defs[which].kind) {
	case SETTING_RANGE: {
		const struct range *r = field;
		out_num(o, r->lo);
		out_puts(o, "..");
		out_num(o, r->hi);
		break;
	}
	case SETTING_COUNT:
		out_printf(o, "%ld", *(const long *)field);
		break;
	case SETTING_SIZE:
		if (*(const long *)field)
			out_printf(o, "%ld", *(const long *)field);
		else
			out_puts(o, auto_words[0]);
		break;
	case SETTING_FORMAT:
		out_puts(o, tab_format_name(*(const int *)field));
		break;
	case SETTING_TRISTATE:
		out_puts(o, tri_name(*(const enum tristate *)field));
		break;
	case SETTING_ONOFF:
		out_puts(o, tri_name(*(const bool *)field ? TRI_ON : TRI_OFF));
		break;
	}
	out_putc(o, '\n');
}
