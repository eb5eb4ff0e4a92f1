/* parser.h: the command record a line becomes, every part of it with the
 * byte offset it came from so that later errors can point; and the cursor
 * over a line's tokens that the commands parse with. */
#ifndef ACTVIZ_PARSER_H
#define ACTVIZ_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>

#include "actfn.h"
#include "depth.h"
#include "diag.h"
#include "layer.h"
#include "lexer.h"
#include "settings.h"
#include "stats.h"
#include "train.h"

#define CMD_LABEL 80

enum cmd_kind {
	CMD_EMPTY, /* blank or comment */
	CMD_PLOT,  /* curves [on LO..HI] */
	CMD_AT,    /* curves at P, P, ... */
	CMD_TABLE, /* table curves [on LO..HI] [step S] */
	CMD_SET,
	CMD_SHOW,
	CMD_LIST,
	CMD_INFO,
	CMD_HELP,
	CMD_QUIT,
	CMD_DEAD,  /* dead curves [with DIST] [samples N] [seed S], or a layer (simplenn) */
	CMD_HIST,  /* hist curves [with DIST] [bins N]..., or a layer's rates */
	CMD_SWEEP, /* sweep [curves] bias LO..HI [layer N ...] */
	CMD_TRAIN, /* train curves [lr X] [steps N] ... */
	CMD_DEPTH, /* depth [curves] [layers N] [width W] ... */
	CMD_DESCRIBE, /* describe curves [on LO..HI] */
	CMD_BENCH, /* bench [curves] [size N] [repeats N] */
	CMD_SIMPLENN, /* simplenn [curves] [batch K] [seeds N] ... */
	CMD_DEF,   /* def NAME(x, ...) = EXPRESSION */
	CMD_DEFS,
	CMD_SAVE,  /* save FILE.svg|FILE.txt, save session FILE */
	CMD_LOAD,  /* load FILE */
};

/* The clauses (clause.c has their table), one bit each: which a command
 * takes (its entry in the command table), and which were given. */
enum clause_id {
	CLAUSE_ON,
	CLAUSE_AT,
	CLAUSE_STEP,
	CLAUSE_WITH,
	CLAUSE_SAMPLES,
	CLAUSE_SEED,
	CLAUSE_BINS,
	CLAUSE_LAYER,
	CLAUSE_INPUTS,
	CLAUSE_BIAS,       /* a number: a layer's or a network's starting bias */
	CLAUSE_BIAS_RANGE, /* sweep's: LO..HI */
	CLAUSE_INIT,
	CLAUSE_BATCH,      /* a layer's batch */
	CLAUSE_TRAIN_BATCH,
	CLAUSE_LR,
	CLAUSE_STEPS,
	CLAUSE_WIDTH,
	CLAUSE_DEPTH,
	CLAUSE_TASK,
	CLAUSE_OPTIMIZER,
	CLAUSE_EVERY,
	CLAUSE_LAYERS,
	CLAUSE_SEEDS,      /* layers pooled over seeds */
	CLAUSE_SIZE,       /* bench's array */
	CLAUSE_REPEATS,
	CLAUSE_COUNT
};
#define CL(id) (1u << (id))
enum {
	CL_ON = CL(CLAUSE_ON),
	CL_AT = CL(CLAUSE_AT),
	CL_STEP = CL(CLAUSE_STEP),
	CL_WITH = CL(CLAUSE_WITH),
	CL_SAMPLES = CL(CLAUSE_SAMPLES),
	CL_SEED = CL(CLAUSE_SEED),
	CL_BINS = CL(CLAUSE_BINS),
	CL_LAYER = CL(CLAUSE_LAYER),
	CL_INPUTS = CL(CLAUSE_INPUTS),
	CL_BIAS = CL(CLAUSE_BIAS) | CL(CLAUSE_BIAS_RANGE),
	CL_INIT = CL(CLAUSE_INIT),
	CL_BATCH = CL(CLAUSE_BATCH) | CL(CLAUSE_TRAIN_BATCH),
	CL_LR = CL(CLAUSE_LR),
	CL_STEPS = CL(CLAUSE_STEPS),
	CL_WIDTH = CL(CLAUSE_WIDTH),
	CL_DEPTH = CL(CLAUSE_DEPTH),
	CL_TASK = CL(CLAUSE_TASK),
	CL_OPTIMIZER = CL(CLAUSE_OPTIMIZER),
	CL_EVERY = CL(CLAUSE_EVERY),
	CL_LAYERS = CL(CLAUSE_LAYERS),
	CL_SEEDS = CL(CLAUSE_SEEDS),
	CL_SIZE = CL(CLAUSE_SIZE),
	CL_REPEATS = CL(CLAUSE_REPEATS),
};

struct cmd_curve {
	struct actfn_curve fn;
	size_t off;             /* where its name starts */
	char label[CMD_LABEL];  /* "leaky 0.1", with " #2" when repeated */
	bool bare;              /* no parameter was given */
	/* relu(2), torch.relu(2): the x given in parentheses, a point */
	bool has_point;
	double point;
	size_t point_off, point_len;
};

/* `init`: he, xavier, torch, or normal(MEAN, SD). */
struct cmd_init {
	enum layer_init kind;
	double mean, sd;
};

struct command;

struct cmd {
	enum cmd_kind kind;
	const struct command *command; /* its entry in the command table; NULL: empty */
	size_t off; /* the command word, or the first curve */

	int ncurves;
	struct cmd_curve curve[LIMIT_CURVES];

