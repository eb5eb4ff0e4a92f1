/* layer.h: a layer of neurons at initialisation: which of them get no
 * gradient from a batch of inputs (dead), which never see a positive
 * pre-activation, and how often each is active; for one bias or a sweep
 * of biases, every activation on the same weights and inputs. */
#ifndef ACTVIZ_LAYER_H
#define ACTVIZ_LAYER_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "actfn.h"

struct rng;

/* Documented limits (man page, LIMITS). */
#define LIMIT_LAYER_WEIGHTS 1e7  /* neurons x inputs */
#define LIMIT_BATCH 1e6
#define LIMIT_MEMORY (1024.0 * 1024 * 1024) /* any command's estimate */

/* he: N(0, 2/fan_in); xavier: N(0, 2/(fan_in + fan_out)); normal(m, s);
 * torch: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's nn.Linear default. */
enum layer_init { INIT_HE, INIT_XAVIER, INIT_NORMAL, INIT_TORCH };

struct layer_spec {
	long neurons, inputs, batch;
	enum layer_init init;
	double init_mean, init_sd; /* INIT_NORMAL */
	uint64_t seed;
};

struct layer_out {
	/* [curve][bias]: shares of the neurons */
	double *dead_share;     /* f'(z) = 0 for every input of the batch */
	double *inactive_share; /* z <= 0 for every input (the same for all curves) */
	/* [curve][neuron], first bias only: share of the batch where f' != 0 */
	double *rate;
	long rows_done;         /* inputs of the batch processed (less when stopped) */
};

/* Bytes layer_run would allocate; compared with LIMIT_MEMORY first. */
double layer_memory(const struct layer_spec *spec, int ncurves, int nbias);

/* Runs the layer. out's arrays are allocated here (free with
 * layer_out_free). Returns 0, or -1 when out of memory. Stops between
 * inputs when *stop is set; the shares then cover rows_done inputs. */
int layer_run(const struct layer_spec *spec, const struct actfn_curve *const *curves, int ncurves,
              const double *biases, int nbias, volatile sig_atomic_t *stop, struct layer_out *out);
void layer_out_free(struct layer_out *out);

/* The standard deviation of the initial weights. */
double layer_init_sd(const struct layer_spec *spec);

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
