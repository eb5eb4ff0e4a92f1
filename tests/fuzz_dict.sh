#!/bin/sh
# fuzz_dict.sh: the fuzzing dictionary must hold the language's words as
# the code has them now: tests/fuzz/gendict.sh writes it afresh here.
set -u
. "${srcdir:-.}/tests/lib.sh"
sh "$srcdir/tests/fuzz/gendict.sh" ./tests/fuzz/gendict "$srcdir" >"$tmp/dict" || exit 99
if ! diff -u "$srcdir/tests/fuzz/actviz.dict" "$tmp/dict"; then
	echo "tests/fuzz/actviz.dict is stale; from the build directory run:"
	echo "  $srcdir/tests/fuzz/gendict.sh tests/fuzz/gendict $srcdir >$srcdir/tests/fuzz/actviz.dict"
	exit 1
fi
echo "actviz.dict: $(grep -c '^"' "$tmp/dict") entries, up to date"
