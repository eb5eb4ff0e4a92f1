#!/bin/sh
# docs.sh: the examples in README.md and man/actviz.1 are run, and what
# each shows must be what actviz prints, byte for byte, so that the
# documents cannot go stale.
#   UPDATE=1 tests/docs.sh   rewrites the output shown by every example
#                            that differs, from the program (the commands
#                            stay as written); read the diff first
#
# Which blocks are examples is marked in the source, on the line before
# the block (blank lines, and in the man page .PP and .RS, may come
# between): in README.md an HTML comment, <!-- MARK -->, before a fenced
# or an indented code block; in man/actviz.1 a comment, .\" MARK, before
# an .EX block. MARK is one of
#   example              a transcript: a line "$ COMMAND" (continued on
#                        the next line after a trailing | or \), then
#                        what it prints (stdout and stderr, as a terminal
#                        shows them), then the next "$ COMMAND"
#   example session      a line "$ actviz ARGS" started in a terminal of
#                        80 columns (tmux), then the screen: the lines
#                        after "actviz> " are typed; skipped without tmux
#   example file NAME    not run: the file NAME that later examples use
#   example output of: COMMAND
#                        the whole block is what COMMAND prints
#   illustration: WHY    not run, because WHY (say it: a reader of the
#                        source should see why this one is not checked)
# A block that holds a line starting "$ " or "actviz> " and has no mark
# fails the test, so that a new example is not left out by mistake.
#
# Each document's commands run in order in a directory of their own (its
# example files are there), in lib.sh's fixed world (C.UTF-8, no TERM,
# COLUMNS, LINES or NO_COLOR), so a plot's size is the -W and -H it
# states; "actviz" is this build's, under ${ACTVIZ_EMU:-}. The exit
# status is not compared. A command whose tool is missing (exit 127,
# e.g. jq) is skipped. The man page's examples are read as groff shows
# them (\- is -, \(aq is ', \e is \, a trailing \ joins lines); an escape
# not known here is an error, and output must be ASCII there.
set -u
. "${srcdir:-.}/tests/lib.sh"
on_fail='diff -u "$want" "$got" | head -60'

# "actviz" as the examples type it.
mkdir "$tmp/bin" && actviz_script "$tmp/bin/actviz" || exit 99

# ---- reading the documents --------------------------------------------------

