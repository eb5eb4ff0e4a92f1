#!/bin/sh
# gendict.sh: writes the fuzzing dictionary (libFuzzer's -dict format) to
# stdout: the words of the program's tables (tests/fuzz/gendict), the words
# its parser matches by name (found in src/), then the language's
# punctuation and numbers that sit on its limits. tests/fuzz_dict.sh checks
# that tests/fuzz/actviz.dict is what this writes; after a change to the
# language, from the build directory:
#   tests/fuzz/gendict.sh tests/fuzz/gendict SRCDIR >SRCDIR/tests/fuzz/actviz.dict
# (cross-built, with ACTVIZ_EMU set to what runs it, as make check does).
set -eu
gendict=${1:?usage: gendict.sh GENDICT SRCDIR}
src=${2:?usage: gendict.sh GENDICT SRCDIR}/src

echo "# actviz.dict: words of the actviz language for libFuzzer (-dict)."
echo "# Written by tests/fuzz/gendict.sh; do not edit by hand."
{
	${ACTVIZ_EMU:-} "$gendict"
	# on/off, distributions, inits, tasks, optimizers; colour, inf, nan
	grep -ho 'parser_is_word(p, [a-z]*, "[a-z_]*")' "$src"/*.c | sed 's/.*"\(.*\)")/word \1/'
	# other words for a setting's on and off
	grep -ho '{"[a-z]*", TRI_[A-Z]*}' "$src/settings.c" | sed 's/{"\([a-z]*\)".*/word \1/'
	grep -o 'util_word_eq([^"]*"[a-z_]*")' "$src/settings.c" "$src/lexer.c" |
		sed 's/.*"\(.*\)")/word \1/'
	# English words the hints recognise (src/hint.c's tables)
	grep -o '"[a-z][a-z]*"' "$src/hint.c" | sed 's/"\(.*\)"/hint \1/'
	# PyTorch's module paths before a name (torch.nn.ReLU)
	grep -o '{"[A-Za-z.]*\.", ACTFN' "$src/actfn_text.c" | sed 's/{"\(.*\)", ACTFN/torch \1/'
	# other names of help topics
	sed -n '/^static const struct topic aliases/,/^};/p' "$src/help.c" |
		grep -o '{"[a-z_]*"' | sed 's/{"\(.*\)"/help \1/'
} | awk '!seen[$2]++ {
	if ($1 != last) {
		printf "\n# %s\n", $1
		last = $1
	}
	printf "\"%s\"\n", $2
}'

cat <<'END'

# punctuation: ranges (LO..HI, [LO, HI], LO:HI), lists, named parameters,
# distributions, comments
".."
","
"="
"("
")"
"["
"]"
":"
"..."
"#"
"-"
"+"
" "
"\x09"
"\x0D\x0A"
"\x0A"
# characters the lexer has a hint for: a Unicode minus, ';', '&', '?';
# quotes and primes (relu', relu\u2032, 'tanh'); letters that look like
# ASCII ones (e acute, Cyrillic e, Greek epsilon, a fullwidth r)
"\xE2\x88\x92"
";"
"&"
"?"
"'"
"\x22"
"\xE2\x80\xB2"
"\xE2\x80\x99"
"\xC3\xA9"
"\xD0\xB5"
"\xCE\xB5"
"\xEF\xBD\x92"

# numbers at the edges: specials, extremes, denormals, hex floats
"-inf"
"nan(1)"
"-0.0"
"1e308"
"-1e308"
"1e400"
"1e-320"
"4e-320"
"1e-400"
"0x1p-1074"
"0x1.fffffffffffffp1023"
"0x1p-2"
"1e-12"
"1e7"
"1e10"
"1e15"
"65536"
"1000000"
"9007199254740993"
END
