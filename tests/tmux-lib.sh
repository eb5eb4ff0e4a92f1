# tmux-lib.sh: sourced by the tests that drive actviz in a real terminal
# (tests/tui.sh, tests/tui_keys.sh, tests/tui_faults.sh, tests/repl.sh,
# tests/docs.sh's prompt sessions), after set -u; it sources lib.sh (tmp,
# check, finish, the fixed world). actviz runs in a detached tmux session
# "s" of known size, keys go in with send-keys, the screen comes back with
# capture-pane, every wait polls the screen with a timeout. Skips (77)
# where tmux is missing.
#
# Two kinds of session: start runs actviz through a wrapper that records
# its exit status in $tmp/rc and then sleeps, so the screen stays readable
# after the end; session also records stty -g before and after, for
# "restored". A second session ("keep") holds the tmux server up between
# sessions. Sessions end with quit or Ctrl-D where the test allows it: a
# process ended by a signal writes no coverage data.

. "${srcdir:-.}/tests/lib.sh"

tmux=${TMUX_BIN:-}
[ -n "$tmux" ] || tmux=$(command -v tmux 2>/dev/null) || tmux=
if [ -z "$tmux" ] || [ ! -x "$tmux" ]; then
	skip "tmux is not installed (Debian: apt-get install tmux)"
fi

sock="actviz-test-$(basename "$0" .sh)-$$"
t() { "$tmux" -L "$sock" -f /dev/null "$@"; }
at_exit='t kill-server 2>/dev/null'

t new-session -d -s keep "sleep 600" || skip "tmux cannot start a session here"

# What a failed check shows: the screen it looked at.
on_fail='echo "--- screen:"; cat "$tmp/screen"; echo "---"'

# The fixed world (lib.sh's) in a terminal: tmux's TERM, and no inputrc
# (the system's would bind keys its own way).
term_set="INPUTRC=/dev/null $fixed_set"

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
	_text=$1
	poll 'screen; grep -qF -- "$_text" "$tmp/screen"' "${2:-50}" && { settle; return 0; }
	echo "(waited in vain for: $1)"
	return 1
}

# Waits (up to 5 s, or $2 tenths of a second) until a condition on the
# screen holds.
wait_until() {
	_cond=$1
	poll 'screen; eval "$_cond"' "${2:-50}" && { settle; return 0; }
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
env $fixed_unset $unsets $term_set $envs ${ACTVIZ_EMU:-} "$ACTVIZ" $args ${redirect:-}
echo \$? >"$tmp/rc"
exec sleep 600
EOF
	t new-session -d -s s -x "$cols" -y "$rows" "sh '$tmp/run.sh'"
}

# Waits (up to 5 s) for the end of the session's actviz; then its exit
# status is in $tmp/rc.
ended() {
	poll '[ -s "$tmp/rc" ]'
	screen
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
	_file=$1
	poll '[ -e "$_file" ]' 100
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

# Waits (up to 5 s) until no actviz under test is left from an earlier
# session.
gone() {
	poll '! pgrep -f "$tmp/actviz-under-test" >/dev/null'
}

# session COLS ROWS [-u NAME | NAME=VALUE]... [-- ARGS...]: a fresh
# session "s" of that size, env's words added to the fixed world, actviz
# run with ARGS.
session() {
	cols=$1
	rows=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs="$envs $1"
		shift
	done
	[ $# -gt 0 ] && shift
	t kill-session -t s 2>/dev/null || :
	gone
	rm -f "$tmp/rc" "$tmp/stty.before" "$tmp/stty.after"
	t new-session -d -s s -x "$cols" -y "$rows" \
		"env $fixed_unset $envs $term_set HOME='$tmp/home' sh '$tmp/stty_run.sh' $*"
}

# job_shell COLS ROWS: a fresh session "s" with an interactive bash (job
# control, for Ctrl-Z and fg) at the prompt "shell$ ", in the fixed world.
# Returns 1 (after waiting) if no prompt came.
job_shell() {
	t kill-session -t s 2>/dev/null || :
	gone
	rm -f "$tmp/rc" "$tmp/stty.before" "$tmp/stty.after"
	t new-session -d -s s -x "$1" -y "$2" \
		"env $fixed_unset $term_set HOME='$tmp/home' PS1='shell$ ' bash --norc --noprofile -i"
	wait_for 'shell$' 100
}

restored() { cmp -s "$tmp/stty.before" "$tmp/stty.after"; }
status_is() { [ "$(cat "$tmp/rc" 2>/dev/null)" = "$1" ]; }
