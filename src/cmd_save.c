/* cmd_save.c: save: the last picture as SVG or text (save plot.svg), or
 * the session as a script that replays it (save session demo.avz). */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_svg.h"
#include "session.h"
#include "tab.h"
#include "util.h"

/* The picture's size in an SVG when width and height are auto: the same
 * whatever terminal it is saved from. */
#define SVG_COLS 100
#define SVG_ROWS 32

/* The words after save that say what it writes: cmd->save_what is the
 * index + 1 (SAVE_SESSION...); 0, no word, is a picture, its kind by the
 * file's extension. */
static const char *const save_words[] = {"session", "defs", NULL};
enum save_what { SAVE_PICTURE, SAVE_SESSION, SAVE_DEFS };

/* The picture formats, by extension. */
enum { PIC_SVG, PIC_TXT };

static int picture_kind(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return -1;
	if (util_word_eq(dot + 1, strlen(dot + 1), "svg"))
		return PIC_SVG;
	if (util_word_eq(dot + 1, strlen(dot + 1), "txt"))
		return PIC_TXT;
	return -2;
}

static int parse_save(const char *line, size_t len, size_t pos, struct cmd *cmd, struct diag *d)
{
	size_t i = pos;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	size_t w = i;
	while (w < len && line[w] != ' ' && line[w] != '\t')
		w++;
	cmd->save_what = SAVE_PICTURE;
	for (int k = 0; save_words[k]; k++) {
		if (w > i && util_word_eq(line + i, w - i, save_words[k])) {
			char what[64];
			snprintf(what, sizeof what, "a file name after '%s'", save_words[k]);
			cmd->save_what = k + 1;
			return command_parse_path(line, len, w, cmd, d, what);
		}
	}
	if (command_parse_path(line, len, pos, cmd, d,
	                       "a file name (save plot.svg, save plot.txt, save session demo.avz)") < 0)
		return -1;
	int kind = picture_kind(cmd->path);
	if (kind == -1)
		return diag_set(d, cmd->path_off, "'%s' has no extension: save writes FILE.svg or "
		                "FILE.txt (save session FILE for a script)", cmd->path);
	if (kind == -2) {
		const char *dot = strrchr(cmd->path, '.');
		return diag_set(d, cmd->path_off + (size_t)(dot - cmd->path) +
		                (line[cmd->path_off] == '"'), "unknown extension '%.16s': save writes "
		                ".svg or .txt (save session FILE for a script)", dot);
	}
	return 0;
}

/* ---- the picture, drawn again ---------------------------------------------------- */

struct capture {
	int kind;
	struct svg_doc svg;
	struct out *text;
	int pictures;
};

static void capture_picture(void *ctx, const struct plot_grid *g, const struct plot_spec *spec,
                            int index)
{
	struct capture *c = ctx;
	(void)index;
	if (c->kind == PIC_SVG)
		render_svg_add(&c->svg, g, spec);
	else
		render_text(c->text, g, NULL);
	c->pictures++;
}

/* The colour SVG pictures are laid out for: every curve its own. */
static const struct palette svg_palette = {.distinct = LIMIT_CURVES};

/* Runs the last picture's line again under the settings it ran with,
 * its pictures coming to c; whatever else it writes is dropped. */
static enum exec_status draw_again(struct exec_env *env, const struct session *s,
                                   struct capture *c, struct diag *d)
{
	struct settings set = s->picture_set;
	set.format = TAB_TEXT;
	struct exec_env e = *env;
	struct out drop;
	out_init_mem(&drop, 1);
	e.set = &set;
	e.out = &drop;
	e.session = NULL;
	e.plot_hook = NULL;
	e.grid_hook = NULL;
	e.stats_hook = NULL;
	e.progress = NULL;
	e.capture = capture_picture;
	e.capture_ctx = c;
	if (c->kind == PIC_SVG) {
		/* braille and colour: the cells the SVG reads its frame from,
		 * every curve in the legend with a colour of its own */
		set.color = TRI_ON;
		set.ascii = TRI_OFF;
		e.utf8 = true;
		e.pal = &svg_palette;
		e.load_palette = NULL;
		e.term_width = SVG_COLS;
		e.term_height = SVG_ROWS;
	} else {
		set.color = TRI_OFF; /* curves told apart by glyph, not escapes */
	}
	struct cmd cmd;
	struct diag d2 = {0};
	enum exec_status st = EXEC_ERROR;
	if (command_parse_line(s->picture, strlen(s->picture), &cmd, &d2) == 0)
		st = exec_command(&e, &cmd, &d2);
	cmd_free(&cmd);
	out_free(&drop);
	if (st == EXEC_ERROR)
		diag_set(d, 0, "the picture's command failed when drawn again: %s", d2.msg);
	return st;
}

