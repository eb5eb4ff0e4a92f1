/* main.c: options, locale and signals, and the choice between running
 * scripts, reading a pipe, and the interactive prompt. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "exec.h"
#include "out.h"
#include "repl.h"
#include "run.h"
#include "session.h"
#include "settings.h"
#include "simd.h"
#include "tab.h"
#include "terminal.h"
#include "tui.h"
#include "util.h"

static volatile sig_atomic_t got_sigint;

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

static void usage_hint(void)
{
	fputs("Try 'actviz --help' for more information.\n", stderr);
	exit(2);
}

/* Prints text after a label, its words wrapped at 79 columns and lined up
 * under the first. */
static void wrapped(const char *label, int indent, const char *text)
{
	int col = printf("%-*s", indent, label);
	for (const char *s = text; *s;) {
		int w = (int)strcspn(s, " ");
		if (col > indent && col + 1 + w > 79)
			col = printf("\n%*s", indent, "") - 1;
		else if (col > indent)
			col += printf(" ");
		col += printf("%.*s", w, s);
		s += w + (s[w] == ' ');
	}
	putchar('\n');
}

/* "a, b and c" of the commands that match (data: those -f shapes). */
static void command_list(bool data_only, char *buf, size_t size)
{
	const char *names[32];
	size_t n = 0, len = 0;
	for (size_t i = 0; i < command_count() && n + 2 <= 32; i++) {
		const struct command *c = command_at(i);
		if (data_only && !c->data)
			continue;
		names[n++] = data_only && c->kind == CMD_PLOT ? "plots" : c->name;
		if (data_only && c->also)
			names[n++] = c->also;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		util_append(buf, size, &len, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", names[i]);
}

/* The options, and what the command table says: the formats -f takes,
 * the commands it shapes, and every command. */
static void help(void)
{
	fputs("Usage: actviz [OPTION]... [SCRIPT]...\n"
	      "See and measure neural-network activation functions (ReLU and its family)\n"
	      "in a terminal: plots of f and f', values, tables, dead-neuron statistics\n"
	      "and training runs.\n"
	      "\n"
	      "With -e or SCRIPT files, runs those commands in order; otherwise reads\n"
	      "commands from standard input, with a prompt when it is a terminal.\n"
	      "\n"
	      "  -e, --execute=CMD     run the command CMD (may be repeated)\n"
	      "  -i, --interactive=FILE\n"
	      "                        run the script FILE, then stay at the prompt\n"
	      "  -o, --output=FILE     at the end, save the last picture to FILE (.svg, .txt)\n",
	      stdout);
	char formats[64], data[256], text[512];
	tab_format_list(formats, sizeof formats);
	command_list(true, data, sizeof data);
	snprintf(text, sizeof text, "%s, for the data of %s", formats, data);
	wrapped("  -f, --format=FORMAT", 24, text);
	fputs("  -W, --width=COLS      plot width, 20 to 1000 columns\n"
	      "  -H, --height=ROWS     plot height, 8 to 500 rows\n"
	      "  -k, --keep-going      run on after an error in a script (exit status 1)\n"
	      "      --ascii           ASCII plots, even in a UTF-8 locale\n"
	      "      --color[=WHEN]    colour: always, never or auto (the default)\n"
	      "      --describe        say in words what each plot shows, under it\n"
	      "      --plain           the line prompt, not the full-screen interface\n"
	      "      --norc            do not run ~/.config/actviz/actvizrc first\n"
	      "  -h, --help            display this help and exit\n"
	      "  -V, --version         output version information and exit\n"
	      "\n"
	      "Commands ('help COMMAND' at the prompt says more; a line that starts\n"
	      "with an activation's name is a plot):\n",
	      stdout);
	command_list(false, text, sizeof text);
	wrapped("", 2, text);
	fputs("\n"
	      "Examples:\n"
	      "  actviz -e 'relu, leaky 0.1, elu on -3..3'\n"
	      "  echo 'table elu on -2..2 step 0.5' | actviz -f csv\n"
	      "  actviz lesson.txt\n"
	      "  actviz -o relu.svg -e relu\n"
	      "\n"
	      "Type 'help' at the prompt for the command language; see actviz(1).\n"
	      "Exit status: 0 success, 1 an error in the commands or output, 2 bad options.\n",
	      stdout);
}

static void version(void)
{
	char simd[160];
	simd_describe(simd, sizeof simd);
	fputs("actviz " PACKAGE_VERSION "\n"
	      "Copyright (C) 2026 the actviz developers.\n"
	      "License MIT: <https://opensource.org/licenses/MIT>.\n"
	      "This is free software: you are free to change and redistribute it.\n"
	      "There is NO WARRANTY, to the extent permitted by law.\n",
	      stdout);
	/* the one line that depends on the machine, last */
	printf("simd: %s\n", simd);
}

/* The vector path of the hot loops: ACTVIZ_SIMD's, else the best this CPU
 * runs. A path it cannot run is a warning, not an error: a profile shared
 * between machines must not stop the program on the older one. */
static void choose_simd(void)
{
	char buf[200];
	const char *warning = simd_select(getenv("ACTVIZ_SIMD"), buf, sizeof buf);
	if (warning)
		fprintf(stderr, "actviz: warning: %s\n", warning);
}

/* A whole number in [lo, hi] from an option or the environment. */
static bool parse_long(const char *s, long lo, long hi, long *out)
{
	if (!s || !*s)
		return false;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end || errno || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* COLUMNS or LINES, when set: a whole number in the plot limits, else a
 * warning (a value past a limit is never taken in silence) and no effect. */
static bool size_from_env(const char *name, long lo, long hi, long *out)
{
	const char *s = getenv(name);
	if (!s || !*s)
		return false;
	if (parse_long(s, lo, hi, out))
		return true;
	fprintf(stderr, "actviz: warning: %s=%s ignored (a plot is %ld to %ld %s)\n", name, s, lo, hi,
	        lo == LIMIT_WIDTH_MIN ? "columns" : "rows");
	return false;
}

/* Flushes and closes stdout, so that a full disk is reported. */
static int close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		int e = errno ? errno : EIO;
		fprintf(stderr, "actviz: write error: %s\n", strerror(e));
		return 1;
	}
	return status;
}

/* Ends the program by SIGINT, after writing what was computed. */
static void die_by_sigint(void)
{
	fflush(stdout);
	terminal_restore();
	signal(SIGINT, SIG_DFL);
	raise(SIGINT);
	_exit(130);
}

static const struct palette *load_palette(void)
{
	static struct palette pal;
	static bool tried, ok;
	if (!tried) {
		tried = true;
		ok = terminal_palette(STDOUT_FILENO, &pal);
	}
	return ok ? &pal : NULL;
}

/* Progress of long work on a terminal's stderr: one line, rewritten, and
 * gone when the work is done. Never in a pipe. */
static void progress(void *ctx, const struct cmd *cmd, long step, long steps,
                     const struct train_report *reports)
{
	(void)ctx;
	(void)cmd;
	(void)reports;
	if (step >= steps)
		fprintf(stderr, "\r%40s\r", "");
	else
		fprintf(stderr, "\rtraining: step %ld of %ld ", step, steps);
	fflush(stderr);
}

enum { OPT_ASCII = 256, OPT_COLOR, OPT_PLAIN, OPT_DESCRIBE, OPT_NORC };

/* The longest -o line: "save", quotes and the name. */
#define OUTPUT_LINE (LIMIT_PATH + 16)

/* What the command line asked for. */
struct job {
	bool is_file;
	const char *arg;
};

struct options {
	struct settings set;
	struct job *jobs; /* -e commands and script files, in the order given */
	int njobs;
	bool keep_going, plain, norc;
	const char *stay;           /* -i: this script, then the prompt */
	char output[OUTPUT_LINE];   /* -o: the save line run at the end, or "" */
};

static void option_color(struct settings *set, const char *arg)
{
	if (!arg || strcmp(arg, "always") == 0 || strcmp(arg, "yes") == 0)
		set->color = TRI_ON;
	else if (strcmp(arg, "never") == 0 || strcmp(arg, "no") == 0)
		set->color = TRI_OFF;
	else if (strcmp(arg, "auto") == 0)
		set->color = TRI_AUTO;
	else {
		fprintf(stderr, "actviz: invalid --color '%s' (always, never or auto)\n", arg);
		usage_hint();
	}
}

static void option_size(long *out, const char *arg, const char *what, long lo, long hi,
                        const char *unit)
{
	if (!parse_long(arg, lo, hi, out)) {
		fprintf(stderr, "actviz: invalid %s '%s' (%ld to %ld %s)\n", what, arg, lo, hi, unit);
		usage_hint();
	}
}

/* -o FILE: the line `save "FILE"`, checked now (a wrong extension is a
 * usage error, not a surprise after a long training run). */
static void option_output(struct options *o, const char *arg)
{
	if (strchr(arg, '"') || strlen(arg) > LIMIT_PATH) {
		fprintf(stderr, "actviz: invalid -o file name (at most %d bytes, no '\"')\n", LIMIT_PATH);
		usage_hint();
	}
	snprintf(o->output, sizeof o->output, "save \"%s\"", arg);
	struct cmd cmd;
	struct diag d;
	int rc = command_parse_line(o->output, strlen(o->output), &cmd, &d);
	cmd_free(&cmd);
	if (rc < 0) {
		char name[1024];
		diag_safe_name(arg, name, sizeof name);
		fprintf(stderr, "actviz: -o %s: %s\n", name, d.msg);
		usage_hint();
	}
}

/* Reads the options into o; --help and --version end the program here,
 * a usage error too (status 2). */
static void parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{"execute", required_argument, NULL, 'e'},
		{"format", required_argument, NULL, 'f'},
		{"width", required_argument, NULL, 'W'},
		{"height", required_argument, NULL, 'H'},
		{"keep-going", no_argument, NULL, 'k'},
		{"ascii", no_argument, NULL, OPT_ASCII},
		{"color", optional_argument, NULL, OPT_COLOR},
		{"colour", optional_argument, NULL, OPT_COLOR},
		{"plain", no_argument, NULL, OPT_PLAIN},
		{"describe", no_argument, NULL, OPT_DESCRIBE},
		{"norc", no_argument, NULL, OPT_NORC},
		{"interactive", required_argument, NULL, 'i'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	settings_default(&o->set);
	o->jobs = calloc((size_t)argc + 1, sizeof *o->jobs);
	if (!o->jobs) {
		fputs("actviz: out of memory\n", stderr);
		exit(1);
	}
	/* Scripts and -e commands run in the order given: the leading '-' has
	 * getopt return operands in place (as 1) instead of permuting them. */
	opterr = 0; /* our messages say "actviz:", whatever path argv[0] is */
	int opt;
	while ((opt = getopt_long(argc, argv, "-:e:f:W:H:i:o:khV", longopts, NULL)) != -1) {
		switch (opt) {
		case 1:
		case 'e':
			o->jobs[o->njobs++] = (struct job){opt == 1, optarg};
			break;
		case 'f':
			o->set.format = tab_format_lookup(optarg, strlen(optarg));
			if (o->set.format < 0) {
				char list[64];
				tab_format_list(list, sizeof list);
				fprintf(stderr, "actviz: unknown format '%s' (%s)\n", optarg, list);
				usage_hint();
			}
			break;
		case 'W':
			option_size(&o->set.width, optarg, "width", LIMIT_WIDTH_MIN, LIMIT_WIDTH_MAX,
			            "columns");
			break;
		case 'H':
			option_size(&o->set.height, optarg, "height", LIMIT_HEIGHT_MIN, LIMIT_HEIGHT_MAX,
			            "rows");
			break;
		case 'k':
			o->keep_going = true;
			break;
		case OPT_ASCII:
			o->set.ascii = TRI_ON;
			break;
		case OPT_COLOR:
			option_color(&o->set, optarg);
			break;
		case OPT_PLAIN:
			o->plain = true;
			break;
		case OPT_DESCRIBE:
			o->set.describe = true;
			break;
		case OPT_NORC:
			o->norc = true;
			break;
		case 'i':
			o->stay = optarg;
			break;
		case 'o':
			option_output(o, optarg);
			break;
		case 'h':
		case 'V':
			if (opt == 'h')
				help();
			else
				version();
			free(o->jobs);
			exit(close_stdout(0));
		case ':':
			fprintf(stderr, "actviz: option '%s' needs an argument\n", argv[optind - 1]);
			usage_hint();
			break;
		default:
			if (optopt)
				fprintf(stderr, "actviz: invalid option '-%c'\n", optopt);
			else
				fprintf(stderr, "actviz: unrecognized option '%s'\n", argv[optind - 1]);
			usage_hint();
		}
	}
	/* After "--", every argument is a script file. */
	for (int i = optind; i < argc; i++)
		o->jobs[o->njobs++] = (struct job){true, argv[i]};
	if (o->stay && o->njobs > 0) {
		fputs("actviz: -i takes the place of SCRIPT and -e arguments (load them from it)\n",
		      stderr);
		usage_hint();
	}
}

/* Opens a script ("-" is stdin): NULL with errno set when it can't be
 * read, a directory included. */
static FILE *open_script(const char *path)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct stat sb;
	if (fp && fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(fp);
		errno = EISDIR;
		return NULL;
	}
	return fp;
}

