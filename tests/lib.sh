# lib.sh: what the shell tests share. A test starts
#
#   set -u
#   . "${srcdir:-.}/tests/lib.sh"
#
# and then has:
#   $srcdir, $ACTVIZ   the source tree and the program (make check sets
#                      both; by hand, from the build directory, the
#                      defaults do)
#   $tmp               a fresh directory, removed when the test ends (by
#                      exit or by SIGINT, SIGTERM or SIGHUP); $tmp/home is
#                      made for HOME. Shell text in $at_exit runs first
#                      (tmux-lib.sh stops its tmux server there).
#   check NAME COND    COND (shell text) true: "PASS: NAME", else "FAIL:
#                      NAME", then $on_fail (shell text: what to show, e.g.
#                      the output checked), and one more in $failed
#   finish             "N failed"; its status is the test's (last line)
#   poll COND [TENTHS] every 0.1 s until COND (shell text) holds, at most
#                      TENTHS tenths of a second (50); false if it never did
#   run_actviz [NAME=VALUE]... [--] ARG...
#                      actviz with those arguments in the fixed world
#                      below, plus those variables; under ${ACTVIZ_WRAP:-}
#                      (valgrind) and ${ACTVIZ_EMU:-} (qemu in a cross
#                      build)
#   exec_actviz ...    the same in place of the shell that calls it: in
#                      the background (exec_actviz ... & pid=$!), $! is
#                      actviz's pid, for kill; never in the foreground
#   in_fixed_world [NAME=VALUE]... COMMAND...
#                      COMMAND (a program, not a shell function) in the
#                      fixed world below, plus those variables
#   actviz_script FILE a script FILE that runs $ACTVIZ under ${ACTVIZ_EMU:-}
#                      with its arguments: "actviz" for commands written
#                      as people type them (tests/docs.sh)
#   skip REASON        "SKIP: REASON", exit 77 (automake: skipped)
#   native_only WHY    skips (77) in a cross build (make check sets
#                      TEST_CROSS to the host there), saying why
#
# Exit status (automake's): 0 pass, 1 fail, 77 skipped, 99 a hard error
# (the test itself could not run: no temporary directory, no helper).
#
# The fixed world: nothing from outside decides a size (COLUMNS, LINES),
# colour (NO_COLOR), where history goes (XDG_STATE_HOME), the start-up
# file (XDG_CONFIG_HOME; HOME's has none) or the locale
# (LC_ALL=C.UTF-8), so that every machine and every user gets the same
# bytes. Out of a terminal TERM goes too and HOME is $tmp/home;
# tmux-lib.sh's sessions keep tmux's TERM.
fixed_unset='-u COLUMNS -u LINES -u NO_COLOR -u XDG_STATE_HOME -u XDG_CONFIG_HOME'
fixed_set='LC_ALL=C.UTF-8'

: "${srcdir:=.}"
: "${ACTVIZ:=$(pwd)/src/actviz}"

skip() {
	echo "SKIP: $1"
	exit 77
}

native_only() {
	[ -z "${TEST_CROSS:-}" ] || skip "cross compiled for $TEST_CROSS: under the emulator $1"
}

tmp=$(mktemp -d) || exit 99
mkdir "$tmp/home" || exit 99
at_exit=
_cleanup() {
	eval "$at_exit"
	rm -rf "$tmp"
}
trap _cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

failed=0
on_fail=
check() { # name, condition (shell text)
	# (the condition comes first: it may read $? of the command before)
	if eval "$2"; then
		printf 'PASS: %s\n' "$1"
	else
		printf 'FAIL: %s\n' "$1"
		eval "$on_fail"
		failed=$((failed + 1))
	fi
}

finish() {
	echo "$failed failed"
	[ "$failed" = 0 ]
}

poll() {
	_i=0
	until eval "$1"; do
		[ $_i -ge "${2:-50}" ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

run_actviz() { _actviz "" "$@"; }
exec_actviz() { _actviz exec "$@"; }
_actviz() { # "" or exec, then [NAME=VALUE]... [--] ARG...
	_how=$1
	shift
	# env's variables first, then the program and its arguments: the
	# arguments are moved round to the end, in order.
	_n=$#
	_vars=1
	while [ "$_n" -gt 0 ]; do
		_a=$1
		shift
		_n=$((_n - 1))
		if [ $_vars = 1 ]; then
			case $_a in
			[A-Za-z_]*=*)
				set -- "$@" "$_a"
				continue
				;;
			esac
			_vars=0
			# shellcheck disable=SC2086 # the wrapper and emulator are words
			set -- "$@" ${ACTVIZ_WRAP:-} ${ACTVIZ_EMU:-} "$ACTVIZ"
			[ "$_a" = -- ] && continue
		fi
		set -- "$@" "$_a"
	done
	if [ $_vars = 1 ]; then
		# shellcheck disable=SC2086
		set -- "$@" ${ACTVIZ_WRAP:-} ${ACTVIZ_EMU:-} "$ACTVIZ"
	fi
	_fixed "$_how" "$@"
}

actviz_script() {
	{
		echo '#!/bin/sh'
		printf 'exec %s "%s" "$@"\n' "${ACTVIZ_EMU:-}" "$ACTVIZ"
	} >"$1" && chmod +x "$1"
}

in_fixed_world() { _fixed "" "$@"; }
_fixed() { # "" or exec, then the rest of env's arguments
	_how=$1
	shift
	# shellcheck disable=SC2086
	$_how env $fixed_unset -u TERM $fixed_set HOME="$tmp/home" "$@"
}
