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
