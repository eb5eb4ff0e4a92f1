/* num.c: numbers in and out, independent of the C locale's LC_NUMERIC. */
#define _POSIX_C_SOURCE 200809L
#include "num.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

size_t num_format(double v, char buf[NUM_BUF])
{
	if (isnan(v))
		return (size_t)snprintf(buf, NUM_BUF, "nan");
	if (isinf(v))
		return (size_t)snprintf(buf, NUM_BUF, v < 0 ? "-inf" : "inf");
	if (v == 0)
		return (size_t)snprintf(buf, NUM_BUF, signbit(v) ? "-0" : "0");
	/* Tried in a buffer of our own, never null: with buf, UBSan's nonnull
	 * check on strtod's argument let GCC 12 at -O3 thread a "buf is null"
	 * path into the next snprintf and warn (-Wformat-truncation), which
	 * broke --enable-sanitizers --enable-werror. */
	char tmp[NUM_BUF];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	size_t n = strlen(tmp);
	memcpy(buf, tmp, n + 1);
	return n;
}

enum num_status num_parse(const char *s, size_t len, double *out)
{
	char tmp[NUM_MAX_LEN + 1];
	if (len > NUM_MAX_LEN)
		return NUM_TOO_LONG;
	if (len == 0)
		return NUM_INVALID;
	memcpy(tmp, s, len);
	tmp[len] = '\0';

	/* strtod accepts "nan(chars)"; the language does not. */
	const char *body = tmp + (tmp[0] == '+' || tmp[0] == '-');
	if (util_word_prefix("nan(", 4, body))
		return NUM_NAN_PAYLOAD;
	/* Nor leading blanks, which strtod would skip. */
	if (tmp[0] == ' ' || tmp[0] == '\t')
		return NUM_INVALID;

	char *end;
	errno = 0;
	double v = strtod(tmp, &end);
	if (end != tmp + len || end == tmp)
		return NUM_INVALID;
	/* glibc sets ERANGE on underflow too: only +-HUGE_VAL is out of range,
	 * and "inf" typed as such is not an overflow. */
	if (errno == ERANGE && isinf(v))
		return NUM_RANGE;
	*out = v;
	return NUM_OK;
}

int num_decimals(const char *s, size_t len)
{
	size_t i = 0;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i + 1 < len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
		return NUM_DEC_NONE;
	if (i < len && !(s[i] >= '0' && s[i] <= '9') && s[i] != '.')
		return NUM_DEC_NONE;
	int dec = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			dec++;
			i++;
		}
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		int sign = 1;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			sign = s[i++] == '-' ? -1 : 1;
		long e = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			if (e < 100000)
				e = e * 10 + (s[i] - '0');
			i++;
		}
		long d = dec - sign * e;
		/* negative for 1e300: the number is a multiple of 10^300 */
		dec = d < -100000 ? -100000 : (d > 100000 ? 100000 : (int)d);
	}
	return dec;
}

double num_round_sig(double v, int digits)
{
	if (!isfinite(v) || v == 0)
		return v;
	char buf[48];
	snprintf(buf, sizeof buf, "%.*g", digits, v);
	return strtod(buf, NULL);
}
