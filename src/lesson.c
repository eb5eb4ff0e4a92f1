/* lesson.c: the lesson's ten steps through the ReLU article, its topics,
 * and its prose with every number computed when it is shown, by the same
 * code as the commands (actfn for values, stats for the figures). */
#define _POSIX_C_SOURCE 200809L
#include "lesson.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "actfn.h"
#include "util.h"

/* A no-break space (U+00A0): words it joins stay on one line, and it is
 * written as a plain space. */
#define NB "\xc2\xa0"

/* The prose states what the commands under it show; every number in it
 * is a {placeholder}. */
static const struct lesson_step steps[] = {
	{
		.title = "the definition",
		.text = "ReLU(x) = max(0, x): a positive input passes unchanged, anything else "
		        "becomes 0. At -1, 0, 1 and 2 it gives {f relu -1}, {f relu 0}, {f relu 1} "
		        "and {f relu 2}, as torch.relu(torch.tensor([-1., 0., 1., 2.])) does.",
		.lines = {"relu on -3..3", "relu at -1, 0, 1, 2"},
	},
	{
		.title = "the derivative",
		.text = "ReLU's derivative is 1 for x > 0 and 0 for x <= 0. At the kink x = 0 it "
		        "is not defined; PyTorch's autograd takes relu'(0)" NB "=" NB "{df relu 0}, and so "
		        "does actviz.\n\n"
		        "Sigmoid's derivative is at most {df sigmoid 0} and tanh's at most "
		        "{df tanh 0}, both at 0 and smaller everywhere else: at x = 2 they are "
		        "{df sigmoid 2} and {df tanh 2}, where ReLU's is still {df relu 2}.",
		.lines = {"relu, sigmoid, tanh on -4..4", "relu, sigmoid, tanh at -2, 0, 2"},
	},
	{
		.title = "range: [0, inf), unbounded",
		.text = "ReLU never goes below 0 and has no ceiling: relu(1e6) is {f relu 1e6}. "
		        "Sigmoid stays inside (0, 1) and tanh inside (-1, 1): at x = 10 they are "
		        "already {f sigmoid 10} and {f tanh 10}, flat, with derivatives "
		        "{df sigmoid 10} and {df tanh 10}. Being unbounded, ReLU does not "
		        "saturate for large inputs, but nothing stops its outputs from growing "
		        "layer after layer either (step 7).",
		.lines = {"relu, sigmoid, tanh at -10, 1, 10, 1e6"},
	},
	{
		.title = "sparsity",
		.text = "Feed ReLU pre-activations z ~ N(0, 1): it outputs exactly 0 for "
		        "{zero relu}% of them, so a layer's code is sparse: about half its units "
		        "are silent for any input. Leaky ReLU and ELU are exactly 0 for "
		        "{zero leaky}% and {zero elu}%. The histogram of relu(z) is a spike at 0 "
		        "beside half a bell.",
		.lines = {"dead relu, leaky 0.01, elu", "hist relu"},
	},
	{
		.title = "not zero-centred",
		.text = "ReLU's outputs are never negative: for z ~ N(0, 1) their mean is "
		        "{mean relu} (1/sqrt(2" NB "pi)), with standard deviation {std relu}. The next "
		        "layer's inputs then all lean one way, and the weight gradients of one of "
		        "its units share the sign of its error, which makes gradient descent "
		        "zig-zag. tanh is centred on 0 (mean {mean tanh}); ELU's negative part "
		        "brings its mean down to {mean elu}.",
		.lines = {"dead relu, tanh, elu"},
	},
	{
		.title = "cheap to compute",
		.text = "ReLU is one comparison and one select: no exponential, no division. "
		        "sigmoid, tanh, GELU and ELU all need an exponential or erf. The timings "
		        "below are taken now, on this machine (ratio_y: times ReLU's cost).",
		.lines = {"bench relu, sigmoid, tanh, gelu, elu size 1e5"},
	},
	{
		.title = "vanishing gradients",
		.text = "Backpropagation multiplies the gradient by one f' per layer. Sigmoid's "
		        "f' is at most {df sigmoid 0}: through 10 layers that is at most "
		        "{dfpow sigmoid 0 10}, and the first layers stop learning. ReLU's f' is 1 "
		        "wherever a unit is active, so with He initialisation the gradient keeps "
		        "its size through the depth. Here is a plain network of 30 layers of 256 "
		        "units at initialisation: the gradient reaching each layer, and the "
		        "share of zeros.",
		.lines = {"depth relu, sigmoid, tanh layers 30 width 256 init he batch 512 seed 1"},
	},
	{
		.title = "the dying ReLU",
		.text = "A ReLU unit whose pre-activation is negative for every input outputs 0 "
		        "and gets f' = 0 for all of them: no gradient reaches its weights, and it "
		        "never recovers. A large learning rate or a negative bias kills units "
		        "this way. Below, four networks learn the same curve from the same "
		        "weights, their hidden biases starting at -1: ReLU loses most of its "
		        "units and its loss stalls, while the variants keep learning.",
		.lines = {"train relu, leaky 0.01, elu, prelu"},
	},
	{
		.title = "the fixes: Leaky ReLU, PReLU, ELU",
		.text = "Leaky ReLU keeps a small slope for x < 0, {param leaky} by default, so its f' is "
		        "{df leaky -1} there, never 0. PReLU makes that slope a parameter the "
		        "network learns, starting at {param prelu}. ELU "
		        "curves smoothly to -1 for x < 0 (f(-1)" NB "=" NB "{f elu -1}, f'(-1)" NB "=" NB ""
		        "{df elu -1}): no dead zone, and a mean output closer to 0 ({mean elu} "
		        "against ReLU's {mean relu}). None of them is ever dead: P(f' = 0) is "
		        "{dead leaky}%, {dead prelu}% and {dead elu}%, against ReLU's "
		        "{dead relu}%.",
		.lines = {"relu, leaky 0.1, prelu, elu on -3..2", "dead relu, leaky 0.01, prelu, elu"},
	},
	{
		.title = "in PyTorch",
		.text = "ReLU: {torch relu}.\n\n"
		        "Leaky ReLU: {torch leaky}.\n\n"
		        "PReLU: {torch prelu}.\n\n"
		        "ELU: {torch elu}.\n\n"
		        "The article's example, torch.relu(torch.tensor([-1., 0., 1., 2.])), gives "
		        "[{f relu -1}," NB "{f relu 0}," NB "{f relu 1}," NB "{f relu 2}], and its SimpleNN, a "
		        "Linear(10, 1) followed by ReLU, outputs exactly 0 for about half of its "
		        "inputs at initialisation.",
		.lines = {"relu at -1, 0, 1, 2", "simplenn seeds 10000"},
	},
};

