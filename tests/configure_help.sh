#!/bin/sh
# configure_help.sh: ./configure --help names no placeholder address for
# bug reports (it once ended with actviz@invalid.example). actviz has no
# public tracker of its own yet, so it names none: README says where
# reports go.
set -u
: "${srcdir:=.}"

help=$("$srcdir/configure" --help) || { echo "FAIL: configure --help exits $?"; exit 1; }
if printf '%s\n' "$help" | grep -i -E 'invalid|example\.|@.*\.example'; then
	echo "FAIL: a placeholder address"
	exit 1
fi
echo "PASS: no placeholder address"
