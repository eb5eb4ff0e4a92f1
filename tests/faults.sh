#!/bin/sh
# faults.sh: what happens around actviz: a reader that stops early, a
# full disk, signals in a pipe, bad bytes and long computations. Each check
# prints PASS or FAIL; tests/README has the table of what is tried.
set -u
. "${srcdir:-.}/tests/lib.sh"

# `| head -1` ends quietly by SIGPIPE, even when SIGPIPE came in ignored.
(trap '' PIPE; run_actviz -e 'table relu on -3..3 step 0.0001' 2>"$tmp/err"; echo $? >"$tmp/rc") | head -1 >"$tmp/out"
check "head -1 gets the header" '[ "$(cat "$tmp/out")" = "      x       y  dy" ]'
check "head -1 leaves stderr empty" '[ ! -s "$tmp/err" ]'
check "head -1 ends by SIGPIPE" '[ "$(cat "$tmp/rc")" = 141 ]'

# A full disk is an error with a message and status 1.
run_actviz -e relu >/dev/full 2>"$tmp/err"
rc=$?
check "/dev/full exits 1" '[ $rc = 1 ]'
check "/dev/full says so" 'grep -q "actviz: write error: No space left on device" "$tmp/err"'

# SIGINT in a pipe: what was computed is written, whole lines, and the
# status says SIGINT.
exec_actviz -f csv -e 'table relu on 0..0.999999 step 0.000001' >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep 0.1
# (and until rows have come, up to 5 s: under an emulator they come later)
poll '[ "$(wc -l <"$tmp/out")" -gt 10 ]'
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
	exec_actviz <"$tmp/fifo" >/dev/null 2>&1 &
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
run_actviz TERM=xterm-256color -- -e 'relu, elu' >"$tmp/out" 2>&1
check "no escapes in a pipe" '! grep -q "$(printf "\033")" "$tmp/out"'
run_actviz TERM=xterm-256color -- --color=always -e 'relu, elu' >"$tmp/out" 2>&1
check "--color=always colours a pipe" 'grep -q "$(printf "\033")" "$tmp/out"'
run_actviz TERM=xterm-256color NO_COLOR=1 -- --color=always -e relu >"$tmp/out" 2>&1
check "--color=always wins over NO_COLOR" 'grep -q "$(printf "\033")" "$tmp/out"'

# LANG=C: plain ASCII.
run_actviz LC_ALL=C -- -e 'relu, elu' >"$tmp/out" 2>&1
check "LC_ALL=C plots are ASCII" '! LC_ALL=C grep -q "[^ -~]" "$tmp/out"'
run_actviz -e 'relu' >"$tmp/out" 2>&1
check "a UTF-8 locale gets braille" 'grep -q "$(printf "\342\240")" "$tmp/out"'

# ---- bad input: an error with its place, status 1, never a crash -------------

# Empty and blank input: nothing to do, status 0, no output.
printf '' | run_actviz >"$tmp/out" 2>&1
check "empty input: status 0, silent" '[ $? = 0 ] && [ ! -s "$tmp/out" ]'
printf '  \n\t\n\n   \t  \n' | run_actviz >"$tmp/out" 2>&1
check "blank lines: status 0, silent" '[ $? = 0 ] && [ ! -s "$tmp/out" ]'

# A line of a megabyte: refused at the limit, the next line still read (-k).
{ printf 'relu'; head -c 1048576 /dev/zero | tr '\0' ' '; printf 'on -1..1\nrelu at 1\n'; } |
	run_actviz -k >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a 1 MB line: status 1" '[ $rc = 1 ]'
check "a 1 MB line: says the limit" 'grep -q "^actviz: <stdin>:1:65537: line too long (at most 65536 bytes)" "$tmp/err"'
check "a 1 MB line: the next line runs" 'grep -q "^1  1   1" "$tmp/out"'

# A line of exactly the limit is read whole, with LF or CRLF alike.
for eol in LF CRLF; do
	{ printf 'relu at 1'; head -c 65527 /dev/zero | tr '\0' ' '; [ $eol = CRLF ] && printf '\r'; echo; } |
		run_actviz >"$tmp/out" 2>"$tmp/err"
	check "a line of 65536 bytes and $eol runs" '[ $? = 0 ] && grep -q "^1  1   1" "$tmp/out"'
done

