#!/bin/sh
# golden.sh: runs actviz on each tests/golden/NAME.cmd (as stdin, with the
# options in NAME.args if there is one) and compares stdout, stderr and
# the exit status with NAME.out, NAME.err and NAME.rc (absent: empty, 0).
#   UPDATE=1 tests/golden.sh     rewrites the expected files (then review
#                                them with git diff before committing)
#   ACTVIZ_WRAP='valgrind ...'   runs each under that command (make
#                                check-valgrind)
#   ACTVIZ_EMU='qemu-aarch64'    runs a cross-built actviz (make check
#                                sets it)
#   ACTVIZ_SIMD=avx2             the vector path, as for the program; the
#                                bytes must not depend on it (tests/paths.sh)
# The one line that depends on the machine, --version's "simd:", is left
# out of the comparison.
set -u
. "${srcdir:-.}/tests/lib.sh"
dir=$srcdir/tests/golden

total=0
for cmd in "$dir"/*.cmd; do
	name=$(basename "$cmd" .cmd)
	total=$((total + 1))
	args=""
	[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
	# The fixed world (lib.sh): UTF-8, no terminal, no colour, no size
	# from outside.
	(
		cd "$dir" || exit 99
		eval "set -- $args"
		run_actviz -- "$@" <"$name.cmd" >"$tmp/raw" 2>"$tmp/err"
		echo $? >"$tmp/rc"
		sed '/^simd: /d' "$tmp/raw" >"$tmp/out"
	)
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp/out" "$dir/$name.out"
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/$name.err"; else rm -f "$dir/$name.err"; fi
		if [ "$(cat "$tmp/rc")" != 0 ]; then cp "$tmp/rc" "$dir/$name.rc"; else rm -f "$dir/$name.rc"; fi
		continue
	fi
	ok=1
	diff -u "$dir/$name.out" "$tmp/out" >"$tmp/diff" || { ok=0; cat "$tmp/diff"; }
	want_err=/dev/null
	[ -f "$dir/$name.err" ] && want_err=$dir/$name.err
	diff -u "$want_err" "$tmp/err" >"$tmp/diff" || { ok=0; cat "$tmp/diff"; }
	want_rc=0
	[ -f "$dir/$name.rc" ] && want_rc=$(cat "$dir/$name.rc")
	got_rc=$(cat "$tmp/rc")
	if [ "$want_rc" != "$got_rc" ]; then
		ok=0
		echo "exit status $got_rc, want $want_rc"
	fi
	if [ $ok = 1 ]; then
		echo "PASS: $name"
	else
		echo "FAIL: $name"
		failed=$((failed + 1))
	fi
done
echo "$total golden tests, $failed failed"
[ $failed = 0 ]