/* Runs the -e commands and scripts in order, as SOURCE -e, -e#2, the
 * path or <stdin>; the first error stops them unless keep_going. */
static enum exec_status run_jobs(struct run_ctx *rc, const struct options *o)
{
	enum exec_status st = EXEC_OK;
	int ecount = 0;
	for (int i = 0; i < o->njobs; i++) {
		const struct job *j = &o->jobs[i];
		if (j->is_file) {
			char name[1024];
			diag_safe_name(j->arg, name, sizeof name);
			FILE *fp = open_script(j->arg);
			if (!fp) {
				fflush(stdout);
				fprintf(stderr, "actviz: %s: %s\n", name, strerror(errno));
				rc->errors++;
				st = EXEC_ERROR;
				if (!o->keep_going)
					break;
				continue;
			}
			st = run_stream(rc, fp == stdin ? "<stdin>" : name, fp);
			if (fp != stdin)
				fclose(fp);
		} else {
			char source[32];
			if (ecount++ == 0)
				snprintf(source, sizeof source, "-e");
			else
				snprintf(source, sizeof source, "-e#%d", ecount);
			st = run_string(rc, source, j->arg);
		}
		if (st == EXEC_QUIT || st == EXEC_INTERRUPTED || (st == EXEC_ERROR && !o->keep_going))
			break;
	}
	return st;
}