/* Writes the bytes of o to path; -1 with d filled when it can't. */
static int write_file(const struct exec_env *env, const struct cmd *cmd, const struct out *o,
                      struct diag *d)
{
	if (env->session->no_files)
		return 0;
	char name[256];
	diag_safe_name(cmd->path, name, sizeof name);
	FILE *fp = fopen(cmd->path, "w");
	if (!fp)
		return diag_set(d, cmd->path_off, "cannot write '%s': %s", name, strerror(errno));
	size_t n = o->len ? fwrite(o->buf, 1, o->len, fp) : 0;
	int e = n < o->len || ferror(fp) ? (errno ? errno : EIO) : 0;
	if (fclose(fp) != 0 && !e)
		e = errno ? errno : EIO;
	if (e)
		return diag_set(d, cmd->path_off, "cannot write '%s': %s", name, strerror(e));
	return 0;
}

static enum exec_status save_picture(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	const struct session *s = env->session;
	if (!s->picture)
		return diag_set(d, cmd->path_off, "no picture to save yet (draw one first: relu, hist "
		                "relu, train relu)");
	struct out o;
	out_init_mem(&o, 0);
	struct capture c = {.kind = picture_kind(cmd->path), .text = &o};
	if (c.kind == PIC_SVG)
		render_svg_begin(&c.svg);
	enum exec_status st = draw_again(env, s, &c, d);
	if (c.kind == PIC_SVG)
		render_svg_end(&c.svg, &o, s->picture + strspn(s->picture, " \t"));
	if (st == EXEC_OK && c.pictures == 0)
		st = diag_set(d, cmd->path_off, "the last picture's command drew nothing this time");
	if (st == EXEC_OK && o.err)
		st = diag_set(d, cmd->path_off, "out of memory");
	if (st == EXEC_ERROR && d->off == 0)
		d->off = cmd->path_off;
	/* interrupted: nothing is written, not half a picture */
	if (st == EXEC_OK && write_file(env, cmd, &o, d) < 0)
		st = EXEC_ERROR;
	out_free(&o);
	return st;
}

static enum exec_status exec_save(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	if (!env->session)
		return diag_set(d, cmd->off, "save is not available here");
	if (cmd->save_what == SAVE_PICTURE)
		return save_picture(env, cmd, d);
	/* SAVE_SESSION, SAVE_DEFS */
	struct out o;
	out_init_mem(&o, 0);
	enum exec_status st = EXEC_OK;
	if (cmd->save_what == SAVE_DEFS)
		cmd_defs_write(&o);
	if (cmd->save_what == SAVE_DEFS ? o.err != 0 : session_write(env->session, &o) < 0)
		st = diag_set(d, cmd->path_off, "the session is longer than %ld MiB: not saved",
		              LIMIT_SESSION_BYTES >> 20);
	else if (o.err)
		st = diag_set(d, cmd->path_off, "out of memory");
	else if (write_file(env, cmd, &o, d) < 0)
		st = EXEC_ERROR;
	out_free(&o);
	return st;
}

const struct command command_save_entry = {
	.name = "save",
	.kind = CMD_SAVE,
	.parse_raw = parse_save,
	.exec = exec_save,
	.overview = "  save plot.svg                 last picture as SVG, for slides (plot.txt: text)\n"
	            "  save session demo.avz         this session as a script (actviz demo.avz)\n"
	            "  save defs mine.avz            your definitions (load mine.avz)\n",
	.help = "save FILE.svg | FILE.txt | session FILE | defs FILE\n"
	 "\n"
	 "save FILE.svg draws the last picture again (that of the last plot, hist,\n"
	 "sweep or train, under the settings it ran with) as a self-contained SVG:\n"
	 "both panels, axes, ticks, legend, the command as its title; each curve a\n"
	 "colour and a dash pattern, so that a projector and a grey printer keep them\n"
	 "apart. It is 100x32 cells unless width or height are set. save FILE.txt\n"
	 "writes the text picture without escape codes, at the plot's size.\n"
	 "save session FILE writes the lines of this session that ran without error\n"
	 "(not help, save or load; a load's lines one by one) as a script that\n"
	 "`actviz FILE` or `load FILE` replays. save defs FILE writes the def lines\n"
	 "of the definitions in force (as defs prints them), for load or actvizrc.\n"
	 "A name with blanks goes in quotes:\n"
	 "save \"my plot.svg\". An existing file is replaced.\n",
	.arg = COMMAND_ARG_FILE,
	.listed = true,
	.no_replay = true,
	.words = save_words,
};
