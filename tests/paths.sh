#!/bin/sh
# paths.sh: the vector paths (ACTVIZ_SIMD). How the variable is read, then
# the golden tests again on every path this build and CPU can run, so that
# each is shown to give the bytes of the expected files, which every
# machine shares (golden.sh already covers the path picked by default);
# and, on glibc, once more with the C library's non-FMA variants.
set -u
. "${srcdir:-.}/tests/lib.sh"

simd_line() { # ACTVIZ_SIMD value: --version's simd line, and stderr in $tmp/err
	run_actviz ACTVIZ_SIMD="$1" -- --version 2>"$tmp/err" | sed -n 's/^simd: //p'
}

line=$(simd_line auto)
paths=$(echo "$line" | sed -n 's/^[a-z0-9]* (available: \([^;]*\);.*/\1/p')
best=${paths##* }
check "--version names the paths, the best one in use: $line" \
	'[ -n "$paths" ] && [ "${line%% *}" = "$best" ] && [ ! -s "$tmp/err" ]'
line=$(simd_line AVX-2)
check "an unknown ACTVIZ_SIMD: a warning naming the choices, and the best path" \
	'[ "${line%% *}" = "$best" ] && [ "$(cat "$tmp/err")" = "actviz: warning: ACTVIZ_SIMD=AVX-2 ignored (auto, baseline, avx2, avx512); using $best" ]'
line=$(simd_line Baseline)
check "ACTVIZ_SIMD=Baseline (any case) takes the portable path" '[ "${line%% *}" = baseline ] && [ ! -s "$tmp/err" ]'
for p in avx2 avx512; do
	case " $paths " in
	*" $p "*) ;;
	*)
		line=$(simd_line $p)
		check "ACTVIZ_SIMD=$p where it cannot run: a warning, and a path that can" \
			'[ "${line%% *}" = "$best" ] && grep -q "^actviz: warning: ACTVIZ_SIMD=$p: .*; using $best\$" "$tmp/err"'
		;;
	esac
done

# What a CPU without FMA gets: glibc picks its libm functions at run time
# (FMA variants on this CPU, others without), and actviz must give the
# same bytes either way, so its elementary functions are its own
# (src/dmath.c). GLIBC_TUNABLES hides FMA and AVX2 from glibc; actviz's
# own dispatch reads the CPU itself, so the baseline path is asked for.
# (In a cross build the program runs under an emulator on another CPU's
# libc: nothing to learn there.)
if [ -z "${ACTVIZ_EMU:-}" ] && [ "$(uname -m)" = x86_64 ] &&
	getconf GNU_LIBC_VERSION 2>/dev/null | grep -q '^glibc'; then
	GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA,-FMA4,-AVX512F ACTVIZ_SIMD=baseline \
		sh "$srcdir/tests/golden.sh" >"$tmp/log" 2>&1
	status=$?
	grep -v '^PASS: ' "$tmp/log"
	check "glibc without FMA (GLIBC_TUNABLES hwcaps -AVX2,-FMA,-FMA4,-AVX512F), baseline path: every golden test, the same bytes" '[ $status = 0 ]'
else
	echo "not glibc on x86-64 natively: no other libm variant to compare"
fi

set -- $paths
if [ $# -lt 2 ]; then
	echo "only the ${1:-?} path here: no other path to compare"
	finish
	exit
fi
for p in "$@"; do
	ACTVIZ_SIMD=$p sh "$srcdir/tests/golden.sh" >"$tmp/log" 2>&1
	status=$?
	grep -v '^PASS: ' "$tmp/log"
	check "ACTVIZ_SIMD=$p: every golden test, the same bytes" '[ $status = 0 ]'
done
finish
