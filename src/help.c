/* help.c: the text of `help` and `help TOPIC`. */
#define _POSIX_C_SOURCE 200809L
#include "help.h"

#include <string.h>

#include "util.h"

struct topic {
	const char *name;
	const char *text;
};

static const char overview[] =
	"actviz: see and measure neural-network activation functions.\n"
	"\n"
	"  relu                          plot ReLU and its derivative on the current range\n"
	"  leaky 0.01 on -3..3           positional parameters, in PyTorch's order\n"
	"  elu alpha=1.5 on -4..2        or named ones\n"
	"  relu, leaky 0.1, elu          several curves in one plot\n"
	"  relu at -1, 0, 1, 2           values and derivatives at points\n"
	"  table elu on -2..2 step 0.5   a table of x, f(x), f'(x)\n"
	"  set range -5..5               also: samples, format, width, height, color, ascii, deriv\n"
	"  show settings                 the current settings\n"
	"  list                          every activation, its parameters and defaults\n"
	"  info leaky                    formula, derivative, kink convention, PyTorch call\n"
	"  dead relu, leaky 0.01, elu    how often f' = 0 for z ~ N(0,1), and the mean output\n"
	"  hist relu                     the distribution of f(z): ReLU's spike at 0\n"
	"  sweep bias -8..0              dead ReLU units in a layer, against the bias\n"
	"  train relu, leaky 0.01, elu   ReLU units dying while a network learns\n"
	"  help TOPIC                    more on a topic\n"
	"  quit                          (or exit, or end of input)\n"
	"\n"
	"Topics: plot, at, table, set, show, list, info, dead, hist, sweep, train,\n"
	"ranges, numbers, formats, keys, dying, and the name of any activation.\n"
	"# starts a comment.\n";

