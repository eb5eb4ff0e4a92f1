#!/bin/sh
# faults.sh: what happens around actviz: a reader that stops early, a
# full disk, signals in a pipe. Each check prints PASS or FAIL.
set -u
: "${ACTVIZ:=$(pwd)/src/actviz}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0

check() { # name, condition (shell text)
	if eval "$2"; then echo "PASS: $1"; else echo "FAIL: $1"; failed=$((failed + 1)); fi
}

# `| head -1` ends quietly by SIGPIPE, even when SIGPIPE came in ignored.
(trap '' PIPE; "$ACTVIZ" -e 'table relu on -3..3 step 0.0001' 2>"$tmp/err"; echo $? >"$tmp/rc") | head -1 >"$tmp/out"
check "head -1 gets the header" '[ "$(cat "$tmp/out")" = "      x       y  dy" ]'
check "head -1 leaves stderr empty" '[ ! -s "$tmp/err" ]'
check "head -1 ends by SIGPIPE" '[ "$(cat "$tmp/rc")" = 141 ]'

# A full disk is an error with a message and status 1.
"$ACTVIZ" -e relu >/dev/full 2>"$tmp/err"
rc=$?
check "/dev/full exits 1" '[ $rc = 1 ]'
check "/dev/full says so" 'grep -q "actviz: write error: No space left on device" "$tmp/err"'

# SIGINT in a pipe: what was computed is written, whole lines, and the
# status says SIGINT.
"$ACTVIZ" -f csv -e 'table relu on 0..0.999999 step 0.000001' >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep 0.1
kill -INT $pid
wait $pid
rc=$?
check "SIGINT ends by SIGINT" '[ $rc = 130 ]'
check "SIGINT keeps the rows so far" '[ "$(wc -l <"$tmp/out")" -gt 10 ]'
check "SIGINT leaves whole lines" '[ "$(tail -c 1 "$tmp/out" | od -An -c | tr -d " ")" = "\\n" ]'

# A pipe that never ends (a fifo whose writer stays silent): SIGINT and
# SIGTERM stop the read and end actviz by that signal.
mkfifo "$tmp/fifo"
for sig in INT TERM; do
	"$ACTVIZ" <"$tmp/fifo" >/dev/null 2>&1 &
	pid=$!
	exec 3>"$tmp/fifo"
	sleep 0.2
	kill -$sig $pid
	wait $pid
	rc=$?
	exec 3>&-
	want=130
	[ $sig = TERM ] && want=143
	check "SIG$sig while reading stdin" '[ $rc = $want ]'
done

# Output in a pipe never holds escape codes, even on a colour terminal.
TERM=xterm-256color "$ACTVIZ" -e 'relu, elu' >"$tmp/out" 2>&1
check "no escapes in a pipe" '! grep -q "$(printf "\033")" "$tmp/out"'
TERM=xterm-256color "$ACTVIZ" --color=always -e 'relu, elu' >"$tmp/out" 2>&1
check "--color=always colours a pipe" 'grep -q "$(printf "\033")" "$tmp/out"'
TERM=xterm-256color NO_COLOR=1 "$ACTVIZ" --color=always -e relu >"$tmp/out" 2>&1
check "--color=always wins over NO_COLOR" 'grep -q "$(printf "\033")" "$tmp/out"'

# LANG=C: plain ASCII.
LC_ALL=C "$ACTVIZ" -e 'relu, elu' >"$tmp/out" 2>&1
check "LC_ALL=C plots are ASCII" '! LC_ALL=C grep -q "[^ -~]" "$tmp/out"'
LC_ALL=C.UTF-8 "$ACTVIZ" -e 'relu' >"$tmp/out" 2>&1
check "a UTF-8 locale gets braille" 'grep -q "$(printf "\342\240")" "$tmp/out"'

echo "$failed failed"
[ $failed = 0 ]
