/* tui_keys.c: the full screen's keys. The terminal's (curses' KEY_*
 * codes, and the escape sequences taught to ncurses here) become ours
 * (keys.h); the key table (keys.c) says which action a key does, and the
 * table of actions below does it. Keys of no action edit the line. */
#include "tui_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "keys.h"
#include "session.h"
#include "util.h"

/* ---- what the actions do ------------------------------------------------------- */

void tui_step_param(struct tui *t, int dir, bool large)
{
	if (!t->have_plot)
		return;
	struct cmd_curve *cc = &t->plot.curve[t->selected];
	char why[160];
	if (screen_step_param(&cc->fn, dir, large, why, sizeof why) < 0) {
		tui_msg_puts(t, why);
		return;
	}
	actfn_label(&cc->fn, cc->label, sizeof cc->label);
	t->figs_valid = false;
	t->dirty = true;
}

/* A view end put on a round grid a thousandth of the width fine, through
 * its decimal text, so that panning shows -1.2 and not
 * -1.2000000000000002. */
static double snap(double v, double width)
{
	double q = dmath_pow(10, floor(dmath_log10(width / 100)));
	int dec = q < 1 ? (int)ceil(-dmath_log10(q) - 1e-9) : 0;
	char buf[400];
	snprintf(buf, sizeof buf, "%.*f", dec > 30 ? 30 : dec, nearbyint(v / q) * q);
	return strtod(buf, NULL);
}

static void set_view(struct tui *t, double lo, double hi)
{
	double w = hi - lo;
	/* the view asked for first: rounded, a width past the largest double
	 * would give NaN ends and the wrong reason */
	const char *why = parse_range_error(lo, hi);
	double a = 0, b = 0;
	if (!why) {
		a = snap(lo, w);
		b = snap(hi, w);
		why = parse_range_error(a, b);
	}
	if (why) {
		tui_msg_puts(t, why);
		return;
	}
	t->view.lo = a;
	t->view.hi = b;
	t->figs_valid = false;
	t->dirty = true;
}

static void pan(struct tui *t, double frac)
{
	double d = (t->view.hi - t->view.lo) * frac;
	set_view(t, t->view.lo + d, t->view.hi + d);
}

static void zoom_x(struct tui *t, double factor)
{
	double mid = t->view.lo / 2 + t->view.hi / 2, half = (t->view.hi / 2 - t->view.lo / 2) * factor;
	set_view(t, mid - half, mid + half);
}

static void act_help(struct tui *t, int dir)
{
	(void)dir;
	t->help = true;
	t->dirty = true;
}

static void act_deriv(struct tui *t, int dir)
{
	(void)dir;
	t->env->set->deriv = !t->env->set->deriv;
	t->dirty = true;
}

static void act_select(struct tui *t, int dir)
{
	if (t->have_plot) {
		int n = t->plot.ncurves;
		t->selected = (t->selected + (dir > 0 ? 1 : n - 1)) % n;
		t->dirty = true;
	}
}

static void act_step(struct tui *t, int dir)
{
	tui_step_param(t, dir, false);
}

static void act_step_large(struct tui *t, int dir)
{
	tui_step_param(t, dir, true);
}

static void act_pan(struct tui *t, int dir)
{
	pan(t, dir > 0 ? 0.1 : -0.1);
}

static void act_zoom_x(struct tui *t, int dir)
{
	zoom_x(t, dir > 0 ? 1.25 : 0.8);
}

static void act_zoom_y(struct tui *t, int dir)
{
	if (dir > 0)
		t->yzoom *= 1.25;
	else
		t->yzoom /= 1.25;
	t->dirty = true;
}

static void act_home(struct tui *t, int dir)
{
	(void)dir;
	t->view = t->home;
	t->yzoom = 1;
	t->figs_valid = false;
	t->dirty = true;
}

/* dir 1: back to older lines, by a page of the messages panel */
static void act_scroll(struct tui *t, int dir)
{
	t->scroll += dir * (t->lay.messages.h > 2 ? t->lay.messages.h - 2 : 1);
	if (t->scroll < 0)
		t->scroll = 0;
	t->pinned = false; /* from here on where the keys put it */
	t->dirty = true;
}

static void act_redraw(struct tui *t, int dir)
{
	(void)dir;
	clearok(curscr, TRUE);
	t->dirty = true;
}

