/* cmd_lesson.c: lesson: the article's claims step by step, each backed by
 * numbers computed there and then and by the commands that show them. In
 * a pipe or a script every step of the topic at once, numbered; at the
 * prompt and on the full screen one step at a time. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <stdio.h>
#include <string.h>

#include "lesson.h"
#include "run.h"
#include "session.h"
#include "util.h"

/* lesson [TOPIC | next | back | end | N] */
enum lesson_move { MOVE_START, MOVE_NEXT, MOVE_BACK, MOVE_END, MOVE_TO };

static const char *const moves[] = {"next", "back", "end", NULL};

static int parse_lesson(struct parser *p, struct cmd *cmd)
{
	const struct token *t = parser_peek(p, 0);
	cmd->choice = MOVE_START;
	cmd->ival = 0;
	if (t->kind == TOK_END)
		return 0;
	if (t->kind == TOK_NUMBER) {
		if (!(t->num >= 1 && t->num <= LESSON_MAX_STEPS) || t->num != (long)t->num)
			return diag_set(p->d, t->off, "a step is a number from 1 to %d", LESSON_MAX_STEPS);
		cmd->choice = MOVE_TO;
		cmd->ival = (long)t->num;
		cmd->topic_off = t->off;
		parser_next(p);
		return parser_end(p);
	}
	if (t->kind == TOK_WORD) {
		for (int k = 0; moves[k]; k++)
			if (util_word_eq(parser_text(p, t), t->len, moves[k])) {
				cmd->choice = MOVE_NEXT + k;
				parser_next(p);
				return parser_end(p);
			}
		int topic = lesson_topic_lookup(parser_text(p, t), t->len);
		if (topic >= 0) {
			cmd->ival = topic;
			cmd->topic_off = t->off;
			parser_next(p);
			return parser_end(p);
		}
	}
	return parser_unexpected(p, t, "a topic (relu, dying, depth, variants), next, back, end "
	                         "or a step's number");
}

/* Step i (0-based) of topic t: its heading, prose, and its commands run
 * as if typed, each shown after "> ". One step at a time (keys not NULL),
 * the heading says how to go on and no blank line is spent: on the full
 * screen the messages' view opens at the top of the step and should hold
 * as much of it as it can. */
static enum exec_status show_step(struct exec_env *env, size_t t, int i, const char *keys,
                                  struct diag *d)
{
	const int *order;
	int n = lesson_topic_steps(t, &order);
	const struct lesson_step *s = lesson_step_at(order[i]);
	struct lesson_ctx ctx;
	lesson_ctx_default(&ctx);
	char text[LESSON_TEXT + 256];
	if (lesson_text(&ctx, s, 78, text, sizeof text) < 0)
		return diag_set(d, 0, "%s", text);
	if (keys)
		out_printf(env->out, "Step %d of %d%s: %s (%s)\n%s", i + 1, n,
		           i + 1 < n ? "" : ", the last", s->title, keys, text);
	else
		out_printf(env->out, "Step %d of %d: %s\n\n%s", i + 1, n, s->title, text);
	struct session *sess = env->session;
	for (int k = 0; k < LESSON_MAX_LINES && s->lines[k]; k++) {
		out_printf(env->out, "%s> %s\n", keys ? "" : "\n", s->lines[k]);
		if (!sess || !sess->rc)
			continue; /* shown, not run (no session to run it in) */
		enum exec_status st = run_line(sess->rc, "lesson", k + 1, s->lines[k], strlen(s->lines[k]));
		if (st != EXEC_OK) {
			if (st == EXEC_ERROR)
				d->msg[0] = '\0'; /* reported, with the line */
			return st;
		}
	}
	return EXEC_OK;
}

static enum exec_status exec_lesson(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	struct session *s = env->session;
	bool one_at_a_time = env->step_keys != NULL && s;
	if (cmd->choice == MOVE_START && !one_at_a_time) {
		/* the whole topic, in order */
		size_t t = (size_t)cmd->ival;
		const int *order;
		int n = lesson_topic_steps(t, &order);
		out_printf(env->out, "Lesson%s%s: %s.\n", t ? " " : "", lesson_topic_name(t),
		           lesson_topic_about(t));
		for (int i = 0; i < n; i++) {
			out_puts(env->out, "\n");
			enum exec_status st = show_step(env, t, i, NULL, d);
			if (st != EXEC_OK)
				return st;
		}
		return EXEC_OK;
	}
	if (!one_at_a_time)
		return diag_set(d, cmd->off, "lesson next, back, end and a step's number are for the "
		                "prompt; here, lesson shows every step");
	if (cmd->choice == MOVE_START) {
		s->lesson_topic = (int)cmd->ival;
		s->lesson_pos = 0;
	} else if (s->lesson_topic < 0) {
		return diag_set(d, cmd->off, "no lesson under way: lesson starts one");
	} else if (cmd->choice == MOVE_END) {
		s->lesson_topic = -1;
		out_puts(env->out, "End of the lesson.\n");
		return EXEC_OK;
	} else {
		const int *order;
		int n = lesson_topic_steps((size_t)s->lesson_topic, &order);
		int to = cmd->choice == MOVE_NEXT ? s->lesson_pos + 1
		       : cmd->choice == MOVE_BACK ? s->lesson_pos - 1 : (int)cmd->ival - 1;
		if (to < 0)
			return diag_set(d, cmd->off, "this is the first step");
		if (to >= n) {
			if (cmd->choice == MOVE_TO)
				return diag_set(d, cmd->topic_off, "this lesson has %d steps", n);
			s->lesson_topic = -1;
			out_puts(env->out, "End of the lesson.\n");
			return EXEC_OK;
		}
		s->lesson_pos = to;
	}
	return show_step(env, (size_t)s->lesson_topic, s->lesson_pos, env->step_keys, d);
}

const struct command command_lesson_entry = {
	.name = "lesson",
	.kind = CMD_LESSON,
	.parse = parse_lesson,
	.exec = exec_lesson,
	.overview = "  lesson                        the ReLU article step by step, numbers live\n",
	.help = "lesson [relu | dying | depth | variants]\n"
	        "                        the article ReLU is taught from, a claim a step,\n"
	        "                        each backed by numbers computed there and then and\n"
	        "                        by the commands that show them: 1 the definition,\n"
	        "                        2 the derivative, 3 range, 4 sparsity, 5 not\n"
	        "                        zero-centred, 6 the cost, 7 vanishing gradients,\n"
	        "                        8 the dying ReLU, 9 the fixes, 10 PyTorch. A topic\n"
	        "                        takes some of them. In a pipe or a script, every\n"
	        "                        step at once; at the prompt one at a time (Enter\n"
	        "                        goes on, lesson back, lesson end, lesson N); on the\n"
	        "                        full screen Enter, Backspace and q.\n",
	.arg = COMMAND_ARG_LESSON,
	.listed = true,
	.no_replay = true,
};