# extract STYLE DOC OUTDIR: one directory OUTDIR/NNN per code block, with
#   kind, arg    the mark ("unmarked" for none), and what follows it
#   where        DOC:LINE of the block's first line
#   first, last  the block's content, as source line numbers
#   style        fence, indent (README.md) or roff
#   text         the content as a reader sees it
#   cmd.K, src.K, want.K
#                step K of a transcript: the command (as sh runs it),
#                its source lines, and the output shown
# Errors (a mark with no block, an unknown escape) go to stderr, and the
# status is 2.
extract() {
	LC_ALL=C awk -v style="$1" -v out="$3" -v doc="$(basename "$2")" '
	function fail(msg) {
		printf "%s:%d: %s\n", doc, FNR, msg >"/dev/stderr"
		bad = 1
	}
	# groff, as a reader sees the page: the escapes the examples use.
	function unroff(s,    r, c, n) {
		r = ""
		while ((n = index(s, "\\")) > 0) {
			r = r substr(s, 1, n - 1)
			c = substr(s, n + 1, 1)
			s = substr(s, n + 2)
			if (c == "-") r = r "-"
			else if (c == "e" || c == "\\") r = r "\\"
			else if (c == "&") r = r
			else if (c == " ") r = r " "
			else if (c == "(") {
				c = substr(s, 1, 2)
				s = substr(s, 3)
				if (c == "aq") r = r "\047"
				else if (c == "ha") r = r "^"
				else if (c == "ga") r = r "`"
				else if (c == "ti") r = r "~"
				else if (c == "dq") r = r "\""
				else fail("escape \\(" c " is not known to tests/docs.sh")
			} else if (c == "f") {
				# a font change: nothing to compare
				if (substr(s, 1, 1) == "(") s = substr(s, 4)
				else s = substr(s, 2)
			} else fail("escape \\" c " is not known to tests/docs.sh")
		}
		return r s
	}
	function mark(m) {
		if (kind != "") fail("a mark with no block after it (line " markline ")")
		sub(/^ +/, "", m)
		sub(/ +$/, "", m)
		markline = FNR
		if (m ~ /^illustration:/) {
			kind = "illustration"
			arg = m
			sub(/^illustration: */, "", arg)
			if (arg == "") fail("an illustration says why it is not run")
		} else if (m == "example") {
			kind = "example"; arg = ""
		} else if (m == "example session") {
			kind = "session"; arg = ""
		} else if (m ~ /^example file [^ ]+$/) {
			kind = "file"; arg = m
			sub(/^example file /, "", arg)
		} else if (m ~ /^example output of: ./) {
			kind = "output"; arg = m
			sub(/^example output of: */, "", arg)
		} else fail("unknown mark \"" m "\"")
	}
	function markdown_comment(m) {
		sub(/^<!-- */, "", m)
		sub(/ *-->[ \t]*$/, "", m)
		gsub(/[ \t]+/, " ", m)
		if (m ~ /^(example|illustration)( |:|$)/) mark(m)
		prevblank = 1
	}
		function open_block(first) {
		nb++
		dir = sprintf("%s/%03d", out, nb)
		system("mkdir -p \"" dir "\"")
		n = 0
		bfirst = first
		blast = first - 1
		kind_b = kind == "" ? "unmarked" : kind
		arg_b = arg
		kind = ""
		arg = ""
	}
	# source line LINE of the block, and what a reader sees of it
	function add(line, raw, seen) {
		blast = line
		if (cont) {
			# the previous line ended in \: one line for the reader
			text[n] = text[n] seen
			nsrc[n]++
		} else {
			n++
			text[n] = seen
			srcfirst[n] = line
			nsrc[n] = 1
		}
		src[line] = raw
	}
	function put(file, s) {
		printf "%s", s >(dir "/" file)
		close(dir "/" file)
	}
	function close_block(    i, k, j, step, all, cmd, srcs, want, first) {
		all = ""
		for (i = 1; i <= n; i++) all = all text[i] "\n"
		put("kind", kind_b "\n")
		put("arg", arg_b "\n")
		put("where", doc ":" bfirst "\n")
		put("first", bfirst "\n")
		put("last", blast "\n")
		put("style", bstyle "\n")
		put("text", all)
		if (kind_b == "unmarked") {
			for (i = 1; i <= n; i++)
				if (text[i] ~ /^\$ / || text[i] ~ /^actviz> /) {
					fail("a block with a command and no mark (at line " bfirst ")")
					break
				}
			return
		}
		if (kind_b == "output") {
			put("cmd.1", arg_b "\n")
			put("line.1", bfirst "\n")
			put("src.1", "")
			put("want.1", all)
			put("steps", "1\n")
			return
		}
		if (kind_b != "example" && kind_b != "session") return
		if (text[1] !~ /^\$ /) {
			fail("an example starts with \"$ COMMAND\" (at line " bfirst ")")
			return
		}
		step = 0
		i = 1
		while (i <= n) {
			step++
			cmd = substr(text[i], 3)
			first = srcfirst[i]
			while ((text[i] ~ /[|\\]$/) && i < n) {
				i++
				cmd = cmd "\n" text[i]
			}
			srcs = ""
			for (j = first; j < srcfirst[i] + nsrc[i]; j++) srcs = srcs src[j] "\n"
			i++
			want = ""
			while (i <= n && (kind_b == "session" || text[i] !~ /^\$ /)) {
				want = want text[i] "\n"
				i++
			}
			put("cmd." step, cmd "\n")
			put("line." step, first "\n")
			put("src." step, srcs)
			put("want." step, want)
		}
		put("steps", step "\n")
	}

	# ---- README.md
	style != "roff" && infence {
		if ($0 ~ /^```/) {
			infence = 0
			close_block()
		} else add(FNR, $0, $0)
		next
	}
	style != "roff" && inindent {
		if ($0 ~ /^    /) {
			for (i = FNR - blanks; i < FNR; i++) add(i, "", "")
			blanks = 0
			add(FNR, $0, substr($0, 5))
			next
		}
		if ($0 ~ /^[ \t]*$/) {
			blanks++
			next
		}
		inindent = 0
		blanks = 0
		close_block()
	}
	# an HTML comment, on one line or more: a mark if it says so
	style != "roff" && incomment {
		comment = comment " " $0
		if ($0 ~ /-->[ \t]*$/) {
			incomment = 0
			markdown_comment(comment)
		}
		next
	}
	style != "roff" && /^<!--/ {
		comment = $0
		if ($0 ~ /-->[ \t]*$/) markdown_comment(comment)
		else incomment = 1
		next
	}
	style != "roff" {
		if ($0 ~ /^```/) {
			open_block(FNR + 1)
			bstyle = "fence"
			infence = 1
		} else if ($0 ~ /^    / && prevblank) {
			open_block(FNR)
			bstyle = "indent"
			inindent = 1
			blanks = 0
			add(FNR, $0, substr($0, 5))
		} else if ($0 !~ /^[ \t]*$/ && kind != "") {
			fail("a mark with no block after it (line " markline ")")
			kind = ""
		}
		prevblank = ($0 ~ /^[ \t]*$/)
		next
	}

	# ---- man/actviz.1
	inex {
		if ($0 ~ /^\.EE([ \t]|$)/) {
			inex = 0
			close_block()
			next
		}
		raw = $0
		seen = $0
		c = 0
		if (match(seen, /\\+$/) && RLENGTH % 2 == 1) {
			seen = substr(seen, 1, length(seen) - 1)
			c = 1
		}
		add(FNR, raw, unroff(seen))
		cont = c
		next
	}
	/^\.\\" *(example|illustration)( |:|$)/ {
		m = $0
		sub(/^\.\\" */, "", m)
		mark(m)
		next
	}
	/^\.EX([ \t]|$)/ {
		open_block(FNR + 1)
		bstyle = "roff"
		inex = 1
		cont = 0
		next
	}
	/^\.(PP|RS|RE)/ || /^\.\\"/ || /^[ \t]*$/ { next }
	kind != "" {
		fail("a mark with no block after it (line " markline ")")
		kind = ""
	}

	END {
		if (infence || inex) fail("a block that does not end")
		if (inindent) close_block()
		if (kind != "") fail("a mark with no block after it (line " markline ")")
		exit bad ? 2 : 0
	}
	' "$2"
}