/* The start-up file, $XDG_CONFIG_HOME/actviz/actvizrc (or
 * ~/.config/actviz/actvizrc): definitions and settings of one's own,
 * before anything else. Missing: nothing said. Its first error stops it
 * (said with its path and line) and counts as a script's error; `quit`
 * in it ends only it. */
static void run_startup_file(struct run_ctx *rc)
{
	const char *config = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char path[4096];
	if (config && config[0] == '/')
		snprintf(path, sizeof path, "%s/actviz/actvizrc", config);
	else if (home && home[0])
		snprintf(path, sizeof path, "%s/.config/actviz/actvizrc", home);
	else
		return;
	FILE *fp = open_script(path);
	if (!fp) {
		if (errno != ENOENT && errno != ENOTDIR) {
			char name[1024];
			diag_safe_name(path, name, sizeof name);
			fprintf(stderr, "actviz: warning: %s not run: %s\n", name, strerror(errno));
		}
		return;
	}
	char name[1024];
	diag_safe_name(path, name, sizeof name);
	bool keep = rc->keep_going;
	rc->keep_going = false;
	run_stream(rc, name, fp);
	rc->keep_going = keep;
	fclose(fp);
}

/* Full screen when both ends are a terminal that can take it; else the
 * line prompt, saying why when it was not asked for. */
