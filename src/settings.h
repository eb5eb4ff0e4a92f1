/* settings.h: the session's settings (range, samples, format...): their
 * names, limits and values, shared by the parser, executor and UIs. */
#ifndef ACTVIZ_SETTINGS_H
#define ACTVIZ_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "out.h"

enum tristate { TRI_AUTO, TRI_ON, TRI_OFF };

enum setting {
	SET_RANGE,
	SET_SAMPLES,
	SET_FORMAT,
	SET_WIDTH,
	SET_HEIGHT,
	SET_COLOR,
	SET_ASCII,
	SET_DERIV,
	SET_DESCRIBE,
	SET_COUNT,
};

/* Documented limits (man page, LIMITS); checked before anything is
 * allocated, never clamped in silence. */
#define LIMIT_LINE 65536
#define LIMIT_CURVES 16
#define LIMIT_POINTS 10000
#define LIMIT_TABLE_ROWS 1000000
#define LIMIT_SAMPLES_MIN 2
#define LIMIT_SAMPLES_MAX 100000
#define LIMIT_WIDTH_MIN 20
#define LIMIT_WIDTH_MAX 1000
#define LIMIT_HEIGHT_MIN 8
#define LIMIT_HEIGHT_MAX 500

struct range {
	double lo, hi;
	int lo_dec, hi_dec; /* decimals as typed (num_decimals), for table rounding */
};

struct settings {
	struct range range;
	long samples;
	int format;           /* tab.c's registry: 0 (TAB_TEXT) is text */
	long width, height;   /* 0: the terminal's (or 80x24) */
	enum tristate color;  /* TRI_AUTO: on a terminal, unless NO_COLOR */
	enum tristate ascii;  /* TRI_ON: ASCII only; TRI_OFF: braille in a UTF-8 locale */
	bool deriv;           /* draw the derivative panel */
	bool describe;        /* plots drawn as text say in words what they show */
};

/* What a setting's value is. */
enum setting_kind {
	SETTING_RANGE,    /* LO..HI */
	SETTING_COUNT,    /* a whole number in [min, max] */
	SETTING_SIZE,     /* the same, or auto (0) */
	SETTING_FORMAT,   /* a format's name (tab.c) */
	SETTING_TRISTATE, /* on, off or auto */
	SETTING_ONOFF,    /* on or off */
};

/* The settings' table: set, show, their messages and help read it. */
struct setting_def {
	const char *name;
	const char *alias;  /* colour, derivative; or NULL */
	enum setting_kind kind;
	long min, max;      /* COUNT and SIZE */
	size_t field;       /* offsetof(struct settings, ...) */
	const char *usage;  /* help: "set NAME USAGE  ABOUT" */
	const char *about;
};

const struct setting_def *settings_def(enum setting which);

/* The words a value of a kind can be, as show writes them and Tab offers
 * them (on, off, auto; a format's names), NULL-terminated; NULL when the
 * value is a number or a range. */
const char *const *settings_value_words(enum setting_kind kind);
/* A TRISTATE or ONOFF value typed: TRI_ON, TRI_OFF, TRI_AUTO (tristate
 * only), or -1; yes and always mean on, no and never off. */
int settings_choice(enum setting_kind kind, const char *word, size_t len);

/* The value a `set` gives: ival (COUNT, SIZE: 0 is auto), choice (FORMAT,
 * TRISTATE, ONOFF as TRI_ON or TRI_OFF) or range. */
void settings_apply(struct settings *s, enum setting which, long ival, int choice,
                    const struct range *range);

void settings_default(struct settings *s);

/* Name of a setting ("range"), and lookup by name; -1 if unknown. */
const char *settings_name(enum setting which);
int settings_lookup(const char *word, size_t len);
/* All setting names, NULL-terminated (completion, suggestions). */
const char *const *settings_names(void);


/* Writes "name  value" for one setting, as `show` prints it. */
void settings_show(struct out *o, const struct settings *s, enum setting which);

#endif
