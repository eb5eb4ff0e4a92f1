/* tui_rl.c: GNU readline inside the full screen, through its callback
 * interface: it reads the bytes of the keys we queue, never the terminal,
 * and its line is drawn by us into the prompt's row (ENGINEERING.md,
 * "Terminals"). History and completion are prompt.c's, as at the line
 * prompt. */
#include "tui_int.h"

#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>

#include "prompt.h"
#include "util.h"

/* Readline's callbacks (getc, input waiting, redisplay, the line handler,
 * the list of matches) take no context pointer: this one, set by
 * tui_rl_start, is theirs. Nothing else here reaches the state but
 * through the pointer it is handed. */
static struct tui *rl_tui;
static void (*line_handler)(struct tui *t, char *line);

static void draw_prompt(struct tui *t)
{
	if (t->line) { /* a command runs: what it does, not the line again */
		tui_draw_status(t, true);
		return;
	}
	const char *prompt = rl_display_prompt ? rl_display_prompt : PROMPT_TEXT;
	size_t n = rl_line_buffer ? (size_t)rl_end : 0;
	size_t point = rl_line_buffer ? (size_t)rl_point : 0;
	tui_draw_prompt(t, prompt, rl_line_buffer, n, point);
}

void tui_draw_all(struct tui *t)
{
	tui_draw_screen(t);
	draw_prompt(t);
}

static void redisplay(void)
{
	if (rl_tui->dirty)
		tui_draw_all(rl_tui);
	else
		draw_prompt(rl_tui);
}

static int rl_getc_queue(FILE *f)
{
	struct tui *t = rl_tui;
	(void)f;
	return t->in_pos < t->in_len ? t->in[t->in_pos++] : EOF;
}

static int rl_input_waiting(void)
{
	return rl_tui->in_pos < rl_tui->in_len;
}

/* Hands bytes to readline: all of a key's sequence is queued first, so
 * readline sees "\e[A" as one key, not as ESC and then "[A". */
void tui_rl_feed(struct tui *t, const char *bytes, size_t n)
{
	if (n > sizeof t->in - (t->in_len - t->in_pos))
		return;
	memmove(t->in, t->in + t->in_pos, t->in_len - t->in_pos);
	t->in_len -= t->in_pos;
	t->in_pos = 0;
	memcpy(t->in + t->in_len, bytes, n);
	t->in_len += n;
	while (t->in_pos < t->in_len && !t->quit) {
		size_t before = t->in_pos;
		rl_callback_read_char();
		if (t->in_pos == before)
			break;
	}
}

static void on_line(char *line)
{
	line_handler(rl_tui, line);
}

/* Tab Tab: what fits, on a line of the messages. */
static void show_matches(char **matches, int num, int max_len)
{
	(void)max_len;
	char line[1024];
	size_t len = 0;
	line[0] = '\0';
	for (int i = 1; i <= num; i++)
		util_append(line, sizeof line, &len, "%s%s", i > 1 ? "  " : "", matches[i]);
	tui_msg_puts(rl_tui, line);
	tui_draw_all(rl_tui);
}

bool tui_rl_line_empty(void)
{
	return !rl_line_buffer || rl_end == 0;
}

void tui_rl_clear_line(struct tui *t)
{
	(void)t;
	rl_free_line_state();
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
}

void tui_rl_start(struct tui *t, void (*on_line_fn)(struct tui *t, char *line))
{
	rl_tui = t;
	line_handler = on_line_fn;
	t->devnull = fopen("/dev/null", "w");
	rl_outstream = t->devnull; /* readline never writes to the screen */
	rl_instream = stdin;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = rl_getc_queue;
	rl_input_available_hook = rl_input_waiting;
	rl_redisplay_function = redisplay;
	prompt_setup_completion();
	rl_completion_display_matches_hook = show_matches;
	rl_variable_bind("enable-bracketed-paste", "off");
	rl_callback_handler_install(PROMPT_TEXT, on_line);
	/* With a redisplay function of ours readline reads no terminfo, so
	 * binds no Delete key: tui_keys.c sends it this sequence. */
	rl_bind_keyseq("\033[3~", rl_delete);
}

void tui_rl_stop(struct tui *t)
{
	rl_callback_handler_remove();
	if (t->devnull)
		fclose(t->devnull);
	t->devnull = NULL;
	rl_tui = NULL;
}
