/* test_save.c: what save and load stand on: the session's record (which
 * lines replay, the last picture and its settings, the set lines of the
 * options), file names as the commands read them (quotes, comments, limits,
 * positions), and the SVG writer's escaping, strokes and fixed bytes. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "render_svg.h"
#include "session.h"

static void test_session_record(void **state)
{
	(void)state;
	struct settings set;
	settings_default(&set);
	struct session s;
	session_init(&s, &set, NULL);
	session_note(&s, "", 0, true, false, &set);
	session_note(&s, "   # a comment", 14, true, false, &set);
	session_note(&s, "set range -2..2", 15, true, false, &set);
	session_note(&s, "help save", 9, false, false, &set);
	set.width = 70;
	session_note(&s, "relu, elu", 9, true, true, &set);
	set.width = 0;
	session_note(&s, "relu at 1", 9, true, false, &set);
	/* blanks, comments and help-like lines are not kept */
	assert_string_equal(s.script, "set range -2..2\nrelu, elu\nrelu at 1\n");
	/* the last picture, with the settings it ran under */
	assert_string_equal(s.picture, "relu, elu");
	assert_int_equal(s.picture_set.width, 70);
	struct out o;
	out_init_mem(&o, 0);
	assert_int_equal(session_write(&s, &o), 0);
	assert_string_equal(o.buf, "# an actviz session: run it again with `actviz FILE`, or `load FILE`\n"
	                           "set range -2..2\nrelu, elu\nrelu at 1\n");
	out_free(&o);
	session_free(&s);
}

static void test_session_options(void **state)
{
	(void)state;
	struct settings set;
	settings_default(&set);
	set.width = 100;
	set.ascii = TRI_ON;
	set.deriv = false;
	struct session s;
	session_init(&s, &set, NULL);
	struct out o;
	out_init_mem(&o, 0);
	session_write(&s, &o);
	/* what the options changed, as set takes it back */
	assert_string_equal(o.buf, "# an actviz session: run it again with `actviz FILE`, or `load FILE`\n"
	                           "set width 100\nset ascii on\nset deriv off\n");
	out_free(&o);
	session_free(&s);
}

static void test_session_limit(void **state)
{
	(void)state;
	struct settings set;
	settings_default(&set);
	struct session s;
	session_init(&s, &set, NULL);
	size_t n = 60000;
	char *line = malloc(n);
	assert_non_null(line);
	memset(line, 'x', n);
	while (!s.overflow)
		session_note(&s, line, n, true, false, &set);
	assert_true(s.len <= (size_t)LIMIT_SESSION_BYTES);
	struct out o;
	out_init_mem(&o, 0);
	assert_int_equal(session_write(&s, &o), -1);
	out_free(&o);
	free(line);
	session_free(&s);
}

/* The message and position of a line's parse, "" when it parses. */
static const char *parse(const char *line, size_t *off, char **path)
{
	static struct diag d;
	struct cmd cmd;
	d.msg[0] = '\0';
	int rc = command_parse_line(line, strlen(line), &cmd, &d);
	*off = rc == 0 ? cmd.path_off : d.off;
	*path = rc == 0 && cmd.path ? strdup(cmd.path) : NULL;
	cmd_free(&cmd);
	return rc == 0 ? "" : d.msg;
}

