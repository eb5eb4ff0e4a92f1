# tmux_lib.sh: what the screen tests share, sourced by them: a private tmux
# server, checks that print PASS or FAIL (and the screen on failure),
# waiting for text on the screen. Skips the test (77) without tmux.
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

# Waits (up to 10 s: a loaded machine) until the screen holds a fixed
# string.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		screen
		grep -qF -- "$1" "$tmp/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

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

# The wrapper records the terminal's settings before and after, and the
# exit status; it shares actviz's process group (no job control), so a
# no-op trap keeps it alive through the Ctrl-C actviz gets.
cat >"$tmp/run.sh" <<EOF
trap : INT
stty -g >"$tmp/stty.before"
"$tmp/actviz-under-test" "\$@"
echo \$? >"$tmp/rc"
stty -g >"$tmp/stty.after"
exec sleep 60
EOF
mkdir "$tmp/home"

# A fresh session of the given size and environment (words for env).
session() { # cols rows env-words...
	cols=$1
	rows=$2
	shift 2
	t kill-session -t tui 2>/dev/null || :
	i=0
	while pgrep -f "$tmp/actviz-under-test" >/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	rm -f "$tmp/rc" "$tmp/stty.before" "$tmp/stty.after"
	t new-session -d -s tui -x "$cols" -y "$rows" \
		"env -u COLUMNS -u LINES -u NO_COLOR $* HOME='$tmp/home' LC_ALL=C.UTF-8 sh '$tmp/run.sh'"
}

restored() { cmp -s "$tmp/stty.before" "$tmp/stty.after"; }
status_is() { [ "$(cat "$tmp/rc" 2>/dev/null)" = "$1" ]; }