# ---- writing them back (UPDATE=1) ---------------------------------------------

# What a reader sees -> the source, for one style (stdin to stdout).
escape() {
	case $1 in
	fence) cat ;;
	indent) sed 's/^./    &/' ;;
	roff)
		# groff's spelling of what the page shows; a line is broken (a
		# trailing \ joins it again) before 80 columns, between escapes
		LC_ALL=C awk '{
			s = $0
			if (s ~ /[^\t -~]/) {
				print "tests/docs.sh: the man page shows ASCII only: use --ascii" >"/dev/stderr"
				exit 2
			}
			o = ""
			len = 0
			for (i = 1; i <= length(s); i++) {
				c = substr(s, i, 1)
				if (c == "\\") t = "\\e"
				else if (c == "-") t = "\\-"
				else if (c == "\047") t = "\\(aq"
				else if (c == "^") t = "\\(ha"
				else if (c == "`") t = "\\(ga"
				else if (c == "~") t = "\\(ti"
				else if (c == "." && i == 1) t = "\\&."
				else t = c
				if (len + length(t) > 78) {
					print o "\\"
					o = ""
					len = 0
				}
				o = o t
				len += length(t)
			}
			print o
		}'
		;;
	esac
}

# Rewrites the output of every block of DOC listed in $tmp/changed.DOC.
update_doc() { # DOC
	list=$tmp/changed.$(basename "$1")
	[ -s "$list" ] || return 0
	: >"$tmp/splice"
	while read -r b; do
		style=$(cat "$b/style")
		: >"$b/new"
		k=1
		while [ $k -le "$(cat "$b/steps")" ]; do
			cat "$b/src.$k" >>"$b/new"
			escape "$style" <"$b/got.$k" >>"$b/new" || exit 99
			k=$((k + 1))
		done
		echo "$(cat "$b/first") $(cat "$b/last") $b/new" >>"$tmp/splice"
	done <"$list"
	awk -v list="$tmp/splice" '
		BEGIN { while ((getline l <list) > 0) { split(l, f, " "); from[f[1]] = f[2]; file[f[1]] = f[3] } }
		FNR in from {
			while ((getline l <file[FNR]) > 0) print l
			skip = from[FNR]
			next
		}
		FNR <= skip { next }
		{ print }
	' "$1" >"$tmp/updated" && cat "$tmp/updated" >"$1"
	echo "updated $1: $(wc -l <"$list") examples"
}

