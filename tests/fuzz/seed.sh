#!/bin/sh
# seed.sh: writes the fuzzing seeds into tests/fuzz/corpus/ (replacing
# those it wrote before): one file per golden test (tests/golden/NAME.cmd,
# its options turned into set commands and its -e strings and script files
# into lines) and per command line of the man page's EXAMPLES. Run it from
# the source tree after changing either; then review with git status/diff.
#   tests/fuzz/seed.sh
# The small_* seeds are written by hand and kept: the heavy commands with
# sizes the fuzzing budget lets run (most examples are refused by it, and
# the fuzzer alone seldom finds a sweep with three small clauses).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/tests/fuzz/corpus
mkdir -p "$out"
rm -f "$out"/golden_* "$out"/man_*

# Options of a command line as script lines, in order: what the program
# would do with them, spelled in the language (-k is the fuzzer's default).
# Runs in DIR, where script files named on the line are found.
args_to_script() { # DIR ARGS...
	dir=$1
	shift
	while [ $# -gt 0 ]; do
		case $1 in
		-f) printf 'set format %s\n' "${2-}"; [ $# -lt 2 ] || shift ;;
		-W) printf 'set width %s\n' "${2-}"; [ $# -lt 2 ] || shift ;;
		-H) printf 'set height %s\n' "${2-}"; [ $# -lt 2 ] || shift ;;
		-e) printf '%s\n' "${2-}"; [ $# -lt 2 ] || shift ;;
		--ascii) echo 'set ascii on' ;;
		-*) ;;
		*) [ -f "$dir/$1" ] && cat "$dir/$1" ;;
		esac
		shift
	done
}

# The golden tests: options first, as the program applies them first.
for cmd in "$top"/tests/golden/*.cmd; do
	name=$(basename "$cmd" .cmd)
	args=
	[ -f "${cmd%.cmd}.args" ] && args=$(cat "${cmd%.cmd}.args")
	(
		eval "set -- $args"
		args_to_script "$top/tests/golden" "$@"
		cat "$cmd"
	) >"$out/golden_$name"
	[ -s "$out/golden_$name" ] || rm -f "$out/golden_$name"
done

# The man page's EXAMPLES, its escapes undone: each `$ actviz ...` line
# (up to a pipe), the commands typed at `actviz>` as one session, each
# script shown (an example block that starts with a comment), and the
# commands named in the text (.B "...").
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$top/man/actviz.1" |
	sed 's/\\-/-/g; s/\\(aq/'"'"'/g; s/\\(ha/^/g; s/\\e/\\/g' >"$out/man.tmp"
n=0
grep '^\$ actviz ' "$out/man.tmp" | sed 's/^\$ actviz //; s/ |.*$//' |
	while IFS= read -r line; do
		n=$((n + 1))
		(
			eval "set -- $line"
			args_to_script "$top" "$@"
		) >"$out/man_cmdline_$n"
		[ -s "$out/man_cmdline_$n" ] || rm -f "$out/man_cmdline_$n"
	done
sed -n 's/^actviz> //p' "$out/man.tmp" >"$out/man_prompt"
awk '/^\.EX/ { inex = 1; first = 1; next }
	/^\.EE/ { inex = 0; script = 0; next }
	inex && first { first = 0; if ($0 ~ /^#/) { script = 1; n++ } }
	inex && script { print > (dir "/man_script_" n) }' dir="$out" "$out/man.tmp"
sed -n 's/^\.B "\(.*\)"$/\1/p' "$out/man.tmp" | grep -v '^actviz' >"$out/man_named" || true
rm -f "$out/man.tmp"
[ -s "$out/man_named" ] || rm -f "$out/man_named"
ls "$out" | wc -l | sed 's/$/ seeds in tests\/fuzz\/corpus/'
