#!/bin/sh
# phrasings.sh: every phrasing people type first leads to a working command
# in one step. Each line of tests/golden/hints.cmd after its "# the
# phrasings" mark is refused (exit 1) with at least one command in
# backquotes, and every such command runs (exit 0). Each group of
# tests/golden/pytorch.cmd (lines between '#' lines) prints the same bytes
# as its first line, the canonical form.
set -u
. "${srcdir:-.}/tests/lib.sh"
dir=$srcdir/tests/golden

sed -n '/^# the phrasings/,$p' "$dir/hints.cmd" | grep -v '^#' >"$tmp/lines"
while IFS= read -r line; do
	run_actviz -W 40 -H 10 -e "$line" >/dev/null 2>"$tmp/err"
	rc=$?
	head -1 "$tmp/err" | grep -o '`[^`]*`' | tr -d '`' >"$tmp/spelled"
	on_fail='cat "$tmp/err"'
	check "refused: $line" '[ $rc = 1 ] && [ -s "$tmp/spelled" ]'
	while IFS= read -r cmd; do
		run_actviz -W 40 -H 10 -e "$cmd" >/dev/null 2>"$tmp/err2"
		rc=$?
		on_fail='cat "$tmp/err2"'
		check "  $cmd" '[ $rc = 0 ]'
	done <"$tmp/spelled"
done <"$tmp/lines"

# pytorch.cmd: group by group, from the first '#' line on
awk -v tmp="$tmp" '
	/^#/ { if (n) g++; n = 0; next }
	{ n++; printf "%s\n", $0 > (tmp "/g" g "_" n) }
' "$dir/pytorch.cmd"
for first in "$tmp"/g*_1; do
	group=${first%_1}
	run_actviz -W 40 -H 10 <"$first" >"$tmp/want" 2>&1
	for other in "$group"_*; do
		[ "$other" = "$first" ] && continue
		run_actviz -W 40 -H 10 <"$other" >"$tmp/got" 2>&1
		on_fail='diff "$tmp/want" "$tmp/got"'
		check "$(cat "$other") = $(cat "$first")" 'cmp -s "$tmp/want" "$tmp/got"'
	done
done
finish
