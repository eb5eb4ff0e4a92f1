/* repl.c: the line-mode prompt on GNU readline: history kept across
 * sessions, completion of the language's words, Ctrl-C that abandons
 * the line. */
#define _POSIX_C_SOURCE 200809L
#include "repl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "actfn.h"
#include "help.h"
#include "lexer.h"
#include "command.h"
#include "parser.h"
#include "settings.h"
#include "tab.h"
#include "util.h"

#define PROMPT "actviz> "
#define HISTORY_KEEP 1000

static volatile sig_atomic_t *interrupt_flag;

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

char *repl_history_path(void)
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

char *repl_history_begin(struct out *err)
{
	using_history();
	stifle_history(HISTORY_KEEP);
	char *path = repl_history_path();
	if (path && history_open(path) < 0) {
		out_printf(err, "actviz: warning: history not kept: %s: %s\n", path, strerror(errno));
		free(path);
		path = NULL;
	}
	return path;
}

void repl_history_add(char **path, const char *line, struct out *err)
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

void repl_history_end(char *path)
{
	if (path) {
		history_truncate_file(path, HISTORY_KEEP);
		free(path);
	}
}

/* ---- completion -------------------------------------------------------- */

#define MAX_CANDS 96
static const char *cands[MAX_CANDS];
static size_t ncands;
static char suffix[MAX_CANDS];

static void cand(const char *word, char after)
{
	if (ncands < MAX_CANDS) {
		suffix[ncands] = after;
		cands[ncands++] = word;
	}
}

static void cand_list(const char *const *words)
{
	for (; *words; words++)
		cand(*words, ' ');
}

static void cand_activations(void)
{
	for (size_t i = 0; i < actfn_count(); i++)
		cand(actfn_at(i)->name, ' ');
}

static char *generator(const char *text, int state)
{
	static size_t i;
	if (state == 0)
		i = 0;
	size_t len = strlen(text);
	while (i < ncands) {
		size_t k = i++;
		if (util_word_prefix(text, len, cands[k])) {
			size_t n = strlen(cands[k]);
			char *m = malloc(n + 2);
			if (!m)
				return NULL;
			memcpy(m, cands[k], n);
			/* a parameter completes to "name=", ready for its value */
			m[n] = suffix[k] == '=' ? '=' : '\0';
			m[n + 1] = '\0';
			return m;
		}
	}
	return NULL;
}

static bool tok_is(const char *line, const struct token *t, const char *w)
{
	return t->kind == TOK_WORD && util_word_eq(line + t->off, t->len, w);
}

/* Chooses candidates from the tokens before the word being completed. */
static void complete_context(const char *line, int start)
{
	static const char *const onoff[] = {"on", "off", "auto", NULL};
	static const char *const show_words[] = {"settings", NULL};
	struct token_list tl;
	struct diag d;
	ncands = 0;
	if (lex_line(line, (size_t)start, &tl, &d) < 0) {
		cand_activations();
		return;
	}
	size_t n = tl.n - 1; /* without TOK_END */
	const struct token *t = tl.tok;
	if (n == 0) {
		cand_list(command_words());
		cand_activations();
	} else if (tok_is(line, &t[0], "set")) {
		if (n == 1)
			cand_list(settings_names());
		else if (n == 2 && tok_is(line, &t[1], "format"))
			cand_list(tab_format_names());
		else if (n == 2 && (tok_is(line, &t[1], "color") || tok_is(line, &t[1], "ascii") ||
		                    tok_is(line, &t[1], "deriv")))
			cand_list(onoff);
	} else if (tok_is(line, &t[0], "show")) {
		if (n == 1) {
			cand_list(show_words);
			cand_list(settings_names());
		}
	} else if (tok_is(line, &t[0], "help")) {
		if (n == 1) {
			cand_list(help_topics());
			cand_activations();
		}
	} else if (tok_is(line, &t[0], "info") && n == 1) {
		cand_activations();
	} else {
		bool after_at = false;
		const struct actfn_def *current = NULL;
		for (size_t i = 0; i < n; i++) {
			if (tok_is(line, &t[i], "at"))
				after_at = true;
			if (t[i].kind == TOK_WORD && !current)
				current = actfn_lookup(line + t[i].off, t[i].len);
			if (t[i].kind == TOK_COMMA)
				current = NULL;
		}
		if (after_at) {
			/* points follow: nothing to complete */
		} else if (t[n - 1].kind == TOK_COMMA || tok_is(line, &t[n - 1], "table") ||
		           tok_is(line, &t[n - 1], "plot") || !current) {
			cand_activations();
		} else {
			for (int k = 0; k < current->nparams; k++) {
				cand(current->param[k].name, '=');
				if (current->param[k].type == ACTFN_CHOICE)
					cand_list(current->param[k].choices);
			}
			const char *words[32];
			size_t nw = command_clause_words(line + t[0].off, t[0].len, words, 32);
			for (size_t k = 0; k < nw; k++)
				cand(words[k], ' ');
		}
	}
	lex_free(&tl);
}

