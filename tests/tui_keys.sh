#!/bin/sh
# tui_keys.sh: the keys of the full-screen interface in a real terminal
# (F1 help, F2 derivative, F3/F4 select, F7/F8 step, Alt-arrows and Alt-0,
# Shift-Up/Down, PgUp/PgDn, Ctrl-L, the editing keys, Tab), the pictures
# of hist, sweep and train with their titles, the figures of dead, Ctrl-C
# in a long computation, output too long to keep, colour and ASCII.
# Skipped (77) where tmux is missing.
set -u
. "${srcdir:-.}/tests/tmux-lib.sh"
# Cross compiled, actviz runs under an emulator (ACTVIZ_EMU) some 25
# times slower: the long computations this test waits for and interrupts
# outlast its waits, so it runs in native builds only. (tui.sh and
# tui_faults.sh drive the terminal under the emulator too.)
native_only "its computations outlast the waits"
settle_screens=1

title() { head -1 "$tmp/screen" | sed 's/^ actviz  //; s/  *F1 keys *$//'; }
# Runs a command typed at the prompt; waits until it is echoed in the
# messages (or until the screen shows $2).
run() {
	type_text "$1"
	keys Enter
	wait_for "${2:-actviz> $1}"
	wait_prompt ""
}

start 100 30 "HOME=$tmp/home" --
wait_for "actviz>"

# Colour by default in a 256-colour terminal: ReLU in its colour.
screen_esc
check "colour: on by default where the terminal has it" 'grep -q "$(printf "\033")\[38;5;33m" "$tmp/screen"'
screen

# F1: the keys, closed by the next key, which does nothing else.
keys F1
wait_for "derivative panel on or off"
check "F1 shows the keys" 'grep -q "F2  *derivative panel on or off" "$tmp/screen"'
type_text "x"
wait_until '! grep -q "derivative panel on or off" "$tmp/screen"'
check "a key closes the help" '! grep -q "derivative panel" "$tmp/screen"'
check "that key is not typed" 'is_prompt ""'

# F2: the derivative panel off and on.
keys F2
wait_until '! grep -q "^f'"'"'(x)" "$tmp/screen"'
check "F2 hides the derivative" '! grep -q "^f'"'"'(x)" "$tmp/screen" && grep -q "^f(x)" "$tmp/screen"'
keys F2
wait_for "f'(x)"
check "F2 shows it again" 'grep -q "^f'"'"'(x)" "$tmp/screen"'

# F3/F4: the selected curve, round the list both ways.
run "relu, leaky 0.1, elu"
check "the first curve is selected" 'grep -q "▸ relu" "$tmp/screen"'
keys F4
wait_for "▸ leaky 0.1"
check "F4 selects the next" 'grep -q "▸ leaky 0.1" "$tmp/screen" && ! grep -q "▸ relu" "$tmp/screen"'
keys F3 F3
wait_for "▸ elu"
check "F3 goes back round to the last" 'grep -q "▸ elu" "$tmp/screen"'
keys F4 F4 F7
wait_for "leaky 0, elu on"
title=$(title)
check "F7 steps the selected curve's parameter down ten steps" '[ "$title" = "relu, ▸leaky 0, elu on -3..3" ]'
keys F1
wait_for "derivative panel on or off"
keys F8
wait_until '! grep -q "derivative panel on or off" "$tmp/screen"'
check "a key that closes the help does nothing else" '[ "$(title)" = "relu, ▸leaky 0, elu on -3..3" ]'

# A curve without parameters says so.
run "relu"
keys F6
wait_for "relu has no parameter to change"
check "F6 on relu: no parameter" 'grep -q "^relu has no parameter to change" "$tmp/screen"'

