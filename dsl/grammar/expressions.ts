// Expression rules of the Xize grammar (action-free; the CST is turned into AST by
// dsl/astBuilder.ts). Precedence, loosest first:
//   或/or < 且/and < 非/not < comparison, 属于/in (non-associative) < + - < × ÷ < unary -
//   < 于/at < .field < primary
// `于` takes a single term on each side: `X[k] 于 受伤日期`; write `X 于 (d + 1天)` for more.
// A call's `(` and a lookup's `[` must be on the same line as the name before them (so that a
// band row starting with `(` or `[` on the next line is not read as a call or lookup).
import { CstParser, type IToken } from 'chevrotain';
import * as T from '../tokens.ts';
import { errorMessageProvider } from './errorMessages.ts';
import { MAX_NESTING } from '../limits.ts';

declare const __XIZE_BUILT__: boolean | undefined;

/** Thrown by the parser when expressions nest deeper than MAX_NESTING (reported as XP020). */
export class NestingTooDeep extends Error {
  constructor(readonly token: IToken) {
    super('expression nesting limit');
    this.name = 'NestingTooDeep';
  }
}

export class ExpressionParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      maxLookahead: 3,
      errorMessageProvider,
      // The grammar checks of performSelfAnalysis (ambiguities, left recursion) are a
      // development-time check that every test run repeats; the built package (`npm run build`
      // defines __XIZE_BUILT__) skips them, which halves the parser's construction time.
      skipValidations: typeof __XIZE_BUILT__ !== 'undefined',
    });
  }

  /** Current nesting of expressions (MAX_NESTING, dsl/limits.ts); reset per declaration. */
  public nesting = 0;

  /** Runs `body` one nesting level deeper; past the limit throws NestingTooDeep at the next
   * token (not a recognition exception, so chevrotain's recovery lets it through to parseFile). */
  protected nested(body: () => void): void {
    if (this.RECORDING_PHASE) return body();
    if (++this.nesting > MAX_NESTING) {
      this.nesting--;
      throw new NestingTooDeep(this.LA(1));
    }
    try {
      body();
    } finally {
      this.nesting--;
    }
  }

  /** Gate: the next token starts on the line where the previous one ended. */
  protected sameLine(): boolean {
    const prev: IToken = this.LA(0);
    const next: IToken = this.LA(1);
    if (!prev || !next || prev.endLine === undefined || next.startLine === undefined) return true;
    if (!Number.isFinite(prev.endLine) || !Number.isFinite(next.startLine)) return true;
    return prev.endLine === next.startLine;
  }

  public expression = this.RULE('expression', () =>
    this.nested(() => {
      this.SUBRULE(this.andExpr);
      this.MANY(() => {
        this.CONSUME(T.Or);
        this.SUBRULE2(this.andExpr);
      });
    }),
  );

  public andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  public notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.nested(() => this.SUBRULE(this.notExpr));
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  public comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.SUBRULE(this.compareOp);
            this.SUBRULE2(this.additive);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.In);
            this.SUBRULE(this.inSet);
          },
        },
      ]);
    });
  });

  public compareOp = this.RULE('compareOp', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Equals) },
      { ALT: () => this.CONSUME(T.NotEq) },
      { ALT: () => this.CONSUME(T.LessEq) },
      { ALT: () => this.CONSUME(T.GreaterEq) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Greater) },
    ]);
  });

  /** `[a, b]` (a list literal) or `a..b`; dsl/astBuilder.ts rejects anything else. */
  public inSet = this.RULE('inSet', () => {
    this.SUBRULE(this.additive, { LABEL: 'from' });
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      this.SUBRULE2(this.additive, { LABEL: 'to' });
    });
  });

  public exprList = this.RULE('exprList', () => {
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.expression);
      });
    });
  });

  public additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  public multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Times) }, { ALT: () => this.CONSUME(T.Divide) }]);
      this.SUBRULE2(this.unary);
    });
  });

  public unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.nested(() => this.SUBRULE(this.unary));
        },
      },
      { ALT: () => this.SUBRULE(this.atExpr) },
    ]);
  });

  public atExpr = this.RULE('atExpr', () => {
    this.SUBRULE(this.postfix, { LABEL: 'target' });
    this.OPTION(() => {
      this.CONSUME(T.At);
      this.SUBRULE2(this.postfix, { LABEL: 'date' });
    });
  });

  public postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME(T.Identifier);
    });
  });

  public primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.numberLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.AsOf) },
      { ALT: () => this.CONSUME(T.Inf) },
      { ALT: () => this.CONSUME(T.Fen) },
      { ALT: () => this.CONSUME(T.Jiao) },
      { ALT: () => this.CONSUME(T.Yuan) },
      { ALT: () => this.SUBRULE(this.nameTerm) },
      { ALT: () => this.SUBRULE(this.keywordCall) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.SUBRULE(this.exprList);
          this.CONSUME(T.RBracket);
        },
      },
      { ALT: () => this.SUBRULE(this.whenExpr) },
      { ALT: () => this.SUBRULE(this.matchExpr) },
    ]);
  });

  public numberLiteral = this.RULE('numberLiteral', () => {
    this.CONSUME(T.NumberLiteral);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Percent) },
        { ALT: () => this.CONSUME(T.PerMille) },
        { ALT: () => this.CONSUME(T.Yuan) },
        { ALT: () => this.CONSUME(T.Days) },
        { ALT: () => this.CONSUME(T.Months) },
        { ALT: () => this.CONSUME(T.Workdays) },
        { ALT: () => this.CONSUME(T.Years) },
      ]);
    });
  });

  /** A name, a call `名(args)` or a lookup `表[key]`. */
  public nameTerm = this.RULE('nameTerm', () => {
    this.CONSUME(T.Identifier);
    this.OPTION({
      GATE: () => this.sameLine(),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.LParen);
              this.SUBRULE(this.args);
              this.CONSUME(T.RParen);
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.LBracket);
              this.SUBRULE(this.expression, { LABEL: 'key' });
              this.CONSUME(T.RBracket);
            },
          },
        ]);
      },
    });
  });

  /** Builtins whose Chinese/English name is also a rounding-mode keyword: 四舍五入(x, 分). */
  public keywordCall = this.RULE('keywordCall', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.HalfUp) },
      { ALT: () => this.CONSUME(T.Floor) },
      { ALT: () => this.CONSUME(T.Ceil) },
    ]);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.args);
    this.CONSUME(T.RParen);
  });

  public args = this.RULE('args', () => {
    this.OPTION(() => {
      this.SUBRULE(this.arg);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.arg);
      });
    });
  });

  public arg = this.RULE('arg', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.lambda) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  public lambda = this.RULE('lambda', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.FatArrow);
    this.SUBRULE(this.expression);
  });

  public whenExpr = this.RULE('whenExpr', () => {
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.expression, { LABEL: 'condition' });
      this.CONSUME(T.Then);
      this.SUBRULE2(this.expression, { LABEL: 'value' });
    });
    this.CONSUME(T.Otherwise);
    this.SUBRULE3(this.expression, { LABEL: 'otherwise' });
  });

  public matchExpr = this.RULE('matchExpr', () => {
    this.CONSUME(T.Match);
    this.SUBRULE(this.expression, { LABEL: 'subject' });
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.arm);
      this.OPTION(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
  });

  /** `keys : value` (match arm or table row); `否则: value`. */
  public arm = this.RULE('arm', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Otherwise) },
      {
        ALT: () => {
          this.SUBRULE(this.key);
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.key);
          });
        },
      },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  /** `一级`, `伤残等级.一级`, `五级..六级`, `3`. */
  public key = this.RULE('key', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.OPTION(() => {
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.Dot);
                  this.CONSUME2(T.Identifier);
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.DotDot);
                  this.CONSUME3(T.Identifier);
                },
              },
            ]);
          });
        },
      },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
    ]);
  });

  public sep = this.RULE('sep', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semicolon) }]);
  });
}
