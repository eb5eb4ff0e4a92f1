/* kernel.h: the three matrix products of a dense layer, on activations
 * stored unit-major ([unit][sample], bp samples, bp a multiple of 8). */
#ifndef ACTVIZ_KERNEL_H
#define ACTVIZ_KERNEL_H

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

#endif
