#!/bin/sh
# tui.sh: the full-screen interface in a real terminal: actviz runs in a
# detached tmux session of known size, keys go in with send-keys, the
# screen comes back with capture-pane, and the checks are what a person
# would look for. Skipped (77) where tmux is missing.
set -u
. "${srcdir:-.}/tests/tmux-lib.sh"
settle_screens=1

session 100 30

# The first screen: ReLU, its derivative with the dead zone marked, the
# figures, the prompt.
wait_for "actviz>"
check "startup: the title names the plot" 'grep -q "actviz  relu on -3..3" "$tmp/screen"'
check "startup: both panels" 'grep -q "^f(x)  .*relu" "$tmp/screen" && grep -q "^f'"'"'(x)" "$tmp/screen"'
check "startup: zero gradient marked" 'grep -q "zero gradient: f'"'"' = 0" "$tmp/screen"'
check "startup: figures under N(0,1)" 'grep -q "N(0,1): zero 50%, dead 50%," "$tmp/screen"'
braille=$(printf '\342\240\|\342\241\|\342\242\|\342\243')
check "startup: braille in a UTF-8 locale" 'grep -q "$braille" "$tmp/screen"'
check "startup: the prompt" 'tail -1 "$tmp/screen" | grep -q "^actviz> *$"'

# A teacher's command.
t send-keys -t s "leaky 0.01 on -3..3" Enter
wait_for "actviz  leaky on -3..3"
check "leaky: title" 'grep -q "actviz  leaky on -3..3" "$tmp/screen"'
check "leaky: its formula with the slope" 'grep -q "x if x > 0, else 0.01\*x" "$tmp/screen"'
check "leaky: no dead zone" '! grep -q "zero gradient" "$tmp/screen"'
cp "$tmp/screen" "$tmp/before_keys"

# The sweep keys: the slope goes up and both panels change at once.
t send-keys -t s F6 F6 F6 F6 F6
wait_for "leaky 0.06"
check "F6 raises the slope" 'grep -q "actviz  leaky 0.06 on -3..3" "$tmp/screen"'
check "the figures follow" 'grep -q "else 0.06\*x" "$tmp/screen"'
check "the plot changed" '! cmp -s "$tmp/screen" "$tmp/before_keys"'
t send-keys -t s F8 F8 F5
wait_for "leaky 0.25"
check "F8 is ten steps, F5 one down" 'grep -q "actviz  leaky 0.25 on" "$tmp/screen"'
t send-keys -t s M-Right
wait_for "on -2.4..3.6"
check "Alt-Right pans" 'grep -q "on -2.4..3.6" "$tmp/screen"'
t send-keys -t s F9
wait_for "leaky 0.25 on -3..3"
check "F9 resets the view" 'grep -q "on -3..3" "$tmp/screen"'

# An error, with the caret under the spot it names.
t send-keys -t s "relu, leakyy 3" Enter
wait_for "did you mean"
check "error message" 'grep -q "actviz: unknown activation '"'"'leakyy'"'"' (did you mean '"'"'leaky'"'"'?)" "$tmp/screen"'
check "caret under the name" 'grep -q "^              ^ *$" "$tmp/screen"'
check "the plot stays" 'grep -q "actviz  leaky 0.25 on -3..3" "$tmp/screen"'

# Output of at goes to the message area.
t send-keys -t s "relu at -1, 0, 1, 2" Enter
wait_for "2  2   1"
check "at: rows in the messages" 'grep -q "^ 1  1   1" "$tmp/screen"'

# Ctrl-C clears the line and never leaves.
t send-keys -t s "relu on 1..2 abc" C-c
wait_until 'tail -1 "$tmp/screen" | grep -q "^actviz> *$"'
check "Ctrl-C clears the line" 'tail -1 "$tmp/screen" | grep -q "^actviz> *$"'
check "Ctrl-C does not leave" '[ ! -e "$tmp/rc" ]'

# Small: still a plot at 40x12, a notice below it, no crash at any size.
t resize-window -t s -x 40 -y 12
wait_until '[ "$(widest)" -le 40 ] && grep -q "^f(x)" "$tmp/screen"'
check "40x12: a plot" 'grep -q "^f(x)" "$tmp/screen" && grep -q "actviz>" "$tmp/screen"'
check "40x12: nothing wider than the screen" '[ "$(widest)" -le 40 ]'
for size in "39 11" "20 6" "1 1" "3 2" "10 40" "300 5"; do
	set -- $size
	t resize-window -t s -x "$1" -y "$2"
	sleep 0.1