# A step past an open end of the domain is refused, the value kept.
run "softplus"
keys F7
wait_for "softplus: beta must be > 0"
check "F7 past beta > 0: refused, said so" 'grep -q "^softplus: beta must be > 0" "$tmp/screen" && [ "$(title)" = "softplus on -3..3" ]'
# A step past a closed end (0.3 - 10 x 0.05) stops on it; the next one is refused.
run "softshrink 0.3"
keys F7
wait_for "softshrink 0 on"
check "F7 past lambd >= 0: stops on 0" '[ "$(title)" = "softshrink 0 on -3..3" ]'
keys F7
wait_for "softshrink: lambd must be >= 0"
check "F7 at lambd = 0: refused, said so" '[ "$(title)" = "softshrink 0 on -3..3" ]'
run "relu"

# Alt-arrows pan and zoom x; Alt-0 resets.
keys M-Left
wait_for "relu on -3.6..2.4"
check "Alt-Left pans left" '[ "$(title)" = "relu on -3.6..2.4" ]'
keys M-Up
wait_for "relu on -3..1.8"
check "Alt-Up zooms in" '[ "$(title)" = "relu on -3..1.8" ]'
keys M-Down M-Down
wait_for "relu on -4.35..3.15"
check "Alt-Down zooms out" '[ "$(title)" = "relu on -4.35..3.15" ]'
keys M-0
wait_for "relu on -3..3"
check "Alt-0 resets the view" '[ "$(title)" = "relu on -3..3" ]'
# zooming out past the largest double is refused, for the right reason
run "relu on -5e307..5e307"
keys M-Down M-Down M-Down
wait_for "range too wide"
check "Alt-Down past the doubles: too wide" \
	'grep -q "^range too wide: HI - LO must be a finite number" "$tmp/screen" && [ "$(title)" = "relu on -7.8e+307..7.8e+307" ]'

# Shift-Up/Down zoom y; F9 resets that too.
run "relu"
screen
cp "$tmp/screen" "$tmp/home_view"
keys S-Up
wait_until '! grep -q "^  3 ┤" "$tmp/screen"'
check "Shift-Up zooms y in" '! grep -q "^  3 ┤" "$tmp/screen" && grep -q "^  2 ┤" "$tmp/screen"'
keys S-Down
wait_until 'cmp -s "$tmp/screen" "$tmp/home_view"'
check "Shift-Down zooms back out" 'cmp -s "$tmp/screen" "$tmp/home_view"'
keys S-Down S-Down
wait_until '! cmp -s "$tmp/screen" "$tmp/home_view"'
keys F9
wait_until 'cmp -s "$tmp/screen" "$tmp/home_view"'
check "F9 resets the y zoom" 'cmp -s "$tmp/screen" "$tmp/home_view"'

# Output longer than the messages: from its first line, the lines below
# counted; PgUp/PgDn scroll the messages; the view stops at the oldest.
run "list"
check "long output: from its first line, the rest counted" 'grep -q "^actviz> list" "$tmp/screen" && grep -q "^name  *aliases  *params" "$tmp/screen" && grep -q "── [0-9]* more lines (PgDn) ──" "$tmp/screen" && ! grep -q "^hardshrink" "$tmp/screen"'
keys NPage NPage NPage NPage NPage NPage NPage NPage
wait_until '! grep -q "more lines (PgDn)" "$tmp/screen"'
check "PgDn goes on to the newest" 'grep -q "^hardshrink" "$tmp/screen"'
keys PPage
wait_until 'grep -q "more lines (PgDn)" "$tmp/screen"'
check "PgUp scrolls back, says what is below" 'grep -q "── [0-9]* more lines (PgDn) ──" "$tmp/screen" && ! grep -q "^hardshrink" "$tmp/screen"'
keys NPage
wait_until '! grep -q "more lines (PgDn)" "$tmp/screen"'
check "PgDn comes back to the newest" 'grep -q "^hardshrink" "$tmp/screen"'
keys PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage
wait_for "Type a command (help lists them)"
check "PgUp stops at the first message" 'grep -q "^Type a command (help lists them)" "$tmp/screen"'
keys NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage
wait_until '! grep -q "more lines (PgDn)" "$tmp/screen"'

