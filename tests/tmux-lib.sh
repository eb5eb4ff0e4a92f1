# tmux-lib.sh: sourced by the tests that drive actviz in a real terminal
# (tests/repl.sh, tests/tui_keys.sh, tests/tui_faults.sh). The helpers are tests/tui.sh's:
# actviz runs in a detached tmux session of known size, keys go in with
# send-keys, the screen comes back with capture-pane, every wait polls the
# screen with a timeout. Skips (77) where tmux is missing.
#
# A session runs actviz through a wrapper that records its exit status in
# $tmp/rc and then sleeps, so the screen stays readable after the end. A
# second session ("keep") holds the tmux server up between sessions.
# Sessions end with quit or Ctrl-D where the test allows it: a process
# ended by a signal writes no coverage data.

: "${ACTVIZ:=$(pwd)/src/actviz}"
tmux=${TMUX_BIN:-}
[ -n "$tmux" ] || tmux=$(command -v tmux 2>/dev/null) || tmux=
if [ -z "$tmux" ] || [ ! -x "$tmux" ]; then
	echo "SKIP: tmux is not installed (Debian: apt-get install tmux)"
	exit 77
fi

tmp=$(mktemp -d) || exit 99
sock="actviz-test-$(basename "$0" .sh)-$$"
t() { "$tmux" -L "$sock" -f /dev/null "$@"; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
failed=0

if ! t new-session -d -s keep "sleep 600"; then
	echo "SKIP: tmux cannot start a session here"
	exit 77
fi

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

screen() { t capture-pane -t s -p >"$tmp/screen"; }
# The screen with its colour escapes (capture-pane -e).
screen_esc() { t capture-pane -t s -p -e >"$tmp/screen"; }

# Once a wait is over, where the script sets settle_screens=1 (a full
# screen redrawn in place): until two captures 30 ms apart agree (at most
# 0.3 s), so that a check never sees a screen half redrawn.
settle() {
	[ "${settle_screens:-0}" = 1 ] || return 0
	j=0
	while [ $j -lt 10 ]; do
		sleep 0.03
		t capture-pane -t s -p >"$tmp/screen.next"
		cmp -s "$tmp/screen.next" "$tmp/screen" && return 0
		mv "$tmp/screen.next" "$tmp/screen"
		j=$((j + 1))
	done
}

# Waits (up to 5 s, or $2 tenths of a second) until the screen holds a
# fixed string.
wait_for() {
	i=0
	while [ $i -lt "${2:-50}" ]; do
		screen
		grep -qF -- "$1" "$tmp/screen" && { settle; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	echo "(waited in vain for: $1)"
	return 1
}

# Waits (up to 5 s, or $2 tenths of a second) until a condition on the
# screen holds.
wait_until() {
	i=0
	while [ $i -lt "${2:-50}" ]; do
		screen
		eval "$1" && { settle; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	echo "(waited in vain until: $1)"
	return 1
}

# The last line of the screen that starts with the prompt, the line being
# edited, trailing blanks cut (capture-pane drops them).
prompt_line() { grep '^actviz>' "$tmp/screen" | tail -1 | sed 's/ *$//'; }

# Whether the line being edited is exactly $1 (trailing blanks aside).
is_prompt() { [ "$(prompt_line)" = "$(printf 'actviz> %s' "$1" | sed 's/ *$//')" ]; }

# Waits until the line being edited is $1: the keys sent before it are
# all taken.
wait_prompt() {
	_want=$1
	wait_until 'is_prompt "$_want"'
}

# Widest line of the screen, in display columns.
widest() { LC_ALL=C.UTF-8 wc -L <"$tmp/screen"; }

# start COLS ROWS [-u NAME | NAME=VALUE]... -- ARGS...: a new session "s"
# runs actviz with that environment (on top of a fixed one: UTF-8, no
# size or colour from outside, no inputrc) and those options, and with
# the redirection in $redirect if set.
start() {
	cols=$1 rows=$2
	shift 2
	envs="" unsets=""
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		if [ "$1" = -u ]; then
			unsets="$unsets -u '$2'"
			shift
		else
			envs="$envs '$1'"
		fi
		shift
	done
	[ $# -gt 0 ] && shift
	args=""
	for a in "$@"; do args="$args '$a'"; done
	t kill-session -t s 2>/dev/null
	rm -f "$tmp/rc"
	cat >"$tmp/run.sh" <<EOF
trap : INT
env -u COLUMNS -u LINES -u NO_COLOR -u XDG_STATE_HOME $unsets INPUTRC=/dev/null LC_ALL=C.UTF-8 $envs ${ACTVIZ_EMU:-} "$ACTVIZ" $args ${redirect:-}
echo \$? >"$tmp/rc"
exec sleep 600
EOF
	t new-session -d -s s -x "$cols" -y "$rows" "sh '$tmp/run.sh'"
}

# Waits (up to 5 s) for the end of the session's actviz; then its exit
# status is in $tmp/rc.
ended() {
	i=0
	while [ ! -s "$tmp/rc" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	screen
}

finish() {
	echo "$failed failed"
	[ $failed = 0 ]
}

# Types text at the session as it is (send-keys would read "tab" or
# "enter" as the names of keys).
type_text() { t send-keys -t s -l "$1"; }
keys() { t send-keys -t s "$@"; }

# The cursor's row, 0 at the top.
cursor_row() { t display -p -t s '#{cursor_y}'; }

# ---- sessions that also record the terminal's settings ----------------------

# Waits (up to 10 s) for a file to appear.
wait_file() {
	i=0
	while [ ! -e "$1" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -e "$1" ]
}

# A link with its own name finds this test's actviz among others.
ln -s "$ACTVIZ" "$tmp/actviz-under-test"
pid_of() { pgrep -f "$tmp/actviz-under-test" | head -1; }

# This wrapper records stty -g before and after, and the exit status; it
# shares actviz's process group, so a no-op trap keeps it alive through
# the Ctrl-C actviz gets.
cat >"$tmp/stty_run.sh" <<EOF
trap : INT
stty -g >"$tmp/stty.before"
${ACTVIZ_EMU:-} "$tmp/actviz-under-test" "\$@"
echo \$? >"$tmp/rc"
stty -g >"$tmp/stty.next" && mv "$tmp/stty.next" "$tmp/stty.after" # whole when it appears
exec sleep 60
EOF

# A fresh session "s" of that size, env's words (-u NAME, NAME=value)
# added to a fixed environment.
session() { # cols rows env-words...
	cols=$1
	rows=$2
	shift 2
	t kill-session -t s 2>/dev/null || :
	i=0
	while pgrep -f "$tmp/actviz-under-test" >/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	rm -f "$tmp/rc" "$tmp/stty.before" "$tmp/stty.after"
	t new-session -d -s s -x "$cols" -y "$rows" \
		"env -u COLUMNS -u LINES -u NO_COLOR $* HOME='$tmp/home' LC_ALL=C.UTF-8 sh '$tmp/stty_run.sh'"
}
mkdir -p "$tmp/home"

restored() { cmp -s "$tmp/stty.before" "$tmp/stty.after"; }
status_is() { [ "$(cat "$tmp/rc" 2>/dev/null)" = "$1" ]; }