#define NSTEPS ((int)(sizeof steps / sizeof steps[0]))

struct topic {
	const char *name, *about;
	int n;
	int step[LESSON_MAX_STEPS]; /* 0-based */
};

static const struct topic topics[] = {
	{"", "the whole article, in ten steps", 10, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	{"relu", "what ReLU is: definition, derivative, range, sparsity, mean, cost", 6,
	 {0, 1, 2, 3, 4, 5}},
	{"dying", "sparsity, the dying ReLU and its fixes", 3, {3, 7, 8}},
	{"depth", "the derivative and vanishing gradients through depth", 2, {1, 6}},
	{"variants", "Leaky ReLU, PReLU and ELU, and their PyTorch calls", 2, {8, 9}},
};

#define NTOPICS (sizeof topics / sizeof topics[0])

void lesson_ctx_default(struct lesson_ctx *ctx)
{
	ctx->dist = stats_std_normal;
}

size_t lesson_topic_count(void)
{
	return NTOPICS;
}

const char *lesson_topic_name(size_t i)
{
	return i < NTOPICS ? topics[i].name : NULL;
}

const char *lesson_topic_about(size_t i)
{
	return i < NTOPICS ? topics[i].about : NULL;
}

int lesson_topic_lookup(const char *word, size_t len)
{
	for (size_t i = 1; i < NTOPICS; i++)
		if (util_word_eq(word, len, topics[i].name))
			return (int)i;
	return -1;
}

int lesson_topic_steps(size_t t, const int **out)
{
	*out = topics[t].step;
	return topics[t].n;
}

const struct lesson_step *lesson_step_at(int i)
{
	return i >= 0 && i < NSTEPS ? &steps[i] : NULL;
}

const char *const *lesson_words(void)
{
	static const char *words[NTOPICS];
	if (!words[0]) {
		for (size_t i = 1; i < NTOPICS; i++)
			words[i - 1] = topics[i].name;
		words[NTOPICS - 1] = NULL;
	}
	return words;
}

/* ---- the numbers ----------------------------------------------------------------- */

/* A number as prose shows it: four significant digits, no exponent for
 * ordinary sizes, -0 as 0. */
static void prose_num(double v, char *buf, size_t size)
{
	if (v == 0)
		v = 0;
	if (fabs(v) >= 1e-4 && fabs(v) < 1e7)
		snprintf(buf, size, "%.4g", v);
	else
		snprintf(buf, size, "%.3g", v);
}

/* One placeholder's text ("df relu 0") into out; -1 with why in out. */
static int placeholder(const struct lesson_ctx *ctx, const char *p, size_t n, char *out,
                       size_t size)
{
	char kind[16], name[32];
	double x = 0, k = 0;
	char spec[96];
	snprintf(spec, sizeof spec, "%.*s", (int)n, p);
	int got = sscanf(spec, "%15s %31s %lf %lf", kind, name, &x, &k);
	const struct actfn_def *def = got >= 2 ? actfn_lookup(name, strlen(name)) : NULL;
	if (!def) {
		snprintf(out, size, "lesson: no curve in {%s}", spec);
		return -1;
	}
	struct actfn_curve c;
	actfn_curve_default(&c, def);
	double v;
	if (strcmp(kind, "param") == 0 && def->nparams > 0) {
		v = def->param[0].def;
		prose_num(v, out, size);
		return 0;
	}
	if (strcmp(kind, "torch") == 0) {
		actfn_expand(def, &c, def->torch, out, size);
		return 0;
	}
	if (strcmp(kind, "f") == 0 || strcmp(kind, "df") == 0 || strcmp(kind, "dfpow") == 0) {
		if (got < 3 || (kind[1] == 'f' && kind[2] == 'p' && got < 4)) {
			snprintf(out, size, "lesson: {%s} needs its x", spec);
			return -1;
		}
		double y, dy;
		actfn_point(&c, x, &y, &dy);
		v = kind[0] == 'f' ? y : kind[2] == 'p' ? pow(dy, k) : dy;
	} else {
		struct stats_figures f;
		if (stats_exact(&c, &ctx->dist, &f) < 0) {
			snprintf(out, size, "lesson: no figures for {%s}", spec);
			return -1;
		}
		if (strcmp(kind, "mean") == 0)
			v = fabs(f.mean) <= f.err ? 0 : f.mean;
		else if (strcmp(kind, "std") == 0)
			v = f.std;
		else if (strcmp(kind, "zero") == 0)
			v = 100 * f.p_zero;
		else if (strcmp(kind, "dead") == 0)
			v = 100 * f.p_dead;
		else if (strcmp(kind, "grad") == 0)
			v = f.mean_grad;
		else {
			snprintf(out, size, "lesson: unknown {%s}", spec);
			return -1;
		}
	}
	prose_num(v, out, size);
	return 0;
}

/* Appends the words of text[0..n), wrapped at width. */
static void wrap(const char *text, size_t n, int width, char *buf, size_t size, size_t *len,
                 int *col)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && text[i] == ' ')
			i++;
		size_t w = i;
		while (w < n && text[w] != ' ')
			w++;
		if (w == i)
			break;
		int wl = (int)util_utf8_count(text + i, w - i);
		if (*col > 0 && *col + 1 + wl > width) {
			util_append(buf, size, len, "\n");
			*col = 0;
		} else if (*col > 0) {
			util_append(buf, size, len, " ");
			(*col)++;
		}
		/* NB holds two words together: a space that is never a break */
		for (size_t k = i; k < w; k++) {
			if (text[k] == NB[0] && k + 1 < w && text[k + 1] == NB[1]) {
				util_append(buf, size, len, " ");
				k++;
			} else {
				util_append(buf, size, len, "%c", text[k]);
			}
		}
		*col += wl;
		i = w;
	}
}

