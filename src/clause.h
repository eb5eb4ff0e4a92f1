/* clause.h: the one table of clauses (on, at, step, with, samples...):
 * each one's word, the kind of value it takes, its limits, and where the
 * value lands in the command record. */
#ifndef ACTVIZ_CLAUSE_H
#define ACTVIZ_CLAUSE_H

#include <stddef.h>

#include "parser.h"

enum clause_value {
	CLAUSE_V_RANGE,    /* LO..HI into a struct range */
	CLAUSE_V_POINTS,   /* the rest of the line, P, P, ... (at) */
	CLAUSE_V_WHOLE,    /* a whole number in [min, max] into a double */
	CLAUSE_V_POSITIVE, /* a positive finite number into a double */
	CLAUSE_V_FINITE,   /* a finite number into a double */
	CLAUSE_V_CHOICE,   /* one of words[] into an int, its index */
	CLAUSE_V_DIST,     /* normal(MU, SIGMA) or uniform(LO, HI) */
	CLAUSE_V_INIT,     /* he, xavier, torch or normal(0, SIGMA) */
};

struct clause {
	const char *word;
	enum clause_id id;
	enum clause_value value;
	const char *what;         /* the value in messages: "neurons", "a step size" */
	double min, max;          /* WHOLE */
	const char *const *words; /* CHOICE, NULL-terminated */
	size_t field;             /* offsetof(struct cmd, ...) of the value */
};

/* The clauses in the table's order, clause_count() of them. */
size_t clause_count(void);
const struct clause *clause_at(size_t i);
/* The clause a command taking the clauses `takes` means by word, or, when
 * it takes none of that name, any clause of that name; NULL if none. */
const struct clause *clause_lookup(const char *word, size_t len, unsigned takes);

/* Reads the value of clause c (its word just read) into cmd. */
int clause_parse_value(struct parser *p, const struct clause *c, struct cmd *cmd);
/* An init as typed: "he", "xavier", "torch", "normal(0, 0.1)". */
void clause_init_text(const struct cmd_init *init, char *buf, size_t size);
/* Whether the token is a clause word (of any command). */
bool parser_is_clause(const struct parser *p, const struct token *t);

/* The clause words a command takes, up to max of them; returns how many. */
size_t clause_words(unsigned takes, const char **out, size_t max);

#endif
