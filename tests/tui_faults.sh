#!/bin/sh
# tui_faults.sh: hostile terminals: TERM unset, dumb or unknown; sizes down
# to 1x1 and a window resized many times a second; signals while a long
# computation runs. Every time the terminal must come back as it was.
set -u
. "${srcdir:-.}/tests/tmux-lib.sh"
settle_screens=1

# TERM unset, dumb or unknown: the line prompt, said once, and it works.
for term in unset dumb no-such-terminal; do
	if [ $term = unset ]; then session 80 24 -u TERM; else session 80 24 TERM=$term; fi
	wait_for "actviz>" 100
	t send-keys -t s "relu at -1, 2" Enter
	wait_for "2  2   1" 100
	check "TERM $term: the line prompt, said once" '[ "$(grep -c "^actviz: TERM" "$tmp/screen")" = 1 ] && grep -q "^ *-1  0   0" "$tmp/screen"'
	t send-keys -t s "quit" Enter
	wait_file "$tmp/stty.after"
	check "TERM $term: quit, status 0, terminal restored" 'status_is 0 && restored'
done

# Sizes from 1x1 up, and back: it never dies, and draws again when there
# is room.
session 1 1
sleep 0.5
for size in 2x1 1x2 3x3 10x4 20x6 1x1 200x60 7x50 80x24; do
	t resize-window -t s -x "${size%x*}" -y "${size#*x}"
	sleep 0.05
done
wait_for "f(x)" 100
check "1x1 and back: still running" '[ -n "$(pid_of)" ]'
check "1x1 and back: the plot is drawn" 'grep -q "actviz  relu on -3..3" "$tmp/screen" && grep -q "^f(x)" "$tmp/screen"'

# Fifty resizes in about a second.
n=0
while [ $n -lt 50 ]; do
	t resize-window -t s -x $((20 + (n * 37) % 180)) -y $((5 + (n * 13) % 55))
	sleep 0.02
	n=$((n + 1))
done
t resize-window -t s -x 80 -y 24
wait_for "actviz>" 100
sleep 0.3
screen
check "50 resizes: still running" '[ -n "$(pid_of)" ]'
check "50 resizes: drawn for the last size" '[ "$(LC_ALL=C.UTF-8 wc -L <"$tmp/screen")" -le 80 ] && grep -q "^f(x)" "$tmp/screen"'
t send-keys -t s "quit" Enter
wait_file "$tmp/stty.after"
check "after the resizes: status 0, terminal restored" 'status_is 0 && restored'

# Signals during a long computation (Monte Carlo of 1e10 samples).
long="dead relu samples 1e10"
session 80 24
wait_for "actviz>" 100
t send-keys -t s "$long" Enter
sleep 0.5
t send-keys -t s C-c
wait_for "interrupted" 100
check "Ctrl-C in a computation: back at the prompt" 'grep -q "actviz: interrupted" "$tmp/screen" && [ -n "$(pid_of)" ]'
t send-keys -t s "quit" Enter
wait_file "$tmp/stty.after"
check "then quit: status 0, terminal restored" 'status_is 0 && restored'

for sig in TERM HUP INT; do
	session 80 24
	wait_for "actviz>" 100
	t send-keys -t s "$long" Enter
	sleep 0.5
	kill -$sig "$(pid_of)"
	if [ $sig = INT ]; then # as Ctrl-C: the command stops, actviz stays
		wait_for "interrupted" 100
		check "SIGINT in a computation: actviz stays" '[ -n "$(pid_of)" ]'
		t send-keys -t s "quit" Enter
		want=0
	else
		case $sig in TERM) want=143 ;; HUP) want=129 ;; esac
	fi
	wait_file "$tmp/stty.after"
	check "SIG$sig in a computation: status $want, terminal restored" 'status_is $want && restored'
done

# Ctrl-Z in a computation gives the shell back at once (job control needs
# an interactive shell); fg takes the terminal again and the computation
# goes on, until Ctrl-C.
if command -v bash >/dev/null 2>&1; then
	job_shell 80 24
	# actviz alone as the job, the way a person runs it (a list typed at
	# bash would run its next command as soon as the job stops); the
	# terminal's settings and the status are taken by separate commands
	t send-keys -t s "stty -g >'$tmp/stty.before'" Enter
	t send-keys -t s "${ACTVIZ_EMU:+$ACTVIZ_EMU }'$tmp/actviz-under-test'" Enter
	wait_for "actviz>" 100
	t send-keys -t s "$long" Enter
	sleep 0.5
	t send-keys -t s C-z
	wait_for "Stopped" 100 || ps -eo pid,ppid,pgid,stat,wchan:20,args --forest | grep -B3 -A3 "$tmp/"
	check "Ctrl-Z in a computation: the shell at once" 'grep -q "Stopped" "$tmp/screen" && ! grep -q "actviz  relu on" "$tmp/screen"'
	check "Ctrl-Z in a computation: actviz stopped" '[ "$(ps -o stat= -p "$(pid_of)" | cut -c1)" = T ]'
	t send-keys -t s "fg" Enter
	wait_for "still computing" 100
	check "fg: a note while it computes" 'grep -q "^actviz: still computing (Ctrl-C stops it)" "$tmp/screen" && [ "$(ps -o stat= -p "$(pid_of)" | cut -c1)" = R ]'
	t send-keys -t s C-c
	wait_for "interrupted" 100
	check "then Ctrl-C: the whole screen again" 'grep -q "^ actviz  dead relu" "$tmp/screen" && grep -q "^ z ~ normal(0, 1):" "$tmp/screen" && grep -q "actviz: interrupted" "$tmp/screen"'
	t send-keys -t s "quit" Enter
	poll '[ -z "$(pid_of)" ]' 100
	t send-keys -t s "echo \$? >'$tmp/rc'; stty -g >'$tmp/stty.next' && mv '$tmp/stty.next' '$tmp/stty.after'" Enter
	wait_file "$tmp/stty.after"
	sleep 0.2
	check "then Ctrl-C and quit: status 0, terminal restored" 'status_is 0 && restored'
fi

# SIGTERM while drawing: a big screen redrawn over and over by resizes.
session 200 60
wait_for "actviz>" 100
t send-keys -t s "relu, leaky 0.1, elu, gelu, silu, mish, softplus, selu" Enter
n=0
while [ $n -lt 10 ]; do
	t resize-window -t s -x $((150 + n * 5)) -y $((40 + n))
	n=$((n + 1))
done
kill -TERM "$(pid_of)"
wait_file "$tmp/stty.after"
check "SIGTERM while drawing: status 143, terminal restored" 'status_is 143 && restored'

finish
