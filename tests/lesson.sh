#!/bin/sh
# lesson.sh: the whole lesson in a pipe, where its timings (bench) keep it
# out of the golden tests: ten numbered steps, every command shown and
# run, no placeholder left, status 0; and one step at a time at a prompt
# (tmux), Enter going on.
set -u
. "${srcdir:-.}/tests/tmux-lib.sh"
on_fail='head -c 3000 "$tmp/out"; cat "$tmp/err"'
# bench, depth and train at full size: minutes under an emulator
native_only "the whole lesson"

run_actviz -W 80 -H 20 -e lesson >"$tmp/out" 2>"$tmp/err"
rc=$?
check "lesson in a pipe: status 0, nothing on stderr" '[ $rc = 0 ] && [ ! -s "$tmp/err" ]'
check "ten steps, numbered in order" \
	'[ "$(grep -c "^Step [0-9]* of 10: " "$tmp/out")" = 10 ] &&
	 [ "$(grep "^Step " "$tmp/out" | cut -d" " -f2 | tr "\n" " ")" = "1 2 3 4 5 6 7 8 9 10 " ]'
check "every placeholder computed" '! grep -q "[{}]" "$tmp/out"'
kink="relu'(0) = 0,"
check "the claims' numbers: relu(-1..2), relu'(0), the mean under N(0, 1)" \
	'grep -q "gives 0, 0, 1 and 2" "$tmp/out" && grep -qF "$kink" "$tmp/out" &&
	 grep -q "their mean is 0.3989" "$tmp/out"'
check "each step's commands shown and run: bench's table, depth's, train's" \
	'grep -q "^> bench relu" "$tmp/out" && grep -q "^ *relu .* relu  *[a-z0-9]*$" "$tmp/out" &&
	 grep -q "^> depth relu" "$tmp/out" && grep -q "^sigmoid  *30 " "$tmp/out" &&
	 grep -q "^> train relu" "$tmp/out"'

# ---- at the line prompt: one step at a time --------------------------------------

on_fail='cat "$tmp/screen"'
start 80 24 -- --plain
wait_for "actviz>"
type_text "lesson variants"
keys Enter
wait_for "(step 1 of 2: Enter goes on"
check "the prompt: step 1 only (its last command's table), and how to go on" \
	'grep -q "^  elu  normal(0, 1) " "$tmp/screen" && ! grep -q "SimpleNN" "$tmp/screen"'
keys Enter
wait_for "(the last step: lesson back"
check "Enter alone: the next step (its SimpleNN table)" 'grep -q "^SimpleNN: nn.Linear(10, 1)" "$tmp/screen"'
type_text "lesson back"
keys Enter
wait_for "(step 1 of 2: Enter goes on" 100
keys C-l
type_text "lesson end"
keys Enter
wait_for "End of the lesson."
keys Enter
keys Enter
screen
check "after the end, Enter alone is an empty line again" '! grep -q "^Step" "$tmp/screen"'
type_text quit
keys Enter

# ---- on the full screen: Enter, Backspace and q on an empty line ------------------

# the whole lesson at 80x24; at 100x30 its last topic (two steps)
for size in "80 24" "100 30"; do
	start $size
	wait_for "actviz>"
	case $size in
	80*) topic="" n=10 ;;
	*) topic=" variants" n=2 ;;
	esac
	type_text "lesson$topic"
	keys Enter
	wait_for "Step 1 of $n: "
	r=$?
	check "full screen $size: step 1, and the keys that go on" \
		'[ $r = 0 ] && grep -q "^Step 1 of $n: .* (Enter goes on, Backspace goes back, q leaves)" "$tmp/screen"'
	# the step's results whole: the plot gives up rows to them in a lesson
	case $size in
	80*) check "full screen 80x24: step 1 whole, down to relu(2) = 2, nothing left below" \
		'grep -q "^ 2  2   1" "$tmp/screen" && ! grep -q "more lines" "$tmp/screen"' ;;
	esac
	# a step an Enter
	k=2
	while [ $k -le $n ]; do
		keys Enter
		wait_for "Step $k of $n" 200 || break
		k=$((k + 1))
	done
	check "full screen $size: Enter alone through all $n steps" '[ $k = $((n + 1)) ]'
	keys BSpace
	wait_for "Step $((n - 1)) of $n" 200
	check "full screen $size: Backspace on an empty line, a step back" \
		'grep -q "^Step $((n - 1)) of $n: " "$tmp/screen"'
	keys q
	wait_for "End of the lesson."
	r=$?
	check "full screen $size: q on an empty line leaves the lesson" '[ $r = 0 ]'
	type_text q
	wait_prompt "q"
	check "full screen $size: after the lesson, q is typed" 'is_prompt "q"'
	keys C-u
	type_text quit
	keys Enter
done
finish
