/* test_lexer.c: tokens, numbers next to "..", and what is refused where. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "lexer.h"

static struct token_list lex_ok(const char *s)
{
	struct token_list tl;
	struct diag d;
	if (lex_line(s, strlen(s), &tl, &d) < 0)
		fail_msg("'%s': %s", s, d.msg);
	return tl;
}

static void lex_err(const char *s, size_t len, size_t off, const char *msg_part)
{
	struct token_list tl;
	struct diag d;
	if (lex_line(s, len, &tl, &d) == 0)
		fail_msg("'%s' lexed", s);
	if (d.off != off || !strstr(d.msg, msg_part))
		fail_msg("'%s': at %zu '%s', want at %zu '%s'", s, d.off, d.msg, off, msg_part);
}

static void test_range_tokens(void **state)
{
	(void)state;
	struct token_list tl = lex_ok("relu on -3..3");
	assert_int_equal(tl.n, 6);
	assert_int_equal(tl.tok[0].kind, TOK_WORD);
	assert_int_equal(tl.tok[1].kind, TOK_WORD);
	assert_int_equal(tl.tok[2].kind, TOK_NUMBER);
	assert_true(tl.tok[2].num == -3);
	assert_int_equal(tl.tok[2].off, 8);
	assert_int_equal(tl.tok[3].kind, TOK_DOTDOT);
	assert_int_equal(tl.tok[4].kind, TOK_NUMBER);
	assert_true(tl.tok[4].num == 3);
	assert_int_equal(tl.tok[5].kind, TOK_END);
	lex_free(&tl);

	tl = lex_ok("-1.5e-3..+.5");
	assert_int_equal(tl.n, 4);
	assert_true(tl.tok[0].num == -1.5e-3);
	assert_true(tl.tok[2].num == 0.5);
	lex_free(&tl);

	tl = lex_ok("2...5");
	assert_int_equal(tl.n, 4);
	assert_true(tl.tok[0].num == 2 && tl.tok[2].num == 0.5);
	lex_free(&tl);
}

static void test_specials(void **state)
{
	(void)state;
	struct token_list tl = lex_ok("at inf, -INF, nan, -0.0, 1e-08, 0x1p-3, Infinity");
	assert_true(isinf(tl.tok[1].num) && tl.tok[1].num > 0);
	assert_true(isinf(tl.tok[3].num) && tl.tok[3].num < 0);
	assert_true(isnan(tl.tok[5].num));
	assert_true(tl.tok[7].num == 0 && signbit(tl.tok[7].num));
	assert_true(tl.tok[9].num == 1e-8);
	assert_true(tl.tok[11].num == 0.125);
	assert_true(isinf(tl.tok[13].num));
	lex_free(&tl);

	tl = lex_ok("inference infx nan_x relu6 # a comment, ignored 1..");
	assert_int_equal(tl.n, 5);
	for (int i = 0; i < 4; i++)
		assert_int_equal(tl.tok[i].kind, TOK_WORD);
	assert_int_equal(tl.tok[4].off, 27);
	lex_free(&tl);

	tl = lex_ok("[-3, 3] -3:3");
	assert_int_equal(tl.n, 9);
	assert_int_equal(tl.tok[0].kind, TOK_LBRACKET);
	assert_true(tl.tok[1].kind == TOK_NUMBER && tl.tok[1].num == -3);
	assert_int_equal(tl.tok[2].kind, TOK_COMMA);
	assert_int_equal(tl.tok[4].kind, TOK_RBRACKET);
	assert_true(tl.tok[5].kind == TOK_NUMBER && tl.tok[5].num == -3);
	assert_int_equal(tl.tok[6].kind, TOK_COLON);
	assert_true(tl.tok[7].kind == TOK_NUMBER && tl.tok[7].off == 11);
	lex_free(&tl);

	tl = lex_ok("a=1,(b)");
	assert_int_equal(tl.tok[1].kind, TOK_EQUALS);
	assert_int_equal(tl.tok[3].kind, TOK_COMMA);
	assert_int_equal(tl.tok[4].kind, TOK_LPAREN);
	assert_int_equal(tl.tok[6].kind, TOK_RPAREN);
	lex_free(&tl);
}

static void test_errors(void **state)
{
	(void)state;
	lex_err("relu at 1e400", 13, 8, "number out of range");
	lex_err("relu at -1e400", 14, 8, "number out of range");
	lex_err("relu at nan(1)", 14, 8, "nan(...)");
	lex_err("relu at 1e", 10, 8, "invalid number '1e'");
	lex_err("relu at 1.2.3", 13, 8, "invalid number '1.2.3'");
	lex_err("relu on 3x..4", 13, 8, "invalid number '3x'");
	lex_err("relu; elu", 9, 4, "one command per line");
	lex_err("relu on \xe2\x88\x92" "3..3", 14, 8, "ASCII '-'");
	lex_err("relu \xff", 6, 5, "\\xFF");
	lex_err("relu \x01", 6, 5, "control character");
	lex_err("relu\0 x", 7, 4, "control character \\x00");
	lex_err("relu - 3", 8, 5, "sign must be followed");
	lex_err("relu .", 6, 5, "unexpected '.'");
	lex_err("relu + leaky", 12, 5, "separated by commas");
	lex_err("relu +", 6, 5, "sign must be followed");
	lex_err("relu & leaky", 12, 5, "separated by commas");
	lex_err("relu?", 5, 4, "info NAME answer questions");
	/* '.' after a letter is no range: no range hint */
	struct token_list tl;
	struct diag d;
	assert_int_equal(lex_line("relu. 2", 7, &tl, &d), -1);
	assert_null(strstr(d.msg, "range"));
	lex_err("gelu 'tanh", 10, 5, "unexpected '''");
}

