#!/bin/sh
# man.sh: man/actviz.1 renders without a single groff warning (-ww) on
# every output device this groff has, the C locale's -Tascii included,
# and no line of it is wider than 80 columns when rendered for an
# 80-column terminal (man's line length there is 78).  Skipped (77)
# without groff.
set -u
. "${srcdir:-.}/tests/lib.sh"
page=$srcdir/man/actviz.1

command -v groff >/dev/null 2>&1 || skip "groff is missing"

tried=0
on_fail='printf "%s\n" "$msgs"'
for dev in utf8 ascii latin1 cp1047 ps pdf dvi html xhtml lj4 lbp X75 X75-12 X100 X100-12; do
	# A device this groff does not have fails on empty input: skip it.
	if ! groff -T"$dev" -z </dev/null >/dev/null 2>&1; then
		echo "skip: -T$dev (not installed)"
		continue
	fi
	tried=$((tried + 1))
	msgs=$(groff -man -ww -z -T"$dev" "$page" 2>&1)
	check "-T$dev: no warning" '[ -z "$msgs" ]'
done

# Plain text, no overstriking or escapes, so that a character is a column.
msgs=$(groff -man -Tascii -P-cbou -rLL=78n "$page" 2>/dev/null |
	awk 'length($0) > 80 { printf "%d columns: %s\n", length($0), $0 }')
check "no line wider than 80 columns at 80" '[ -z "$msgs" ]'

# Every key of the key table (help keys, written from it) has its entry in
# the page's Keys section: a key added to the table and not to the page
# fails here.
keys_section=$(sed -n '/^\.SS Keys/,/^\.SH/p' "$page" | sed 's/\\-/-/g')
missing=""
for k in $(run_actviz -e 'help keys' 2>/dev/null |
	grep -oE '(Alt|Shift|Ctrl)-[A-Za-z0-9]+(/[A-Za-z]+)?|F[0-9]+|PgUp|PgDn' |
	sed -E 's#^([A-Za-z]+-)([A-Za-z0-9]+)/([A-Za-z]+)$#\1\2 \1\3#'); do
	printf '%s\n' "$keys_section" | grep -qw -- "$k" || missing="$missing $k"
done
on_fail='echo "missing from the Keys section:$missing"'
check "every key of the key table is in the man page" '[ -z "$missing" ]'

echo "$tried groff devices tried"
finish
