/* complete.h: what Tab offers at a place in a line, read from the tables
 * (commands, clauses, settings, formats, help topics, activations and
 * their parameters). No readline here: the line prompt and the full
 * screen hand it their line, and a unit test can too. */
#ifndef ACTVIZ_COMPLETE_H
#define ACTVIZ_COMPLETE_H

#include <stdbool.h>
#include <stddef.h>

/* The characters that end a word for completion (readline's word breaks). */
#define COMPLETE_BREAKS " \t,=()"
/* ... and in a definition's expression, where operators end words too
 * (not elsewhere: a file name may have / + - in it) */
#define COMPLETE_EXPR_BREAKS " \t,=()+-*/^<>!"
/* At most this many candidates (more than any place offers). */
#define COMPLETE_MAX 96

struct completion {
	size_t n;
	const char *word[COMPLETE_MAX];
	/* a parameter: it completes to "word=", ready for its value */
	bool param[COMPLETE_MAX];
	/* a file name may go here too (save, load): the UI adds the files */
	bool files;
	/* words the line itself names (a definition's variable and
	 * parameters), where word[] points for them */
	char own[4][32];
};

/* The characters that end a word in this line: one of the two above. */
const char *complete_breaks(const char *line);
/* Where the word that ends at the cursor (byte offset) begins. */
size_t complete_word_start(const char *line, size_t cursor);

/* The candidates for the word line[start..end): what the words before
 * start allow there, those that begin with it (ASCII case ignored), in
 * the tables' order. */
void complete_line(const char *line, size_t start, size_t end, struct completion *c);

#endif
