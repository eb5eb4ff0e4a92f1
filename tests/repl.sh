#!/bin/sh
# repl.sh: the line prompt (--plain, a terminal terminfo cannot drive, or
# stdout not a terminal) in a real terminal: Tab completion of commands,
# activations, parameters, clause words and setting values; history kept
# in its file across sessions, and what happens when that file can't be
# kept; Ctrl-C abandoning a line or a long computation; Ctrl-R.
# Skipped (77) where tmux is missing.
set -u
. "${srcdir:-.}/tests/tmux-lib.sh"
# Cross compiled, actviz runs under an emulator (ACTVIZ_EMU) some 25
# times slower: the long computations this test waits for and interrupts
# outlast its waits, so it runs in native builds only. (tui.sh and
# tui_faults.sh drive the terminal under the emulator too.)
native_only "its computations outlast the waits"

hist() { printf '%s/.local/state/actviz/history' "$1"; }

# ---- completion ---------------------------------------------------------------

mkdir "$tmp/h1"
start 200 30 "HOME=$tmp/h1" -- --plain
wait_for "actviz>"
check "the prompt" 'is_prompt ""'
check "history: a missing directory is made, 0700" \
	'[ "$(stat -c %a "$tmp/h1/.local/state/actviz")" = 700 ]'
check "history: the file is made, 0600" '[ "$(stat -c %a "$(hist "$tmp/h1")")" = 600 ]'
check "history: no warning when all is well" '! grep -q warning "$tmp/screen"'

# completes $1 with one Tab and checks that the line is then $2; a '#'
# typed after the Tab shows whether a space was added.
completes() {
	keys C-u
	wait_prompt ""
	type_text "$1"
	keys Tab
	type_text "#"
	want="$2#"
	wait_prompt "$want"
	check "Tab: '$1' -> '$2'" 'is_prompt "$want"'
}
completes "tab" "table "
completes "sig" "sigmoid "
completes "LEAK" "leaky "
completes "leaky neg" "leaky negative_slope="
completes "gelu app" "gelu approximate="
completes "gelu approximate=t" "gelu approximate=tanh "
completes "relu, el" "relu, elu "
completes "plot hardsi" "plot hardsigmoid "
completes "table relu st" "table relu step "
completes "dead relu wi" "dead relu with "
completes "hist relu bin" "hist relu bins "
completes "sweep relu st" "sweep relu step "
completes "train relu opt" "train relu optimizer "
completes "set fo" "set format "
completes "set format c" "set format csv "
completes "set deriv of" "set deriv off "
completes "help dy" "help dying "
completes "info hardsw" "info hardswish "
completes "relu \$ el" "relu \$ elu "
completes "table hardsw" "table hardswish "
completes "softplus thr" "softplus threshold="
completes "hardtanh m" "hardtanh m"
# no completion where nothing fits
completes "relu st" "relu st"
completes "relu at e" "relu at e"
completes "set range -" "set range -"
completes "show settings s" "show settings s"
completes "info relu s" "info relu s"
completes "help dying s" "help dying s"

# a completed parameter is one the command takes
keys C-u
type_text "leaky neg"
keys Tab
type_text "0.2 at -1"
keys Enter
wait_for "-1  -0.2  0.2"
check "Tab: a completed parameter runs" 'grep -q "^-1  -0.2  0.2$" "$tmp/screen"'

# Tab twice lists what fits
lists() {
	keys C-u C-l
	wait_prompt ""
	type_text "$1"
	keys Tab Tab
	pat=$2
	wait_until 'grep -qE "$pat" "$tmp/screen"'
	check "Tab Tab after '$1' lists them" 'grep -qE "$pat" "$tmp/screen"'
}
lists "set color " "^auto +off +on *\$"
lists "show s" "^samples +settings *\$"
lists "set ascii o" "^off +on *\$"
lists "gelu approximate=" "^approximate= +at +none +on +tanh *\$"
lists "hist relu s" "^samples +seed *\$"
lists "hardtanh m" "^max_val= +min_val= *\$"
keys C-u C-l
wait_prompt ""

# ---- history, Ctrl-R, Ctrl-C ------------------------------------------------------------

for line in "relu at 3" "relu at 3" "" "elu at 0"; do
	type_text "$line"
	keys Enter
