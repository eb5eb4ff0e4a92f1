/* kernel_body.h: the dense-layer products at one vector width; kernel.c
 * includes it once per path, with KB_VW (doubles a vector), KB_SUFFIX and
 * KB_ATTR (the path's target attribute) defined, KB_CV (vectors of
 * columns in a block: 2, or 4 with 32 registers), and KB_PARTS: 1 for the
 * products (forward, backward_input, weight_grad), 2 for the dot products
 * along the batch (weight_grad_dot), 3 for both.
 *
 * Every width does the same multiplications and additions in the same
 * order (no fused multiply-add: -ffp-contract=off): a sum along k or n is
 * one chain per sample, and a sum along the batch keeps eight chains
 * (sample j in chain j mod 8) added up as lanes8, ((l0 + l4) + (l2 + l6))
 * + ((l1 + l5) + (l3 + l7)), so a seed gives the same bytes on every
 * path. */

#define KB_CAT2(a, b) a##_##b
#define KB_CAT(a, b) KB_CAT2(a, b)
#define KB(name) KB_CAT(name, KB_SUFFIX)

typedef double KB(vd) __attribute__((vector_size(8 * KB_VW)));
/* the same, for loads and stores that need no vector alignment */
typedef double KB(vdu) __attribute__((vector_size(8 * KB_VW), aligned(8), may_alias));

/* Macros, not functions: a function taking or returning a vector wider
 * than the baseline's would change its calling convention. */
#define VD KB(vd)
#define LOAD(p) (*(const KB(vdu) *)(p))
#define STORE(p, v) (*(KB(vdu) *)(p) = (v))
#if KB_VW == 2
#define SPLAT(x) ((VD){(x), (x)})
#elif KB_VW == 4
#define SPLAT(x) ((VD){(x), (x), (x), (x)})
#elif KB_VW == 8
#define SPLAT(x) ((VD){(x), (x), (x), (x), (x), (x), (x), (x)})
#else
#error "KB_VW must be 2, 4 or 8"
#endif
/* vectors in one chain of eight along the batch */
#define KB_G (8 / KB_VW)

/* lanes8 (above) of the eight chains s[0..KB_G-1] (chain i in lane i % KB_VW of
 * vector i / KB_VW), in registers: the pairs (i, i + 4) first, as one
 * vector addition where they sit in two vectors, then lanes8's order. A
 * copy to memory and back cost a store-to-load stall per sum. */
#if KB_VW == 8
#define HSUM8(s) ((((s)[0][0] + (s)[0][4]) + ((s)[0][2] + (s)[0][6])) + \
                  (((s)[0][1] + (s)[0][5]) + ((s)[0][3] + (s)[0][7])))
#elif KB_VW == 4
#define HSUM8(s) KB(hsum8)((s)[0] + (s)[1])
#define KB_HSUM_PAIRS
#else
#define HSUM8(s) KB(hsum8)((s)[0] + (s)[2], (s)[1] + (s)[3])
#define KB_HSUM_PAIRS
#endif

/* Before each loop of a fixed, small count (rows, vectors, chains of a
 * block): unrolled in full, its arrays of accumulators become registers.
 * -O3 does that unasked; -O2 (a packager's CFLAGS) left them on the stack,
 * a store and a reload per multiply-add, and trained 2.5x slower on the
 * AVX-512 path. The operations and their order are the same either way. */
#ifndef KB_UNROLL
#define KB_UNROLL _Pragma("GCC unroll 16")
#endif

/* A 4 x (2 KB_VW) block of C: C[r][:] += sum_q w_r[q ws] B[q][:], or
 * init[r] + that sum when init is given, eight accumulators in registers
 * on every width. Continuing from C keeps each sum one chain in q. */
