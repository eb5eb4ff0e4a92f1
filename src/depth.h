/* depth.h: a deep plain MLP at initialisation, for `depth`: how the
 * activations and the gradients reaching each layer's weights grow or
 * shrink with depth, for each activation on the same weights and inputs. */
#ifndef ACTVIZ_DEPTH_H
#define ACTVIZ_DEPTH_H

#include <signal.h>
#include <stdint.h>

#include "actfn.h"
#include "layer.h"

/* Documented limits (man page, LIMITS); width and batch are train's
 * (LIMIT_TRAIN_WIDTH, LIMIT_TRAIN_BATCH), and depth_memory is held to
 * LIMIT_MEMORY. */
#define LIMIT_DEPTH_LAYERS 1000

struct depth_spec {
	long layers, width, batch;
	enum layer_init init;     /* of every weight matrix; biases 0 but torch's */
	double init_mean, init_sd;
	uint64_t seed;
};

/* One layer's figures for one activation. */
struct depth_stats {
	double act_mean, act_std; /* of its outputs, over every unit and sample */
	double zero_share;        /* of its outputs exactly 0 (either sign) */
	double grad_norm;         /* Frobenius norm of dL/dW for its weights */
};

struct depth;

/* Bytes depth_new and depth_run allocate; checked first. */
double depth_memory(const struct depth_spec *spec);

/* The network and its batch, from one stream seeded with spec->seed: the
 * weights (and torch's biases) layer by layer, then the inputs, width
 * numbers each, N(0, 1), unit by unit, then the direction at the top, G:
 * N(0, 1) entries, one per output and sample, scaled to norm 1. The loss
 * is L = sum over outputs and samples of G * (top layer's output), so
 * dL/d(top output) = G, a random unit vector. NULL without memory. */
struct depth *depth_new(const struct depth_spec *spec);
void depth_free(struct depth *d);

/* Runs one activation forward and back through every layer: stats[l] for
 * layer l + 1. Returns 0, or 1 when *stop was set (stats then partial). */
int depth_run(struct depth *d, const struct actfn_curve *fn, volatile sig_atomic_t *stop,
              struct depth_stats *stats);

/* For tests: layer l's weights (from 0; width x width, row-major [out][in])
 * and the loss L of an activation on them, by the forward pass alone. */
double *depth_weights(struct depth *d, long l);
double depth_loss(struct depth *d, const struct actfn_curve *fn);

#endif
