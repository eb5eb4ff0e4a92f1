#!/bin/sh
# fuzz_replay.sh: runs every fuzzing seed (tests/fuzz/corpus), every saved
# reproducer (tests/fuzz/regress) and lines at the length limit (longer
# than the fuzzer's -max_len) through the fuzz target's function in this
# build: a crash, a sanitizer report or a non-zero exit fails.
set -u
. "${srcdir:-.}/tests/lib.sh"
replay=./tests/fuzz/replay
[ -x "$replay" ] || { echo "no $replay (make check builds it)"; exit 99; }

# A line of N bytes: a command, then spaces.
line() { # N COMMAND
	awk -v n="$1" -v c="$2" 'BEGIN { printf "%s", c; for (i = length(c); i < n; i++) printf " "; print "" }'
}
{ line 65536 'relu at 1'; echo 'relu at 2'; } >"$tmp/line_at_limit"
{ line 65537 'relu at 1'; echo 'relu at 2'; line 200000 'elu'; printf 'relu at 3'; } >"$tmp/line_past_limit"
{ line 65535 'relu at 1' | tr -d '\n'; printf '\r\n'; line 65536 'elu at 1' | tr -d '\n'; printf '\r\n'; } \
	>"$tmp/crlf_at_limit"
printf 'relu\000 at 1\n\000\nrelu at 1\000\nrelu at 2' >"$tmp/nul_bytes"

# The budget refuses what is too slow for fuzzing, and the lines after it
# still run (keep going).
printf 'train relu\nrelu at 1\n' >"$tmp/budget"
${ACTVIZ_EMU:-} "$replay" -v "$tmp/budget" >"$tmp/budget.out" || exit 1
grep 'this would take about .* fuzzing budget' "$tmp/budget.out" >/dev/null &&
	grep '^1  1   1$' "$tmp/budget.out" >/dev/null || {
	echo "the fuzzing budget did not refuse 'train relu' alone:"
	cat "$tmp/budget.out"
	exit 1
}
rm -f "$tmp/budget.out"

set --
for f in "$tmp"/* "$srcdir"/tests/fuzz/corpus/* "$srcdir"/tests/fuzz/regress/*; do
	case $f in
	*/README*) ;; # the directory's notes, not an input
	*) [ -f "$f" ] && set -- "$@" "$f" ;;
	esac
done
${ACTVIZ_EMU:-} "$replay" "$@"
