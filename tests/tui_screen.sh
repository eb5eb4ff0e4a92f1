#!/bin/sh
# tui_screen.sh: nothing a command prints is lost on the full screen, at
# 80x24 (a projector) and 100x30: the article's `relu at -1, 0, 1, 2`
# whole at once, header and the x = -1 row included; every line of
# `help`, from its first, the rest a PgDn away and counted; every column
# of `dead` with three curves (laid out to the width, never cut) and its
# figures. The lines are those a pipe gets. Skipped (77) where tmux is
# missing.
set -u
. "${srcdir:-.}/tests/tmux-lib.sh"
# Cross compiled, actviz runs some 25 times slower under the emulator:
# the long train and dead this test watches outlast its waits (tui.sh
# and tui_faults.sh drive the terminal under the emulator).
native_only "its computations outlast the waits"
settle_screens=1

run() {
	type_text "$1"
	keys Enter
	wait_for "actviz> $1"
	wait_prompt ""
}

# The messages of every page: the screen now, then a PgDn at a time
# while the rule counts lines below (at most 20 pages); back to the
# first page after. Into $tmp/pages, spaces squeezed, one long line.
pages() {
	: >"$tmp/pages.raw"
	_n=0
	while :; do
		screen
		cat "$tmp/screen" >>"$tmp/pages.raw"
		grep -q "more lines\? (PgDn)" "$tmp/screen" || break
		_n=$((_n + 1))
		[ $_n -lt 20 ] || break
		cp "$tmp/screen" "$tmp/page.before"
		keys NPage
		wait_until '! cmp -s "$tmp/screen" "$tmp/page.before"' 20 || break
	done
	sed 's/^ *//; s/ *$//' "$tmp/pages.raw" | tr -s ' ' | tr '\n' ' ' >"$tmp/pages"
}

# Whether every non-blank line of file $1 is in the pages, its spaces
# squeezed (a long line may have been wrapped); the missing ones are
# listed in $tmp/missing.
all_lines_in_pages() {
	: >"$tmp/missing"
	while IFS= read -r _line; do
		_want=$(printf '%s' "$_line" | sed 's/^ *//; s/ *$//' | tr -s ' ')
		[ -n "$_want" ] || continue
		grep -qF -- "$_want" "$tmp/pages" || printf '%s\n' "$_line" >>"$tmp/missing"
	done <"$1"
	[ ! -s "$tmp/missing" ]
}

on_fail='echo "--- screen:"; cat "$tmp/screen"; echo "--- missing:"; cat "$tmp/missing" 2>/dev/null; echo "---"'

