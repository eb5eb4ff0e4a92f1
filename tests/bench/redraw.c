/* redraw.c: benchmark, not a test: CPU time of one full redraw of the
 * full-screen interface at 200x60 with five curves, against the 2 ms
 * budget (output goes to /dev/null through a real ncurses screen). */
#define _POSIX_C_SOURCE 200809L
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "exec.h"
#include "run.h"
#include "settings.h"
#include "tui.h"

#define BUDGET_MS 2.0

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 500;
	if (n < 1)
		n = 1;
	setlocale(LC_CTYPE, "C.UTF-8");
	struct settings set;
	settings_default(&set);
	struct out out, err;
	out_init_mem(&out, 0);
	out_init_mem(&err, 0);
	struct exec_env env = {.set = &set, .out = &out, .utf8 = true};
	struct run_ctx rc = {.env = &env, .err = &err};
	const char *cmd = "leaky 0.01, relu, elu, gelu, softplus on -3..3";
	double redraw, step;
	if (tui_bench(&rc, 200, 60, cmd, n, &redraw, &step) < 0) {
		fprintf(stderr, "redraw: the screen could not be set up\n");
		return 1;
	}
	printf("full-screen redraw, 200x60, five curves (%s), %d runs\n", cmd, n);
	printf("redraw           %.3f ms CPU   (budget %.1f ms: %.1fx under)\n", redraw, BUDGET_MS,
	       BUDGET_MS / redraw);
	printf("sweep key step   %.3f ms CPU   (redraw and the figures of the changed curve)\n", step);
	return 0;
}
