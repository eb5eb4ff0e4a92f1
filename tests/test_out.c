/* test_out.c: the output sinks (a file that fails, a memory buffer with a
 * limit, long printf output) and the settings' names and `show` lines,
 * byte for byte. */
#define _POSIX_C_SOURCE 200809L /* fmemopen */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "settings.h"
#include "tab.h"

/* Sanitizers abort on an allocation too large to be served instead of
 * returning NULL: the out-of-memory cases run without them. */
#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif

/* A sink that counts the writes that reach it. */
static int calls;
static int counting_write(struct out *o, const char *buf, size_t n)
{
	(void)o;
	(void)buf;
	(void)n;
	calls++;
	return 0;
}

static void test_file_errors(void **state)
{
	(void)state;
	struct out o;
	/* a full disk: the first failed write is kept as the error */
	FILE *full = fopen("/dev/full", "w");
	assert_non_null(full);
	setvbuf(full, NULL, _IONBF, 0);
	out_init_file(&o, full);
	out_puts(&o, "x  y  dy\n");
	assert_int_equal(o.err, ENOSPC);
	out_puts(&o, "1  1   1\n");
	assert_int_equal(o.err, ENOSPC);
	fclose(full);

	/* a stream that can't be written: that errno */
	FILE *ro = fopen("/dev/null", "r");
	assert_non_null(ro);
	out_init_file(&o, ro);
	out_putc(&o, 'a');
	assert_int_equal(o.err, EBADF);
	fclose(ro);

	/* a short write that sets no errno is still an error (EIO) */
	char small[4];
	FILE *mem = fmemopen(small, sizeof small, "w");
	assert_non_null(mem);
	setvbuf(mem, NULL, _IONBF, 0);
	out_init_file(&o, mem);
	errno = 0;
	out_puts(&o, "more than four bytes");
	assert_int_equal(o.err, EIO);
	fclose(mem);

	/* after an error nothing more is written; nor is an empty write */
	out_init_file(&o, stdout);
	o.write = counting_write;
	calls = 0;
	out_write(&o, "", 0);
	out_puts(&o, "");
	assert_int_equal(calls, 0);
	out_puts(&o, "a");
	assert_int_equal(calls, 1);
	o.err = EPIPE;
	out_puts(&o, "b");
	out_putc(&o, 'c');
	out_printf(&o, "%d", 1);
	out_num(&o, 1.5);
	out_repeat(&o, '-', 3);
	assert_int_equal(calls, 1);
}

static void test_memory_sink(void **state)
{
	(void)state;
	struct out o;
	/* grows as needed, always NUL-terminated */
	out_init_mem(&o, 0);
	out_repeat(&o, '-', 1000);
	out_putc(&o, '|');
	assert_int_equal(o.len, 1001);
	assert_int_equal(strlen(o.buf), 1001);
	assert_int_equal(o.buf[999], '-');
	assert_int_equal(o.buf[1000], '|');
	assert_true(o.cap > o.len);
	out_reset(&o);
	assert_int_equal(o.len, 0);
	assert_string_equal(o.buf, "");
	out_puts(&o, "again");
	assert_string_equal(o.buf, "again");
	out_free(&o);
	assert_null(o.buf);
	assert_int_equal(o.len + o.cap, 0);

	/* a limit: the bytes up to it are kept, the rest dropped, no error */
	out_init_mem(&o, 10);
	out_puts(&o, "hello");
	out_puts(&o, "world, and more");
	assert_string_equal(o.buf, "helloworld");
	out_puts(&o, "!");
	assert_string_equal(o.buf, "helloworld");
	assert_int_equal(o.err, 0);
	/* reset empties it for the next command, limit and all */
	out_reset(&o);
	out_puts(&o, "0123456789abc");
	assert_string_equal(o.buf, "0123456789");
	out_free(&o);

	/* reset also forgets an error: the next command is written */
	out_init_mem(&o, 0);
	o.err = EPIPE;
	out_puts(&o, "lost");
	out_reset(&o);
	assert_int_equal(o.err, 0);
	out_puts(&o, "kept");
	assert_string_equal(o.buf, "kept");
	out_free(&o);

	/* an empty sink resets without a buffer */
	out_init_mem(&o, 0);
	out_reset(&o);
	assert_null(o.buf);
	assert_int_equal(o.err, 0);

#ifndef HAVE_ASAN
	/* a write too large to hold: out of memory, what was there kept */
	out_init_mem(&o, 0);
	out_puts(&o, "kept");
	out_write(&o, "x", SIZE_MAX / 4);
	assert_int_equal(o.err, ENOMEM);
	assert_string_equal(o.buf, "kept");
	out_free(&o);
#endif
}