int lesson_text(const struct lesson_ctx *ctx, const struct lesson_step *s, int width, char *buf,
                size_t size)
{
	/* the placeholders first, then the wrapping of the whole */
	char flat[LESSON_TEXT];
	size_t flen = 0;
	flat[0] = '\0';
	for (const char *t = s->text; *t;) {
		const char *open = strchr(t, '{');
		if (!open) {
			util_append(flat, sizeof flat, &flen, "%s", t);
			break;
		}
		util_append(flat, sizeof flat, &flen, "%.*s", (int)(open - t), t);
		const char *close = strchr(open, '}');
		if (!close) {
			snprintf(buf, size, "lesson: unclosed { in step '%s'", s->title);
			return -1;
		}
		char num[256];
		if (placeholder(ctx, open + 1, (size_t)(close - open - 1), num, sizeof num) < 0) {
			snprintf(buf, size, "%s", num);
			return -1;
		}
		util_append(flat, sizeof flat, &flen, "%s", num);
		t = close + 1;
	}
	size_t len = 0;
	buf[0] = '\0';
	for (const char *p = flat; *p;) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		int col = 0;
		wrap(p, n, width, buf, size, &len, &col);
		util_append(buf, size, &len, "\n");
		if (!end)
			break;
		util_append(buf, size, &len, "\n");
		p = end + 2;
	}
	return 0;
}
