#!/bin/sh
# san_werror.sh: every source file compiles without a warning under
# ./configure --enable-sanitizers --enable-werror, whatever this build's
# own options: the sanitizers add checks that the optimizer then reasons
# about, and GCC warns on some of the paths they open (src/num.c's "null
# destination pointer", issue 13). Uses this build's compiler and flags
# (read from ./Makefile) plus the sanitizer flags and -Werror; compiles
# only, so no sanitizer runtime is needed. Skipped (77) when the compiler
# has no sanitizers.
set -u
: "${srcdir:=.}"

[ -f Makefile ] || { echo "SKIP: run from a configured build directory"; exit 77; }
var() { sed -n "s/^$1 = //p" Makefile | head -1; }
cc=$(var CC)
case " $(var SAN_CFLAGS) " in *" -fsanitize="*)
	case " $(var WARN_CFLAGS) " in *" -Werror "*)
		echo "PASS: this build is one with sanitizers and -Werror"
		exit 0
	esac
esac
flags="$(var DEFS) -I. -I$srcdir -I$srcdir/src $(var CPPFLAGS) $(var STD_CFLAGS) $(var WARN_CFLAGS) -Werror $(var FP_CFLAGS) $(var CFLAGS)"
# As configure.ac's --enable-sanitizers.
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
# The terminal side's files need curses' and readline's definitions.
ui_flags="$(var NCURSES_CFLAGS) $(var READLINE_CFLAGS)"

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

echo 'int main(void) { return 0; }' >"$tmp/t.c"
# shellcheck disable=SC2086
if ! $cc $san -c -o "$tmp/t.o" "$tmp/t.c" >/dev/null 2>&1; then
	echo "SKIP: $cc has no -fsanitize=address,undefined"
	exit 77
fi

# One file: with the core's flags, else with the terminal side's; its
# messages (from the core's flags) when both fail.
cat >"$tmp/one.sh" <<'EOF'
f=$1
o=$TMPD/$(basename "$f" .c)
# shellcheck disable=SC2086
if $CC $FLAGS $SAN -c -o "$o.o" "$f" >"$o.log" 2>&1 ||
	$CC $FLAGS $UI_FLAGS $SAN -c -o "$o.o" "$f" >/dev/null 2>&1; then
	echo "PASS: $f"
else
	echo "FAIL: $f"
	cat "$o.log"
	exit 1
fi
EOF
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=2
[ "$jobs" -le 8 ] || jobs=8
echo "$cc $flags $san"
TMPD=$tmp CC=$cc FLAGS=$flags SAN=$san UI_FLAGS=$ui_flags
export TMPD CC FLAGS SAN UI_FLAGS
if ls "$srcdir"/src/*.c | xargs -n 1 -P "$jobs" sh "$tmp/one.sh"; then
	exit 0
fi
exit 1
