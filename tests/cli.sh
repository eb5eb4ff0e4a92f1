#!/bin/sh
# cli.sh: what the environment and the output device change, where the
# golden tests (a fixed environment, output to a file) cannot look:
# COLUMNS and LINES, --color against TERM and NO_COLOR, a locale that is
# not installed, and a stdout that can't be written.
set -u
. "${srcdir:-.}/tests/lib.sh"
on_fail='show_run'
show_run() {
	echo "--- stdout:"
	head -40 "$tmp/out"
	echo "--- stderr:"
	cat "$tmp/err"
	echo "---"
}

# runs actviz in the fixed world plus the assignments before "--"; its
# stdout, stderr and status in $tmp/out, err and rc
run() {
	run_actviz "$@" >"$tmp/out" 2>"$tmp/err"
	echo $? >"$tmp/rc"
}
rc() { cat "$tmp/rc"; }
widest() { LC_ALL=C.UTF-8 wc -L <"$tmp/out"; }
esc=$(printf '\033')

# ---- plot size from the environment ---------------------------------------------

run COLUMNS=50 LINES=12 -- -e relu
check "COLUMNS/LINES: the plot fits 50x12" \
	'[ "$(widest)" -le 50 ] && [ "$(widest)" -ge 45 ] && [ "$(wc -l <"$tmp/out")" -le 12 ] && [ ! -s "$tmp/err" ]'
run COLUMNS=50 LINES=12 -- -W 30 -H 9 -e relu
check "-W/-H win over COLUMNS/LINES" '[ "$(widest)" -le 30 ] && [ "$(wc -l <"$tmp/out")" -le 9 ]'
run COLUMNS=abc LINES=3 -- -e relu
check "COLUMNS not a number: a warning, and 80 columns" \
	'grep -qx "actviz: warning: COLUMNS=abc ignored (a plot is 20 to 1000 columns)" "$tmp/err" && [ "$(widest)" -le 80 ] && [ "$(widest)" -ge 75 ]'
check "LINES past its limit: a warning, and 24 rows" \
	'grep -qx "actviz: warning: LINES=3 ignored (a plot is 8 to 500 rows)" "$tmp/err" && [ "$(wc -l <"$tmp/out")" = 24 ] && [ "$(rc)" = 0 ]'
run COLUMNS=1001 LINES= -- -e relu
check "COLUMNS too large: refused, said so; LINES empty: unset" \
	'[ "$(cat "$tmp/err")" = "actviz: warning: COLUMNS=1001 ignored (a plot is 20 to 1000 columns)" ]'

# ---- colour ----------------------------------------------------------------------

run TERM=xterm-256color -- --color=yes -e 'relu, elu'
check "--color=yes: 256-colour escapes from terminfo" 'grep -q "$esc\[38;5;33m" "$tmp/out"'
run TERM=xterm-256color -- --color -e 'relu, elu'
check "--color alone means always" 'grep -q "$esc\[38;5;33m" "$tmp/out"'
for w in never no auto; do
	run TERM=xterm-256color -- --color=$w -e 'relu, elu'
	check "--color=$w in a pipe: no escapes" '! grep -q "$esc" "$tmp/out" && [ "$(rc)" = 0 ]'
done
run TERM=xterm -- --color=always -e 'relu, elu'
check "8 colours: the basic ones, relu blue, elu red" 'grep -q "$esc\[34m" "$tmp/out" && grep -q "$esc\[31m" "$tmp/out"'
check "8 colours: no other colour (no grey for the axes)" \
	'[ "$(grep -o "$esc\[[0-9;]*m" "$tmp/out" | sort -u | tr -d "$esc" | tr "\n" " ")" = "[31m [34m [m " ]'
run TERM=vt100 -- --color=always -e 'relu, elu'
check "a terminal without colours: none, even when asked" '! grep -q "$esc" "$tmp/out" && grep -q "^f(x)  \* relu  + elu" "$tmp/out"'
run TERM=no-such-terminal -- --color=always -e 'relu, elu'
check "an unknown terminal: no colours, no complaint" '! grep -q "$esc" "$tmp/out" && [ ! -s "$tmp/err" ]'

# ---- locale ------------------------------------------------------------------------

run LC_ALL=xx_XX.UTF-8 -- -e 'relu'
check "a UTF-8 locale that is not installed: ASCII" '! LC_ALL=C grep -q "[^ -~]" "$tmp/out" && grep -q "^f(x)" "$tmp/out"'

