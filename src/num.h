/* num.h: numbers in and out: the language's number syntax, and the
 * shortest text that reads back to the same double. */
#ifndef ACTVIZ_NUM_H
#define ACTVIZ_NUM_H

#include <limits.h>
#include <stddef.h>

/* Longest text num_format writes, with its NUL ("-2.2250738585072014e-308"). */
#define NUM_BUF 32

/* Shortest of %.15g, %.16g, %.17g that reads back to v; "nan", "inf",
 * "-inf" and "-0" spelt the same on every libc. Returns the length. */
size_t num_format(double v, char buf[NUM_BUF]);
/* v rounded to `digits` significant digits (as %.*g writes it), for
 * figures not known to 17: timings, error bars. Non-finite and 0 as is. */
double num_round_sig(double v, int digits);

enum num_status {
	NUM_OK,
	NUM_INVALID,     /* not a number of the language ("1e", "0x", "1.2.3") */
	NUM_RANGE,       /* magnitude beyond the largest double (1e400) */
	NUM_NAN_PAYLOAD, /* nan(...) is refused: its payload means nothing here */
	NUM_TOO_LONG,    /* more characters than any sensible number */
};

/* Longest number token accepted; longer ones are NUM_TOO_LONG. */
#define NUM_MAX_LEN 400

/* Converts s[0..len) (one whole token) to a double. An underflow gives
 * strtod's denormal or zero, not an error. */
enum num_status num_parse(const char *s, size_t len, double *out);

/* num_decimals of what is not a decimal number: hex, inf, nan. */
#define NUM_DEC_NONE INT_MIN

/* Digits after the decimal point as written, less the exponent, so the
 * number is a multiple of 10^-result: "0.25" 2, "1e-3" 3, "2.5e-2" 3,
 * "5" 0, "1e3" -3, "1e300" -300 (within +-100000). NUM_DEC_NONE for hex,
 * inf, nan. */
int num_decimals(const char *s, size_t len);

#endif
