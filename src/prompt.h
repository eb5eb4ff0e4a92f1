/* prompt.h: what both prompts share on GNU readline, the line prompt's
 * (repl.c) and the full screen's (tui_rl.c): the history file and Tab's
 * completion. */
#ifndef ACTVIZ_PROMPT_H
#define ACTVIZ_PROMPT_H

#include "out.h"

#define PROMPT_TEXT "actviz> "

/* $XDG_STATE_HOME/actviz/history or ~/.local/state/actviz/history; NULL
 * when neither variable is usable. The caller frees it. */
char *prompt_history_path(void);

/* The history: begin loads it (warning on err when it can't be kept) and
 * returns the file's path or NULL; add appends one line; end trims the
 * file. */
char *prompt_history_begin(struct out *err);
void prompt_history_add(char **path, const char *line, struct out *err);
void prompt_history_end(char *path);

/* Readline's completion of the language's words (complete.h's). */
void prompt_setup_completion(void);

#endif