static void run_interactive(struct run_ctx *rc, const struct options *o, bool out_tty,
                            bool fixed_width, bool fixed_height)
{
	bool full = out_tty && !o->plain;
	if (full && !terminal_fullscreen_ok(STDOUT_FILENO)) {
		const char *term = getenv("TERM");
		if (!term || !*term)
			fputs("actviz: TERM is not set; using the line prompt\n", stderr);
		else
			fprintf(stderr, "actviz: TERM=%s cannot be driven full screen; using the line "
			        "prompt\n", term);
		full = false;
	}
	if (!full || tui_run(rc, &got_sigint) < 0) {
		if (rc->startup)
			run_line(rc, "-i", 1, rc->startup, strlen(rc->startup));
		repl_run(rc, &got_sigint, !out_tty, fixed_width, fixed_height);
	}
}

/* -i FILE: a load of it, the first line of the session; NULL (with the
 * message said) when it can't be read, as a script that can't be. */
static const char *stay_line(const char *path, char *buf, size_t size)
{
	FILE *fp = open_script(path);
	if (!fp || fp == stdin || strchr(path, '"') || strlen(path) > LIMIT_PATH) {
		char name[1024];
		diag_safe_name(path, name, sizeof name);
		fprintf(stderr, "actviz: %s: %s\n", name,
		        fp == stdin ? "-i needs a file, not standard input"
		        : fp ? "a name too long or with '\"' (rename it)" : strerror(errno));
		if (fp && fp != stdin)
			fclose(fp);
		return NULL;
	}
	fclose(fp);
	snprintf(buf, size, "load \"%s\"", path);
	return buf;
}