# Ctrl-L draws everything again (here after the terminal was reset
# behind actviz's back).
t send-keys -R -t s
wait_until '! grep -q "actviz" "$tmp/screen"'
sleep 0.3
screen
check "(the terminal was cleared)" '! grep -q "actviz" "$tmp/screen"'
keys C-l
wait_for "relu on -3..3"
check "Ctrl-L redraws the screen" 'grep -q "^f(x)" "$tmp/screen" && [ "$(title)" = "relu on -3..3" ]'

# The editing keys reach readline.
type_text "elu at 1"
keys Home
type_text "s"
wait_prompt "selu at 1"
check "Home" 'is_prompt "selu at 1"'
keys End
type_text "0"
wait_prompt "selu at 10"
check "End" 'is_prompt "selu at 10"'
keys Left DC
wait_prompt "selu at 1"
check "Left, Delete" 'is_prompt "selu at 1"'
keys BSpace
type_text "2"
keys Left Right
type_text "5"
wait_prompt "selu at 25"
check "Backspace, Right" 'is_prompt "selu at 25"'
keys Enter
wait_for "actviz> selu at 25"
check "Enter runs it" 'grep -q "^25  26.26752" "$tmp/screen"'
keys Up
wait_prompt "selu at 25"
check "Up recalls it" 'is_prompt "selu at 25"'
keys Down
wait_prompt ""
check "Down comes back to an empty line" 'is_prompt ""'
keys DC DC
sleep 0.2
check "Delete on an empty line does not leave" '[ ! -s "$tmp/rc" ]'

# Tab completes; Tab Tab lists in the messages.
type_text "leaky neg"
keys Tab
type_text "#"
wait_prompt "leaky negative_slope=#"
check "Tab completes a parameter" 'is_prompt "leaky negative_slope=#"'
keys C-u
type_text "set color "
keys Tab Tab
wait_until 'grep -q "^auto  off  on *$" "$tmp/screen"'
check "Tab Tab lists in the messages" 'grep -q "^auto  off  on *$" "$tmp/screen"'
keys C-u

# set range moves the plot on screen.
run "set range -5..5"
check "set range moves the view" '[ "$(title)" = "relu on -5..5" ]'

# Pictures: the title names the command that drew them, and keeps it.
run "hist relu"
check "hist: its picture" 'grep -q "^relu: distribution of f(z)" "$tmp/screen" && [ "$(title)" = "hist relu" ]'
# A smaller screen clips the picture, and says so.
t resize-window -t s -x 60 -y 20
wait_until '[ "$(widest)" -le 60 ] && grep -q "relu: distribution" "$tmp/screen"'
check "resize: the picture clipped to 60 columns" '[ "$(widest)" -le 60 ] && grep -q "relu: distribution" "$tmp/screen" && grep -q "^(cut to fit the screen" "$tmp/screen"'
t resize-window -t s -x 100 -y 30
wait_until '[ "$(widest)" -gt 60 ]'
run "relu at 1"
check "hist: a command without a picture leaves the title" '[ "$(title)" = "hist relu" ]'
run "bogus"
check "hist: so does an error" '[ "$(title)" = "hist relu" ]'

# The figures of dead: every number whole, however narrow the pane.
run "dead relu, elu"
check "dead: the figures pane" 'grep -q "│ z ~ normal(0, 1):" "$tmp/screen" && grep -q "│     closed_form" "$tmp/screen"'
check "dead: an error bound is never cut" 'grep -q "7.6e-14 *$" "$tmp/screen"'

