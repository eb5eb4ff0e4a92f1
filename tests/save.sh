#!/bin/sh
# save.sh: what save, load, -o and -i write and read: SVG pictures (their
# bytes against tests/golden/save_*.svg, every one through an XML parser),
# text pictures, sessions replayed to the same output, and a fuzz target
# that writes no file. The refusals and their positions are golden tests
# (save_errors, load).
#   UPDATE=1 tests/save.sh    rewrites the golden SVGs (look at them first)
set -u
. "${srcdir:-.}/tests/lib.sh"
golden=$srcdir/tests/golden
case $golden in /*) ;; *) golden=$(pwd)/$golden ;; esac
build=$(pwd)
cd "$tmp" || exit 99

# An XML parser for the SVGs: python3's, else xmllint; neither: skip.
if command -v python3 >/dev/null 2>&1 && python3 -c 'import xml.etree.ElementTree' 2>/dev/null; then
	xml_ok() { python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1"; }
elif command -v xmllint >/dev/null 2>&1; then
	xml_ok() { xmllint --noout "$1"; }
else
	skip "no XML parser (python3 or xmllint) to check the SVGs with"
fi

# ---- pictures ---------------------------------------------------------------

# The same picture gives the same bytes: a plot of three curves (kinks,
# dashes, legend), a histogram (bars) and a training run (series).
run_actviz -e 'relu, leaky 0.1, elu on -3..3' -e 'save plot.svg' -e 'save plot.txt' \
	-e 'hist relu, elu' -e 'save hist.svg' \
	-e 'train relu, leaky 0.1 steps 200' -e 'save train.svg' >out 2>err
check "save: three pictures, status 0" '[ $? = 0 ] && [ ! -s err ]'
on_fail='cat err'
for name in plot hist train; do
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$name.svg" "$golden/save_$name.svg"
	fi
	check "save $name.svg: the golden bytes" "cmp $name.svg '$golden/save_$name.svg'"
done

# Every SVG is well-formed XML, titled by its command, and self-contained
# (no reference to anything outside the file).
for f in plot.svg hist.svg train.svg; do
	check "$f: well-formed XML" "xml_ok $f"
	check "$f: no outside reference" "! grep -q 'href\\|<image\\|@import' $f"
done
check "plot.svg: the command as its title" \
	"grep -q '<title>relu, leaky 0.1, elu on -3..3</title>' plot.svg"
# Curves are told apart by a dash pattern as well as a colour.
check "plot.svg: a path per curve and panel, dashed but the first" \
	"[ \$(grep -c '^<path d=\"M' plot.svg) = 9 ] && [ \$(grep '^<path d=\"M' plot.svg | grep -c dasharray) = 6 ]"
# Markup in the title is escaped.
run_actviz -e 'relu   # <b>&"' -e 'save esc.svg' >/dev/null 2>&1
check "a comment with markup in the title: escaped, well-formed" \
	"xml_ok esc.svg && grep -q '&lt;b&gt;&amp;&quot;' esc.svg"

# save FILE.txt is the text picture stdout got: no escape codes, even
# when the terminal's plot was coloured.
run_actviz -W 60 -H 16 --color=always -e 'relu, elu' -e 'save col.txt' >colored 2>&1
run_actviz -W 60 -H 16 -e 'relu, elu' >plain 2>&1
check "save FILE.txt: the picture without colour" "cmp col.txt plain"
check "save FILE.txt: no escape code" "! grep -q \"\$(printf '\\033')\" col.txt"

# -o: the last picture at the end, stdout unchanged.
run_actviz -o o.svg -e 'relu, leaky 0.1, elu on -3..3' >o_out 2>&1
check "-o FILE.svg: the same bytes as save" "cmp o.svg plot.svg"
run_actviz -e 'relu, leaky 0.1, elu on -3..3' >o_plain 2>&1
check "-o: stdout still gets the text picture" "cmp o_out o_plain"
run_actviz -o never.svg -e 'relu on 3..1' >/dev/null 2>&1
check "-o after an error: nothing written, status 1" "[ \$? = 1 ] && [ ! -e never.svg ]"
run_actviz -o bad.png -e relu >/dev/null 2>err
check "-o FILE.png: a usage error" "[ \$? = 2 ] && grep -q 'unknown extension' err"

# ---- sessions ---------------------------------------------------------------

# A session saved and replayed prints what it printed: the options it
# started with become set lines, a load's lines come one by one, and
# help, errors and save stay out.
cat >part.avz <<'EOF'
set range -2..2
relu, gelu
EOF
cat >lesson.avz <<'EOF'
info relu
load part.avz
relu on 3..1
table elu step 1
hist relu bins 10
EOF
run_actviz -k -W 50 -H 12 lesson.avz -e 'save session replay.avz' >first 2>err
check "a session with an error: status 1" '[ $? = 1 ]'
check "save session: the options as set lines" \
	"grep -q '^set width 50\$' replay.avz && grep -q '^set height 12\$' replay.avz"
check "save session: a load's lines, not the load" \
	"grep -q '^relu, gelu\$' replay.avz && ! grep -q '^load' replay.avz"
check "save session: not the line in error" "! grep -q '3\\.\\.1' replay.avz"
run_actviz replay.avz >second 2>err2
check "the replay: status 0, no error" '[ $? = 0 ] && [ ! -s err2 ]'
check "the replay prints what the session printed" "cmp first second"
run_actviz -e 'help save' -e 'relu at 1' -e relu -e 'save p.svg' -e 'save session h.avz' >/dev/null 2>&1
check "save session: no help or save line" \
	"! grep -q '^help\\|^save' h.avz && grep -q '^relu at 1\$' h.avz"
on_fail=

# load, and actviz -i with stdin not a terminal: the script, then stdin.
echo 'relu at 1' | run_actviz -i part.avz >i_out 2>&1
run_actviz part.avz -e 'relu at 1' >i_want 2>&1
check "-i FILE with a pipe: the script, then the pipe's lines" "cmp i_out i_want"
run_actviz -i missing.avz </dev/null >/dev/null 2>err
check "-i with a missing file: said, status 1" \
	"[ \$? = 1 ] && grep -q 'missing.avz: No such file' err"

# save defs, then load: the same definitions; a session with def lines
# replays them.
run_actviz -e 'def bent(x, a=0.1) = max(a*x, x)   # leaky' -e 'def sq(x) = relu(x)^2' \
	-e 'save defs mine.avz' -e defs >d_first 2>&1
run_actviz -e 'load mine.avz' -e defs >d_second 2>&1
check "save defs: def lines that load makes again" \
	"[ \$? = 0 ] && cmp d_first d_second && grep -q '^def bent(x, a=0.1) = max(a\\*x, x)\$' mine.avz"
printf 'def sq(x) = relu(x)^2\nsq at -1, 2\nsave session d.avz\n' | run_actviz >d_out 2>&1
run_actviz d.avz >d_replay 2>&1
check "save session keeps def lines: the replay defines and prints the same" "cmp d_out d_replay"

replay=$build/tests/fuzz/replay
if [ -x "$replay" ]; then
	printf 'relu\nsave %s/fz.svg\nsave session %s/fz.avz\nload %s/part.avz\n' "$tmp" "$tmp" "$tmp" >fz.in
	${ACTVIZ_EMU:-} "$replay" -v fz.in >fz_out 2>&1
	check "the fuzz target: save and load touch no file" \
		"[ ! -e fz.svg ] && [ ! -e fz.avz ] && grep -q 'load is not available here' fz_out"
fi

finish
