/* repl.c: the line-mode prompt on GNU readline (its history and
 * completion are prompt.c's): the loop, the terminal's size for each
 * command, Ctrl-C that abandons the line. */
#define _POSIX_C_SOURCE 200809L
#include "repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <readline/readline.h>

#include "prompt.h"
#include "session.h"

static volatile sig_atomic_t *interrupt_flag;

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
	prompt_setup_completion();
	rl_outstream = echo_to_stderr ? stderr : stdout;
	rl_signal_event_hook = on_signal_event;
	rc->prompt_width = (int)strlen(PROMPT_TEXT);
	rc->env->step_keys = "Enter goes on; lesson back, lesson N, lesson end";

	char *path = prompt_history_begin(rc->err);

	for (;;) {
		*sigint_flag = 0;
		char *line = readline(PROMPT_TEXT);
		if (!line) {
			fputc('\n', rl_outstream);
			break;
		}
		/* A Ctrl-C among keys typed ahead is handled by readline without
		 * an interrupted read, so the hook above never clears the flag:
		 * it was meant for the line, not for the command that follows. */
		*sigint_flag = 0;
		prompt_history_add(&path, line, rc->err);
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
		/* Enter alone, during a lesson, goes on to its next step */
		const char *run = line;
		if (rc->env->session && rc->env->session->lesson_topic >= 0 && !line[strspn(line, " \t")])
			run = "lesson next";
		enum exec_status st = run_line(rc, NULL, 0, run, strlen(run));
		free(line);
		fflush(stdout);
		if (st == EXEC_QUIT)
			break;
		if (st == EXEC_INTERRUPTED || *sigint_flag)
			out_puts(rc->err, "actviz: interrupted\n");
	}
	prompt_history_end(path);
	return 0;
}