/* PyTorch's spellings: dotted names are one word, a quoted word is the
 * word inside, a quote right after a name is a prime. */
static void test_pytorch(void **state)
{
	(void)state;
	struct token_list tl = lex_ok("torch.nn.ReLU(F.x) a.1");
	assert_true(tl.tok[0].kind == TOK_WORD && tl.tok[0].off == 0 && tl.tok[0].len == 13);
	assert_int_equal(tl.tok[1].kind, TOK_LPAREN);
	assert_true(tl.tok[2].kind == TOK_WORD && tl.tok[2].len == 3);
	/* a '.' before a digit stays a number's */
	assert_true(tl.tok[4].kind == TOK_WORD && tl.tok[4].len == 1);
	assert_true(tl.tok[5].kind == TOK_NUMBER && tl.tok[5].num == 0.1);
	lex_free(&tl);

	tl = lex_ok("gelu(approximate='tanh') \"none\"");
	assert_true(tl.tok[4].kind == TOK_WORD && tl.tok[4].off == 18 && tl.tok[4].len == 4);
	assert_int_equal(tl.tok[5].kind, TOK_RPAREN);
	assert_true(tl.tok[6].kind == TOK_WORD && tl.tok[6].off == 26 && tl.tok[6].len == 4);
	lex_free(&tl);

	tl = lex_ok("relu' x\xe2\x80\xb2 relu\xe2\x80\xb2 relu\xe2\x80\x99");
	assert_true(tl.tok[1].kind == TOK_PRIME && tl.tok[1].off == 4 && tl.tok[1].len == 1);
	assert_true(tl.tok[3].kind == TOK_PRIME && tl.tok[5].kind == TOK_PRIME && tl.tok[5].len == 3);
	assert_true(tl.tok[7].kind == TOK_PRIME && tl.tok[7].len == 3);
	lex_free(&tl);
	/* a prime only right after a name */
	lex_err("relu x \xe2\x80\xb2", 10, 7, "unexpected");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range_tokens),
		cmocka_unit_test(test_specials),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_pytorch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