done
wait_for "0  0   1"
keys Up
wait_prompt "elu at 0"
check "Up recalls the last line" 'is_prompt "elu at 0"'
keys Up
wait_prompt "relu at 3"
check "a repeated line is kept once" 'is_prompt "relu at 3"'
keys Down C-u C-l
wait_prompt ""
keys C-r
type_text "at 3"
wait_for "(reverse-i-search)\`at 3': relu at 3"
check "Ctrl-R finds the line" 'grep -qF "(reverse-i-search)\`at 3'"'"': relu at 3" "$tmp/screen"'
keys Enter
wait_until 'grep -q "^3  3   1" "$tmp/screen"'
check "Ctrl-R then Enter runs it" 'grep -q "^3  3   1" "$tmp/screen"'

# Ctrl-C abandons what was typed: the next line runs alone, and it is
# not taken for an interrupted command.
keys C-l
wait_prompt ""
type_text "abc"
wait_prompt "abc"
keys C-c
wait_prompt ""
check "Ctrl-C: a fresh prompt" 'is_prompt "" && grep -q "^actviz> abc" "$tmp/screen"'
type_text "elu at 2"
keys Enter
wait_for "2  2   1"
check "Ctrl-C: abc is gone" '! grep -q "abcelu\|unknown" "$tmp/screen"'
check "Ctrl-C: the next command is not interrupted" '! grep -q "interrupted" "$tmp/screen"'

# An error's caret at the prompt lines up under a tab typed with Ctrl-V.
keys C-l
wait_prompt ""
type_text "relu"
keys C-v Tab
type_text "bogus"
keys Enter
wait_for "unexpected 'bogus'"
check "a caret after a tab lines up (tab stops of 8)" 'grep -q "^                ^$" "$tmp/screen"'

# Keys typed ahead of a Ctrl-C (in one burst, as when pasted): what was
# before it goes, and the command after it is not taken as interrupted.
keys C-l
wait_prompt ""
for i in 1 2 3 4 5; do
	keys "abc" C-c "elu at $i" Enter
	wait_for "$i  $i   1"
done
check "Ctrl-C among keys typed ahead: the next commands run whole" \
	'! grep -q "interrupted\|abcelu\|unknown" "$tmp/screen" && [ "$(grep -c "^[1-5]  [1-5]   1$" "$tmp/screen")" = 5 ]'

# Ctrl-C stops a long computation, keeps what it computed, and the
# prompt comes back.
interrupt_after() { # command, text that shows it is running ("" for none)
	keys C-l
	wait_prompt ""
	row=$(cursor_row)
	type_text "$1"
	keys Enter
	seen=0
	if [ -n "$2" ]; then
		wait_for "$2" && seen=1
	else
		wait_until '[ "$(cursor_row)" != "$row" ]'
		sleep 0.3
	fi
	keys C-c
	wait_for "actviz: interrupted"
	wait_prompt ""
}
interrupt_after "dead relu samples 1e10" ""
check "Ctrl-C stops Monte Carlo, says so" 'grep -q "^actviz: interrupted$" "$tmp/screen"'
check "Ctrl-C keeps the figures so far" \
	'grep -q "^ relu  normal(0, 1) .* monte_carlo " "$tmp/screen" && grep -q "^(interrupted: relu from [0-9]* of 10000000000 samples)" "$tmp/screen"'
check "Ctrl-C: the prompt is back" 'is_prompt ""'

# training shows its progress on the terminal, and wipes it when done
interrupt_after "train relu steps 1e7" "training: step"
check "train: progress on the terminal" '[ $seen = 1 ]'
check "train: Ctrl-C wipes the progress line" '! grep -q "training: step" "$tmp/screen"'
check "train: the rows so far" 'grep -q "^ relu  *[0-9]" "$tmp/screen" && grep -q "^actviz: interrupted" "$tmp/screen"'

keys C-d
ended
check "Ctrl-D leaves, status 0" '[ "$(cat "$tmp/rc")" = 0 ]'
check "history file: the lines, a repeat once, no empty line" \
	'grep -q "^relu at 3$" "$(hist "$tmp/h1")" && grep -q "^elu at 0$" "$(hist "$tmp/h1")" &&
	 [ -z "$(uniq -d "$(hist "$tmp/h1")")" ] && ! grep -q "^\$" "$(hist "$tmp/h1")"'

# ---- history across sessions and where it is kept ---------------------------------------