for size in "80 24" "100 30"; do
	set -- $size
	cols=$1 rows=$2
	at="${cols}x$rows"
	start "$cols" "$rows" "HOME=$tmp/home" --
	wait_for "actviz>"

	# The article's example: all of it on the first screen.
	env $fixed_unset $fixed_set "$ACTVIZ" -e "relu at -1, 0, 1, 2" >"$tmp/want" 2>&1
	run "relu at -1, 0, 1, 2"
	check "$at: relu at -1, 0, 1, 2, at once, header and x = -1 included" \
		'grep -q "^ x  y  dy$" "$tmp/screen" && grep -q "^-1  0   0$" "$tmp/screen" && { sed "s/ *$//" "$tmp/screen" >"$tmp/screen.trim"; : >"$tmp/missing"; while IFS= read -r l; do grep -qxF -- "$l" "$tmp/screen.trim" || echo "$l" >>"$tmp/missing"; done <"$tmp/want"; [ ! -s "$tmp/missing" ]; } && ! grep -q "more lines\? (PgDn)" "$tmp/screen"'

	# help: from its first line, the rest counted and a PgDn away.
	env $fixed_unset $fixed_set "$ACTVIZ" -e "help" >"$tmp/want" 2>&1
	run "help"
	check "$at: help opens at its first line" 'grep -q "^actviz> help$" "$tmp/screen" && grep -q "^actviz: see and measure neural-network activation functions.$" "$tmp/screen"'
	check "$at: help says how many lines are below" 'grep -q "── [0-9][0-9]* more lines\? (PgDn) ──" "$tmp/screen"'
	pages
	check "$at: help, every line of it" 'all_lines_in_pages "$tmp/want"'

	# dead with three curves: its figures readable, its table whole.
	env $fixed_unset $fixed_set "$ACTVIZ" -f csv -e "dead relu, leaky 0.01, elu" >"$tmp/want.csv" 2>&1
	run "dead relu, leaky 0.01, elu"
	check "$at: dead, the figures of each curve" 'grep -q "z ~ normal(0, 1):" "$tmp/screen" && grep -q "dead 50%, zero 50%" "$tmp/screen" && grep -q "E f'"'"' 0.7616" "$tmp/screen" && grep -q "error < 7.6e-14" "$tmp/screen" && [ "$(widest)" -le "$cols" ]'
	pages
	# every column name, and every cell of every row, whole
	tr ',' '\n' <"$tmp/want.csv" | sed 's/^"//; s/"$//' | grep -v '^ *[0-9]*)"*$' >"$tmp/want"
	check "$at: dead, every column of its table (mean_grad_sq, method, err...)" 'grep -q "mean_grad_sq" "$tmp/pages" && grep -q "7.558366418862716e-14" "$tmp/pages" && all_lines_in_pages "$tmp/want" && ! grep -q "…" "$tmp/screen"'

	# laid out to the width, not wrapped: a column turned into a line,
	# or a row of a block of columns, on one line
	check "$at: dead, its table laid out to the width" 'sed "s/ *$//" "$tmp/pages.raw" | grep -Eq "^mean_grad_sq +0\.5 +0\.50005 +0\.6681020012231706$|^ *elu +0\.6681020012231706 +quadrature +7\.558366418862716e-14$"'

	# The selected curve: marked in the title and the legend, its
	# figures in sight with f' at the kink as PyTorch has it.
	run "relu, leaky 0.1, elu"
	keys F4
	wait_for "▸leaky 0.1"
	check "$at: F4, the selection marked in the title and the legend" 'head -1 "$tmp/screen" | grep -q "actviz  relu, ▸leaky 0.1, elu on -3..3" && grep -q "^f(x)  ── relu  ▸── leaky 0.1  ── elu" "$tmp/screen"'
	check "$at: F4, its figures in sight, f'(0) as PyTorch" 'grep -q "▸ leaky 0.1" "$tmp/screen" && grep -q "f'"'"'(0) = 0.1, as PyTorch" "$tmp/screen"'

	# While a long command runs the prompt row says what it does, and
	# the line is echoed once, in the messages.
	type_text "dead relu samples 1e10"
	keys Enter
	wait_for "dead: relu (1 of 1)" 100
	check "$at: a long dead: its progress on the prompt row, the line echoed once" 'tail -1 "$tmp/screen" | grep -q "^dead: relu (1 of 1), [0-9]*% of 10000000000 samples (Ctrl-C stops it)" && [ "$(grep -c "^actviz> dead relu samples 1e10" "$tmp/screen")" = 1 ]'
	keys C-c
	wait_for "actviz: interrupted" 100
	type_text "train relu steps 100000"
	keys Enter
	wait_for "training: step" 100
	check "$at: a long train: its progress on the prompt row, the line echoed once" 'tail -1 "$tmp/screen" | grep -q "^training: step [0-9]* of 100000 (Ctrl-C stops it)" && [ "$(grep -c "^actviz> train relu steps 100000" "$tmp/screen")" = 1 ]'
	keys C-c
	wait_for "actviz: interrupted" 100
	wait_prompt ""

	keys C-d
	ended
done

# 80x24: sixteen curves, each glyph labelled in the legend.
start 80 24 "HOME=$tmp/home" --
wait_for "actviz>"
sixteen="relu, relu6, leaky, prelu, rrelu, elu, selu, celu, gelu, silu, mish, softplus, hardtanh, hardswish, hardsigmoid, sigmoid"
run "$sixteen"
legend_labels_all() {
	sed -n 2,5p "$tmp/screen" >"$tmp/legend"
	for g in "\* relu" "+ relu6" "o leaky" "x prelu" "# rrelu" "% elu" "@ selu" "& celu" "= gelu" \
		"~ silu" "\^ mish" "\$ softplus" ": hardtanh" "! hardswish" "? hardsigmoid" "; sigmoid"; do
		grep -q -- "$g" "$tmp/legend" || return 1
	done
	! grep -q "more" "$tmp/legend"
}
check "80x24: 16 curves, every one in the legend" 'legend_labels_all'
keys C-d
ended

# 100x30: the selected curve's figures kept in the pane, which scrolls to
# them; only the formula in use.
start 100 30 "HOME=$tmp/home" --
wait_for "actviz>"
run "relu, leaky 0.1, elu, gelu on -4..2"
keys F4 F4 F4
wait_for "▸ gelu"
check "100x30: the fourth curve selected, its figures in sight, those above counted" 'grep -q "│ ▸ gelu$" "$tmp/screen" && grep -q "│   +2 more above (F3)" "$tmp/screen" && grep -q "N(0,1): zero 0%, dead 0%," "$tmp/screen"'
keys F6
wait_for "▸ gelu tanh"
check "100x30: F6, gelu tanh's formula alone" 'grep -q "tanh(sqrt(2/pi)" "$tmp/screen" && ! grep -q "erf(" "$tmp/screen" && grep -q "▸gelu tanh on -4..2" "$tmp/screen"'
# F1: a box with its corners
keys F1
wait_for "derivative panel on or off"
check "100x30: the F1 box has corners" 'grep -q "┌─*┐" "$tmp/screen" && grep -q "└─*┘" "$tmp/screen"'
keys Escape
keys C-d
ended

finish