#define BLOCK_4x2(C, ldc, init, w0, w1, w2, w3, ws, B, ldb, qmax)                    \
	do {                                                                         \
		VD c00, c01, c10, c11, c20, c21, c30, c31;                               \
		if (init) {                                                              \
			c00 = c01 = SPLAT((init)[0]);                                        \
			c10 = c11 = SPLAT((init)[1]);                                        \
			c20 = c21 = SPLAT((init)[2]);                                        \
			c30 = c31 = SPLAT((init)[3]);                                        \
		} else {                                                                 \
			c00 = LOAD(C), c01 = LOAD((C) + KB_VW);                              \
			c10 = LOAD((C) + (ldc)), c11 = LOAD((C) + (ldc) + KB_VW);            \
			c20 = LOAD((C) + 2 * (ldc)), c21 = LOAD((C) + 2 * (ldc) + KB_VW);    \
			c30 = LOAD((C) + 3 * (ldc)), c31 = LOAD((C) + 3 * (ldc) + KB_VW);    \
		}                                                                        \
		for (long q = 0; q < (qmax); q++) {                                      \
			const double *bq = (B) + q * (ldb);                                  \
			VD b0 = LOAD(bq), b1 = LOAD(bq + KB_VW);                             \
			VD d0 = SPLAT((w0)[q * (ws)]), d1 = SPLAT((w1)[q * (ws)]);           \
			VD d2 = SPLAT((w2)[q * (ws)]), d3 = SPLAT((w3)[q * (ws)]);           \
			c00 += d0 * b0;                                                      \
			c01 += d0 * b1;                                                      \
			c10 += d1 * b0;                                                      \
			c11 += d1 * b1;                                                      \
			c20 += d2 * b0;                                                      \
			c21 += d2 * b1;                                                      \
			c30 += d3 * b0;                                                      \
			c31 += d3 * b1;                                                      \
		}                                                                        \
		STORE((C), c00);                                                         \
		STORE((C) + KB_VW, c01);                                                 \
		STORE((C) + (ldc), c10);                                                 \
		STORE((C) + (ldc) + KB_VW, c11);                                         \
		STORE((C) + 2 * (ldc), c20);                                             \
		STORE((C) + 2 * (ldc) + KB_VW, c21);                                     \
		STORE((C) + 3 * (ldc), c30);                                             \
		STORE((C) + 3 * (ldc) + KB_VW, c31);                                     \
	} while (0)

/* A 4 x (KB_CV KB_VW) block, for a path with the registers for more
 * columns at once (AVX-512's 32: four vectors, sixteen accumulators):
 * more multiplications per load of the weights. */
#if KB_CV > 2
#define BLOCK_4xC(C, ldc, init, w0, w1, w2, w3, ws, B, ldb, qmax)                    \
	do {                                                                         \
		VD c_[4][KB_CV];                                                         \
		const double *wr_[4] = {(w0), (w1), (w2), (w3)};                         \
		KB_UNROLL for (int r_ = 0; r_ < 4; r_++)                                     \
			KB_UNROLL for (int v_ = 0; v_ < KB_CV; v_++) {                       \
				if (init)                                                        \
					c_[r_][v_] = SPLAT((init)[r_]);                              \
				else                                                             \
					c_[r_][v_] = LOAD((C) + r_ * (ldc) + v_ * KB_VW);            \
			}                                                                    \
		for (long q = 0; q < (qmax); q++) {                                      \
			const double *bq = (B) + q * (ldb);                                  \
			VD b_[KB_CV];                                                        \
			KB_UNROLL for (int v_ = 0; v_ < KB_CV; v_++)                         \
				b_[v_] = LOAD(bq + v_ * KB_VW);                                  \
			KB_UNROLL for (int r_ = 0; r_ < 4; r_++) {                           \
				VD d_ = SPLAT(wr_[r_][q * (ws)]);                                \
				KB_UNROLL for (int v_ = 0; v_ < KB_CV; v_++)                 \
					c_[r_][v_] += d_ * b_[v_];                                   \
			}                                                                    \
		}                                                                        \
		KB_UNROLL for (int r_ = 0; r_ < 4; r_++)                                     \
			KB_UNROLL for (int v_ = 0; v_ < KB_CV; v_++)                         \
				STORE((C) + r_ * (ldc) + v_ * KB_VW, c_[r_][v_]);                \
	} while (0)
#else
#define BLOCK_4xC BLOCK_4x2
#endif

/* The same for one vector of columns and one row. */
#define BLOCK_1x1(C, init, w0, ws, B, ldb, qmax)                                     \
	do {                                                                         \
		VD c0 = LOAD(C);                                                         \
		if (init)                                                                \
			c0 = SPLAT(*(init));                                                 \
		for (long q = 0; q < (qmax); q++)                                        \
			c0 += SPLAT((w0)[q * (ws)]) * LOAD((B) + q * (ldb));                 \
		STORE((C), c0);                                                          \
	} while (0)