start 200 30 "HOME=$tmp/h1" -- --plain
wait_for "actviz>"
keys Up
wait_prompt "train relu steps 1e7"
check "history: the last session's lines come back" 'is_prompt "train relu steps 1e7"'
keys C-u C-d
ended

# XDG_STATE_HOME wins over HOME when it is an absolute path
start 200 30 "HOME=$tmp/h1" "XDG_STATE_HOME=$tmp/xdg" -- --plain
wait_for "actviz>"
type_text "relu at 5"
keys Enter
wait_for "5  5   1"
keys C-d
ended
check "XDG_STATE_HOME: the history is there" 'grep -q "^relu at 5$" "$tmp/xdg/actviz/history"'
check "XDG_STATE_HOME: not in HOME" '! grep -q "relu at 5" "$(hist "$tmp/h1")"'
start 200 30 "HOME=$tmp/h1" "XDG_STATE_HOME=relative" -- --plain
wait_for "actviz>"
type_text "relu at 6"
keys Enter
wait_for "6  6   1"
keys C-d
ended
check "XDG_STATE_HOME not absolute: ignored" '[ ! -e relative ] && grep -q "^relu at 6$" "$(hist "$tmp/h1")"'

# A directory that can't be made: one warning, and the session goes on.
mkdir -p "$tmp/h2/.local"
: >"$tmp/h2/.local/state"
start 200 30 "HOME=$tmp/h2" -- --plain
wait_for "actviz>"
type_text "relu at 7"
keys Enter
wait_for "7  7   1"
check "history dir can't be made: a warning naming it" \
	'grep -q "^actviz: warning: history not kept: $tmp/h2/.local/state/actviz/history: Not a directory$" "$tmp/screen"'
type_text "relu at 8"
keys Enter
wait_for "8  8   1"
check "history dir can't be made: one warning only" '[ "$(grep -c warning "$tmp/screen")" = 1 ]'
keys C-d
ended
check "history dir can't be made: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# A history file that can't be written (a directory in its place).
mkdir -p "$(hist "$tmp/h3")"
start 200 30 "HOME=$tmp/h3" -- --plain
wait_for "actviz>"
check "history file unwritable: a warning" \
	'grep -q "^actviz: warning: history not kept: .*/h3/.local/state/actviz/history: Is a directory$" "$tmp/screen"'
keys C-d
ended
check "history file unwritable: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# An unwritable directory (chmod means nothing to root).
if [ "$(id -u)" != 0 ]; then
	mkdir -p "$tmp/h4/.local/state"
	chmod 500 "$tmp/h4/.local/state"
	start 200 30 "HOME=$tmp/h4" -- --plain
	wait_for "actviz>"
	check "history dir unwritable: a warning" 'grep -q "^actviz: warning: history not kept: .*Permission denied$" "$tmp/screen"'
	keys C-d
	ended
	chmod 700 "$tmp/h4/.local/state"
fi

# The file goes away during the session: one warning at the next line.
mkdir "$tmp/h5"
start 200 30 "HOME=$tmp/h5" -- --plain
wait_for "actviz>"
rm -rf "$tmp/h5/.local"
type_text "relu at 1"
keys Enter
wait_for "warning"
type_text "relu at 2"
keys Enter
wait_for "2  2   1"
check "history lost mid-session: one warning" \
	'[ "$(grep -c "^actviz: warning: history not kept: .*/h5/.local/state/actviz/history: No such file or directory$" "$tmp/screen")" = 1 ]'
keys C-d
ended
check "history lost mid-session: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# A directory on the way that can't be made (.local is a file).
mkdir -p "$tmp/h7"
: >"$tmp/h7/.local"
start 200 30 "HOME=$tmp/h7" -- --plain
wait_for "actviz>"
check "history: a parent that can't be made, a warning" \
	'grep -q "^actviz: warning: history not kept: .*/h7/.local/state/actviz/history: Not a directory$" "$tmp/screen"'
# quit leaves as Ctrl-D does
type_text "quit"
keys Enter
ended
check "quit at the line prompt: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# An empty HOME is no HOME.
start 200 30 HOME= -- --plain
wait_for "actviz>"
type_text "relu at 4"
keys Enter
wait_for "4  4   1"
check "HOME empty: no history, no warning" '! grep -q warning "$tmp/screen"'
keys C-d
ended

