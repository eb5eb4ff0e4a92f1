/* terminal.c: terminfo colour escapes for line mode, and the restore hook.
 * With tui.c, the only file that includes curses or terminfo headers. */
#include "terminal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curses_inc.h"

static bool term_loaded;
static bool term_ok;

static bool load(int fd)
{
	if (!term_loaded) {
		int err = 0;
		term_loaded = true;
		term_ok = setupterm(NULL, fd, &err) == OK;
	}
	return term_ok;
}

static const char *cap(const char *name)
{
	char *s = tigetstr(name);
	return (s == NULL || s == (char *)-1) ? NULL : s;
}

static char *setaf(const char *fmt, int color)
{
	const char *s = tiparm(fmt, color);
	return s ? strdup(s) : NULL;
}

/* Hues that stay apart and readable on dark and on light backgrounds;
 * yellow comes last, as it fades on white. */
static const int rich[] = {33, 160, 28, 129, 166, 30, 163, 94};
static const int basic[] = {4, 1, 2, 5, 6, 3};

int terminal_curve_color(int i, int colors)
{
	return colors >= 256 ? rich[i % 8] : basic[i % 6];
}

int terminal_distinct_colors(int colors)
{
	return colors >= 256 ? 8 : (colors >= 8 ? 6 : 0);
}

int terminal_axis_color(int colors)
{
	return colors >= 256 ? 244 : (colors >= 16 ? 8 : -1);
}

bool terminal_palette(int fd, struct palette *pal)
{
	memset(pal, 0, sizeof *pal);
	if (!load(fd))
		return false;
	int colors = tigetnum("colors");
	const char *af = cap("setaf");
	const char *sgr0 = cap("sgr0");
	if (colors < 8 || !af || !sgr0)
		return false;
	for (int i = 0; i < PLOT_NCOLORS - PLOT_COLOR_CURVE; i++)
		pal->fg[PLOT_COLOR_CURVE + i] = setaf(af, terminal_curve_color(i, colors));
	pal->distinct = terminal_distinct_colors(colors);
	if (terminal_axis_color(colors) >= 0)
		pal->fg[PLOT_COLOR_AXIS] = setaf(af, terminal_axis_color(colors));
	pal->reset = strdup(sgr0);
	return true;
}

bool terminal_fullscreen_ok(int fd)
{
	return load(fd) && cap("clear") && cap("cup");
}

static void (*restore_fn)(void);
static volatile sig_atomic_t restored = 1;

static void at_exit(void)
{
	terminal_restore();
}

void terminal_on_restore(void (*fn)(void))
{
	static bool registered;
	if (!registered) {
		atexit(at_exit);
		registered = true;
	}
	restore_fn = fn;
	restored = 0;
}

void terminal_restore(void)
{
	if (restored)
		return;
	restored = 1;
	if (restore_fn)
		restore_fn();
}