/* Rows of the batch-sized operand copied at a time into a contiguous
 * panel, when they are far apart: a batch of 256 puts them 2 KiB apart,
 * where they fall into a few sets of the first-level cache and evict each
 * other. Rows at most KB_NEAR doubles apart are walked where they are. */
#define KB_QB 128
#define KB_NEAR 64

#ifdef KB_HSUM_PAIRS
/* u[i] = l[i] + l[i + 4] (and w, for two-double vectors, the pairs 2, 6
 * and 3, 7); inlined, so no vector crosses a call. */
#if KB_VW == 4
KB_ATTR static inline __attribute__((always_inline)) double KB(hsum8)(VD u)
{
	return (u[0] + u[2]) + (u[1] + u[3]);
}
#else
KB_ATTR static inline __attribute__((always_inline)) double KB(hsum8)(VD u, VD w)
{
	return (u[0] + w[0]) + (u[1] + w[1]);
}
#endif
#undef KB_HSUM_PAIRS
#endif

/* db[n] = sum_j dZ[n][j] in eight chains: the padding of dZ is zero, so
 * all of it. */
KB_ATTR
static void KB(bias_grad)(const double *dZ, double *db, long N, long bp)
{
	for (long n = 0; n < N; n++) {
		VD s[KB_G];
		KB_UNROLL for (int g = 0; g < KB_G; g++)
			s[g] = SPLAT(0.0);
		for (long j = 0; j < bp; j += 8)
			KB_UNROLL for (int g = 0; g < KB_G; g++)
				s[g] += LOAD(dZ + n * bp + j + g * KB_VW);
		db[n] = HSUM8(s);
	}
}

#if KB_PARTS & 1
/* Lanes picked from two vectors, where the compiler has a builtin for it
 * (clang; GCC from 12): data moved, never computed. */
#ifndef KB_SHUFFLE
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
#define KB_SHUFFLE 1
#define KB_SHUF(a, b, ...) __builtin_shufflevector((a), (b), __VA_ARGS__)
#else
#define KB_SHUFFLE 0
#endif
#endif

/* The columns of a KB_VW-wide slice of B as vectors: lane r of column c
 * is row r's element c. */
#if KB_VW == 2
#define COLUMN(L, c) ((VD){(L)[0][c], (L)[1][c]})
#elif KB_VW == 4
#define COLUMN(L, c) ((VD){(L)[0][c], (L)[1][c], (L)[2][c], (L)[3][c]})
#else
#define COLUMN(L, c) \
	((VD){(L)[0][c], (L)[1][c], (L)[2][c], (L)[3][c], (L)[4][c], (L)[5][c], (L)[6][c], (L)[7][c]})
#endif

/* P[q][v] = B[v][q] for v < width (a multiple of KB_VW) and q < qn:
 * square blocks turned in registers, a lane at a time only at the end of
 * a short batch. (Element by element it took a fifth of a short batch's
 * weight gradient.) */
KB_ATTR
static void KB(transpose)(double *P, long ldp, const double *B, long ldb, long width, long qn)
{
	for (long v = 0; v < width; v += KB_VW) {
		long q = 0;
		for (; q + KB_VW <= qn; q += KB_VW) {
			VD L[KB_VW];
			KB_UNROLL for (int r = 0; r < KB_VW; r++)
				L[r] = LOAD(B + (v + r) * ldb + q);
#if KB_SHUFFLE && KB_VW == 4
			/* in shuffles (unpack, then swap halves): lane by lane, GCC
			 * built each column from four scalar loads */
			VD t0 = KB_SHUF(L[0], L[1], 0, 4, 2, 6), t1 = KB_SHUF(L[0], L[1], 1, 5, 3, 7);
			VD t2 = KB_SHUF(L[2], L[3], 0, 4, 2, 6), t3 = KB_SHUF(L[2], L[3], 1, 5, 3, 7);
			STORE(P + q * ldp + v, KB_SHUF(t0, t2, 0, 1, 4, 5));
			STORE(P + (q + 1) * ldp + v, KB_SHUF(t1, t3, 0, 1, 4, 5));
			STORE(P + (q + 2) * ldp + v, KB_SHUF(t0, t2, 2, 3, 6, 7));
			STORE(P + (q + 3) * ldp + v, KB_SHUF(t1, t3, 2, 3, 6, 7));
#elif KB_SHUFFLE && KB_VW == 2
			STORE(P + q * ldp + v, KB_SHUF(L[0], L[1], 0, 2));
			STORE(P + (q + 1) * ldp + v, KB_SHUF(L[0], L[1], 1, 3));
#else
			KB_UNROLL for (int c = 0; c < KB_VW; c++)
				STORE(P + (q + c) * ldp + v, COLUMN(L, c));
#endif
		}
		for (; q < qn; q++)
			KB_UNROLL for (int r = 0; r < KB_VW; r++)
				P[q * ldp + v + r] = B[(v + r) * ldb + q];
	}
}

