/* rng.h: the one random number generator: xoshiro256** seeded through
 * splitmix64, with uniform and ziggurat normal variates. The same seed
 * gives the same stream on every machine. */
#ifndef ACTVIZ_RNG_H
#define ACTVIZ_RNG_H

#include <stddef.h>
#include <stdint.h>

/* Eight xoshiro256** generators side by side, their outputs interleaved:
 * independent lanes keep vector units busy while the stream stays the
 * same on every machine, whatever its vector width. */
#define RNG_LANES 8
#define RNG_AUX_BUF 32

struct rng {
	uint64_t s[4][RNG_LANES]; /* s[word][lane] */
	uint64_t buf[RNG_LANES];
	int pos;
	/* A scalar generator of its own for the ziggurat's rare slow path,
	 * so the k-th normal always comes from the k-th word of the stream,
	 * however the normals are asked for. Its next words wait in
	 * aux_buf[aux_pos..], with what the ziggurat makes of each (its
	 * uniform, and the normal it gives as a new draw if that lands in
	 * its layer's rectangle), so that a draw can look at the words it
	 * may need before it knows how many it takes. */
	uint64_t aux[4];
	uint64_t aux_buf[RNG_AUX_BUF];
	double aux_uniform[RNG_AUX_BUF];
	double aux_redraw[RNG_AUX_BUF];
	unsigned char aux_lands[RNG_AUX_BUF];
	int aux_pos;
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* n words of the stream, as n calls of rng_next would give them. */
void rng_fill(struct rng *r, uint64_t *out, size_t n);
/* Uniform on [0, 1), 53 random bits. */
double rng_uniform(struct rng *r);
/* Standard normal, by the ziggurat method (256 layers). */
double rng_normal(struct rng *r);
/* n standard normals into out: the same numbers as n calls of
 * rng_normal, faster. */
void rng_normals(struct rng *r, double *out, size_t n);

#endif
