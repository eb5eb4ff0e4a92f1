#!/bin/sh
# configure_help.sh: ./configure --help names no placeholder address for
# bug reports (it once ended with actviz@invalid.example). actviz has no
# public tracker of its own yet, so it names none: README says where
# reports go.
set -u
. "${srcdir:-.}/tests/lib.sh"

"$srcdir/configure" --help >"$tmp/help" || { echo "FAIL: configure --help exits $?"; exit 1; }
on_fail='grep -i -E "$placeholder" "$tmp/help"'
placeholder='invalid|example\.|@.*\.example'
check "no placeholder address" '! grep -q -i -E "$placeholder" "$tmp/help"'
finish
