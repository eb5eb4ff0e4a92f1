/* train.h: a small multilayer perceptron trained by backpropagation, one
 * network per activation, all from the same initial weights and data and
 * stepped together, reporting the loss and the share of dead units. */
#ifndef ACTVIZ_TRAIN_H
#define ACTVIZ_TRAIN_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "actfn.h"
#include "layer.h"

/* Documented limits (man page, LIMITS). */
#define LIMIT_TRAIN_WIDTH 4096
#define LIMIT_TRAIN_DEPTH 16
#define LIMIT_TRAIN_BATCH 65536
#define LIMIT_TRAIN_CELLS 4194304.0 /* width x batch: 2^22 */
#define LIMIT_TRAIN_STEPS 1e7

enum train_task { TASK_SIN, TASK_SPIRALS };
enum train_opt { OPT_SGD, OPT_ADAM };

struct train_spec {
	long width, depth, batch, steps, every;
	double lr;
	double bias;              /* initial bias of the hidden units ... */
	bool set_bias;            /* ... when given; else the init's own */
	enum layer_init init;     /* of every weight matrix */
	double init_mean, init_sd;
	enum train_task task;
	enum train_opt opt;
	uint64_t seed;
};

struct train_report {
	long step;                /* counted from 1 */
	double loss;              /* on that step's batch, before its update */
	double dead_share;        /* hidden units with f' = 0 for the whole batch */
	double dead_layer[LIMIT_TRAIN_DEPTH];
	double param;             /* the learned parameter (PReLU's slope, layer 1) */
};

struct train;

/* Bytes train_new would allocate for n networks; checked first. */
double train_memory(const struct train_spec *spec, int n);

/* n networks, one per curve, with the same initial weights and the same
 * data. NULL when out of memory. */
struct train *train_new(const struct train_spec *spec, const struct actfn_curve *curves, int n);
void train_free(struct train *t);

/* One SGD or Adam step of every network; reports[i] gets network i's
 * loss and dead shares at that step. Returns the step done (1-based). */
long train_step(struct train *t, struct train_report *reports);

/* Whether a step is reported: the first, every `every`-th, the last. */
bool train_reported(const struct train_spec *spec, long step);

/* ceil(steps / 50): about fifty reports a run. */
long train_default_every(long steps);

/* For tests: the loss of network i on its current batch, and its
 * gradient with respect to every parameter, in one flat vector (the
 * layout train_params gives); and access to the parameters. */
size_t train_nparams(const struct train *t);
double *train_params(struct train *t, int i);
double train_loss_grad(struct train *t, int i, double *grad);

#endif