static const struct topic topics[] = {
	{"plot",
	 "NAME [PARAMS] [, NAME [PARAMS] ...] [on LO..HI]\n"
	 "plot NAME ...                (the word plot is optional)\n"
	 "\n"
	 "Draws each curve f above its derivative f' on the same x range (the current\n"
	 "range unless `on` gives one). Parameters go in PyTorch's order (leaky 0.1) or\n"
	 "by name (leaky negative_slope=0.1, or its alias slope=0.1). Up to 16 curves,\n"
	 "told apart by colour on a terminal, else by glyph (* + o x # % @ &).\n"
	 "A kink or jump (relu' at 0) is drawn as separate pieces, never a ramp.\n"
	 "With set format csv, tsv or json a plot writes the points it would draw.\n"},
	{"at",
	 "NAME [PARAMS] [, ...] at P, P, ...\n"
	 "\n"
	 "Prints x, f(x) and f'(x) at each point (up to 10000). Points are any numbers,\n"
	 "inf, -inf and nan included:  relu at -1, 0, 1, 2  gives 0, 0, 1, 2 as\n"
	 "torch.relu(torch.tensor([-1., 0., 1., 2.])) does, and f' 0, 0, 1, 1.\n"},
	{"table",
	 "table NAME [PARAMS] [, ...] [on LO..HI] [step S]\n"
	 "\n"
	 "Prints rows x, f(x), f'(x) for x = LO, LO+S, ... up to HI (at most 1000000\n"
	 "rows). Each x is rounded to the decimals of LO and S as typed, so\n"
	 "-3..3 step 0.1 gives -2.3, not -2.2999999999999998. Without step, a round\n"
	 "step giving about 10 to 20 rows is chosen. Several curves add a y and dy\n"
	 "column per curve, named after it: y(relu), dy(relu), y(leaky 0.1), ...\n"},
	{"set",
	 "set range LO..HI        default x range of plots and tables (-3..3)\n"
	 "set samples N           points per curve in a plot, 2..100000 (201)\n"
	 "set format FORMAT       text, csv, tsv or json, for at, table and plots\n"
	 "set width N | auto      plot width, 20..1000 columns (auto: the terminal's)\n"
	 "set height N | auto     plot height, 8..500 rows\n"
	 "set color on|off|auto   colour escapes (auto: on a terminal without NO_COLOR)\n"
	 "set ascii on|off        ASCII plots; off: braille where the locale is UTF-8\n"
	 "set deriv on|off        the derivative panel under the function panel\n"},
	{"show",
	 "show [settings]         every setting and its value\n"
	 "show NAME               one of them (show range)\n"},
	{"list",
	 "list                    every activation: name, aliases, parameters=defaults\n"},
	{"info",
	 "info NAME [PARAMS]      what an activation is: formula, derivative, range,\n"
	 "                        the convention at its kinks, properties, and the\n"
	 "                        PyTorch call that computes the same (info leaky 0.1)\n"},
	{"help", "help [TOPIC]            this text, or more on a topic\n"},
	{"dead",
	 "dead CURVES [with DIST] [samples N] [seed S]\n"
	 "\n"
	 "For pre-activations z from DIST (normal(MU, SIGMA) or uniform(LO, HI); N(0, 1)\n"
	 "by default): p_dead = P(f'(z) = 0), p_zero = P(f(z) = 0), the mean and std of\n"
	 "f(z), and the mean of f'(z) and of f'(z)^2, with the method and a bound on the\n"
	 "error: closed forms where f is polynomial between its kinks (relu, leaky,\n"
	 "hardswish...; relu under N(0,1): p_dead 0.5, mean 1/sqrt(2 pi)), quadrature\n"
	 "for the smooth ones, Monte Carlo when samples or seed is given (error: 4\n"
	 "standard errors).\n"
	 "\n"
	 "dead CURVES layer N [inputs M] [bias B] [init he|xavier|torch|normal(0, S)]\n"
	 "     [batch K] [seed S]\n"
	 "\n"
	 "A layer of N neurons (64 inputs, init he, bias 0, batch 1000 by default) fed a\n"
	 "batch of N(0,1) inputs: the share of dead neurons (f' = 0 for every input, so\n"
	 "no gradient reaches them) and of never-active ones (z <= 0 for every input).\n"},
	{"hist",
	 "hist CURVES [with DIST] [bins N] [samples N] [seed S]\n"
	 "hist CURVES layer N [...]\n"
	 "\n"
	 "The distribution of f(z) for z from DIST (100000 samples, 40 bins): for ReLU,\n"
	 "half of the mass sits exactly at 0. With layer, the neurons' activation rates.\n"},
	{"sweep",
	 "sweep [CURVES] bias LO..HI [step S] [layer N] [inputs M] [init ...] [batch K]\n"
	 "      [seed S]\n"
	 "\n"
	 "The dead and never-active shares of a layer against its bias, one curve per\n"
	 "activation (relu, leaky and elu when none are named). At he initialisation\n"
	 "ReLU units die below a bias of about -4: sweep bias -8..0.\n"},
	{"train",
	 "train CURVES [lr X] [steps N] [batch B] [width W] [depth D] [task sin|spirals]\n"
	 "      [optimizer sgd|adam] [bias B] [init torch|he|xavier|normal(0, S)]\n"
	 "      [every N] [seed S]\n"
	 "\n"
	 "A network 1 -> 64 -> 64 -> 1 (width and depth hidden layers) per activation,\n"
	 "from the same initial weights and the same batches, trained by SGD (or Adam) to\n"
	 "regress sin(3x) on -3..3 (or to tell two spirals apart). PReLU's slope is\n"
	 "learned. Reported: the loss and the share of dead hidden units (f' = 0 for the\n"
	 "whole batch), per layer too. Defaults: 1000 steps, batch 64, lr 0.02, PyTorch's\n"
	 "nn.Linear initialisation with the hidden biases at -1, where most ReLU units\n"
	 "die and the others keep learning; bias 0 starts them alive. Ctrl-C stops it,\n"
	 "keeping what was computed.\n"},
	{"quit", "quit, exit              leave (end of input and Ctrl-D do too)\n"},
	{"keys",
	 "Keys of the full-screen interface (the prompt keeps all of readline's):\n"
	 "\n"
	 "  F1               this help (any key closes it)\n"
	 "  F2               derivative panel on or off\n"
	 "  F3 / F4          select the previous / next curve\n"
	 "  F5 / F6          its first parameter down / up a small step\n"
	 "  F7 / F8          down / up a large step (ten small ones)\n"
	 "  Alt-Left/Right   pan the x range\n"
	 "  Alt-Up/Down      zoom the x range in / out\n"
	 "  Shift-Up/Down    zoom the y axes in / out\n"
	 "  F9 or Alt-0      reset the view to the command's range\n"
	 "  PgUp / PgDn      scroll the messages\n"
	 "  Ctrl-L           redraw;  Ctrl-C clears the line;  Ctrl-D or quit leaves\n"},
	{"ranges",
	 "A range is LO..HI with finite LO < HI: -3..3, -1e-3..1e-3, 0..1e308.\n"
	 "HI - LO must be finite and at least 1e-12 of the larger end.\n"
	 "`on LO..HI` applies to one command; `set range LO..HI` changes the default.\n"},
	{"numbers",
	 "Numbers: an optional sign, digits with an optional decimal point and exponent\n"
	 "(1.5, -2e-3, .5), hex floats (0x1p-3), inf, infinity and nan in any case.\n"
	 "Output uses the shortest of 15, 16 or 17 significant digits that reads back\n"
	 "as the same double; nan, inf, -inf and -0 are written as such.\n"},
	{"formats",
	 "text   aligned columns with a header (the default)\n"
	 "csv    comma-separated, RFC 4180 quoting, header x,y,dy for one curve\n"
	 "tsv    tab-separated\n"
	 "json   one JSON value per command (JSON Lines):\n"
	 "       [{\"curve\":\"relu\",\"params\":{},\"points\":[{\"x\":-1,\"y\":0,\"dy\":0}]}]\n"
	 "Choose with -f FORMAT or set format FORMAT. info, help and show stay text.\n"},
	{"dying",
	 "The dying ReLU problem.\n"
	 "\n"
	 "ReLU(x) = max(0, x) has derivative 1 for x > 0 and 0 for x <= 0 (relu'(0) = 0\n"
	 "in PyTorch). A neuron whose pre-activation is negative for every input\n"
	 "outputs exactly 0 and receives exactly zero gradient: gradient descent can\n"
	 "never change its weights again, so it stays dead. A large learning rate or a\n"
	 "strongly negative bias can kill many neurons at once.\n"
	 "\n"
	 "The same zero output for negative inputs is also what makes ReLU sparse.\n"
	 "The fixes keep a gradient for x <= 0:\n"
	 "  leaky 0.01    slope 0.01 for x <= 0\n"
	 "  prelu         a slope the network learns (starts at 0.25)\n"
	 "  elu           alpha*(exp(x) - 1) for x <= 0, gradient alpha*exp(x) > 0\n"
	 "Compare:  relu, leaky 0.1, elu on -3..3\n"
	 "In numbers:  dead relu, leaky 0.01, elu      (p_dead 0.5 for relu)\n"
	 "In a layer:  sweep bias -8..0\n"
	 "Training:    train relu, leaky 0.01, elu, prelu\n"},
};

#define NTOPICS (sizeof topics / sizeof topics[0])

static const char *topic_names[NTOPICS + 1];

const char *const *help_topics(void)
{
	if (!topic_names[0])
		for (size_t i = 0; i < NTOPICS; i++)
			topic_names[i] = topics[i].name;
	return topic_names;
}

/* Other words people try for the same topic. */
static const struct topic aliases[] = {
	{"exit", "quit"},    {"range", "ranges"}, {"on", "ranges"}, {"format", "formats"},
	{"step", "table"},   {"die", "dying"},    {"number", "numbers"}, {"layer", "dead"},
	{"histogram", "hist"},
	{"settings", "set"},
};

static const char *lookup(const char *topic, size_t len)
{
	for (size_t i = 0; i < NTOPICS; i++)
		if (util_word_eq(topic, len, topics[i].name))
			return topics[i].text;
	return NULL;
}

const char *help_text(const char *topic, size_t len)
{
	if (len == 0)
		return overview;
	const char *text = lookup(topic, len);
	for (size_t i = 0; !text && i < sizeof aliases / sizeof aliases[0]; i++)
		if (util_word_eq(topic, len, aliases[i].name))
			text = lookup(aliases[i].text, strlen(aliases[i].text));
	return text;
}
