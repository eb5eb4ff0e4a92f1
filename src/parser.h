/* parser.h: tokens of one line -> a command record, every part of it
 * with the byte offset it came from, so that later errors can point. */
#ifndef ACTVIZ_PARSER_H
#define ACTVIZ_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>

#include "actfn.h"
#include "diag.h"
#include "layer.h"
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
	CMD_DEAD,  /* dead curves [with DIST] [samples N] [seed S], or a layer */
	CMD_HIST,  /* hist curves [with DIST] [bins N]..., or a layer's rates */
	CMD_SWEEP, /* sweep [curves] bias LO..HI [layer N ...] */
	CMD_TRAIN, /* train curves [lr X] [steps N] ... */
};

/* Clauses a command has, one bit each (what was given). */
enum {
	CL_ON = 1 << 0,
	CL_AT = 1 << 1,
	CL_STEP = 1 << 2,
	CL_WITH = 1 << 3,
	CL_SAMPLES = 1 << 4,
	CL_SEED = 1 << 5,
	CL_BINS = 1 << 6,
	CL_LAYER = 1 << 7,
	CL_INPUTS = 1 << 8,
	CL_BIAS = 1 << 9,
	CL_INIT = 1 << 10,
	CL_BATCH = 1 << 11,
	CL_LR = 1 << 12,
	CL_STEPS = 1 << 13,
	CL_WIDTH = 1 << 14,
	CL_DEPTH = 1 << 15,
	CL_TASK = 1 << 16,
	CL_OPTIMIZER = 1 << 17,
	CL_EVERY = 1 << 18,
};

struct cmd_curve {
	struct actfn_curve fn;
	size_t off;             /* where its name starts */
	char label[CMD_LABEL];  /* "leaky 0.1", with " #2" when repeated */
	bool bare;              /* no parameter was given */
};

struct cmd {
	enum cmd_kind kind;
	size_t off; /* the command word, or the first curve */

	int ncurves;
	struct cmd_curve curve[LIMIT_CURVES];

	bool has_range;
	struct range range;
	size_t range_off;

	double *points; /* `at`: heap, npoints of them */
	size_t npoints;
	size_t points_off;

	bool has_step;
	double step;
	int step_dec; /* decimals of the step as typed (num_decimals) */
	size_t step_off;

	/* set / show: which setting and the value given to `set` */
	enum setting setting;
	bool show_all;
	long ival;   /* samples, width, height (0 = auto) */
	int choice;  /* format, or a tristate */
	size_t value_off;

	/* help */
	char topic[32];
	size_t topic_off;

	/* statistics and layers: which clauses were given, and where */
	unsigned given;
	size_t clause_off[20];
	struct stats_dist dist; /* with; N(0, 1) when not given */
	double samples;         /* Monte Carlo samples; 0: not given */
	uint64_t seed;
	long bins;
	struct layer_spec layer; /* layer N inputs M init ... batch K seed S */
	double bias;             /* dead ... layer: the bias */
	struct range bias_range; /* sweep: bias LO..HI */
	struct train_spec train; /* train */
};

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
#define DEFAULT_TRAIN_LR 0.02
/* Hidden units start with this bias unless told otherwise: negative
 * enough that most ReLU units die while the others keep learning. */
#define DEFAULT_TRAIN_BIAS -1.0

/* Parses one line. Returns 0, or -1 with d filled; either way cmd_free
 * must be called. */
int parse_line(const char *line, size_t len, struct cmd *cmd, struct diag *d);
void cmd_free(struct cmd *cmd);

/* Words the language knows, for completion and suggestions. */
const char *const *parse_command_words(void);
/* The clause words that go with the command named (an activation's name
 * or "plot" for a plot): up to max of them into out; returns how many. */
size_t parse_clause_words(const char *command, size_t len, const char **out, size_t max);

/* Checks a range against the language's rules (finite, LO < HI, neither
 * too wide nor too narrow); NULL if fine, else the reason. */
const char *parse_range_error(double lo, double hi);

#endif
