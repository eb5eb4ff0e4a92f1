/* fuzz_script.c: the libFuzzer target: any bytes run as a script piped to
 * actviz (lexer, parser, every command), output to memory. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_script.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "exec.h"
#include "out.h"
#include "render_text.h"
#include "run.h"
#include "session.h"
#include "settings.h"

/* Work per input, in nanoseconds of the -O3 build as fuzz_work (budget.c) estimates
 * them: a few milliseconds under the sanitizers, so that libFuzzer runs
 * hundreds of inputs a second and a slow one stands out. */
#define FUZZ_WORK 2e6
/* Output kept per input: more than any plot at the largest size; past
 * it the memory sink drops bytes without an error, as a full pipe would
 * not, so that every line still runs. */
#define FUZZ_OUT_LIMIT (1u << 20)

/* Colour escapes as terminfo gives an xterm-256color, so that `set
 * color on` runs the coloured rendering too. */
static const struct palette *fuzz_palette(void)
{
	static struct palette pal;
	static char esc[PLOT_NCOLORS][16];
	if (!pal.reset) {
		for (int i = 0; i < PLOT_NCOLORS; i++) {
			snprintf(esc[i], sizeof esc[i], "\33[38;5;%dm", 16 + i);
			pal.fg[i] = esc[i];
		}
		pal.reset = "\33(B\33[m";
		pal.distinct = 8;
	}
	return &pal;
}

/* Training's progress goes to a terminal's stderr in the program; here it
 * is called all the same and discards what it is told. */
static void fuzz_progress(void *ctx, const struct cmd *cmd, long step, long steps,
                          const struct train_report *reports)
{
	(void)ctx;
	(void)cmd;
	(void)step;
	(void)steps;
	(void)reports;
}

/* Each command within what is left of the input's budget, or refused. */
static int vet(void *ctx, struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	double *left = ctx, work = fuzz_work(env, cmd);
	if (work > *left)
		return diag_set(d, cmd->off, "this would take about %.3g ms (at most %.3g ms left "
		                "in the fuzzing budget)", work / 1e6, *left / 1e6);
	*left -= work;
	return 0;
}

void fuzz_run(const uint8_t *data, size_t size, FILE *show)
{
	/* fmemopen may refuse an empty buffer; an empty script does nothing. */
	if (size == 0)
		return;
	/* each input starts with no definitions of the one before */
	actfn_user_reset();
	/* Read as a stream, so that lines are split (over-long lines and NUL
	 * bytes included) by run_stream itself, as for a pipe. */
	FILE *fp = fmemopen((void *)data, size, "r");
	if (!fp)
		return;
	struct settings set;
	settings_default(&set);
	struct out out, err;
	out_init_mem(&out, FUZZ_OUT_LIMIT);
	out_init_mem(&err, FUZZ_OUT_LIMIT);
	static volatile sig_atomic_t stop; /* never set: no signals here */
	double work_left = FUZZ_WORK;
	struct exec_env env = {
		.set = &set,
		.out = &out,
		.term_width = 80,
		.term_height = 24,
		.utf8 = true,
		.color_auto = false,
		.load_palette = fuzz_palette,
		.stop = &stop,
		.progress = fuzz_progress,
	};
	/* -k: every line runs, whatever the lines before it did. */
	struct run_ctx rc = {.env = &env, .err = &err, .keep_going = true, .vet = vet,
	                     .vet_ctx = &work_left};
	/* save draws its SVG but writes no file; load reads none */
	struct session session;
	session_init(&session, &set, &rc);
	session.no_files = true;
	env.session = &session;
	run_stream(&rc, "<stdin>", fp);
	session_free(&session);
	fclose(fp);
	if (show) {
		fwrite(out.buf ? out.buf : "", 1, out.len, show);
		fwrite(err.buf ? err.buf : "", 1, err.len, show);
	}
	out_free(&out);
	out_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(data, size, NULL);
	return 0;
}