# ---- running them -----------------------------------------------------------------

# run_step BLOCK K: step K of a transcript, in the document's directory;
# what it prints in BLOCK/got.K. Status 127: a tool is missing.
run_step() {
	(
		cd "$work" || exit 99
		in_fixed_world PATH="$tmp/bin:$PATH" sh "$1/cmd.$2" >"$1/got.$2" 2>&1
	)
}

# run_session BLOCK: in tmux; the screen in BLOCK/got.1. Status 77: no
# tmux.
run_session() (
	b=$1
	eval "set -- $(cat "$b/cmd.1")"
	if [ "${1:-}" != actviz ]; then
		echo "$(cat "$b/where"): a session starts \"\$ actviz ARGS\""
		exit 1
	fi
	shift
	# (a subshell: tmux-lib.sh has a $tmp, a server and a check of its own)
	. "$srcdir/tests/tmux-lib.sh"
	rows=$(($(wc -l <"$b/want.1") + 3))
	start 80 "$rows" "HOME=$tmp/home" -- "$@"
	wait_for "actviz>" 100 || exit 1
	typed=0
	sed -n 's/^actviz> //p' "$b/want.1" >"$tmp/typed"
	while IFS= read -r line; do
		typed=$((typed + 1))
		type_text "$line"
		keys Enter
		case $line in
		quit | exit) ended ;;
		*) wait_until '[ "$(grep -c "^actviz>" "$tmp/screen")" -gt $typed ] && is_prompt ""' 100 ;;
		esac
	done <"$tmp/typed"
	screen
	# the screen down to its last line that is not blank
	awk 'NF { last = NR } { l[NR] = $0 } END { for (i = 1; i <= last; i++) print l[i] }' \
		"$tmp/screen" >"$b/got.1"
)

for doc in "$srcdir/README.md" "$srcdir/man/actviz.1"; do
	name=$(basename "$doc")
	style=md
	case $name in *.1) style=roff ;; esac
	blocks=$tmp/blocks/$name
	mkdir -p "$blocks"
	if ! extract "$style" "$doc" "$blocks"; then
		echo "FAIL: $name: the examples cannot be read (above)"
		failed=$((failed + 1))
		continue
	fi
	work=$tmp/work/$name
	mkdir -p "$work"
	: >"$tmp/changed.$name"
	ran=0
	for b in "$blocks"/*; do
		[ -d "$b" ] || continue
		where=$(cat "$b/where")
		kind=$(cat "$b/kind")
		case $kind in
		unmarked) continue ;;
		illustration)
			echo "illustration, not run: $where: $(cat "$b/arg")"
			continue
			;;
		file)
			cp "$b/text" "$work/$(cat "$b/arg")"
			continue
			;;
		session)
			run_session "$b"
			status=$?
			if [ $status = 77 ]; then
				echo "SKIP: $where: a session (no tmux)"
				continue
			fi
			[ -f "$b/got.1" ] || : >"$b/got.1"
			;;
		*)
			k=1
			while [ $k -le "$(cat "$b/steps")" ]; do
				run_step "$b" $k
				if [ $? = 127 ] && grep -q 'not found' "$b/got.$k"; then
					printf 'SKIP: %s:%s: $ %s: %s\n' "$name" "$(cat "$b/line.$k")" \
						"$(head -1 "$b/cmd.$k")" "$(tail -1 "$b/got.$k")"
					cp "$b/want.$k" "$b/got.$k"
					: >"$b/skipped.$k"
				fi
				k=$((k + 1))
			done
			;;
		esac
		k=1
		changed=0
		while [ $k -le "$(cat "$b/steps")" ]; do
			want=$b/want.$k
			got=$b/got.$k
			if [ ! -e "$b/skipped.$k" ]; then
				ran=$((ran + 1))
				check "$name:$(cat "$b/line.$k"): \$ $(head -1 "$b/cmd.$k")" 'cmp -s "$want" "$got"'
				cmp -s "$want" "$got" || changed=1
			fi
			k=$((k + 1))
		done
		[ $changed = 1 ] && echo "$b" >>"$tmp/changed.$name"
	done
	check "$name: examples found and run ($ran)" '[ $ran -gt 0 ]'
	if [ "${UPDATE:-}" = 1 ]; then
		update_doc "$doc"
	fi
done

finish
