#!/bin/sh
# fuzz_replay.sh: runs every fuzzing seed (tests/fuzz/corpus) and every
# saved reproducer (tests/fuzz/regress) through the fuzz target's function
# in this build: a crash, a sanitizer report or a non-zero exit fails.
set -u
: "${srcdir:=.}"
replay=./tests/fuzz/replay
[ -x "$replay" ] || { echo "no $replay (make check builds it)"; exit 99; }

set --
for f in "$srcdir"/tests/fuzz/corpus/* "$srcdir"/tests/fuzz/regress/*; do
	case $f in
	*/README*) ;; # the directory's notes, not an input
	*) [ -f "$f" ] && set -- "$@" "$f" ;;
	esac
done
[ $# -gt 0 ] || { echo "no seeds found under $srcdir/tests/fuzz"; exit 99; }
"$replay" "$@"
