/* session.c: the lines a session ran, kept so that it can be saved as a
 * script and its last picture drawn again at another size or as SVG. */
#define _POSIX_C_SOURCE 200809L
#include "session.h"

#include <stdlib.h>
#include <string.h>

void session_init(struct session *s, const struct settings *start, struct run_ctx *rc)
{
	memset(s, 0, sizeof *s);
	s->start = *start;
	s->rc = rc;
}

void session_free(struct session *s)
{
	free(s->script);
	free(s->picture);
	memset(s, 0, sizeof *s);
}

/* Appends line and a newline; false when the limit or memory says no. */
static bool keep_line(struct session *s, const char *line, size_t len)
{
	if (s->len + len + 1 > (size_t)LIMIT_SESSION_BYTES)
		return false;
	if (s->len + len + 2 > s->cap) {
		size_t cap = s->cap ? s->cap : 4096;
		while (cap < s->len + len + 2)
			cap *= 2;
		char *p = realloc(s->script, cap);
		if (!p)
			return false;
		s->script = p;
		s->cap = cap;
	}
	memcpy(s->script + s->len, line, len);
	s->len += len;
	s->script[s->len++] = '\n';
	s->script[s->len] = '\0';
	return true;
}

void session_note(struct session *s, const char *line, size_t len, bool replay, bool picture,
                  const struct settings *set)
{
	/* blanks and comments replay as nothing */
	size_t i = strspn(line, " \t");
	if (i >= len || line[i] == '#')
		return;
	if (replay && !s->overflow && !keep_line(s, line, len))
		s->overflow = true;
	if (picture) {
		char *p = malloc(len + 1);
		if (!p)
			return; /* the picture before it stays the last one known */
		memcpy(p, line, len);
		p[len] = '\0';
		free(s->picture);
		s->picture = p;
		s->picture_set = *set;
	}
}

/* `set NAME VALUE` for each setting the session started with that is not
 * the default: what -W, -f, --ascii or --color gave it. */
static void write_settings(const struct session *s, struct out *o)
{
	struct settings def;
	settings_default(&def);
	struct out a, b;
	out_init_mem(&a, 0);
	out_init_mem(&b, 0);
	for (int i = 0; i < SET_COUNT; i++) {
		out_reset(&a);
		out_reset(&b);
		settings_show(&a, &s->start, (enum setting)i);
		settings_show(&b, &def, (enum setting)i);
		if (a.buf && b.buf && strcmp(a.buf, b.buf) != 0) {
			/* "width    100\n": the name, spaces, the value as set takes it */
			size_t name = strcspn(a.buf, " ");
			out_printf(o, "set %.*s %s", (int)name, a.buf, a.buf + name + strspn(a.buf + name, " "));
		}
	}
	out_free(&a);
	out_free(&b);
}

int session_write(const struct session *s, struct out *o)
{
	if (s->overflow)
		return -1;
	out_puts(o, "# an actviz session: run it again with `actviz FILE`, or `load FILE`\n");
	write_settings(s, o);
	if (s->len)
		out_write(o, s->script, s->len);
	return 0;
}
