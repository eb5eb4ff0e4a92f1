/* curses_inc.h: the one place that includes curses, wide-character
 * version where there is one. Only terminal.c and the full screen's
 * files (tui*.c, through tui_int.h) include this. */
#ifndef ACTVIZ_CURSES_INC_H
#define ACTVIZ_CURSES_INC_H

#include "config.h"

#define NCURSES_WIDECHAR 1
#if defined(HAVE_NCURSESW) && defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif

#endif
