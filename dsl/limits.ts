// Size and depth limits of the front end (docs/diagnostics.md, "Limits"). Each one turns an
// input that would exhaust time, memory or the call stack into a coded, located diagnostic.
// The values are far above what a real policy writes (the national baseline's largest file
// has about 31 000 characters; its deepest expression nests fewer than 10 levels).

/** Characters (UTF-16 code units) of one source file; checked before lexing (XL006). About ten
 * times the largest real file; a file of dense table rows at the limit checks in about 1.5 s here. */
export const MAX_SOURCE_CHARS = 300_000;

/** Nesting of expressions inside expressions while parsing: parentheses, list brackets,
 * call arguments, the branches of 当/匹配, chains of unary − / 非, and list types
 * 列表[列表[…]] (XP020). */
export const MAX_NESTING = 64;

/** Depth of an expression tree after parsing, operator chains included: `a + b + … + z` with
 * n terms is n − 1 deep (XP021). Every later pass that recurses over expressions relies on it. */
export const MAX_EXPR_DEPTH = 256;

/** Syntax errors reported for one declaration; the rest are counted in one XP022. After the
 * first error chevrotain's recovery re-reports at nearly every following token, so later
 * errors in the same declaration say little the first ones did not. */
export const MAX_PARSE_ERRORS_PER_DECLARATION = 20;

/** Tokens before a syntax error over which the "expected here" list is computed (chevrotain's
 * content assist re-runs the grammar over the whole prefix of the declaration, and its cost grows
 * faster than the prefix: a 250-term chain before the error took 1.2–1.7 s). Past it the message
 * says what was found without the list of what could have followed. */
export const MAX_ASSIST_PREFIX_TOKENS = 200;
