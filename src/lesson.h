/* lesson.h: the guided lesson through the ReLU article: its steps (a
 * title, prose whose every number is a placeholder computed when shown,
 * and the commands that show the rest live) and the topics that pick
 * steps from them. */
#ifndef ACTVIZ_LESSON_H
#define ACTVIZ_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "stats.h"

#define LESSON_MAX_LINES 3
#define LESSON_MAX_STEPS 10
#define LESSON_TEXT 2048 /* a step's prose, expanded */

struct lesson_step {
	const char *title;
	/* Paragraphs split by a blank line; a no-break space (U+00A0) is a
	 * space where a line may not break. {KIND CURVE [X [N]]} is replaced
	 * by a number computed then (lesson_text): f and df, its value and
	 * derivative at X; dfpow, df at X to the power N; param, the default
	 * of its first parameter; mean, std, zero, dead (the last two in per
	 * cent) and grad, its figures for pre-activations from the lesson's
	 * distribution; torch, its PyTorch call. */
	const char *text;
	const char *lines[LESSON_MAX_LINES]; /* commands shown run, or NULL */
};

/* What the numbers are computed for: the distribution of pre-activations
 * (N(0, 1) in the lesson; tests change it and watch the text follow). */
struct lesson_ctx {
	struct stats_dist dist;
};
void lesson_ctx_default(struct lesson_ctx *ctx);

/* Topics: "" (the whole lesson), relu, dying, depth, variants. */
size_t lesson_topic_count(void);
const char *lesson_topic_name(size_t i);
const char *lesson_topic_about(size_t i);
/* By name, ASCII case-insensitive; -1 if none. */
int lesson_topic_lookup(const char *word, size_t len);
/* The steps of topic t, as indices of lesson_step_at; returns how many. */
int lesson_topic_steps(size_t t, const int **steps);
const struct lesson_step *lesson_step_at(int i);
/* The topic words, NULL-terminated (completion, the fuzzer). */
const char *const *lesson_words(void);

/* The step's prose with its numbers, wrapped at width columns (each
 * line ends in \n). Returns 0, or -1 with a message in buf when a
 * placeholder cannot be computed. */
int lesson_text(const struct lesson_ctx *ctx, const struct lesson_step *s, int width, char *buf,
                size_t size);

#endif
