/* keys.c: the full screen's key table. A key is a line here; its action
 * is a line in the UI's table of actions (tui_keys.c) if it is a new one. */
#define _POSIX_C_SOURCE 200809L
#include "keys.h"

#include "util.h"

static const struct key_entry table[] = {
	{{KEYC_F(1)}, "F1", "this help (any key closes it)", KEY_ACT_HELP, false},
	{{KEYC_F(2)}, "F2", "derivative panel on or off", KEY_ACT_DERIV, false},
	{{KEYC_F(3)}, "F3 / F4", "select the previous / next curve", KEY_ACT_CURVE_PREV, false},
	{{KEYC_F(4)}, NULL, NULL, KEY_ACT_CURVE_NEXT, false},
	{{KEYC_F(5)}, "F5 / F6", "its first parameter down / up a small step", KEY_ACT_PARAM_DOWN, false},
	{{KEYC_F(6)}, NULL, NULL, KEY_ACT_PARAM_UP, false},
	{{KEYC_F(7)}, "F7 / F8", "down / up a large step (ten small ones)", KEY_ACT_PARAM_DOWN_LARGE, false},
	{{KEYC_F(8)}, NULL, NULL, KEY_ACT_PARAM_UP_LARGE, false},
	{{KEYC_ALT_LEFT}, "Alt-Left/Right", "pan the x range", KEY_ACT_PAN_LEFT, false},
	{{KEYC_ALT_RIGHT}, NULL, NULL, KEY_ACT_PAN_RIGHT, false},
	{{KEYC_ALT_UP}, "Alt-Up/Down", "zoom the x range in / out", KEY_ACT_ZOOM_IN, false},
	{{KEYC_ALT_DOWN}, NULL, NULL, KEY_ACT_ZOOM_OUT, false},
	{{KEYC_SHIFT_UP}, "Shift-Up/Down", "zoom the y axes in / out", KEY_ACT_YZOOM_IN, false},
	{{KEYC_SHIFT_DOWN}, NULL, NULL, KEY_ACT_YZOOM_OUT, false},
	{{KEYC_F(9), KEYC_ALT_0}, "F9 or Alt-0", "reset the view to the command's range", KEY_ACT_HOME, false},
	{{KEYC_PGUP}, "PgUp / PgDn", "scroll the messages", KEY_ACT_SCROLL_BACK, false},
	{{KEYC_PGDN}, NULL, NULL, KEY_ACT_SCROLL_ON, false},
	{{KEYC_CTRL('l')}, "Ctrl-L", "redraw", KEY_ACT_REDRAW, false},
	/* the terminal's SIGINT, and readline's end of input */
	{{KEYC_CTRL('c')}, "Ctrl-C", "clears the line", KEY_ACT_NONE, true},
	{{KEYC_CTRL('d')}, "Ctrl-D or quit", "leaves", KEY_ACT_NONE, true},
	/* done by the line's own handling (tui.c, tui_keys.c) */
	{{KEYC_ENTER, KEYC_BACKSPACE}, "Enter/Bksp/q", "in a lesson, on an empty line: next step, "
	 "back, leave", KEY_ACT_NONE, false},
};

#define NKEYS (sizeof table / sizeof table[0])

size_t keys_count(void)
{
	return NKEYS;
}

const struct key_entry *keys_at(size_t i)
{
	return i < NKEYS ? &table[i] : NULL;
}

enum key_action keys_action(enum key_code key)
{
	for (size_t i = 0; i < NKEYS; i++)
		for (int k = 0; k < KEY_ENTRY_KEYS && table[i].keys[k] != KEYC_NONE; k++)
			if (table[i].keys[k] == key)
				return table[i].action;
	return KEY_ACT_NONE;
}

size_t keys_help(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < NKEYS; i++) {
		const struct key_entry *e = &table[i];
		if (!e->label)
			continue;
		if (!e->same_line)
			util_append(buf, size, &len, "%s  %-16s %s", i ? "\n" : "", e->label, e->help);
		else
			util_append(buf, size, &len, ";  %s %s", e->label, e->help);
	}
	util_append(buf, size, &len, "\n");
	return len;
}
