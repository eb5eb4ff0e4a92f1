/* keys.h: the keys of the full screen, in one table: each entry the keys
 * that do it, the action, and its line in the help (the F1 box and
 * `help keys` are written from it). The codes are ours, not curses': the
 * UI maps the terminal's keys to them and runs each action. */
#ifndef ACTVIZ_KEYS_H
#define ACTVIZ_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum key_code {
	KEYC_NONE,
	KEYC_F1, /* ... to KEYC_F12: KEYC_F(n) */
	KEYC_F12 = KEYC_F1 + 11,
	KEYC_CTRL_A, /* ... to KEYC_CTRL_Z: KEYC_CTRL('a') */
	KEYC_CTRL_Z = KEYC_CTRL_A + 25,
	KEYC_ALT_LEFT,
	KEYC_ALT_RIGHT,
	KEYC_ALT_UP,
	KEYC_ALT_DOWN,
	KEYC_ALT_0,
	KEYC_SHIFT_UP,
	KEYC_SHIFT_DOWN,
	KEYC_PGUP,
	KEYC_PGDN,
	/* the line's own keys, listed for the help: the line editing sees
	 * them, and in a lesson tui.c and tui_keys.c */
	KEYC_ENTER,
	KEYC_BACKSPACE,
	KEYC_COUNT,
};

#define KEYC_F(n) ((enum key_code)(KEYC_F1 + (n) - 1))
#define KEYC_CTRL(c) ((enum key_code)(KEYC_CTRL_A + ((c) - 'a')))

enum key_action {
	KEY_ACT_NONE,        /* listed in the help, done elsewhere (Ctrl-C, Ctrl-D) */
	KEY_ACT_HELP,
	KEY_ACT_DERIV,
	KEY_ACT_CURVE_PREV,
	KEY_ACT_CURVE_NEXT,
	KEY_ACT_PARAM_DOWN,
	KEY_ACT_PARAM_UP,
	KEY_ACT_PARAM_DOWN_LARGE,
	KEY_ACT_PARAM_UP_LARGE,
	KEY_ACT_PAN_LEFT,
	KEY_ACT_PAN_RIGHT,
	KEY_ACT_ZOOM_IN,
	KEY_ACT_ZOOM_OUT,
	KEY_ACT_YZOOM_IN,
	KEY_ACT_YZOOM_OUT,
	KEY_ACT_HOME,
	KEY_ACT_SCROLL_BACK,
	KEY_ACT_SCROLL_ON,
	KEY_ACT_REDRAW,
	KEY_ACT_COUNT,
};

#define KEY_ENTRY_KEYS 2

struct key_entry {
	enum key_code keys[KEY_ENTRY_KEYS]; /* the keys that do it (KEYC_NONE: no more) */
	/* Its line in the help: "  label  help". A label of NULL: the line
	 * above tells it too ("F3 / F4 ... previous / next"); with same_line,
	 * it goes after the line above's text ("redraw;  Ctrl-C clears the
	 * line"). */
	const char *label;
	const char *help;
	enum key_action action;
	bool same_line;
};

/* The table, in the order the help lists it. */
size_t keys_count(void);
const struct key_entry *keys_at(size_t i);
/* What a key does (KEY_ACT_NONE: nothing of the table's). */
enum key_action keys_action(enum key_code key);
/* The help's lines on the keys, from the table. Returns the length. */
size_t keys_help(char *buf, size_t size);

#endif