int main(int argc, char **argv)
{
	/* A parent may hand SIGPIPE over ignored; then `| head` would end in
	 * EPIPE messages instead of quietly. */
	signal(SIGPIPE, SIG_DFL);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns, and we stop */
	sigaction(SIGINT, &sa, NULL);

	/* LC_CTYPE only: enough to know UTF-8, while numbers keep their '.' */
	bool utf8 = setlocale(LC_CTYPE, "") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;

	choose_simd();
	struct options opts = {0};
	parse_options(argc, argv, &opts);
	struct out out, err;
	out_init_file(&out, stdout);
	out_init_file(&err, stderr);
	bool in_tty = isatty(STDIN_FILENO), out_tty = isatty(STDOUT_FILENO);
	bool interactive = opts.njobs == 0 && in_tty;
	char stay[OUTPUT_LINE];

	/* Plot size: -W/-H (in set), else COLUMNS/LINES, else the terminal's,
	 * else 80x24. A terminal keeps a row for the prompt under the plot. */
	struct exec_env env = {.set = &opts.set, .out = &out, .utf8 = utf8, .stop = &got_sigint};
	long cols = 0, rows = 0;
	struct winsize ws;
	if (out_tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
		cols = ws.ws_col;
		rows = ws.ws_row - 1;
	}
	bool env_cols = size_from_env("COLUMNS", LIMIT_WIDTH_MIN, LIMIT_WIDTH_MAX, &cols);
	bool env_rows = size_from_env("LINES", LIMIT_HEIGHT_MIN, LIMIT_HEIGHT_MAX, &rows);
	env.term_width = (int)cols;
	env.term_height = (int)rows;

	/* Colour: terminfo is read the first time a plot wants colour, so
	 * pipes never pay for it. */
	const char *no_color = getenv("NO_COLOR");
	env.color_auto = out_tty && !(no_color && no_color[0]);
	env.load_palette = load_palette;
	if (isatty(STDERR_FILENO))
		env.progress = progress;

	struct run_ctx rc = {.env = &env, .err = &err, .flush = stdout, .keep_going = opts.keep_going};
	struct session session;
	session_init(&session, &opts.set, &rc);
	env.session = &session;
	enum exec_status st = EXEC_OK;
	if (!opts.norc)
		run_startup_file(&rc);
	if (got_sigint) {
		st = EXEC_INTERRUPTED;
	} else if (opts.stay && !(rc.startup = stay_line(opts.stay, stay, sizeof stay))) {
		rc.errors++;
		st = EXEC_ERROR;
	} else if (opts.njobs > 0) {
		st = run_jobs(&rc, &opts);
	} else if (!interactive) {
		/* -i with a pipe for stdin: the script, then the pipe's lines */
		if (rc.startup)
			st = run_line(&rc, "-i", 1, rc.startup, strlen(rc.startup));
		if (st == EXEC_OK || (st == EXEC_ERROR && opts.keep_going))
			st = run_stream(&rc, "<stdin>", stdin);
	} else {
		run_interactive(&rc, &opts, out_tty, opts.set.width || env_cols,
		                opts.set.height || env_rows);
	}
	free(opts.jobs);
	bool output_failed = false;
	/* -o: after the commands, unless an error or Ctrl-C stopped them */
	if (opts.output[0] && st != EXEC_INTERRUPTED && !got_sigint &&
	    (st != EXEC_ERROR || opts.keep_going) &&
	    run_line(&rc, "-o", 1, opts.output, strlen(opts.output)) == EXEC_ERROR)
		output_failed = true; /* the exit status says so, even after a prompt */
	session_free(&session);

	if (!interactive && (st == EXEC_INTERRUPTED || got_sigint))
		die_by_sigint();
	int status = (rc.errors > 0 && !interactive) || output_failed ? 1 : 0;
	if (out.err) {
		fprintf(stderr, "actviz: write error: %s\n", strerror(out.err));
		terminal_restore();
		fclose(stdout); /* said once: its failure again is no news */
		return 1;
	}
	terminal_restore();
	return close_stdout(status);
}