/* C (rows x cols, row stride ldc) = init + sum over q of w-column x
 * B-row, where row r's weights are w[r * wr + q * ws] and B's row q is
 * B + q * ldb, or with bt its column (element (q, c) at B[c * ldb + q]);
 * cols is a multiple of KB_VW, init may be NULL (zero). Columns in blocks
 * of two vectors, which every block of four rows walks. */
KB_ATTR
static void KB(products)(double *C, long ldc, const double *init, const double *w, long wr,
                         long ws, const double *B, long ldb, bool bt, long rows, long cols,
                         long qmax)
{
	static const double zeros[4] = {0, 0, 0, 0};
	double panel[KB_QB * KB_CV * KB_VW] __attribute__((aligned(64)));
	long width;
	for (long j = 0; j < cols; j += width) {
		width = cols - j >= KB_CV * KB_VW ? KB_CV * KB_VW : cols - j >= 2 * KB_VW ? 2 * KB_VW : KB_VW;
		for (long q0 = 0; q0 < qmax || q0 == 0; q0 += KB_QB) {
			long qn = qmax - q0 < KB_QB ? qmax - q0 : KB_QB;
			const double *first = q0 ? NULL : init ? init : zeros;
			const double *P = panel;
			long ldp = width;
			if (bt) {
				KB(transpose)(panel, width, B + j * ldb + q0, ldb, width, qn);
			} else if (ldb <= KB_NEAR && qn == qmax) {
				P = B + j;
				ldp = ldb;
			} else {
				/* a fixed count of vectors a row in the usual case: a
				 * variable one became a `rep movsq` per row, whose start-up
				 * took a tenth of a batch of 256's time on AVX2 */
				if (width == KB_CV * KB_VW)
					for (long q = 0; q < qn; q++) {
						KB_UNROLL for (int v = 0; v < KB_CV; v++)
							STORE(panel + q * width + v * KB_VW,
							      LOAD(B + (q0 + q) * ldb + j + v * KB_VW));
					}
				else
					for (long q = 0; q < qn; q++)
						for (long v = 0; v < width; v += KB_VW)
							STORE(panel + q * width + v,
							      LOAD(B + (q0 + q) * ldb + j + v));
			}
			long r = 0;
			for (; r + 4 <= rows && width >= 2 * KB_VW; r += 4) {
				const double *w0 = w + r * wr + q0 * ws, *w1 = w0 + wr, *w2 = w1 + wr;
				const double *w3 = w2 + wr;
				const double *in = first ? first + (init ? r : 0) : NULL;
				if (width == KB_CV * KB_VW)
					BLOCK_4xC(C + r * ldc + j, ldc, in, w0, w1, w2, w3, ws, P, ldp, qn);
				else
					BLOCK_4x2(C + r * ldc + j, ldc, in, w0, w1, w2, w3, ws, P, ldp, qn);
			}
			for (; r < rows; r++) {
				const double *w0 = w + r * wr + q0 * ws;
				for (long v = 0; v < width; v += KB_VW)
					BLOCK_1x1(C + r * ldc + j + v, (first ? first + (init ? r : 0) : NULL),
					          w0, ws, P + v, ldp, qn);
			}
			if (qmax == 0)
				break;
		}
	}
}

KB_ATTR
static void KB(forward)(const double *W, const double *b, const double *A, double *Z, long N,
                        long K, long bp)
{
	KB(products)(Z, bp, b, W, K, 1, A, bp, false, N, bp, K);
}

KB_ATTR
static void KB(backward_input)(const double *W, const double *dZ, double *dA, long N, long K,
                               long bp)
{
	KB(products)(dA, bp, NULL, W, 1, K, dZ, bp, false, K, bp, N);
}

/* Rank-one updates along a short batch: dW[n][k] = sum_j dZ[n][j] A[k][j],
 * one chain per weight, A read down its columns into the panel. */
