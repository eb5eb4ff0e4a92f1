#!/bin/sh
# bench_cmd.sh: the shape of bench's output on every vector path this
# machine runs (its columns, a row per curve in the order given, ReLU's
# ratios 1, the path named), in each format, and Ctrl-C; never a speed,
# which no test may depend on.
set -u
. "${srcdir:-.}/tests/lib.sh"
on_fail='echo "--- stdout:"; cat "$tmp/out"; echo "--- stderr:"; cat "$tmp/err"; echo ---'

run() {
	run_actviz "$@" >"$tmp/out" 2>"$tmp/err"
	echo $? >"$tmp/rc"
}
ok() { [ "$(cat "$tmp/rc")" = 0 ] && [ ! -s "$tmp/err" ]; }
pos='^[0-9][0-9.e+-]*$' # a number > 0 as actviz writes it (0 would be wrong too)

# text: rows `curve ns_y ns_y_dy ratio_y ratio_y_dy spread repeats ref simd`
# (fields, as awk splits the right-aligned columns) for these curves
text_shape() { # path, curves (space-separated), the reference
	awk -v path="$1" -v curves="$2" -v ref="$3" -v pos="$pos" '
	BEGIN { n = split(curves, want, " ") }
	NR == 1 { ok = $0 == "ns per element of f (y) and of f with f'"'"' (y_dy) over 1000 doubles, " path; next }
	/^ratios to / { next }
	!head { head = 1; ok = ok && $0 ~ /^ *curve  +ns_y  +ns_y_dy  +ratio_y  +ratio_y_dy  +spread  +repeats  +ref  +simd$/; next }
	{
		r++
		ok = ok && NF == 9 && $1 == want[r] && $2 ~ pos && $3 ~ pos && $4 ~ pos && $5 ~ pos
		ok = ok && $6 ~ /^[0-9][0-9.e+-]*$/ && $7 == 5 && $8 == ref && $9 == path
		if ($1 == ref)
			ok = ok && $4 == 1 && $5 == 1
	}
	END { exit !(ok && r == n) }' "$tmp/out"
}

line=$(run_actviz -- --version | sed -n 's/^simd: //p')
paths=$(echo "$line" | sed -n 's/^[a-z0-9]* (available: \([^;]*\);.*/\1/p')
check "--version lists the paths: $paths" '[ -n "$paths" ]'
five='relu sigmoid tanh gelu elu'
for p in $paths; do
	run ACTVIZ_SIMD=$p -- -e 'bench relu, sigmoid, tanh, gelu, elu size 1000 repeats 5'
	check "$p: text, a row per curve in order, relu's ratios 1, the path named" \
		'ok && text_shape $p "$five" relu'
	run ACTVIZ_SIMD=$p -- -f csv -e 'bench relu, sigmoid, tanh, gelu, elu size 1000 repeats 5'
	check "$p: csv, the header and five rows of nine fields" \
		'ok && [ "$(head -1 "$tmp/out")" = "curve,ns_y,ns_y_dy,ratio_y,ratio_y_dy,spread,repeats,ref,simd" ] &&
		 [ "$(awk -F, "NR > 1 && NF == 9 && \$7 == 5 && \$8 == \"relu\" && \$9 == \"$p\"" "$tmp/out" | cut -d, -f1 | tr "\n" " ")" = "$five " ] &&
		 [ "$(wc -l <"$tmp/out")" = 6 ]'
done

run -- -f tsv -e 'bench gelu, relu size 1000 repeats 5'
check "tsv: relu is the reference wherever it is; its ratios 1" \
	'ok && [ "$(sed -n 3p "$tmp/out" | cut -f1,4,5,8 | tr "\t" " ")" = "relu 1 1 relu" ] && [ "$(wc -l <"$tmp/out")" = 3 ]'
run -- -f json -e 'bench relu, elu size 1000 repeats 5'
check "json: one array of an object per curve, keyed by the csv header" \
	'ok && [ "$(wc -l <"$tmp/out")" = 1 ] && grep -q "^\[{\"curve\":\"relu\",\"ns_y\":[0-9.e+-]*,\"ns_y_dy\":[0-9.e+-]*,\"ratio_y\":1,\"ratio_y_dy\":1,\"spread\":[0-9.e+-]*,\"repeats\":5,\"ref\":\"relu\",\"simd\":\"[a-z0-9]*\"},{\"curve\":\"elu\",.*}\]$" "$tmp/out"'
run -- -e 'bench sigmoid, tanh size 1000 repeats 5'
check "without relu: the ratios to the first curve, and a line saying so" \
	'ok && sed -n 2p "$tmp/out" | grep -qx "ratios to sigmoid, the first curve: relu is not in the list" && text_shape "${line%% *}" "sigmoid tanh" sigmoid'
run -- -e 'bench size 1000 repeats 5'
check "no curves: relu, its fixes, the smooth ones and the classics" \
	'ok && text_shape "${line%% *}" "relu leaky elu gelu silu sigmoid tanh" relu'
run -- -e 'bench relu size 1000'
check "no repeats: at least 5, under the time budget" \
	'ok && [ "$(awk "NR == 3 { print (\$7 >= 5) }" "$tmp/out")" = 1 ]'

# Ctrl-C: what was timed is shown, said to be cut short, and actviz
# ends by SIGINT.
# Waits until process $1 has used $2 seconds of CPU (user and system),
# however busy the machine: a fixed sleep would be too short under load.
# False after a minute, or where /proc has no stat for it.
cpu_at_least() {
	_cpu_pid=$1
	_cpu_ticks=$(($2 * $(getconf CLK_TCK 2>/dev/null || echo 100)))
	poll '[ "$(awk -v t=$_cpu_ticks "{ print (\$14 + \$15 >= t) }" /proc/$_cpu_pid/stat 2>/dev/null)" = 1 ]' 600
}
# (1e7 elements: relu is timed within 0.5 s of CPU, tanh alone takes
# seconds, so it or sigmoid is still being timed after 2)
exec_actviz -e 'bench relu, sigmoid, tanh, gelu, elu size 1e7' >"$tmp/out" 2>"$tmp/err" &
pid=$!
cpu_at_least $pid 2
kill -INT $pid
wait $pid
rc=$?
check "Ctrl-C: ends by SIGINT" '[ $rc = 130 ]'
check "Ctrl-C: the curves timed so far, then a line saying so" \
	'sed -n 2p "$tmp/out" | grep -q "^ *curve  *ns_y" && sed -n 3p "$tmp/out" | grep -q "^ *relu " &&
	 tail -1 "$tmp/out" | grep -qx "(interrupted: [1-4] of 5 curves timed)"'
finish