static void test_printf(void **state)
{
	(void)state;
	struct out o;
	out_init_mem(&o, 0);
	/* longer than printf's first buffer: written whole */
	char long_label[700];
	memset(long_label, 'a', sizeof long_label - 1);
	long_label[sizeof long_label - 1] = '\0';
	out_printf(&o, "<%s>%d", long_label, 42);
	assert_int_equal(o.len, 1 + 699 + 1 + 2);
	assert_int_equal(o.buf[0], '<');
	assert_int_equal(o.buf[700], '>');
	assert_string_equal(o.buf + 701, "42");
	out_reset(&o);
	/* exactly at the edge of that buffer */
	char edge[512];
	memset(edge, 'b', sizeof edge - 1);
	edge[sizeof edge - 1] = '\0';
	out_printf(&o, "%s", edge);
	assert_int_equal(o.len, 511);
	out_printf(&o, "%s!", edge);
	assert_int_equal(o.len, 511 + 512);
	assert_int_equal(o.buf[o.len - 1], '!');
	out_reset(&o);
	/* numbers as everywhere else */
	out_num(&o, -0.0);
	out_putc(&o, ' ');
	out_num(&o, NAN);
	out_putc(&o, ' ');
	out_num(&o, -INFINITY);
	out_putc(&o, ' ');
	out_num(&o, 0.1);
	assert_string_equal(o.buf, "-0 nan -inf 0.1");
	out_free(&o);
}

static void test_setting_names(void **state)
{
	(void)state;
	assert_int_equal(settings_lookup("RANGE", 5), SET_RANGE);
	assert_int_equal(settings_lookup("colour", 6), SET_COLOR);
	assert_int_equal(settings_lookup("Derivative", 10), SET_DERIV);
	assert_int_equal(settings_lookup("deriv", 5), SET_DERIV);
	assert_int_equal(settings_lookup("samplesx", 8), -1);
	assert_int_equal(settings_lookup("sample", 6), -1);
	const char *const *names = settings_names();
	for (int i = 0; i < SET_COUNT; i++) {
		assert_string_equal(names[i], settings_name((enum setting)i));
		assert_int_equal(settings_lookup(names[i], strlen(names[i])), i);
	}
	assert_null(names[SET_COUNT]);

	const char *const *formats = tab_format_names();
	static const char *const want[] = {"text", "csv", "tsv", "json"};
	for (int f = 0; f < 4; f++) {
		assert_string_equal(formats[f], want[f]);
		assert_string_equal(tab_format_name(f), want[f]);
		assert_int_equal(tab_format_lookup(want[f], strlen(want[f])), f);
	}
	assert_null(formats[4]);
	assert_int_equal(TAB_TEXT, tab_format_lookup("text", 4));
	assert_int_equal(tab_format_lookup("JSON", 4), 3);
	assert_int_equal(tab_format_lookup("xml", 3), -1);
	char list[64];
	tab_format_list(list, sizeof list);
	assert_string_equal(list, "text, csv, tsv or json");
}

