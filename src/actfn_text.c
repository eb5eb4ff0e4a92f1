/* actfn_text.c: the activations as words: their names and the closest
 * to a misspelling, labels, parameter values as text, the `info` texts
 * with their parameters filled in, and the domain of a parameter said. */
#define _POSIX_C_SOURCE 200809L
#include "actfn.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "num.h"
#include "util.h"

/* PyTorch's module paths before a name, the longer first: a class, whose
 * arguments are the parameters (nn.LeakyReLU(0.2)), or a function, whose
 * first argument is x (F.leaky_relu(x, 0.2)). The names after them are
 * the table's, in any case (ReLU, LeakyReLU, leaky_relu). */
static const struct {
	const char *path;
	enum actfn_form form;
} torch_paths[] = {
	{"torch.nn.functional.", ACTFN_FUNCTION},
	{"nn.functional.", ACTFN_FUNCTION},
	{"functional.", ACTFN_FUNCTION},
	{"torch.nn.", ACTFN_CLASS},
	{"nn.", ACTFN_CLASS},
	{"torch.", ACTFN_FUNCTION},
	{"F.", ACTFN_FUNCTION},
};

size_t actfn_torch_path(const char *name, size_t len, enum actfn_form *form)
{
	*form = ACTFN_BARE;
	for (size_t i = 0; i < sizeof torch_paths / sizeof torch_paths[0]; i++) {
		size_t n = strlen(torch_paths[i].path);
		if (len > n && util_word_eq(name, n, torch_paths[i].path)) {
			*form = torch_paths[i].form;
			return n;
		}
	}
	return 0;
}

static const struct actfn_def *lookup_plain(const char *name, size_t len)
{
	for (size_t i = 0; i < actfn_count(); i++) {
		const struct actfn_def *def = actfn_at(i);
		if (util_word_eq(name, len, def->name))
			return def;
		for (const char *const *a = def->aliases; *a; a++)
			if (util_word_eq(name, len, *a))
				return def;
	}
	return NULL;
}

const struct actfn_def *actfn_lookup(const char *name, size_t len)
{
	enum actfn_form form;
	size_t skip = actfn_torch_path(name, len, &form);
	return lookup_plain(name + skip, len - skip);
}

/* The name after the last dot of one with an unknown path (tf.nn.relu),
 * when it is one; else the closest by edit distance. */
const char *actfn_suggest(const char *name, size_t len)
{
	size_t last = len;
	while (last > 0 && name[last - 1] != '.')
		last--;
	if (last > 0) {
		const struct actfn_def *def = lookup_plain(name + last, len - last);
		if (def)
			return def->name;
		name += last;
		len -= last;
	}
	const char *cands[128 * 5];
	size_t n = 0;
	for (size_t i = 0; i < actfn_count() && i < 128; i++) {
		const struct actfn_def *def = actfn_at(i);
		cands[n++] = def->name;
		for (const char *const *a = def->aliases; *a; a++)
			cands[n++] = *a;
	}
	return util_closest(name, len, cands, n);
}

int actfn_param_index(const struct actfn_def *def, const char *name, size_t len)
{
	for (int i = 0; i < def->nparams; i++) {
		const struct actfn_param *pp = &def->param[i];
		if (util_word_eq(name, len, pp->name) || (pp->alias && util_word_eq(name, len, pp->alias)))
			return i;
	}
	return -1;
}

int actfn_choice_index(const struct actfn_param *param, const char *word, size_t len)
{
	for (int i = 0; param->choices[i]; i++)
		if (util_word_eq(word, len, param->choices[i]))
			return i;
	return -1;
}

const char *actfn_param_domain_error(const struct actfn_def *def, int i, double v,
                                     char *buf, size_t size)
{
	const struct actfn_param *pp = &def->param[i];
	enum actfn_param_status st = actfn_param_check(def, i, v);
	if (st == ACTFN_PARAM_OK)
		return NULL;
	if (st == ACTFN_PARAM_NOT_FINITE) {
		snprintf(buf, size, "%s must be a finite number", pp->name);
		return buf;
	}
	char lo[NUM_BUF], hi[NUM_BUF];
	num_format(pp->lo, lo);
	num_format(pp->hi, hi);
	if (isinf(pp->hi))
		snprintf(buf, size, "%s must be %s %s", pp->name, pp->lo_open ? ">" : ">=", lo);
	else if (isinf(pp->lo))
		snprintf(buf, size, "%s must be %s %s", pp->name, pp->hi_open ? "<" : "<=", hi);
	else
		snprintf(buf, size, "%s must be in %s%s, %s%s", pp->name, pp->lo_open ? "(" : "[",
		         lo, hi, pp->hi_open ? ")" : "]");
	return buf;
}

size_t actfn_param_text(const struct actfn_def *def, int i, double value, char *buf, size_t size)
{
	const struct actfn_param *pp = &def->param[i];
	if (pp->type == ACTFN_CHOICE) {
		int k = (int)value;
		return (size_t)snprintf(buf, size, "%s", pp->choices[k]);
	}
	char num[NUM_BUF];
	num_format(value, num);
	return (size_t)snprintf(buf, size, "%s", num);
}

size_t actfn_label(const struct actfn_curve *c, char *buf, size_t size)
{
	const struct actfn_def *def = c->def;
	size_t len = 0;
	util_append(buf, size, &len, "%s", def->name);
	int last = -1;
	for (int i = 0; i < def->nparams; i++)
		if (def->param[i].required || c->p[i] != def->param[i].def ||
		    signbit(c->p[i]) != signbit(def->param[i].def))
			last = i;
	for (int i = 0; i <= last; i++) {
		char v[NUM_BUF];
		actfn_param_text(def, i, c->p[i], v, sizeof v);
		util_append(buf, size, &len, " %s", v);
	}
	return len;
}

size_t actfn_expand(const struct actfn_def *def, const struct actfn_curve *c,
                    const char *text, char *buf, size_t size)
{
	size_t len = 0;
	if (size == 0)
		return 0;
	buf[0] = '\0';
	for (const char *s = text; *s;) {
		const char *close;
		if (*s == '{' && (close = strchr(s, '}')) != NULL) {
			int i = actfn_param_index(def, s + 1, (size_t)(close - s - 1));
			if (i >= 0) {
				/* a choice reads better as its word (none, tanh) */
				bool value = c || def->param[i].type == ACTFN_CHOICE;
				char v[NUM_BUF];
				if (value)
					actfn_param_text(def, i, c ? c->p[i] : def->param[i].def, v, sizeof v);
				util_append(buf, size, &len, "%s", value ? v : def->param[i].name);
				s = close + 1;
				continue;
			}
		}
		util_append(buf, size, &len, "%c", *s);
		s++;
	}
	return len;
}
