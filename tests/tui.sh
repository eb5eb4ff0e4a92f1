#!/bin/sh
# tui.sh: the full-screen interface in a real terminal: actviz runs in a
# detached tmux session of known size, keys go in with send-keys, the
# screen comes back with capture-pane, and the checks are what a person
# would look for. Skipped (77) where tmux is missing.
set -u
: "${ACTVIZ:=$(pwd)/src/actviz}"
tmux=${TMUX_BIN:-}
[ -n "$tmux" ] || tmux=$(command -v tmux 2>/dev/null) || tmux=
if [ -z "$tmux" ] || [ ! -x "$tmux" ]; then
	echo "SKIP: tmux is not installed (Debian: apt-get install tmux)"
	exit 77
fi

tmp=$(mktemp -d) || exit 99
sock="actviz-test-$$"
t() { "$tmux" -L "$sock" -f /dev/null "$@"; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
failed=0

check() { # name, condition (shell text)
	if eval "$2"; then
		echo "PASS: $1"
	else
		echo "FAIL: $1"
		echo "--- screen:"
		cat "$tmp/screen"
		echo "---"
		failed=$((failed + 1))
	fi
}

screen() { t capture-pane -t tui -p >"$tmp/screen"; }

# Once a wait is over: until two captures 30 ms apart agree (at most
# 0.3 s), so that a check never sees a screen half redrawn (the title
# new, the rest not yet: seen under qemu-aarch64), as tmux-lib.sh does.
settle() {
	j=0
	while [ $j -lt 10 ]; do
		sleep 0.03
		t capture-pane -t tui -p >"$tmp/screen.next"
		cmp -s "$tmp/screen.next" "$tmp/screen" && return 0
		mv "$tmp/screen.next" "$tmp/screen"
		j=$((j + 1))
	done
}

# Waits (up to 5 s) until the screen holds a fixed string.
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen
		grep -qF -- "$1" "$tmp/screen" && { settle; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Waits (up to 5 s) until a condition on the screen holds.
wait_until() {
	i=0
	while [ $i -lt 50 ]; do
		screen
		eval "$1" && { settle; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Widest line of the screen, in display columns.
widest() { LC_ALL=C.UTF-8 wc -L <"$tmp/screen"; }

mkdir "$tmp/home"
# The wrapper shell shares actviz's process group (no job control), so it
# gets the Ctrl-C too: a no-op trap keeps it alive to record the end.
cat >"$tmp/run.sh" <<EOF
trap : INT
stty -g >"$tmp/stty.before"
${ACTVIZ_EMU:-} "$ACTVIZ"
echo \$? >"$tmp/rc"
stty -g >"$tmp/stty.next" && mv "$tmp/stty.next" "$tmp/stty.after" # whole when it appears
exec sleep 60
EOF
if ! t new-session -d -s tui -x 100 -y 30 \
	"env -u COLUMNS -u LINES -u NO_COLOR HOME='$tmp/home' LC_ALL=C.UTF-8 sh '$tmp/run.sh'"; then
	echo "SKIP: tmux cannot start a session here"
	exit 77
fi
# A second session keeps the server up while "tui" is killed and made
# again below; else new-session can meet the exiting server ("server
# exited unexpectedly").
t new-session -d -s keep "sleep 600"

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
t send-keys -t tui "leaky 0.01 on -3..3" Enter
wait_for "actviz  leaky on -3..3"
check "leaky: title" 'grep -q "actviz  leaky on -3..3" "$tmp/screen"'
check "leaky: its formula with the slope" 'grep -q "x if x > 0, else 0.01\*x" "$tmp/screen"'
check "leaky: no dead zone" '! grep -q "zero gradient" "$tmp/screen"'
cp "$tmp/screen" "$tmp/before_keys"

# The sweep keys: the slope goes up and both panels change at once.
t send-keys -t tui F6 F6 F6 F6 F6
wait_for "leaky 0.06"
check "F6 raises the slope" 'grep -q "actviz  leaky 0.06 on -3..3" "$tmp/screen"'
check "the figures follow" 'grep -q "else 0.06\*x" "$tmp/screen"'
check "the plot changed" '! cmp -s "$tmp/screen" "$tmp/before_keys"'
t send-keys -t tui F8 F8 F5
wait_for "leaky 0.25"
check "F8 is ten steps, F5 one down" 'grep -q "actviz  leaky 0.25 on" "$tmp/screen"'
t send-keys -t tui M-Right
wait_for "on -2.4..3.6"
check "Alt-Right pans" 'grep -q "on -2.4..3.6" "$tmp/screen"'
t send-keys -t tui F9
wait_for "leaky 0.25 on -3..3"
check "F9 resets the view" 'grep -q "on -3..3" "$tmp/screen"'

# An error, with the caret under the spot it names.
t send-keys -t tui "relu, leakyy 3" Enter
wait_for "did you mean"
check "error message" 'grep -q "actviz: unknown activation '"'"'leakyy'"'"' (did you mean '"'"'leaky'"'"'?)" "$tmp/screen"'
check "caret under the name" 'grep -q "^              ^ *$" "$tmp/screen"'
check "the plot stays" 'grep -q "actviz  leaky 0.25 on -3..3" "$tmp/screen"'

# Output of at goes to the message area.
t send-keys -t tui "relu at -1, 0, 1, 2" Enter
wait_for "2  2   1"
check "at: rows in the messages" 'grep -q "^ 1  1   1" "$tmp/screen"'

# Ctrl-C clears the line and never leaves.
t send-keys -t tui "relu on 1..2 abc" C-c
wait_until 'tail -1 "$tmp/screen" | grep -q "^actviz> *$"'
check "Ctrl-C clears the line" 'tail -1 "$tmp/screen" | grep -q "^actviz> *$"'
check "Ctrl-C does not leave" '[ ! -e "$tmp/rc" ]'

# Small: still a plot at 40x12, a notice below it, no crash at any size.
t resize-window -t tui -x 40 -y 12
wait_until '[ "$(widest)" -le 40 ] && grep -q "^f(x)" "$tmp/screen"'
check "40x12: a plot" 'grep -q "^f(x)" "$tmp/screen" && grep -q "actviz>" "$tmp/screen"'
check "40x12: nothing wider than the screen" '[ "$(widest)" -le 40 ]'
for size in "39 11" "20 6" "1 1" "3 2" "10 40" "300 5"; do
	set -- $size
	t resize-window -t tui -x "$1" -y "$2"
	sleep 0.1
done
t resize-window -t tui -x 30 -y 8
wait_for "too small"
check "30x8: too small, said so" 'grep -q "too small" "$tmp/screen"'
check "resizing did not end it" '[ ! -e "$tmp/rc" ]'

# Large: figures beside the plot.
t resize-window -t tui -x 200 -y 60
wait_until '[ "$(widest)" -ge 150 ] && grep -q "N(0,1)" "$tmp/screen"'
check "200x60: figures beside the plot" 'grep -q "^ *-3 .*│.*\|N(0,1)" "$tmp/screen" && grep "│   N(0,1)" "$tmp/screen" >/dev/null'
check "200x60: uses the width" '[ "$(widest)" -ge 150 ]'

# quit: status 0, and the terminal as it was.
t send-keys -t tui "quit" Enter
i=0
sleep 0.2
screen
while [ ! -s "$tmp/stty.after" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "quit exits 0" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 0 ]'
check "terminal settings restored" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'
check "history kept" 'grep -q "leaky 0.01 on -3..3" "$tmp/home/.local/state/actviz/history"'

# Signals, in a fresh session each: Ctrl-Z gives the terminal back and
# SIGCONT takes it again; SIGTERM and SIGHUP restore it and end actviz by
# the signal. A link with its own name finds this actviz among others.
ln -s "$ACTVIZ" "$tmp/actviz-under-test"
pid_of() { pgrep -f "$tmp/actviz-under-test" | head -1; }
gone() { # until no actviz under test is left from an earlier session
	i=0
	while pgrep -f "$tmp/actviz-under-test" >/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
session() {
	t kill-session -t tui 2>/dev/null
	gone
	rm -f "$tmp/rc" "$tmp/stty.before" "$tmp/stty.after"
	sed "s|\"$ACTVIZ\"|\"$tmp/actviz-under-test\"|" "$tmp/run.sh" >"$tmp/run2.sh"
	t new-session -d -s tui -x 80 -y 24 \
		"env -u COLUMNS -u LINES HOME='$tmp/home' LC_ALL=C.UTF-8 sh '$tmp/run2.sh'"
	wait_for "actviz>"
}
ended() {
	i=0
	while [ ! -s "$tmp/stty.after" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}

# Ctrl-Z needs a shell with job control (else the process group is
# orphaned and the stop is discarded): an interactive bash.
if command -v bash >/dev/null 2>&1; then
	t kill-session -t tui 2>/dev/null
	t new-session -d -s tui -x 80 -y 24 \
		"env -u COLUMNS -u LINES HOME='$tmp/home' LC_ALL=C.UTF-8 PS1='shell$ ' bash --norc --noprofile -i"
	wait_for 'shell$'
	t send-keys -t tui "${ACTVIZ_EMU:+$ACTVIZ_EMU }'$tmp/actviz-under-test'" Enter
	wait_for "actviz>"
	t send-keys -t tui C-z
	wait_for "Stopped"
	check "Ctrl-Z gives the shell back" 'grep -q "Stopped" "$tmp/screen" && ! grep -q "actviz  relu on" "$tmp/screen"'
	check "Ctrl-Z stops actviz" '[ "$(ps -o stat= -p "$(pid_of)" | cut -c1)" = T ]'
	t send-keys -t tui "fg" Enter
	wait_for "actviz  relu on"
	check "fg (SIGCONT) redraws it" 'grep -q "actviz  relu on -3..3" "$tmp/screen" && grep -q "^f(x)" "$tmp/screen"'
	t send-keys -t tui "quit" Enter
	wait_for 'shell$'
	gone
fi

session
kill -TERM "$(pid_of)"
ended
check "SIGTERM ends it by SIGTERM" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 143 ]'
check "SIGTERM restores the terminal" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'

session
kill -HUP "$(pid_of)"
ended
check "SIGHUP ends it by SIGHUP" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 129 ]'
check "SIGHUP restores the terminal" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'

session
t send-keys -t tui C-d
ended
check "Ctrl-D leaves, status 0" '[ "$(cat "$tmp/rc" 2>/dev/null)" = 0 ]'
check "Ctrl-D restores the terminal" 'cmp -s "$tmp/stty.before" "$tmp/stty.after"'

# The line prompt (--plain): plots inline, Ctrl-C abandons the line.
rm -f "$tmp/rc" "$tmp/stty.before" "$tmp/stty.after"
sed "s|\"$ACTVIZ\"|\"$ACTVIZ\" --plain|" "$tmp/run.sh" >"$tmp/run3.sh"
t kill-session -t tui 2>/dev/null
t new-session -d -s tui -x 80 -y 30 "env -u COLUMNS -u LINES HOME='$tmp/home' LC_ALL=C.UTF-8 sh '$tmp/run3.sh'"
wait_for "actviz>"
t send-keys -t tui "relu on -1..1" Enter
wait_for "zero gradient"
check "--plain: the plot inline" 'grep -q "^f(x)  .*relu" "$tmp/screen" && ! grep -q "actviz  relu on" "$tmp/screen"'
t send-keys -t tui "abc" C-c "elu at 0" Enter
wait_for "0  0   1"
check "--plain: Ctrl-C abandoned abc" '! grep -q "abcelu" "$tmp/screen" && ! grep -q "unknown" "$tmp/screen"'
t send-keys -t tui Up
wait_for "actviz> elu at 0"
check "--plain: history recalls the last line" 'tail -1 "$tmp/screen" | grep -q "^actviz> elu at 0"'
t send-keys -t tui C-u C-d
ended
check "--plain: Ctrl-D leaves, terminal restored" '[ "$(cat "$tmp/rc")" = 0 ] && cmp -s "$tmp/stty.before" "$tmp/stty.after"'

echo "$failed failed"
[ $failed = 0 ]