# NUL bytes.
printf 'rel\000u at 1\n' | run_actviz >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a NUL byte: status 1" '[ $rc = 1 ]'
check "a NUL byte: shown as \\x00" 'grep -q "^actviz: <stdin>:1:4: unexpected control character \\\\x00" "$tmp/err"'

# Binary garbage (the same bytes every run): errors only, whole lines, no
# escape code or C1 control let through to the terminal, little memory.
LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 262144; i++) printf "%c", int(rand() * 256) }' </dev/null >"$tmp/garbage"
for k in "" -k; do
	run_actviz $k <"$tmp/garbage" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "garbage ${k:-without -k}: status 1" '[ $rc = 1 ]'
	check "garbage ${k:-without -k}: no output" '[ ! -s "$tmp/out" ]'
	check "garbage ${k:-without -k}: no raw ESC or C1 in messages" \
		'! LC_ALL=C grep -q "$(printf "\033")\|$(printf "\302")[$(printf "\200-\237")]" "$tmp/err"'
	check "garbage ${k:-without -k}: every message has its place" \
		'[ "$(grep -c "^actviz: " "$tmp/err")" = "$(grep -c "^actviz: <stdin>:[0-9]*:[0-9]*: " "$tmp/err")" ]'
done
check "garbage -k: an error per bad line" '[ "$(grep -c "^actviz: " "$tmp/err")" -gt 500 ]'

# A file name that holds an escape sequence is shown escaped.
run_actviz "$tmp/x$(printf '\033')[31m" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a missing script: status 1" '[ $rc = 1 ]'
check "a file name's escape is shown as \\x1B" 'grep -q "x\\\\x1B\[31m: No such file or directory" "$tmp/err"'

# ---- long computations: bounded memory, and Ctrl-C stops every one -----------

# Peak memory (VmHWM, in kB) of a run, sampled while it runs, then SIGINT.
hwm_then_int() { # seconds, actviz arguments...
	secs=$1
	shift
	exec_actviz "$@" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	sleep "$secs"
	hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
	kill -INT $pid
	wait $pid
	rc=$?
}
for cmd in 'dead relu samples 1e10' 'hist relu samples 1e10' 'train relu steps 1e7' \
	'dead relu layer 1e5 inputs 100 batch 1e5' 'sweep bias -8..0 step 0.001 batch 1e5' \
	'simplenn seeds 1e6 batch 1e6' 'bench size 1e7' 'depth layers 600 width 128 batch 512'; do
	hwm_then_int 1 -f csv -e "$cmd"
	check "Ctrl-C stops '$cmd' (status 130)" '[ $rc = 130 ]'
	if [ -n "$hwm" ]; then
		check "'$cmd' stays under 1 GiB ($hwm kB)" '[ "$hwm" -lt 1048576 ]'
	fi
done
# simplenn keeps the batch sizes done, the last over the networks it
# finished, and says it was cut short.
# Waits until process $1 has used $2 seconds of CPU (user and system),
# however busy the machine: a fixed sleep would be too short under load.
# False after two minutes, or where /proc has no stat for it.
cpu_at_least() {
	_cpu_pid=$1
	_cpu_ticks=$(($2 * $(getconf CLK_TCK 2>/dev/null || echo 100)))
	poll '[ "$(awk -v t=$_cpu_ticks "{ print (\$14 + \$15 >= t) }" /proc/$_cpu_pid/stat 2>/dev/null)" = 1 ]' 1200
}
# (a million networks of batch 1 take about 0.3 s of CPU; the whole
# command, 1 to 64, a minute; under an emulator some 25 times that)
exec_actviz -e 'simplenn seeds 1e6 batch 64' >"$tmp/out" 2>"$tmp/err" &
pid=$!
cpu_at_least $pid "$([ -n "${TEST_CROSS:-}" ] && echo 30 || echo 2)"
kill -INT $pid
wait $pid
rc=$?
check "Ctrl-C in simplenn: status 130, the rows done, said to be cut short" \
	'[ $rc = 130 ] && grep -q "^ relu      1  1000000 " "$tmp/out" &&
	 tail -1 "$tmp/out" | grep -q "1000000 seeds from 1 (interrupted))\$" &&
	 [ "$(tail -2 "$tmp/out" | head -1 | awk "{ print (\$3 < 1000000) }")" = 1 ]'

finish