static void test_show(void **state)
{
	(void)state;
	struct settings s;
	settings_default(&s);
	struct out o;
	out_init_mem(&o, 0);
	for (int i = 0; i < SET_COUNT; i++)
		settings_show(&o, &s, (enum setting)i);
	assert_string_equal(o.buf, "range    -3..3\n"
	                           "samples  201\n"
	                           "format   text\n"
	                           "width    auto\n"
	                           "height   auto\n"
	                           "color    auto\n"
	                           "ascii    off\n"
	                           "deriv    on\n"
	                           "describe off\n");
	out_reset(&o);
	s.range = (struct range){-0.5, 1e-8, 1, 8};
	s.samples = 100000;
	s.format = tab_format_lookup("tsv", 3);
	s.width = 1000;
	s.height = 8;
	s.color = TRI_ON;
	s.ascii = TRI_ON;
	s.deriv = false;
	s.describe = true;
	for (int i = 0; i < SET_COUNT; i++)
		settings_show(&o, &s, (enum setting)i);
	assert_string_equal(o.buf, "range    -0.5..1e-08\n"
	                           "samples  100000\n"
	                           "format   tsv\n"
	                           "width    1000\n"
	                           "height   8\n"
	                           "color    on\n"
	                           "ascii    on\n"
	                           "deriv    off\n"
	                           "describe on\n");
	out_reset(&o);
	s.color = TRI_OFF;
	s.ascii = TRI_AUTO;
	settings_show(&o, &s, SET_COLOR);
	settings_show(&o, &s, SET_ASCII);
	assert_string_equal(o.buf, "color    off\nascii    auto\n");
	out_free(&o);
}

/* A table of `rows` rows and 8 columns, cells "rRcC" padded wide. */
static bool wide_row(void *ctx, size_t i, struct tab_cell *cells)
{
	if (i >= *(size_t *)ctx)
		return false;
	for (int j = 0; j < 8; j++) {
		char t[40];
		snprintf(t, sizeof t, j ? "%zu.%d_0123456789" : "row%zu", i, j);
		tab_str(&cells[j], t);
		cells[j].is_num = j > 0;
	}
	return true;
}

static size_t longest_line(const char *s)
{
	size_t most = 0;
	while (*s) {
		size_t n = strcspn(s, "\n");
		most = n > most ? n : most;
		s += n + (s[n] == '\n');
	}
	return most;
}

/* Text tables wider than o->width are laid out to fit, never cut: a few
 * rows turned (a line per column), many in blocks of columns; width 0 (a
 * pipe) keeps a line a row. */
static void test_fitted_tables(void **state)
{
	(void)state;
	static const char *const header[] = {"curve", "a", "b", "c", "d", "e", "f", "g"};
	for (size_t rows = 3; rows <= 40; rows += 37) {
		struct tab_source src = {.ncols = 8, .header = header, .row = wide_row, .ctx = &rows};
		for (int width = 0; width <= 80; width += 40) {
			struct out o;
			out_init_mem(&o, 0);
			o.width = width;
			bool stopped = false;
			assert_int_equal(tab_write(&o, TAB_TEXT, &src, NULL, &stopped), rows);
			out_putc(&o, '\0');
			if (width)
				assert_true(longest_line(o.buf) <= (size_t)width);
			else
				assert_true(longest_line(o.buf) > 80);
			/* every cell whole, once */
			for (size_t i = 0; i < rows; i++)
				for (int j = 1; j < 8; j++) {
					char t[40];
					snprintf(t, sizeof t, " %zu.%d_0123456789", i, j);
					char *at = strstr(o.buf, t);
					assert_non_null(at);
					assert_null(strstr(at + 1, t));
				}
			/* a few rows: turned, the column names down the left */
			if (width && rows == 3) {
				size_t first = strcspn(o.buf, "\n");
				assert_true(strncmp(o.buf, "curve ", 6) == 0);
				char *row0 = strstr(o.buf, "row0");
				assert_true(row0 && (size_t)(row0 - o.buf) < first);
			}
			out_free(&o);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_memory_sink),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_setting_names),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_fitted_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
