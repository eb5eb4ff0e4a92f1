/* run.c: the loop shared by scripts, -e and the prompt. */
#define _POSIX_C_SOURCE 200809L
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "parser.h"
#include "session.h"
#include "settings.h"

enum exec_status run_line(struct run_ctx *rc, const char *source, long line_no, const char *line,
                          size_t len)
{
	struct cmd cmd;
	struct diag d = {0};
	enum exec_status st;
	memset(&cmd, 0, sizeof cmd);
	if (len > LIMIT_LINE) {
		diag_set(&d, LIMIT_LINE, "line too long (at most %d bytes)", LIMIT_LINE);
		st = EXEC_ERROR;
	} else if (command_parse_line(line, len, &cmd, &d) < 0) {
		st = EXEC_ERROR;
	} else if (rc->vet && cmd.command && rc->vet(rc->vet_ctx, rc->env, &cmd, &d) < 0) {
		st = EXEC_ERROR;
	} else {
		long pictures = rc->env->pictures;
		st = exec_command(rc->env, &cmd, &d);
		/* load's lines are kept one by one as they run, not the load */
		if (st == EXEC_OK && rc->env->session && cmd.command)
			session_note(rc->env->session, line, len, !cmd.command->no_replay,
			             !cmd.command->no_replay && rc->env->pictures > pictures, rc->env->set);
	}
	cmd_free(&cmd);
	/* an empty message: reported already (the lines of a load) */
	if (st == EXEC_ERROR && !d.msg[0]) {
		rc->errors++;
	} else if (st == EXEC_ERROR) {
		rc->errors++;
		if (rc->flush)
			fflush(rc->flush);
		/* a line past the limit is shown up to the limit */
		size_t shown = len > LIMIT_LINE ? LIMIT_LINE : len;
		diag_render(rc->err, &d, source, line_no, line, shown, rc->prompt_width);
	}
	return st;
}

long run_read_line(FILE *fp, char *buf)
{
	size_t n = 0;
	bool too_long = false;
	int c;
	/* one byte past the limit, for the '\r' of a full CRLF line */
	while ((c = getc(fp)) != EOF && c != '\n') {
		if (n < LIMIT_LINE + 1)
			buf[n++] = (char)c;
		else
			too_long = true;
	}
	if (c == EOF && n == 0 && !too_long)
		return -1;
	/* A script written on Windows still runs. */
	if (!too_long && n > 0 && buf[n - 1] == '\r')
		n--;
	if (too_long || n > LIMIT_LINE)
		return -2;
	buf[n] = '\0';
	return (long)n;
}

/* A line the reader had to cut: only its first LIMIT_LINE bytes are
 * kept, one more is claimed so that run_line reports it. */
static enum exec_status script_line(struct run_ctx *rc, const char *source, long line_no,
                                    const char *line, long n)
{
	return run_line(rc, source, line_no, line, n == -2 ? LIMIT_LINE + 1 : (size_t)n);
}

static bool stop_now(struct run_ctx *rc, enum exec_status st, enum exec_status *result)
{
	if (st == EXEC_ERROR) {
		*result = EXEC_ERROR;
		return !rc->keep_going;
	}
	if (st == EXEC_QUIT || st == EXEC_INTERRUPTED) {
		*result = st;
		return true;
	}
	if (rc->env->stop && *rc->env->stop) {
		*result = EXEC_INTERRUPTED;
		return true;
	}
	if (rc->env->out->err) { /* output can't be written: no use going on */
		*result = EXEC_ERROR;
		return true;
	}
	return false;
}

enum exec_status run_stream(struct run_ctx *rc, const char *source, FILE *fp)
{
	char *buf = malloc(LIMIT_LINE + 2);
	if (!buf)
		return EXEC_ERROR;
	enum exec_status result = EXEC_OK;
	for (long line_no = 1;; line_no++) {
		long n = run_read_line(fp, buf);
		if (n == -1) {
			if (ferror(fp) && errno == EINTR && rc->env->stop && *rc->env->stop)
				result = EXEC_INTERRUPTED;
			break;
		}
		/* a byte-order mark, as some editors start a UTF-8 file with */
		const char *line = buf;
		if (line_no == 1 && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			line += 3;
			n -= 3;
		}
		if (stop_now(rc, script_line(rc, source, line_no, line, n), &result))
			break;
	}
	free(buf);
	return result;
}

enum exec_status run_string(struct run_ctx *rc, const char *source, const char *text)
{
	enum exec_status result = EXEC_OK;
	long line_no = 1;
	for (const char *s = text;; line_no++) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		if (stop_now(rc, run_line(rc, source, line_no, s, len), &result))
			break;
		if (!nl)
			break;
		s = nl + 1;
	}
	return result;
}