static void test_file_names(void **state)
{
	(void)state;
	size_t off;
	char *path;
	assert_string_equal(parse("save plot.svg", &off, &path), "");
	assert_string_equal(path, "plot.svg");
	assert_int_equal(off, 5);
	free(path);
	assert_string_equal(parse("  SAVE  dir/Plot.SVG  # for slides", &off, &path), "");
	assert_string_equal(path, "dir/Plot.SVG");
	free(path);
	assert_string_equal(parse("save \"my # plot.txt\"", &off, &path), "");
	assert_string_equal(path, "my # plot.txt");
	free(path);
	assert_string_equal(parse("save session s#1.avz", &off, &path), "");
	assert_string_equal(path, "s#1.avz");
	free(path);
	assert_string_equal(parse("load ../a b", &off, &path),
	                    "unexpected text after the file name (quote a name with spaces: \"my plot.svg\")");
	assert_int_equal(off, 10);
	assert_string_equal(parse("save x.svg.png", &off, &path),
	                    "unknown extension '.png': save writes .svg or .txt (save session FILE for a script)");
	assert_int_equal(off, 10);
	/* a dot in a directory is no extension */
	assert_string_equal(parse("save a.d/plot", &off, &path),
	                    "'a.d/plot' has no extension: save writes FILE.svg or FILE.txt (save session "
	                    "FILE for a script)");
	assert_string_equal(parse("load", &off, &path), "expected a file name (load demo.avz)");
	assert_int_equal(off, 4);
	/* save's word wants its own file name */
	assert_string_equal(parse("save session", &off, &path), "expected a file name after 'session'");
	/* the limit, at the name */
	size_t n = LIMIT_PATH + 1;
	char *line = malloc(n + 16);
	assert_non_null(line);
	memcpy(line, "load ", 5);
	memset(line + 5, 'a', n);
	line[5 + n] = '\0';
	assert_string_equal(parse(line, &off, &path), "file name too long (at most 4096 bytes)");
	assert_int_equal(off, 5);
	line[5 + n - 1] = '\0';
	assert_string_equal(parse(line, &off, &path), "");
	free(path);
	free(line);
}

/* A grid of text, as plot_layout's notice is. */
static void text_grid(struct plot_grid *g, const char *text)
{
	memset(g, 0, sizeof *g);
	g->w = 30;
	g->h = 2;
	g->cell = calloc((size_t)g->w * (size_t)g->h, sizeof *g->cell);
	assert_non_null(g->cell);
	for (int i = 0; i < g->w * g->h; i++)
		g->cell[i].ch = ' ';
	for (int i = 0; text[i] && i < g->w; i++)
		g->cell[i].ch = (unsigned char)text[i];
}

static char *svg_of(const struct plot_grid *g, const char *title)
{
	struct svg_doc doc;
	struct out o;
	out_init_mem(&o, 0);
	render_svg_begin(&doc);
	render_svg_add(&doc, g, NULL);
	render_svg_end(&doc, &o, title);
	return o.buf;
}

static void test_svg_text(void **state)
{
	(void)state;
	struct plot_grid g;
	text_grid(&g, "a<b & \"c\">");
	char *a = svg_of(&g, "relu\x1b[31m <x>"), *b = svg_of(&g, "relu\x1b[31m <x>");
	/* the same input, the same bytes */
	assert_string_equal(a, b);
	assert_true(strncmp(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0);
	/* markup escaped, an escape byte (not allowed in XML) shown as '?' */
	assert_non_null(strstr(a, "<title>relu?[31m &lt;x&gt;</title>"));
	assert_non_null(strstr(a, ">a&lt;b &amp; &quot;c&quot;&gt;</text>"));
	assert_non_null(strstr(a, "</svg>\n"));
	free(a);
	free(b);
	/* an invalid UTF-8 byte too */
	char *c = svg_of(&g, "\xff");
	assert_non_null(strstr(c, "<title>?</title>"));
	free(c);
	plot_grid_free(&g);
}

static void test_svg_strokes(void **state)
{
	(void)state;
	/* 16 curves, no two with the same colour and dash pattern */
	for (int i = 0; i < LIMIT_CURVES; i++)
		for (int j = 0; j < i; j++)
			assert_false(strcmp(render_svg_color(i), render_svg_color(j)) == 0 &&
			             strcmp(render_svg_dash(i), render_svg_dash(j)) == 0);
	/* the first two differ in both */
	assert_string_not_equal(render_svg_dash(0), render_svg_dash(1));
	assert_string_not_equal(render_svg_color(0), render_svg_color(1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_record), cmocka_unit_test(test_session_options),
		cmocka_unit_test(test_session_limit),  cmocka_unit_test(test_file_names),
		cmocka_unit_test(test_svg_text),       cmocka_unit_test(test_svg_strokes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
