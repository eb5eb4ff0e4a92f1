/* hint.c: lines people type first that the language does not take, and
 * the message that spells the working command: English joins (relu and
 * leaky, relu from -3 to 3), questions (what is dying relu), show NAME,
 * and letters that only look like ASCII ones (rélu). Nothing here
 * accepts a line: each turns a refusal into one that says what to type. */
#define _POSIX_C_SOURCE 200809L
#include "hint.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "actfn.h"
#include "command.h"
#include "help.h"
#include "util.h"

/* ---- the line as it should be: edits ------------------------------------ */

#define FIX_MAX 8

struct fix {
	struct parser_edit e[FIX_MAX];
	char with[FIX_MAX][48];
	size_t n;
};

static void fix_add(struct fix *f, size_t from, size_t to, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fix_add(struct fix *f, size_t from, size_t to, const char *fmt, ...)
{
	if (f->n == FIX_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->with[f->n], sizeof f->with[f->n], fmt, ap);
	va_end(ap);
	f->e[f->n] = (struct parser_edit){from, to, f->with[f->n]};
	f->n++;
}

/* Token i of the line (not from the cursor): the hints look back too. */
static const struct token *at(const struct parser *p, size_t i)
{
	return &p->tl.tok[i < p->tl.n ? i : p->tl.n - 1];
}

static bool is_curve_name(const struct parser *p, const struct token *t)
{
	return t->kind == TOK_WORD && actfn_lookup(parser_text(p, t), t->len) != NULL;
}

/* Words people join curves with; `with` only where a curve follows it
 * (with normal(...) is dead's clause). */
static bool is_join(const struct parser *p, const struct token *t, bool with_too)
{
	static const char *const joins[] = {"and", "vs", "versus", "plus", "or", NULL};
	for (int i = 0; joins[i]; i++)
		if (parser_is_word(p, t, joins[i]))
			return true;
	return with_too && parser_is_word(p, t, "with");
}

/* The range after a word such as `from`, at token k: LO to HI, LO and HI,
 * LO..HI, LO:HI, LO, HI, [LO, HI] or (LO, HI). Sets *lo, *hi and the
 * token after it; false if none is there. */
static bool range_after(const struct parser *p, size_t k, const struct token **lo,
                        const struct token **hi, size_t *next)
{
	const struct token *t = at(p, k);
	bool open = t->kind == TOK_LBRACKET || t->kind == TOK_LPAREN;
	size_t j = k + open;
	const struct token *a = at(p, j), *sep = at(p, j + 1),
	                   *b = at(p, j + 2);
	if (a->kind != TOK_NUMBER || b->kind != TOK_NUMBER)
		return false;
	bool ok = sep->kind == TOK_DOTDOT || sep->kind == TOK_COLON || sep->kind == TOK_COMMA ||
	          parser_is_word(p, sep, "to") || parser_is_word(p, sep, "and");
	const struct token *close = at(p, j + 3);
	if (!ok || (open && close->kind != TOK_RBRACKET && close->kind != TOK_RPAREN))
		return false;
	*lo = a;
	*hi = b;
	*next = j + 3 + open;
	return true;
}

static bool is_range_word(const struct parser *p, const struct token *t)
{
	static const char *const words[] = {"from", "over", "between", "in", "within", "for", NULL};
	for (int i = 0; words[i]; i++)
		if (parser_is_word(p, t, words[i]))
			return true;
	return false;
}

/* Edits for the rest of the line from token k (of the line): joins between curves
 * become commas (and, with commas_too, curves side by side get one), a
 * range after from/over/between becomes `on LO..HI` (with on_ok), and
 * `on LO to HI` becomes `on LO..HI`. */
static void fix_rest(const struct parser *p, size_t k, struct fix *f, bool commas_too, bool on_ok)
{
	for (size_t i = k; at(p, i)->kind != TOK_END; i++) {
		const struct token *t = at(p, i), *prev = i > 0 ? at(p, i - 1) : NULL;
		size_t prev_end = prev ? prev->off + prev->len : t->off;
		const struct token *lo, *hi;
		size_t next;
		if (is_join(p, t, commas_too) && is_curve_name(p, at(p, i + 1)) && prev) {
			fix_add(f, prev_end, at(p, i + 1)->off, ", ");
			i++;
		} else if (commas_too && is_curve_name(p, t) && i > k && prev->kind != TOK_COMMA) {
			fix_add(f, prev_end, t->off, ", ");
		} else if (on_ok && is_range_word(p, t) && range_after(p, i + 1, &lo, &hi, &next)) {
			const struct token *end = at(p, next - 1);
			fix_add(f, t->off, end->off + end->len, "on %.*s..%.*s", PARSER_QLEN(lo),
			        parser_text(p, lo), PARSER_QLEN(hi), parser_text(p, hi));
			i = next - 1;
		} else if (parser_is_word(p, t, "on") && range_after(p, i + 1, &lo, &hi, &next) &&
		           at(p, i + 2)->kind != TOK_DOTDOT) {
			const struct token *end = at(p, next - 1);
			const struct token *first = at(p, i + 1);
			fix_add(f, first->off, end->off + end->len, "%.*s..%.*s", PARSER_QLEN(lo),
			        parser_text(p, lo), PARSER_QLEN(hi), parser_text(p, hi));
			i = next - 1;
		}
	}
}

/* ---- after the curves ----------------------------------------------------- */

int hint_after_curves(struct parser *p, const struct token *t, const struct cmd *cmd)
{
	const struct token *lo, *hi;
	size_t next;
	bool on_ok = (cmd->command->clauses & CL_ON) != 0;
	/* a join after a clause (relu on -3..3 and elu) has no one fix */
	bool join = is_join(p, t, false) && is_curve_name(p, at(p, p->pos + 1)) && !cmd->given;
	bool range = on_ok && is_range_word(p, t) && range_after(p, p->pos + 1, &lo, &hi, &next);
	if (!join && !range)
		return 0;
	struct fix f = {.n = 0};
	fix_rest(p, p->pos, &f, false, on_ok);
	char line[PARSER_SPELL];
	if (f.n > 0 && parser_spell(p, f.e, f.n, line, sizeof line))
		return diag_set(p->d, t->off, "unexpected '%.*s' (write `%s`)", PARSER_QLEN(t),
		                parser_text(p, t), line);
	return diag_set(p->d, t->off, "unexpected '%.*s' (%s)", PARSER_QLEN(t), parser_text(p, t),
	                join ? "curves are separated by commas: relu, leaky"
	                     : "a range is a clause: on LO..HI");
}

int hint_show(struct parser *p, const struct token *t)
{
	if (!is_curve_name(p, t))
		return 0;
	return diag_set(p->d, t->off, "unexpected '%.*s' (write `info %.*s`: show is for settings)",
	                PARSER_QLEN(t), parser_text(p, t), PARSER_QLEN(t), parser_text(p, t));
}

/* ---- an unknown first word ---------------------------------------------- */

enum phrasing {
	ASK_DERIVATIVE, /* derivative of relu */
	ASK_COMPARE,    /* compare relu elu */
	ASK_QUESTION,   /* what is dying relu */
	ASK_VERB,       /* draw relu: the verb is not needed */
};

static const struct {
	const char *word;
	enum phrasing kind;
} phrasings[] = {
	{"derivative", ASK_DERIVATIVE}, {"derivatives", ASK_DERIVATIVE}, {"gradient", ASK_DERIVATIVE},
	{"grad", ASK_DERIVATIVE},       {"diff", ASK_DERIVATIVE},        {"differentiate", ASK_DERIVATIVE},
	{"compare", ASK_COMPARE},       {"vs", ASK_COMPARE},             {"versus", ASK_COMPARE},
	{"overlay", ASK_COMPARE},
	{"what", ASK_QUESTION},         {"whats", ASK_QUESTION},         {"why", ASK_QUESTION},
	{"how", ASK_QUESTION},          {"explain", ASK_QUESTION},       {"define", ASK_QUESTION},
	{"when", ASK_QUESTION},         {"is", ASK_QUESTION},            {"does", ASK_QUESTION},
	{"draw", ASK_VERB},             {"graph", ASK_VERB},             {"evaluate", ASK_VERB},
	{"eval", ASK_VERB},             {"compute", ASK_VERB},           {"calculate", ASK_VERB},
	{"print", ASK_VERB},
};

/* Words of a question about dead units: help dying answers it. */
static bool is_dying_word(const struct parser *p, const struct token *t)
{
	static const char *const words[] = {"die", "dies", "died", "dying", "dead", "death", NULL};
	for (int i = 0; words[i]; i++)
		if (parser_is_word(p, t, words[i]))
			return true;
	return false;
}

/* The first token from k that names an activation, or 0. */
static size_t first_curve(const struct parser *p, size_t k)
{
	for (size_t i = k; at(p, i)->kind != TOK_END; i++)
		if (is_curve_name(p, at(p, i)))
			return i;
	return 0;
}

/* "unknown command 'what' (write `help dying`)" */
static int write_this(struct parser *p, const struct token *t, const char *a, const struct token *b)
{
	return diag_set(p->d, t->off, "unknown command '%.*s' (write `%s%.*s`)", PARSER_QLEN(t),
	                parser_text(p, t), a, b ? PARSER_QLEN(b) : 0, b ? parser_text(p, b) : "");
}

/* A question: help dying, info NAME, help TOPIC, or help. */
static int question(struct parser *p, const struct token *t)
{
	for (size_t i = 1; at(p, i)->kind != TOK_END; i++)
		if (is_dying_word(p, at(p, i)))
			return write_this(p, t, "help dying", NULL);
	size_t c = first_curve(p, 1);
	if (c)
		return write_this(p, t, "info ", at(p, c));
	for (size_t i = 1; at(p, i)->kind != TOK_END; i++) {
		const struct token *w = at(p, i);
		if (w->kind == TOK_WORD && w->len > 2 && help_text(parser_text(p, w), w->len))
			return write_this(p, t, "help ", w);
	}
	return diag_set(p->d, t->off, "unknown command '%.*s' (write `help`: it lists the commands "
	                "and topics)", PARSER_QLEN(t), parser_text(p, t));
}

int hint_first_word(struct parser *p, const struct token *t)
{
	int k = -1;
	for (size_t i = 0; i < sizeof phrasings / sizeof phrasings[0] && k < 0; i++)
		if (parser_is_word(p, t, phrasings[i].word))
			k = (int)i;
	if (k < 0)
		return 0;
	if (phrasings[k].kind == ASK_QUESTION)
		return question(p, t);
	size_t c = first_curve(p, 1);
	if (!c)
		return 0;
	/* the line from its first curve, joins made commas */
	struct fix f = {.n = 0};
	fix_add(&f, 0, at(p, c)->off, "%s", "");
	fix_rest(p, c, &f, phrasings[k].kind == ASK_COMPARE, true);
	char line[PARSER_SPELL];
	if (!parser_spell(p, f.e, f.n, line, sizeof line))
		return 0;
	const char *w = parser_text(p, t);
	int wl = PARSER_QLEN(t);
	switch (phrasings[k].kind) {
	case ASK_DERIVATIVE:
		for (size_t i = c; at(p, i)->kind != TOK_END; i++)
			if (parser_is_word(p, at(p, i), "at"))
				return diag_set(p->d, t->off, "unknown command '%.*s' (write `%s`: f' is its "
				                "dy column)", wl, w, line);
		return diag_set(p->d, t->off, "unknown command '%.*s' (write `table %s`: f' is its dy "
		                "column; `%s` plots it below f)", wl, w, line, line);
	case ASK_COMPARE:
		return diag_set(p->d, t->off, "unknown command '%.*s' (write `%s`: one plot of them all)",
		                wl, w, line);
	default:
		return diag_set(p->d, t->off, "unknown command '%.*s' (write `%s`)", wl, w, line);
	}
}

/* ---- letters that look like ASCII ones -------------------------------------- */

/* U+00C0..U+017F by their base letter ('?': none). */
static const char latin[] =
	"aaaaaa?ceeeeiiii?nooooo?ouuuuy??aaaaaa?ceeeeiiii?nooooo?ouuuuy?y"
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkk?lllllll"
	"lllnnnnnn???oooooo??rrrrrrsssssssstttt??uuuuuuuuuuuuwwyyyzzzzzz?";

/* Greek and Cyrillic letters drawn as Latin ones, and what they look like. */
static const struct {
	uint32_t cp;
	char ascii;
} alike[] = {
	{0x391, 'a'}, {0x392, 'b'}, {0x395, 'e'}, {0x396, 'z'}, {0x397, 'h'}, {0x399, 'i'},
	{0x39A, 'k'}, {0x39C, 'm'}, {0x39D, 'n'}, {0x39F, 'o'}, {0x3A1, 'p'}, {0x3A4, 't'},
	{0x3A5, 'y'}, {0x3A7, 'x'}, {0x3B1, 'a'}, {0x3B5, 'e'}, {0x3B9, 'i'}, {0x3BA, 'k'},
	{0x3BD, 'v'}, {0x3BF, 'o'}, {0x3C1, 'p'}, {0x3C4, 't'}, {0x3C5, 'u'}, {0x3C7, 'x'},
	{0x405, 's'}, {0x406, 'i'}, {0x408, 'j'}, {0x410, 'a'}, {0x412, 'b'}, {0x415, 'e'},
	{0x41A, 'k'}, {0x41C, 'm'}, {0x41D, 'h'}, {0x41E, 'o'}, {0x420, 'p'}, {0x421, 'c'},
	{0x422, 't'}, {0x425, 'x'}, {0x430, 'a'}, {0x435, 'e'}, {0x43E, 'o'}, {0x440, 'p'},
	{0x441, 'c'}, {0x443, 'y'}, {0x445, 'x'}, {0x455, 's'}, {0x456, 'i'}, {0x458, 'j'},
	{0x4BB, 'h'}, {0x501, 'd'},
};

/* The ASCII letter cp looks like, or 0. */
static char fold(uint32_t cp)
{
	if (cp < 0x80)
		return (char)cp;
	if (cp >= 0xC0 && cp < 0x180)
		return latin[cp - 0xC0] == '?' ? 0 : latin[cp - 0xC0];
	if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
		return util_lower((char)(cp - 0xFEE0)); /* fullwidth */
	for (size_t i = 0; i < sizeof alike / sizeof alike[0]; i++)
		if (alike[i].cp == cp)
			return alike[i].ascii;
	return 0;
}

static bool word_char(uint32_t cp)
{
	char c = cp < 0x80 ? (char)cp : fold(cp);
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The name an ASCII spelling is, or is closest to: an activation or a
 * command. */
static const char *known_name(const char *s, size_t n)
{
	const struct actfn_def *def = actfn_lookup(s, n);
	if (def)
		return def->name;
	const struct command *c = command_lookup(s, n);
	if (c)
		return c->name;
	const char *sug = actfn_suggest(s, n);
	return sug ? sug : command_suggest(s, n);
}

void hint_lex(const char *line, size_t len, struct diag *d)
{
	uint32_t cp;
	size_t off = d->off, n = util_utf8_next(line + off, len - off, &cp);
	if ((cp & UTIL_INVALID) || cp < 0x80 || !fold(cp))
		return;
	/* the word around it: start where its run of letters starts */
	size_t start = 0, end = len;
	bool in = false;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t k = util_utf8_next(line + i, len - i, &c);
		bool w = !(c & UTIL_INVALID) && word_char(c);
		if (w && !in)
			start = i;
		if (!w && i > off) {
			end = i;
			break;
		}
		in = w;
		i += k;
	}
	char ascii[48];
	size_t m = 0;
	for (size_t i = start; i < end; m++) {
		if (m + 1 == sizeof ascii)
			return;
		size_t k = util_utf8_next(line + i, len - i, &cp);
		ascii[m] = fold(cp);
		i += k;
	}
	const char *name = known_name(ascii, m);
	if (!name)
		return;
	/* and the line with it, when that is short enough to read */
	char fixed[PARSER_SPELL];
	size_t tail = len;
	for (size_t i = 0; i < len; i++)
		if (line[i] == '#') {
			tail = i;
			break;
		}
	while (tail > end && (line[tail - 1] == ' ' || line[tail - 1] == '\t'))
		tail--;
	size_t lead = 0;
	while (lead < start && (line[lead] == ' ' || line[lead] == '\t'))
		lead++;
	int k = tail >= end && start - lead + strlen(name) + (tail - end) < sizeof fixed
	                ? snprintf(fixed, sizeof fixed, "%.*s%s%.*s", (int)(start - lead), line + lead,
	                           name, (int)(tail - end), line + end)
	                : -1;
	if (k < 0)
		diag_set(d, off, "unexpected '%.*s' in '%.*s' (did you mean '%s'?)", (int)n, line + off,
		         (int)(end - start), line + start, name);
	else
		diag_set(d, off, "unexpected '%.*s' in '%.*s' (did you mean '%s'? `%s`)", (int)n,
		         line + off, (int)(end - start), line + start, name, fixed);
}