/* What each action of the key table (keys.c) does, and which way. */
static const struct {
	void (*fn)(struct tui *t, int dir);
	int dir;
} actions[KEY_ACT_COUNT] = {
	[KEY_ACT_HELP] = {act_help, 0},
	[KEY_ACT_DERIV] = {act_deriv, 0},
	[KEY_ACT_CURVE_PREV] = {act_select, -1},
	[KEY_ACT_CURVE_NEXT] = {act_select, 1},
	[KEY_ACT_PARAM_DOWN] = {act_step, -1},
	[KEY_ACT_PARAM_UP] = {act_step, 1},
	[KEY_ACT_PARAM_DOWN_LARGE] = {act_step_large, -1},
	[KEY_ACT_PARAM_UP_LARGE] = {act_step_large, 1},
	[KEY_ACT_PAN_LEFT] = {act_pan, -1},
	[KEY_ACT_PAN_RIGHT] = {act_pan, 1},
	[KEY_ACT_ZOOM_IN] = {act_zoom_x, -1},
	[KEY_ACT_ZOOM_OUT] = {act_zoom_x, 1},
	[KEY_ACT_YZOOM_IN] = {act_zoom_y, 1},
	[KEY_ACT_YZOOM_OUT] = {act_zoom_y, -1},
	[KEY_ACT_HOME] = {act_home, 0},
	[KEY_ACT_SCROLL_BACK] = {act_scroll, 1},
	[KEY_ACT_SCROLL_ON] = {act_scroll, -1},
	[KEY_ACT_REDRAW] = {act_redraw, 0},
};

/* ---- the terminal's keys as ours --------------------------------------------- */

/* Sequences for keys terminfo may not name (xterm-style modified arrows;
 * terminfo's names for them vary): ncurses hands them to us as
 * KEY_MAX + 1 + our code. */
static const struct {
	const char *seq;
	enum key_code key;
} sequences[] = {
	{"\033[1;3D", KEYC_ALT_LEFT},  {"\033[1;3C", KEYC_ALT_RIGHT},  {"\033[1;3A", KEYC_ALT_UP},
	{"\033[1;3B", KEYC_ALT_DOWN},  {"\033\033[D", KEYC_ALT_LEFT}, {"\033\033[C", KEYC_ALT_RIGHT},
	{"\033\033[A", KEYC_ALT_UP},   {"\033\033[B", KEYC_ALT_DOWN}, {"\033[1;2A", KEYC_SHIFT_UP},
	{"\033[1;2B", KEYC_SHIFT_DOWN}, {"\0330", KEYC_ALT_0},
};

/* A key from get_wch (r: KEY_CODE_YES or OK) as our code. */
static enum key_code key_code_of(int r, wint_t k)
{
	if (r != KEY_CODE_YES)
		return k >= 1 && k <= 26 ? KEYC_CTRL('a' + (int)k - 1) : KEYC_NONE;
	if (k > KEY_MAX && k - KEY_MAX - 1 < KEYC_COUNT)
		return (enum key_code)(k - KEY_MAX - 1);
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return KEYC_F((int)(k - KEY_F0));
	if (k == KEY_PPAGE)
		return KEYC_PGUP;
	if (k == KEY_NPAGE)
		return KEYC_PGDN;
	return KEYC_NONE;
}

/* The editing keys ncurses decoded, as the sequences readline knows. */
static void feed_edit_key(struct tui *t, wint_t k)
{
	static const struct {
		wint_t key;
		const char *seq;
	} edit[] = {
		{KEY_UP, "\033[A"},   {KEY_DOWN, "\033[B"}, {KEY_RIGHT, "\033[C"},
		{KEY_LEFT, "\033[D"}, {KEY_HOME, "\033[H"}, {KEY_END, "\033[F"},
		{KEY_DC, "\033[3~"},  {KEY_BACKSPACE, "\177"}, {KEY_ENTER, "\r"},
	};
	for (size_t i = 0; i < sizeof edit / sizeof edit[0]; i++)
		if (edit[i].key == k) {
			tui_rl_feed(t, edit[i].seq, strlen(edit[i].seq));
			return;
		}
}

/* A key: the help box closes on any; the table's keys act; the rest edit
 * the line. */
void tui_key(struct tui *t, int r, wint_t k)
{
	if (r == KEY_CODE_YES && k == KEY_RESIZE) {
		tui_resized(t);
		return;
	}
	if (t->help) {
		t->help = false;
		t->dirty = true;
		return;
	}
	/* In a lesson, on an empty line: Backspace goes back a step, q
	 * leaves (Enter, going on, is the empty line's own: tui.c) */
	if (t->env->session && t->env->session->lesson_topic >= 0 && tui_rl_line_empty()) {
		bool back = (r == KEY_CODE_YES && k == KEY_BACKSPACE) || (r != KEY_CODE_YES && (k == 127 || k == 8));
		bool leave = r != KEY_CODE_YES && k == 'q';
		if (back || leave) {
			char *line = strdup(back ? "lesson back" : "lesson end");
			if (line)
				tui_run_line(t, line);
			return;
		}
	}
	enum key_action a = keys_action(key_code_of(r, k));
	if (a != KEY_ACT_NONE && actions[a].fn) {
		actions[a].fn(t, actions[a].dir);
	} else if (r == KEY_CODE_YES) {
		feed_edit_key(t, k);
	} else {
		char buf[4];
		tui_rl_feed(t, buf, util_utf8_put((uint32_t)k, buf));
	}
}

void tui_keys_setup(void)
{
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++)
		define_key(sequences[i].seq, KEY_MAX + 1 + (int)sequences[i].key);
}
