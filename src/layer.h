/* layer.h: a layer of neurons at initialisation: which of them get no
 * gradient from a batch of inputs (dead), which never see a positive
 * pre-activation, how often each is active and how often its output is
 * exactly 0; for one bias or a sweep of biases, every activation on the
 * same weights and inputs, and pooled over layers from many seeds. */
#ifndef ACTVIZ_LAYER_H
#define ACTVIZ_LAYER_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "actfn.h"
#include "stats.h"

struct rng;

/* Documented limits (man page, LIMITS). */
#define LIMIT_LAYER_WEIGHTS 1e7  /* neurons x inputs */
#define LIMIT_BATCH 1e6
#define LIMIT_SEEDS 1e6          /* layers pooled by one command */
#define LIMIT_MEMORY (1024.0 * 1024 * 1024) /* any command's estimate */

/* he: N(0, 2/fan_in); xavier: N(0, 2/(fan_in + fan_out)); normal(m, s);
 * torch: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's nn.Linear default. */
enum layer_init { INIT_HE, INIT_XAVIER, INIT_NORMAL, INIT_TORCH };

struct layer_spec {
	long neurons, inputs, batch;
	enum layer_init init;
	double init_mean, init_sd; /* INIT_NORMAL */
	/* Each neuron's own bias drawn as PyTorch's nn.Linear draws it
	 * (INIT_TORCH: U(-1/sqrt(inputs), 1/sqrt(inputs))), the biases given
	 * to layer_run added to it; false: the biases given alone. */
	bool init_bias;
	const struct stats_dist *input; /* each input's numbers; NULL: N(0, 1) */
	uint64_t seed;
	/* Layers from the seeds seed, seed + 1, ..., pooled; 0 counts as 1. */
	long seeds;
};

struct layer_out {
	/* [curve][bias]: shares of the neurons (of every seed's layer) */
	double *dead_share;     /* f'(z) = 0 for every input of the batch */
	double *inactive_share; /* z <= 0 for every input (the same for all curves) */
	/* [curve][bias]: share of the outputs, neurons times inputs, that
	 * are exactly 0 (f(z) = 0: ReLU's sparsity) */
	double *zero_share;
	/* [curve][bias]: the standard errors of dead_share and zero_share
	 * as means over the seeds' layers (0 for one seed) */
	double *dead_se, *zero_se;
	/* [curve][neuron], first seed and first bias only: share of the
	 * batch where f' != 0 */
	double *rate;
	/* Seeds counted, and inputs of the last one's batch: less than asked
	 * when stopped. A layer stopped part-way counts only when it is the
	 * first; after that, only whole layers do. */
	long seeds_done;
	long rows_done;
};

/* Bytes layer_run would allocate; compared with LIMIT_MEMORY first. */
double layer_memory(const struct layer_spec *spec, int ncurves, int nbias);

/* Runs the layer (from each seed). out's arrays are allocated here (free
 * with layer_out_free). Returns 0, or -1 when out of memory. Stops
 * between inputs when *stop is set; the shares then cover what
 * seeds_done and rows_done say. */
int layer_run(const struct layer_spec *spec, const struct actfn_curve *const *curves, int ncurves,
              const double *biases, int nbias, volatile sig_atomic_t *stop, struct layer_out *out);
void layer_out_free(struct layer_out *out);

/* The standard deviation of the initial weights. */
double layer_init_sd(const struct layer_spec *spec);
/* Whether the run stopped short of the seeds and batch asked for. */
bool layer_interrupted(const struct layer_spec *spec, const struct layer_out *out);

/* What every command that draws weights shares (layers, train, depth):
 * the standard deviation of a rows x cols matrix's weights (fan-in cols,
 * fan-out rows; normal_sd is INIT_NORMAL's own) ... */
double layer_weight_sd(enum layer_init init, double normal_sd, long fan_in, long fan_out);
/* ... and the draw from r: w first; then, with INIT_TORCH, the rows
 * biases b, both U(-1/sqrt(cols), 1/sqrt(cols)) as nn.Linear starts; the
 * other inits set b to 0. With b NULL no bias is drawn or set. */
void layer_draw(struct rng *r, enum layer_init init, double mean, double normal_sd, double *w,
                double *b, long rows, long cols);

#endif