run "sweep bias -8..0"
check "sweep: its picture" 'grep -q "^dead share  ── relu  ── leaky  ── elu" "$tmp/screen" && [ "$(title)" = "sweep bias -8..0" ]'
run "train relu steps 300"
check "train: its picture" 'grep -q "^log10 loss" "$tmp/screen" && [ "$(title)" = "train relu steps 300" ]'
check "train: its table in the messages" 'grep -q "^ relu   300 " "$tmp/screen"'
run "depth layers 12 width 32 batch 64"
check "depth: its picture, the gradient on a log scale" 'grep -q "^std of the activations  ── relu  ── sigmoid  ── tanh" "$tmp/screen" && grep -q "^log10 |dL/dW|" "$tmp/screen" && [ "$(title)" = "depth layers 12 width 32 batch 64" ]'
check "depth: its note in the messages" 'grep -q "^x: layer; 12 layers of 32, init he" "$tmp/screen"'
run "relu"
check "a plot replaces the picture and the figures" '[ "$(title)" = "relu on -5..5" ] && grep -q "▸ relu" "$tmp/screen" && ! grep -q "z ~ normal" "$tmp/screen"'

# Ctrl-C stops a long computation and keeps what it found.
type_text "dead relu samples 1e10"
keys Enter
wait_for "actviz> dead relu samples 1e10"
sleep 0.5
keys C-c
wait_for "actviz: interrupted"
check "Ctrl-C: interrupted, said in the messages" 'grep -q "^actviz: interrupted" "$tmp/screen" && grep -q "^(interrupted: relu from [0-9]* of 10000000000 samples)" "$tmp/screen"'
check "Ctrl-C: the figures so far, their bound whole" 'grep -q "│     monte_carlo,$" "$tmp/screen" && grep -q "│       error < [0-9.e-]*[0-9] *$" "$tmp/screen"'
check "Ctrl-C: still running" '[ ! -s "$tmp/rc" ]'

# Output past what the screen keeps: cut, and said so.
run "table relu on 0..0.5 step 0.000001"
wait_for "the rest of the output was cut"
check "long output: cut, and said so where it opens" 'grep -q "^actviz> table relu on 0..0.5 step 0.000001" "$tmp/screen" && grep -q "^actviz: (the rest of the output was cut; a pipe gets all of it)" "$tmp/screen" && grep -q "^   1e-06     1e-06   1" "$tmp/screen"'

type_text "quit"
keys Enter
ended
check "quit: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# ---- crowded screens, odd sizes, keys of no use ---------------------------------------

start 100 30 "HOME=$tmp/home" --
wait_for "actviz>"
# more curves than colours: glyphs, in the plot and before each label
run "relu, leaky, elu, gelu, silu, mish, softplus, selu, celu"
check "9 curves: the legend on two rows" 'grep -q "^f(x)  ▸\* relu  + leaky .* @ softplus " "$tmp/screen" && grep -q "^      & selu  = celu " "$tmp/screen"'
check "9 curves: labelled by glyph, one colour each is not enough" 'grep -q "│ ▸ \* relu" "$tmp/screen" && grep -q "│   + leaky" "$tmp/screen"'
check "9 curves: the figures stop at the messages" '[ "$(widest)" -le 100 ] && grep -q "^────" "$tmp/screen"'
# ASCII plots tell curves apart by glyph, colour or not
run "set ascii on"
run "relu, elu"
check "set ascii on: glyph labels" 'grep -q "│ ▸ \* relu" "$tmp/screen" && grep -q "^f(x)  >\* relu  + elu" "$tmp/screen"'
run "set ascii off"
# the figures of dead for more curves than fit, under a uniform
run "dead relu, elu, leaky, gelu, silu, mish with uniform(-1, 1)" "z ~ uniform(-1, 1)"
check "dead: the distribution named" 'grep -q "^ z ~ uniform(-1, 1):" "$tmp/screen"'
check "dead: more curves than fit beside the plot go across, numbers whole" 'grep -q "^  mean 0.25, std 0.3227 " "$tmp/screen" && grep -q " error < 2.3e-14$" "$tmp/screen" && grep -q "^ silu  *mish$" "$tmp/screen"'
# set range moving one end only
run "relu"
run "set range -3..5"
check "set range with one end moved" '[ "$(title)" = "relu on -3..5" ]'
# the share of the window where f' = 0, all of it or a sliver
run "relu on -3..-1"
check "figures: f' = 0 on all of the window" 'grep -q "│   f'"'"' = 0 on 100% of it" "$tmp/screen"'
run "relu on -0.001..3"
check "figures: f' = 0 on a sliver, not rounded to 0%" 'grep -q "│   f'"'"' = 0 on 0.033% of it" "$tmp/screen"'
# a key of no use changes nothing
screen
cp "$tmp/screen" "$tmp/before_f12"
keys F12 IC
sleep 0.3
screen
check "F12 and Insert do nothing" 'cmp -s "$tmp/screen" "$tmp/before_f12"'
# the help stays over a resize, clipped to a small screen
keys F1
wait_for "derivative panel"
t resize-window -t s -x 40 -y 12
wait_until '[ "$(widest)" -le 40 ] && grep -q "F2 " "$tmp/screen"'
check "F1 then a resize: the help stays, within 40 columns" '[ "$(widest)" -le 40 ] && grep -q "│ *F2 " "$tmp/screen"'
keys Escape
wait_until '! grep -q "│ *F2 " "$tmp/screen"'
# not wide enough for figures beside the plot: they go under it
t resize-window -t s -x 90 -y 50
wait_until 'grep -q "^ ▸ relu" "$tmp/screen"'
check "90x50: the figures under the plot" 'grep -q "^ ▸ relu" "$tmp/screen" && grep -q "^   f = max(0, x)" "$tmp/screen" && ! grep -q "│ ▸" "$tmp/screen"'
keys C-d
ended
check "crowded session: Ctrl-D, status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

