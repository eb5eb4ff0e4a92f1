/* actfn_user.h: inside the activations the user defines: the parsed
 * expression (a tree of terms, other definitions inlined) that
 * actfn_user.c compiles and evaluates and actfn_user_text.c writes out
 * with its derivative. Only these two files include it. */
#ifndef ACTVIZ_ACTFN_USER_H
#define ACTVIZ_ACTFN_USER_H

#include <stdbool.h>
#include <stddef.h>

#include "actfn.h"

enum user_op {
	U_NUM,   /* num */
	U_X,     /* the variable */
	U_PARAM, /* the definition's parameter k */
	U_NEG,
	U_ADD,
	U_SUB,
	U_MUL,
	U_DIV,
	U_POW,
	U_LT,
	U_LE,
	U_GT,
	U_GE,
	U_EQ,
	U_NE,
	U_IF,  /* if(a, b, c) */
	U_MIN, /* min(a, b): longer lists nest */
	U_MAX,
	/* functions of one argument (a) */
	U_EXP,
	U_LOG,
	U_LOG1P,
	U_EXPM1,
	U_SQRT,
	U_ABS,
	U_ERF,
	U_ERFC,
	U_SIN,
	U_COS,
	U_TAN,
	U_SINH,
	U_COSH,
	U_SIGN, /* -1, 0 or 1, derivative 0 */
	U_CALL, /* a built-in activation of a, its parameters from fp[] */
	U_NOPS
};

struct user_node {
	enum user_op op;
	int a, b, c;          /* operands (node indices), -1 when unused */
	double num;           /* U_NUM */
	int k;                /* U_PARAM */
	const struct actfn_def *fn; /* U_CALL */
	int fp[ACTFN_MAX_PARAMS];   /* U_CALL: its parameters (nodes free of x) */
	bool dep;             /* depends on x */
	bool prime;           /* U_CALL in a derivative's text: fn' rather than fn */
	size_t off;           /* where it was written, for messages */
};

/* One instruction of the tape: dst = op(a, b, c) over a block of points,
 * the operands' registers; node says which term it computes. */
struct user_ins {
	enum user_op op;
	int dst, a, b, c;
	int node;
};

struct user_prog {
	struct user_node node[ACTFN_USER_NODES];
	int nnodes, root;
	struct user_ins ins[ACTFN_USER_NODES];
	int nins, nregs;
	double *scratch; /* nregs registers of a value block and a derivative block */
};

/* A definition: its actfn_def first, so a pointer to one is a pointer
 * to the other. */
struct user {
	struct actfn_def def;
	struct user_prog prog;
	bool live;
	char name[ACTFN_USER_NAME + 1];
	char var[ACTFN_USER_NAME + 1];
	char pname[ACTFN_MAX_PARAMS][ACTFN_USER_NAME + 1];
	char source[ACTFN_USER_LEN + 1]; /* the body as typed */
	char formula[ACTFN_USER_TEXT];
	char derivative[ACTFN_USER_TEXT];
	char title[ACTFN_USER_LEN + 64];
	char check_msg[200];
};

static inline struct user *user_from_def(const struct actfn_def *def)
{
	return def && def->user ? (struct user *)(void *)def : NULL;
}

/* Parses def's text into u: names, parameters (*nparams of them), the
 * tree and its source. 0, or -1 with err filled (actfn_user_parse.c). */
int actfn_user_parse(struct user *u, const char *text, size_t len, struct actfn_user_error *err,
                     int *nparams);

/* Function names of the language with their arity (-2: two or more). */
struct user_func {
	const char *name;
	enum user_op op;
	int arity;
};
extern const struct user_func actfn_user_funcs[];

/* The name of an operation, as the language writes it. */
const char *actfn_user_op_text(enum user_op op);

/* Writes the definition's formula and derivative, its parameters as
 * {NAME} for actfn_expand (actfn_user_text.c). */
void actfn_user_texts(const struct user_prog *pg, const char *var, const char *const *pnames,
                      char *formula, char *derivative, size_t size);

/* The value of a term free of x, with parameters p (its derivative is 0). */
double actfn_user_value(const struct user_prog *pg, int node, const double *p);

#endif