KB_ATTR
static void KB(weight_grad)(const double *dZ, const double *A, double *dW, double *db, long N,
                            long K, long b, long bp)
{
	KB(bias_grad)(dZ, db, N, bp);
	long kv = K / KB_VW * KB_VW;
	if (kv > 0)
		KB(products)(dW, K, NULL, dZ, bp, 1, A, bp, true, N, kv, b);
	for (long k = kv; k < K; k++) {
		for (long n = 0; n < N; n++) {
			double s = 0;
			for (long j = 0; j < b; j++)
				s += dZ[n * bp + j] * A[k * bp + j];
			dW[n * K + k] = s;
		}
	}
}

#endif

#if KB_PARTS & 2
/* Dot products along a long batch, eight chains each: an R x Q block of
 * dW at a time, R * Q * KB_G accumulators (16 on AVX-512, 8 otherwise). */
#if KB_VW == 8
#define KB_DR 4
#define KB_DQ 4
#else
#define KB_DR 4
#define KB_DQ 1
#endif

KB_ATTR
static void KB(weight_grad_dot)(const double *dZ, const double *A, double *dW, double *db, long N,
                                long K, long bp)
{
	KB(bias_grad)(dZ, db, N, bp);
	/* A's rows a chunk at a time, as many as fill a third of the
	 * first-level cache, walked against every block of dZ's rows */
	long kc = 16384 / (8 * bp) / KB_DQ * KB_DQ;
	if (kc < KB_DQ)
		kc = KB_DQ;
	for (long k0 = 0; k0 < K; k0 += kc)
	for (long n = 0; n < N; n += KB_DR) {
		long nr = N - n < KB_DR ? N - n : KB_DR;
		long kend = K - k0 < kc ? K : k0 + kc;
		for (long k = k0; k < kend; k += KB_DQ) {
			long nq = kend - k < KB_DQ ? kend - k : KB_DQ;
			if (nr == KB_DR && nq == KB_DQ) {
				VD c[KB_DR][KB_DQ][KB_G];
				KB_UNROLL for (int r = 0; r < KB_DR; r++)
					KB_UNROLL for (int q = 0; q < KB_DQ; q++)
						KB_UNROLL for (int g = 0; g < KB_G; g++)
							c[r][q][g] = SPLAT(0.0);
				for (long j = 0; j < bp; j += 8) {
					VD a[KB_DQ][KB_G];
					KB_UNROLL for (int q = 0; q < KB_DQ; q++)
						KB_UNROLL for (int g = 0; g < KB_G; g++)
							a[q][g] = LOAD(A + (k + q) * bp + j + g * KB_VW);
					KB_UNROLL for (int r = 0; r < KB_DR; r++) {
						KB_UNROLL for (int g = 0; g < KB_G; g++) {
							VD z = LOAD(dZ + (n + r) * bp + j + g * KB_VW);
							KB_UNROLL for (int q = 0; q < KB_DQ; q++)
								c[r][q][g] += z * a[q][g];
						}
					}
				}
				KB_UNROLL for (int r = 0; r < KB_DR; r++) {
					KB_UNROLL for (int q = 0; q < KB_DQ; q++) {
						dW[(n + r) * K + k + q] = HSUM8(c[r][q]);
					}
				}
				continue;
			}
			/* the edges: one weight at a time */
			for (long r = 0; r < nr; r++) {
				for (long q = 0; q < nq; q++) {
					VD c[KB_G];
					KB_UNROLL for (int g = 0; g < KB_G; g++)
						c[g] = SPLAT(0.0);
					for (long j = 0; j < bp; j += 8)
						KB_UNROLL for (int g = 0; g < KB_G; g++)
							c[g] += LOAD(dZ + (n + r) * bp + j + g * KB_VW) *
							        LOAD(A + (k + q) * bp + j + g * KB_VW);
					dW[(n + r) * K + k + q] = HSUM8(c);
				}
			}
		}
	}
}

#endif

#undef KB_QB
#undef KB_NEAR
#undef BLOCK_4xC
#undef KB_CV
#undef KB_DR
#undef KB_DQ
#undef KB_G
#undef HSUM8
#undef COLUMN
#undef SPLAT
#undef STORE
#undef LOAD
#undef VD
#undef KB
#undef KB_CAT
#undef KB_CAT2
#undef KB_VW
#undef KB_SUFFIX
#undef KB_ATTR
#undef KB_PARTS
