#!/bin/sh
# tui_save.sh: a demo in class, in a real terminal of 80x24 (tmux): actviz
# -i runs the teacher's script and stays, in the full screen and at the
# line prompt; save there writes the SVG for the slides and the session.
# Skipped (77) where tmux is missing.
set -u
. "${srcdir:-.}/tests/tmux-lib.sh"
settle_screens=1

cat >"$tmp/demo.avz" <<'EOF'
# the dying ReLU, for class
set range -4..4
relu, leaky 0.1, elu
EOF
printf 'relu at 1\nrelu on 3..1\nrelu at 2\n' >"$tmp/bad.avz"

# The full screen: the script's plot is the first screen.
start 80 24 -- -i "$tmp/demo.avz"
wait_for "relu, leaky 0.1, elu on -4..4"
check "-i: the script's plot on the first screen" \
	'grep -q "actviz  ▸relu, leaky 0.1, elu on -4..4" "$tmp/screen"'
check "-i: at the prompt" 'tail -1 "$tmp/screen" | grep -q "^actviz> *$"'
type_text "save $tmp/plot.svg"
keys Enter
wait_file "$tmp/plot.svg"
poll 'grep -q "</svg>" "$tmp/plot.svg"'
check "save in the full screen: the SVG of the plot on show" \
	'grep -q "<title>relu, leaky 0.1, elu</title>" "$tmp/plot.svg" && grep -q "</svg>" "$tmp/plot.svg"'
type_text "save session $tmp/class.avz"
keys Enter
wait_file "$tmp/class.avz"
poll 'grep -q "^relu, leaky 0.1, elu$" "$tmp/class.avz"'
check "save session: the script's lines, not the load" \
	'grep -q "^set range -4..4$" "$tmp/class.avz" && ! grep -q "^load" "$tmp/class.avz"'
# Keys change the plot (F6 a parameter, Alt-Right the view): save writes
# what is on screen, and the session shows it too.
type_text "leaky 0.01"
keys Enter
wait_for "actviz  leaky on -4..4"
keys F6 F6 M-Right
wait_for "leaky 0.03 on"
type_text "save $tmp/keyed.svg"
keys Enter
wait_file "$tmp/keyed.svg"
poll 'grep -q "</svg>" "$tmp/keyed.svg"'
view=$(sed -n 's/.*actviz  \(leaky 0.03 on [^ ]*\).*/\1/p' "$tmp/screen")
check "keys, then save: the plot on screen ($view)" \
	'[ -n "$view" ] && grep -q "<title>$view</title>" "$tmp/keyed.svg"'
type_text "save session $tmp/keyed.avz"
keys Enter
wait_file "$tmp/keyed.avz"
poll 'grep -q "^leaky 0.03 on" "$tmp/keyed.avz"'
check "keys, then save session: the plot as a line" \
	'grep -q "^leaky 0.01\$" "$tmp/keyed.avz" && grep -q "^$view\$" "$tmp/keyed.avz"'
type_text "quit"
keys Enter
ended
check "quit: status 0" 'status_is 0'

# A script with an error: said with its file and line; the session goes on.
start 80 24 -- -i "$tmp/bad.avz"
wait_for "bad.avz:2:"
check "-i: an error in the script names its line" 'grep -q "bad.avz:2:9: empty range" "$tmp/screen"'
check "-i: the prompt after it" 'tail -1 "$tmp/screen" | grep -q "^actviz> *$"'
type_text "quit"
keys Enter
ended

# The line prompt: the script, then the prompt.
start 80 24 -- --plain -i "$tmp/demo.avz"
wait_for "actviz>"
check "--plain -i: the script's plot, then the prompt" \
	'grep -q "relu .*leaky 0.1 .*elu" "$tmp/screen" && tail -1 "$tmp/screen" | grep -q "^actviz> *$"'
type_text "quit"
keys Enter
ended
check "--plain -i: status 0" 'status_is 0'

finish
