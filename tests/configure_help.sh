#!/bin/sh
# configure_help.sh: ./configure --help ends by saying where to report
# bugs, and that is a real address (the issue tracker's https URL), not
# a placeholder such as actviz@invalid.example (issue 13).
set -u
: "${srcdir:=.}"

help=$("$srcdir/configure" --help) || { echo "FAIL: configure --help exits $?"; exit 1; }
line=$(printf '%s\n' "$help" | grep '^Report bugs to ')
echo "$line"
case $line in
"Report bugs to <https://"*">.") ;;
*)
	echo "FAIL: want 'Report bugs to <https://...>.'"
	exit 1
	;;
esac
case $line in
*invalid* | *example*)
	echo "FAIL: a placeholder address"
	exit 1
	;;
esac
echo "PASS"