	/* Clauses: which were given, where each word and value starts. */
	unsigned given;
	size_t clause_off[CLAUSE_COUNT];
	size_t value_off[CLAUSE_COUNT];

	/* Clause values, each where the clause table puts it. */
	struct range range;     /* on (and set range) */
	double *points;         /* at: heap, npoints of them */
	size_t npoints;
	double step;            /* step, and its decimals as typed (NUM_DEC_NONE: hex) */
	int step_dec;
	struct stats_dist dist; /* with; N(0, 1) when not given */
	double samples;         /* Monte Carlo samples */
	double seed, bins;
	double neurons, inputs, batch;
	double bias;            /* dead, hist, train: the starting bias */
	struct range bias_range; /* sweep */
	struct cmd_init init;
	double lr, steps, width, depth, every;
	double layers;          /* depth's */
	double seeds;           /* dead ... layer: layers pooled */
	double size, repeats;   /* bench */
	int task, optimizer;    /* enum train_task, enum train_opt */

	/* set / show: which setting and the value given to `set` */
	enum setting setting;
	bool show_all;
	long ival;   /* samples, width, height (0 = auto) */
	int choice;  /* format, or a tristate */

	/* def: the text after the word (heap), and where it starts */
	char *text;
	size_t text_off;
	/* save, load: the file name as given (heap, NUL-terminated), where it
	 * starts, and what save writes (cmd_save.c's table) */
	char *path;
	size_t path_off;
	int save_what;

	/* help */
	char topic[32];
	size_t topic_off;

	/* What dead, hist, sweep, train and depth run, from the values above. */
	struct layer_spec layer;
	struct train_spec train;
	struct depth_spec deep;
};

/* Whether a clause was given. */
static inline bool cmd_has(const struct cmd *cmd, unsigned bits)
{
	return (cmd->given & bits) != 0;
}

/* Defaults of the statistics clauses (man page). */
#define DEFAULT_SEED 1
#define DEFAULT_MC_SAMPLES 1000000.0 /* seed given without samples */
#define DEFAULT_HIST_SAMPLES 100000.0
#define DEFAULT_BINS 40
#define LIMIT_BINS 1000
#define DEFAULT_NEURONS 256
#define DEFAULT_INPUTS 64
#define DEFAULT_BATCH 1000
#define DEFAULT_TRAIN_WIDTH 64
#define DEFAULT_TRAIN_DEPTH 2
#define DEFAULT_TRAIN_BATCH 64
#define DEFAULT_TRAIN_STEPS 1000
/* Adam by default: in 1000 steps ReLU's dead units leave its loss where
 * it started while leaky, elu and prelu learn sin(3x) (the article's
 * point, in half a second); SGD keeps its own rate. */
#define DEFAULT_TRAIN_OPT OPT_ADAM
#define DEFAULT_TRAIN_LR_ADAM 0.01
#define DEFAULT_TRAIN_LR_SGD 0.02
/* Hidden units start with this bias unless told otherwise: negative
 * enough that most ReLU units die while the others keep learning. */
#define DEFAULT_TRAIN_BIAS -1.0
/* depth: the article's deep network, where sigmoid's gradient vanishes
 * and ReLU's holds under He's initialisation, in under a second. */
#define DEFAULT_DEPTH_LAYERS 30
#define DEFAULT_DEPTH_WIDTH 256
#define DEFAULT_DEPTH_BATCH 512

/* Frees what a parse allocated in cmd (command_parse_line parses). */
void cmd_free(struct cmd *cmd);

/* Checks a range against the language's rules (finite, LO < HI, neither
 * too wide nor too narrow); NULL if fine, else the reason. */
const char *parse_range_error(double lo, double hi);

/* ---- the cursor, for the commands' own parsing (cmd_*.c, curve.c, clause.c) */

/* One line's tokens and how far the parse has got. */
struct parser {
	const char *line;
	size_t len;
	struct token_list tl;
	size_t pos;
	struct diag *d;
};

/* Quote at most this many bytes of a token in a message. */
#define PARSER_QUOTE 40
#define PARSER_QLEN(t) ((int)((t)->len > PARSER_QUOTE ? PARSER_QUOTE : (t)->len))

const struct token *parser_peek(const struct parser *p, size_t k);
const struct token *parser_next(struct parser *p);
const char *parser_text(const struct parser *p, const struct token *t);
bool parser_is_word(const struct parser *p, const struct token *t, const char *w);
/* "unexpected X (expected ...)", or "expected ..." at the end: -1. */
int parser_unexpected(struct parser *p, const struct token *t, const char *expected);
/* 0 at the end of the line, else an error: -1. */
int parser_end(struct parser *p);

/* Bytes [from, to) of the line, to be replaced by with. */
struct parser_edit {
	size_t from, to;
	const char *with;
};
/* Room for a line a message spells ("write `relu on -3..3`"). */
#define PARSER_SPELL 128
/* The line with the edits (in order) applied, without its comment or
 * outer blanks; false if it does not fit in size. */
bool parser_spell(const struct parser *p, const struct parser_edit *e, size_t n, char *buf,
                  size_t size);

/* LO..HI; *off gets where LO starts. */
int parser_range(struct parser *p, struct range *r, size_t *off);
/* A whole number in [min, max], for a setting. */
int parser_count(struct parser *p, const char *what, long min, long max, long *out);
/* Decimals of a number token as typed (or of its shortest decimal form). */
int parser_decimals(const struct parser *p, const struct token *t);

#endif
