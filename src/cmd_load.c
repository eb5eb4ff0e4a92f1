/* cmd_load.c: load: runs the commands of a script file in this session,
 * as if typed; its errors name the file and line, as a script's do. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "run.h"
#include "session.h"

static int parse_load(const char *line, size_t len, size_t pos, struct cmd *cmd, struct diag *d)
{
	return command_parse_path(line, len, pos, cmd, d, "a file name (load demo.avz)");
}

static enum exec_status exec_load(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	struct session *s = env->session;
	if (!s || !s->rc || s->no_files)
		return diag_set(d, cmd->off, "load is not available here");
	if (s->depth >= LIMIT_LOAD_DEPTH)
		return diag_set(d, cmd->path_off, "loads nested more than %d deep (does a file load "
		                "itself?)", LIMIT_LOAD_DEPTH);
	char name[1024];
	diag_safe_name(cmd->path, name, sizeof name);
	FILE *fp = fopen(cmd->path, "r");
	struct stat sb;
	if (fp && fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(fp);
		fp = NULL;
		errno = EISDIR;
	}
	if (!fp)
		return diag_set(d, cmd->path_off, "cannot read '%s': %s", name, strerror(errno));
	s->depth++;
	enum exec_status st = run_stream(s->rc, name, fp);
	s->depth--;
	fclose(fp);
	if (st == EXEC_ERROR)
		d->msg[0] = '\0'; /* the file's error is reported already, with its line */
	return st;
}

const struct command command_load_entry = {
	.name = "load",
	.kind = CMD_LOAD,
	.parse_raw = parse_load,
	.exec = exec_load,
	.overview = "  load demo.avz                 run the commands of a file here\n",
	.help = "load FILE\n"
	 "\n"
	 "Runs the commands of FILE in this session, as if typed: its settings stay,\n"
	 "its last picture is the one save writes. An error names the file and line\n"
	 "and stops the file (with -k the file runs on). Loads nest at most 8 deep.\n",
	.arg = COMMAND_ARG_FILE,
	.listed = true,
	.no_replay = true,
};