# A terminal that has no colours: none, even with --color=always.
start 100 30 "HOME=$tmp/home" TERM=vt100 -- --color=always
wait_for "actviz>"
run "relu, elu"
screen_esc
check "vt100: no colours even when asked" '! grep -q "$(printf "\033")\[3[0-7]m\|38;5;" "$tmp/screen" && grep -q "f(x)  ▸\* relu  + elu" "$tmp/screen"'
keys C-d
ended

# ---- without colour, without UTF-8 -------------------------------------------------

start 100 30 "HOME=$tmp/home" NO_COLOR=1 LC_ALL=C --
wait_for "actviz>"
run "relu, elu"
screen_esc
check "NO_COLOR: no colour" '! grep -q "$(printf "\033")\[38;5;" "$tmp/screen"'
screen
check "LC_ALL=C: ASCII axes and box" 'grep -q "^  0 +\*" "$tmp/screen" && grep -q "| > \* relu" "$tmp/screen" && ! LC_ALL=C grep -q "[^ -~]" "$tmp/screen"'
check "without colour: curves told apart by glyph" 'grep -q "^f(x)  >\* relu  + elu" "$tmp/screen" && grep -q "|   + elu" "$tmp/screen"'
keys F1
wait_for "derivative panel"
check "LC_ALL=C: the help box in ASCII, corners and all" 'grep -B1 "| Keys of the full-screen" "$tmp/screen" | head -1 | grep -q "+----*+"'
keys Escape
wait_until '! grep -q "derivative panel" "$tmp/screen"'
keys C-d
ended
check "Ctrl-D: status 0" '[ "$(cat "$tmp/rc")" = 0 ]'

start 100 30 "HOME=$tmp/home" NO_COLOR=1 -- --color=always
wait_for "actviz>"
screen_esc
check "--color=always wins over NO_COLOR" 'grep -q "$(printf "\033")\[38;5;33m" "$tmp/screen"'
run "set color off"
run "relu, elu"
screen_esc
check "set color off: no colour, glyphs" '! grep -q "$(printf "\033")\[38;5;" "$tmp/screen" && grep -q "f(x)  ▸\* relu  + elu" "$tmp/screen"'
keys C-d
ended

# An 8-colour terminal: the basic colours.
start 100 30 "HOME=$tmp/home" TERM=xterm --
wait_for "actviz>"
run "relu, elu"
screen_esc
check "8 colours: relu in blue, elu in red" 'grep -q "$(printf "\033")\[34m" "$tmp/screen" && grep -q "$(printf "\033")\[31m" "$tmp/screen"'
keys C-d
ended

finish
