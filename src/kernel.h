/* kernel.h: the three matrix products of a dense layer, on activations
 * stored unit-major ([unit][sample], bp samples, bp a multiple of 8). */
#ifndef ACTVIZ_KERNEL_H
#define ACTVIZ_KERNEL_H

#include <stddef.h>

/* Z[n][:] = b[n] + sum_k W[n][k] A[k][:]      (W is N x K, row-major) */
void kernel_forward(const double *W, const double *b, const double *A, double *Z, long N, long K,
                    long bp);
/* dA[k][:] = sum_n W[n][k] dZ[n][:] */
void kernel_backward_input(const double *W, const double *dZ, double *dA, long N, long K, long bp);
/* dW[n][k] = sum_j dZ[n][j] A[k][j],  db[n] = sum_j dZ[n][j], over the
 * first b samples: one chain per weight, for short batches. */
void kernel_weight_grad(const double *dZ, const double *A, double *dW, double *db, long N, long K,
                        long b, long bp);
/* The same dW and db from A itself ([k][sample]): dot products along the
 * batch, better than a transpose once the batch is long. */
void kernel_weight_grad_dot(const double *dZ, const double *A, double *dW, double *db, long N,
                            long K, long bp);

/* The better of the two for a batch of b padded to bp: rank-one updates
 * for a short batch, dot products from 64 samples on. */
void kernel_layer_grad(const double *dZ, const double *A, double *dW, double *db, long N, long K,
                       long b, long bp);

/* The batch padded to a multiple of 8 samples ... */
#define KERNEL_PAD 8
long kernel_padded(long b);
/* ... and n zeroed doubles on a 64-byte boundary for its rows: with rows
 * a multiple of eight doubles long, every vector load of a row then stays
 * inside one cache line (a line-crossing load costs two; it cost AVX2's
 * weight gradients a quarter of their speed). NULL when out of memory;
 * free() frees it. */
double *kernel_doubles(size_t n);

/* The elementwise work of a step, on the vector path too (the same bits
 * at any width): *dead = rows whose first b entries are all 0; z = a b;
 * p -= lr g. */
void kernel_dead_rows(const double *d, long rows, long b, long bp, long *dead);
void kernel_mul(double *z, const double *a, const double *b, size_t n);
void kernel_sgd(double *p, const double *g, double lr, size_t n);

#endif
