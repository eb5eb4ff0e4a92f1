/* prompt.c: what the line prompt (repl.c) and the full screen's prompt
 * (tui_rl.c) share on GNU readline: the history file, kept across
 * sessions, and Tab's completion (its candidates are complete.c's). */
#define _POSIX_C_SOURCE 200809L
#include "prompt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "complete.h"

#define HISTORY_KEEP 1000

/* ---- history file ------------------------------------------------------- */

/* mkdir -p with mode 0700 for the components it creates. */
static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(path, 0700);
		*p = '/';
		if (rc < 0 && errno != EEXIST)
			return -1;
	}
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		return -1;
	return 0;
}

char *prompt_history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	const char *base, *sub;
	if (state && state[0] == '/') {
		base = state;
		sub = "/actviz";
	} else if (home && home[0]) {
		base = home;
		sub = "/.local/state/actviz";
	} else {
		return NULL; /* nowhere to keep it, and nothing to warn about */
	}
	size_t n = strlen(base) + strlen(sub) + sizeof "/history";
	char *path = malloc(n);
	if (path)
		snprintf(path, n, "%s%s/history", base, sub);
	return path;
}

/* Prepares the file: its directory made, the file created 0600 (readline
 * appends only to a file that exists). Returns 0, or -1 with errno. */
static int history_open(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return -1;
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir)
		*slash = '\0';
	int rc = make_dirs(dir);
	free(dir);
	if (rc < 0)
		return -1;
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd < 0)
		return -1;
	close(fd);
	errno = read_history(path);
	return errno ? -1 : 0;
}

char *prompt_history_begin(struct out *err)
{
	using_history();
	stifle_history(HISTORY_KEEP);
	char *path = prompt_history_path();
	if (path && history_open(path) < 0) {
		out_printf(err, "actviz: warning: history not kept: %s: %s\n", path, strerror(errno));
		free(path);
		path = NULL;
	}
	return path;
}

void prompt_history_add(char **path, const char *line, struct out *err)
{
	if (!line[0])
		return;
	HIST_ENTRY *last = history_length ? history_get(history_base + history_length - 1) : NULL;
	if (last && strcmp(last->line, line) == 0)
		return;
	add_history(line);
	/* appended at once: a session ended by a signal keeps its lines */
	if (*path && append_history(1, *path) != 0) {
		out_printf(err, "actviz: warning: history not kept: %s: %s\n", *path, strerror(errno));
		free(*path);
		*path = NULL;
	}
}

void prompt_history_end(char *path)
{
	if (path) {
		history_truncate_file(path, HISTORY_KEEP);
		free(path);
	}
}

/* ---- completion -------------------------------------------------------- */

/* The candidates of the completion under way (complete.c chose them);
 * readline's generator, which takes no context, hands them out. */
static struct completion found;

static char *generator(const char *text, int state)
{
	static size_t i;
	static int files; /* readline's file-name generator's state */
	if (state == 0)
		i = 0, files = 0;
	/* found holds only the words that begin with text; then the files
	 * whose names do, where a file name goes (save, load) */
	if (i >= found.n)
		return found.files ? rl_filename_completion_function(text, files++) : NULL;
	size_t k = i++, n = strlen(found.word[k]);
	char *m = malloc(n + 2);
	if (!m)
		return NULL;
	memcpy(m, found.word[k], n);
	/* a parameter completes to "name=", ready for its value */
	m[n] = found.param[k] ? '=' : '\0';
	m[n + 1] = '\0';
	return m;
}

static char **complete(const char *text, int start, int end)
{
	rl_attempted_completion_over = 1; /* never fall back to file names */
	complete_line(rl_line_buffer, (size_t)start, (size_t)end, &found);
	/* a directory completes to "dir/", ready for the rest */
	rl_filename_completion_desired = found.files;
	/* "name=" needs no space after it; every other word does. */
	rl_completion_append_character = ' ';
	char **m = rl_completion_matches(text, generator);
	if (m && m[0] && m[0][0] && m[0][strlen(m[0]) - 1] == '=' && !m[1])
		rl_completion_append_character = '\0';
	return m;
}

/* readline asks for the word breaks at each completion: a definition's
 * expression has more of them (complete.c) */
static char *word_breaks(void)
{
	return (char *)complete_breaks(rl_line_buffer);
}

void prompt_setup_completion(void)
{
	rl_readline_name = "actviz";
	rl_attempted_completion_function = complete;
	rl_completer_word_break_characters = (char *)COMPLETE_BREAKS;
	rl_completion_word_break_hook = word_breaks;
}