# ---- lines past the limit ------------------------------------------------------------

# 65536 bytes is the limit: one more is refused with it, and the script
# runs on under -k; exactly 65536 is a line like any other.
{ head -c 70000 /dev/zero | tr '\0' x; echo; echo 'relu at 1'; } >"$tmp/long.txt"
run -- -k "$tmp/long.txt"
check "a script line past 65536 bytes: refused, the limit said" \
	'[ "$(head -1 "$tmp/err")" = "actviz: $tmp/long.txt:1:65537: line too long (at most 65536 bytes)" ] && [ "$(rc)" = 1 ]'
check "a script line past 65536 bytes: the next line runs" '[ "$(cat "$tmp/out")" = "$(printf "x  y  dy\n1  1   1")" ]'
run -- -e "$(head -c 70000 /dev/zero | tr '\0' x)"
check "an -e past 65536 bytes: refused the same way" \
	'[ "$(head -1 "$tmp/err")" = "actviz: -e:1:65537: line too long (at most 65536 bytes)" ] && [ "$(rc)" = 1 ]'
{ head -c 65535 /dev/zero | tr '\0' ' '; echo '#'; echo 'relu at 2'; } >"$tmp/edge.txt"
run -- "$tmp/edge.txt"
check "a line of exactly 65536 bytes is fine" '[ ! -s "$tmp/err" ] && [ "$(rc)" = 0 ] && grep -q "^2  2   1$" "$tmp/out"'

# ---- output that can't be written ----------------------------------------------------

# More than stdio buffers: the write fails during the run. One message.
run_actviz -e 'table relu on 0..1 step 0.001' -e 'relu at 1' >/dev/full 2>"$tmp/err"
echo $? >"$tmp/rc"
: >"$tmp/out"
check "full disk during the run: status 1" '[ "$(rc)" = 1 ]'
check "full disk during the run: said once" \
	'[ "$(cat "$tmp/err")" = "actviz: write error: No space left on device" ]'
# --help and --version check their output too.
for o in --help --version; do
	run_actviz $o >/dev/full 2>"$tmp/err"
	echo $? >"$tmp/rc"
	check "$o to a full disk: status 1, said once" \
		'[ "$(rc)" = 1 ] && [ "$(cat "$tmp/err")" = "actviz: write error: No space left on device" ]'
done
# ---- the start-up file ---------------------------------------------------------

mkdir -p "$tmp/home/.config/actviz" "$tmp/xdg/actviz"
printf 'def sq(x) = relu(x)^2   # mine\nset range -2..2\n' >"$tmp/home/.config/actviz/actvizrc"
run HOME="$tmp/home" -- -e 'sq at 3' -e 'show range'
check "actvizrc under HOME runs first: its definition and setting hold" \
	'[ "$(rc)" = 0 ] && grep -q "^3  9   6$" "$tmp/out" && grep -q "range  *-2\.\.2" "$tmp/out"'
run HOME="$tmp/home" -- --norc -e 'sq at 3'
check "--norc: not run" '[ "$(rc)" = 1 ] && grep -q "unknown command or activation .sq." "$tmp/err"'
printf 'def bad(x) = x +\nset range -2..2\n' >"$tmp/xdg/actviz/actvizrc"
run HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg" -- -e 'show range'
check "XDG_CONFIG_HOME's wins; its error said with path and line, it stops, the rest runs, status 1" \
	'[ "$(rc)" = 1 ] && grep -q "xdg/actviz/actvizrc:1:17: expected a term" "$tmp/err" &&
	 grep -q "range  *-3\.\.3" "$tmp/out"'
printf 'quit\n' >"$tmp/xdg/actviz/actvizrc"
run XDG_CONFIG_HOME="$tmp/xdg" -- -e 'relu at 1'
check "quit in actvizrc ends only it" '[ "$(rc)" = 0 ] && grep -q "^1  1   1$" "$tmp/out"'

# A closed stdout: an error, not a crash.
run_actviz -e 'relu at 1' >&- 2>"$tmp/err"
echo $? >"$tmp/rc"
check "stdout closed: status 1, a write error" '[ "$(rc)" = 1 ] && grep -q "^actviz: write error: " "$tmp/err"'

finish
