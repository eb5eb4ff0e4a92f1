/* settings.c: names and defaults of the session's settings. */
#define _POSIX_C_SOURCE 200809L
#include "settings.h"

#include "num.h"
#include "tab.h"
#include "util.h"

static const char *const setting_names[SET_COUNT + 1] = {
	[SET_RANGE] = "range",   [SET_SAMPLES] = "samples", [SET_FORMAT] = "format",
	[SET_WIDTH] = "width",   [SET_HEIGHT] = "height",   [SET_COLOR] = "color",
	[SET_ASCII] = "ascii",   [SET_DERIV] = "deriv",     [SET_COUNT] = NULL,
};

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
}

const char *settings_name(enum setting which)
{
	return setting_names[which];
}

int settings_lookup(const char *word, size_t len)
{
	for (int i = 0; i < SET_COUNT; i++)
		if (util_word_eq(word, len, setting_names[i]))
			return i;
	if (util_word_eq(word, len, "colour"))
		return SET_COLOR;
	if (util_word_eq(word, len, "derivative"))
		return SET_DERIV;
	return -1;
}

const char *const *settings_names(void)
{
	return setting_names;
}

static const char *tri_name(enum tristate t)
{
	return t == TRI_AUTO ? "auto" : (t == TRI_ON ? "on" : "off");
}

void settings_show(struct out *o, const struct settings *s, enum setting which)
{
	out_printf(o, "%-8s ", setting_names[which]);
	switch (which) {
	case SET_RANGE:
		out_num(o, s->range.lo);
		out_puts(o, "..");
		out_num(o, s->range.hi);
		break;
	case SET_SAMPLES:
		out_printf(o, "%ld", s->samples);
		break;
	case SET_FORMAT:
		out_puts(o, tab_format_name(s->format));
		break;
	case SET_WIDTH:
	case SET_HEIGHT: {
		long v = which == SET_WIDTH ? s->width : s->height;
		if (v)
			out_printf(o, "%ld", v);
		else
			out_puts(o, "auto");
		break;
	}
	case SET_COLOR:
		out_puts(o, tri_name(s->color));
		break;
	case SET_ASCII:
		out_puts(o, tri_name(s->ascii));
		break;
	case SET_DERIV:
		out_puts(o, s->deriv ? "on" : "off");
		break;
	case SET_COUNT:
		break;
	}
	out_putc(o, '\n');
}