# No HOME and no XDG_STATE_HOME: no history, and nothing said.
start 200 30 -u HOME -- --plain
wait_for "actviz>"
type_text "relu at 4"
keys Enter
wait_for "4  4   1"
check "no HOME: no warning" '! grep -q warning "$tmp/screen"'
keys C-d
ended
check "no HOME: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# ---- Ctrl-C in every kind of long work ---------------------------------------------------

mkdir "$tmp/h6"
start 200 40 "HOME=$tmp/h6" -- --plain
wait_for "actviz>"
interrupt_after "hist relu samples 1e10" ""
check "Ctrl-C stops a histogram's sampling" 'grep -q "actviz: interrupted$" "$tmp/screen" && is_prompt ""'
interrupt_after "dead relu layer 1000 inputs 1000 batch 1000000" ""
check "Ctrl-C stops a layer, says how far it got" \
	'grep -q ", [0-9]* of a batch of 1000000 (interrupted), seed 1)$" "$tmp/screen" && grep -q "^actviz: interrupted$" "$tmp/screen"'
interrupt_after "hist relu layer 1000 inputs 1000 batch 1000000" ""
check "Ctrl-C stops a layer's histogram, draws what it has" \
	'grep -q "relu: share of neurons by activation rate" "$tmp/screen" && grep -q "of a batch of 1000000 (interrupted)" "$tmp/screen"'
interrupt_after "sweep bias -8..0 layer 1000 inputs 1000 batch 1000000" ""
check "Ctrl-C stops a sweep, draws what it has" \
	'grep -q "^x: bias; layer of 1000 neurons.* of a batch of 1000000 (interrupted)" "$tmp/screen" && grep -q "^actviz: interrupted$" "$tmp/screen"'
run_plain() { type_text "$1"; keys Enter; wait_prompt ""; }
run_plain "set format csv"
interrupt_after "train relu steps 1e7" ""
check "Ctrl-C stops training in csv, keeps the rows" \
	'grep -q "^relu,1,[0-9.e-]*,[0-9.]*," "$tmp/screen" && grep -q "^actviz: interrupted$" "$tmp/screen"'
check "csv rows and the progress line never share a line" '! grep -q "training: step" "$tmp/screen"'
# tables streamed as csv and json stop too, json still closed
for fmt in csv json; do
	run_plain "set format $fmt"
	keys C-l
	wait_prompt ""
	type_text "table relu on 0..0.999999 step 0.000001"
	keys Enter
	wait_until 'grep -q "0\.0[0-9]" "$tmp/screen"' 150
	keys C-c
	wait_for "actviz: interrupted" 150
	wait_prompt ""
	check "Ctrl-C stops a $fmt table" '! grep -q "0.999999" "$tmp/screen" && grep -q "actviz: interrupted" "$tmp/screen"'
done
# (the screen wraps the one long json line anywhere: join the rows first)
check "an interrupted json table is still closed" 'tr -d " \n" <"$tmp/screen" | grep -q "}\]actviz:interrupted"'
run_plain "set format text"
# A long table goes on being printed after its rows are computed: Ctrl-C
# stops that too, long before its last row. Three times, so that one
# lands in a write to the terminal: the write must not fail (and leave
# stdout in error for the rest of the session).
for round in 1 2 3; do
	keys C-l
	wait_prompt ""
	type_text "table relu on 0..0.999999 step 0.000001"
	keys Enter
	wait_until 'grep -q "^0\.[0-9]" "$tmp/screen"' 150
	keys C-c
	wait_for "actviz: interrupted" 150
	wait_prompt ""
done
check "Ctrl-C stops a table while it prints" \
	'grep -q "actviz: interrupted" "$tmp/screen" && ! grep -q "^0.999999 " "$tmp/screen" && is_prompt ""'
# Ctrl-C while a text table is still being measured (before any row is
# printed): the rows measured so far are printed, then the note.
keys C-l
wait_prompt ""
row=$(cursor_row)
type_text "table relu on 0..0.999999 step 0.000001"
keys Enter
wait_until '[ "$(cursor_row)" != "$row" ]'
keys C-c
wait_for "actviz: interrupted" 150
wait_prompt ""
check "Ctrl-C while a table is measured: the rows so far, then the note" \
	'grep -B1 "actviz: interrupted" "$tmp/screen" | head -1 | grep -qE "^ *0\.[0-9]+ +0\.[0-9]+ +1\$" && ! grep -q "^0.999999 " "$tmp/screen"'