done
t resize-window -t s -x 30 -y 8
wait_for "too small"
check "30x8: too small, said so" 'grep -q "too small" "$tmp/screen"'
check "resizing did not end it" '[ ! -e "$tmp/rc" ]'

# Large: figures beside the plot.
t resize-window -t s -x 200 -y 60
wait_until '[ "$(widest)" -ge 150 ] && grep -q "N(0,1)" "$tmp/screen"'
check "200x60: figures beside the plot" 'grep -q "^ *-3 .*│.*\|N(0,1)" "$tmp/screen" && grep "│   N(0,1)" "$tmp/screen" >/dev/null'
check "200x60: uses the width" '[ "$(widest)" -ge 150 ]'

# quit: status 0, and the terminal as it was.
t send-keys -t s "quit" Enter
wait_file "$tmp/stty.after"
check "quit exits 0" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 0 ]'
check "terminal settings restored" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'
check "history kept" 'grep -q "leaky 0.01 on -3..3" "$tmp/home/.local/state/actviz/history"'

# Signals, in a fresh session each: Ctrl-Z gives the terminal back and
# SIGCONT takes it again; SIGTERM and SIGHUP restore it and end actviz by
# the signal.

# Ctrl-Z needs a shell with job control (else the process group is
# orphaned and the stop is discarded): an interactive bash.
if command -v bash >/dev/null 2>&1; then
	job_shell 80 24
	t send-keys -t s "${ACTVIZ_EMU:+$ACTVIZ_EMU }'$tmp/actviz-under-test'" Enter
	wait_for "actviz>"
	t send-keys -t s C-z
	wait_for "Stopped"
	check "Ctrl-Z gives the shell back" 'grep -q "Stopped" "$tmp/screen" && ! grep -q "actviz  relu on" "$tmp/screen"'
	check "Ctrl-Z stops actviz" '[ "$(ps -o stat= -p "$(pid_of)" | cut -c1)" = T ]'
	t send-keys -t s "fg" Enter
	wait_for "actviz  relu on"
	check "fg (SIGCONT) redraws it" 'grep -q "actviz  relu on -3..3" "$tmp/screen" && grep -q "^f(x)" "$tmp/screen"'
	t send-keys -t s "quit" Enter
	wait_for 'shell$'
	gone
fi

session 80 24
wait_for "actviz>"
kill -TERM "$(pid_of)"
wait_file "$tmp/stty.after"
check "SIGTERM ends it by SIGTERM" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 143 ]'
check "SIGTERM restores the terminal" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'

session 80 24
wait_for "actviz>"
kill -HUP "$(pid_of)"
wait_file "$tmp/stty.after"
check "SIGHUP ends it by SIGHUP" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 129 ]'
check "SIGHUP restores the terminal" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'

session 80 24
wait_for "actviz>"
t send-keys -t s C-d
wait_file "$tmp/stty.after"
check "Ctrl-D leaves, status 0" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 0 ]'
check "Ctrl-D restores the terminal" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'

# The line prompt (--plain): plots inline, Ctrl-C abandons the line.
session 80 30 -- --plain
wait_for "actviz>"
t send-keys -t s "relu on -1..1" Enter
wait_for "zero gradient"
check "--plain: the plot inline" 'grep -q "^f(x)  .*relu" "$tmp/screen" && ! grep -q "actviz  relu on" "$tmp/screen"'
t send-keys -t s "abc" C-c "elu at 0" Enter
wait_for "0  0   1"
check "--plain: Ctrl-C abandoned abc" '! grep -q "abcelu" "$tmp/screen" && ! grep -q "unknown" "$tmp/screen"'
t send-keys -t s Up
wait_for "actviz> elu at 0"
check "--plain: history recalls the last line" 'tail -1 "$tmp/screen" | grep -q "^actviz> elu at 0"'
t send-keys -t s C-u C-d
wait_file "$tmp/stty.after"
check "--plain: Ctrl-D leaves, terminal restored" '[ "$(cat "$tmp/rc")" = 0 ] && cmp -s "$tmp/stty.before" "$tmp/stty.after"'

finish