static char **complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1; /* never fall back to file names */
	complete_context(rl_line_buffer, start);
	/* "name=" needs no space after it; every other word does. */
	rl_completion_append_character = ' ';
	char **m = rl_completion_matches(text, generator);
	if (m && m[0] && m[0][0] && m[0][strlen(m[0]) - 1] == '=' && !m[1])
		rl_completion_append_character = '\0';
	return m;
}

void repl_setup_completion(void)
{
	rl_readline_name = "actviz";
	rl_attempted_completion_function = complete;
	rl_completer_word_break_characters = (char *)" \t,=()";
}

/* ---- Ctrl-C --------------------------------------------------------------- */

/* Readline passes SIGINT on to our handler (which only sets the flag)
 * and then carries on with the same line; this hook, called when the read
 * is interrupted, abandons the line as a shell does. */
static int on_signal_event(void)
{
	if (interrupt_flag && *interrupt_flag) {
		*interrupt_flag = 0;
		rl_free_line_state();
		rl_replace_line("", 0);
		rl_crlf();
		rl_on_new_line();
		rl_redisplay();
	}
	return 0;
}

/* ---- the loop ----------------------------------------------------------- */

/* The terminal's size now: asked afresh for every command, so a resize
 * shows at the next plot. */
static bool terminal_size(int *rows, int *cols)
{
	static const int fds[] = {STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO};
	for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++) {
		struct winsize ws;
		if (isatty(fds[i]) && ioctl(fds[i], TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
		    ws.ws_col > 0) {
			*rows = ws.ws_row;
			*cols = ws.ws_col;
			return true;
		}
	}
	return false;
}

int repl_run(struct run_ctx *rc, volatile sig_atomic_t *sigint_flag, bool echo_to_stderr,
             bool fixed_width, bool fixed_height)
{
	interrupt_flag = sigint_flag;
	/* Ctrl-C while a long table is written to the terminal must not fail
	 * that write (EINTR): stdout would stay in error and the session end
	 * with "write error". The write goes on; the flag stops the command
	 * between rows. */
	struct sigaction sa;
	if (sigaction(SIGINT, NULL, &sa) == 0) {
		sa.sa_flags |= SA_RESTART;
		sigaction(SIGINT, &sa, NULL);
	}
	repl_setup_completion();
	rl_outstream = echo_to_stderr ? stderr : stdout;
	rl_signal_event_hook = on_signal_event;
	rc->prompt_width = (int)strlen(PROMPT);

	char *path = repl_history_begin(rc->err);

	for (;;) {
		*sigint_flag = 0;
		char *line = readline(PROMPT);
		if (!line) {
			fputc('\n', rl_outstream);
			break;
		}
		/* A Ctrl-C among keys typed ahead is handled by readline without
		 * an interrupted read, so the hook above never clears the flag:
		 * it was meant for the line, not for the command that follows. */
		*sigint_flag = 0;
		repl_history_add(&path, line, rc->err);
		/* The size once the line is typed: the window may have changed
		 * while the prompt waited. */
		int rows, cols;
		if (terminal_size(&rows, &cols)) {
			/* One row stays for the prompt under the plot. */
			if (!fixed_width)
				rc->env->term_width = cols;
			if (!fixed_height)
				rc->env->term_height = rows - 1;
		}
		enum exec_status st = run_line(rc, NULL, 0, line, strlen(line));
		free(line);
		fflush(stdout);
		if (st == EXEC_QUIT)
			break;
		if (st == EXEC_INTERRUPTED || *sigint_flag)
			out_puts(rc->err, "actviz: interrupted\n");
	}
	repl_history_end(path);
	return 0;
}