type_text "relu at 1"
keys Enter
wait_for "1  1   1"
check "output after those interruptions still comes" 'grep -q "^1  1   1$" "$tmp/screen"'
keys C-d
ended
check "no write error at the end of that session" '! grep -q "write error" "$tmp/screen"'
check "after all that, Ctrl-D: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# ---- plots at the line prompt: colour and size ----------------------------------------

plot_relu_elu() {
	keys C-l
	wait_prompt ""
	type_text "relu, elu on -1..1"
	keys Enter
	wait_for "f'(x)"
	wait_prompt ""
	screen_esc
}
start 100 30 "HOME=$tmp/h5" -- --plain
wait_for "actviz>"
plot_relu_elu
check "--plain in a 256-colour terminal: coloured curves" 'grep -q "$(printf "\033")\[38;5;33m" "$tmp/screen"'
screen
check "--plain: the plot as wide as the terminal" '[ "$(widest)" -gt 90 ] && [ "$(widest)" -le 100 ]'
# the size is asked again before each command
t resize-window -t s -x 60 -y 24
wait_until '[ "$(widest)" -le 60 ]'
plot_relu_elu
screen
check "--plain: after a resize, the next plot fits the new width" \
	'[ "$(widest)" -le 60 ] && [ "$(widest)" -gt 50 ] && grep -qE "^ +-1(\.0)? .* 1(\.0)? *\$" "$tmp/screen"'
keys C-d
ended
start 100 30 "HOME=$tmp/h5" NO_COLOR=1 -- --plain
wait_for "actviz>"
plot_relu_elu
check "--plain with NO_COLOR: no colour" '! grep -q "$(printf "\033")\[38;5;" "$tmp/screen"'
keys C-d
ended
start 100 30 "HOME=$tmp/h5" NO_COLOR= -- --plain
wait_for "actviz>"
plot_relu_elu
check "--plain with NO_COLOR empty: colour (only a value turns it off)" 'grep -q "$(printf "\033")\[38;5;33m" "$tmp/screen"'
keys C-d
ended
start 100 30 "HOME=$tmp/h5" COLUMNS=50 LINES=10 -- --plain
wait_for "actviz>"
plot_relu_elu
screen
check "--plain with COLUMNS and LINES: that size, not the terminal's" \
	'[ "$(widest)" -le 50 ] && [ "$(grep -c "┤\|│" "$tmp/screen")" -le 10 ]'
keys C-d
ended

# ---- which prompt ----------------------------------------------------------------------

# stdout not a terminal: the prompt and echo on stderr, results alone
# in the file, no escape codes.
redirect=">'$tmp/out.txt'"
start 200 30 "HOME=$tmp/h5" --
redirect=
wait_for "actviz>"
type_text "relu at 1"
keys Enter
wait_until '[ -s "$tmp/out.txt" ]'
keys C-d
ended
check "stdout a file: the prompt on the terminal" 'grep -q "^actviz> relu at 1" "$tmp/screen"'
check "stdout a file: only the results in it" '[ "$(cat "$tmp/out.txt")" = "$(printf "x  y  dy\n1  1   1")" ]'
check "stdout a file: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# A terminal terminfo can't drive, or none: the line prompt, said once.
start 200 30 "HOME=$tmp/h5" TERM=dumb --
wait_for "actviz>"
check "TERM=dumb: a notice" 'grep -q "^actviz: TERM=dumb cannot be driven full screen; using the line prompt$" "$tmp/screen"'
type_text "relu at 1"
keys Enter
wait_for "1  1   1"
check "TERM=dumb: commands run" 'grep -q "^1  1   1" "$tmp/screen"'
keys C-d
ended
check "TERM=dumb: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

start 200 30 "HOME=$tmp/h5" TERM= --
wait_for "actviz>"
check "TERM empty: as if unset" 'grep -q "^actviz: TERM is not set; using the line prompt$" "$tmp/screen"'
keys C-d
ended

start 200 30 "HOME=$tmp/h5" -u TERM --
wait_for "actviz>"
check "TERM unset: a notice" 'grep -q "^actviz: TERM is not set; using the line prompt$" "$tmp/screen"'
keys C-d
ended
check "TERM unset: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

start 200 30 "HOME=$tmp/h5" TERM=no-such-terminal --
wait_for "actviz>"
check "TERM unknown: a notice" 'grep -q "^actviz: TERM=no-such-terminal cannot be driven full screen" "$tmp/screen"'
keys C-d
ended

finish
