// The Xize declaration grammar (action-free chevrotain CstParser with error recovery).
// Expressions live in dsl/grammar/expressions.ts. Newlines are insignificant; every
// declaration starts with a keyword, and dsl/index.ts parses one declaration at a time
// (splitting the token stream at declaration keywords), so an error in one declaration never
// hides errors in the next one.
import * as T from './tokens.ts';
import { ExpressionParser } from './grammar/expressions.ts';

export class XizeParser extends ExpressionParser {
  constructor() {
    super();
    // Keep chevrotain's single-token insertion/deletion and rule re-sync, but not its
    // in-repetition re-sync: in `{ key: value … }` lists a name can be either a key or a value,
    // and re-syncing inside the list shifts every following row by one ("expected `:`" on every
    // line). Without it an error skips to the end of the declaration instead.
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => {};
    this.performSelfAnalysis();
  }

  public declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.header) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.recordDecl) },
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.paramDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.bandsDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.overrideDecl) },
      { ALT: () => this.SUBRULE(this.exceptionDecl) },
      { ALT: () => this.SUBRULE(this.checkDecl) },
      { ALT: () => this.SUBRULE(this.calendarDecl) },
    ]);
  });

  // ---------- header ----------

  public header = this.RULE('header', () => {
    this.OPTION(() => this.CONSUME(T.Abstract));
    this.CONSUME(T.Policy);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Title);
            this.CONSUME(T.StringLiteral);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Extends);
            this.CONSUME2(T.Identifier, { LABEL: 'parent' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Effective);
            this.CONSUME(T.DateLiteral);
          },
        },
        { ALT: () => this.SUBRULE(this.roundingClause) },
      ]);
    });
  });

  public roundingClause = this.RULE('roundingClause', () => {
    this.CONSUME(T.Rounding);
    this.OR([
      { ALT: () => this.CONSUME(T.HalfUp) },
      { ALT: () => this.CONSUME(T.HalfEven) },
      { ALT: () => this.CONSUME(T.Floor) },
      { ALT: () => this.CONSUME(T.Ceil) },
    ]);
    this.CONSUME(T.To);
    this.OR2([
      { ALT: () => this.CONSUME(T.Fen) },
      { ALT: () => this.CONSUME(T.Jiao) },
      { ALT: () => this.CONSUME(T.Yuan) },
    ]);
  });

  // ---------- shared clauses ----------

  public citeClause = this.RULE('citeClause', () => {
    this.CONSUME(T.Cite);
    this.CONSUME(T.StringLiteral);
  });

  public docClause = this.RULE('docClause', () => {
    this.CONSUME(T.Doc);
    this.CONSUME(T.StringLiteral);
  });

  public metaClause = this.RULE('metaClause', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.citeClause) }, { ALT: () => this.SUBRULE(this.docClause) }]);
  });

  public typeRef = this.RULE('typeRef', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.OPTION(() => {
            this.CONSUME(T.LBracket);
            this.nested(() => this.SUBRULE(this.typeRef, { LABEL: 'element' })); // 列表[列表[…]] counts too
            this.CONSUME(T.RBracket);
          });
        },
      },
      // English `days`/`months`/`workdays` are also literal-unit keywords
      { ALT: () => this.CONSUME(T.Days) },
      { ALT: () => this.CONSUME(T.Months) },
      { ALT: () => this.CONSUME(T.Workdays) },
    ]);
  });

  /** `{ 自 D: expr [依据 "…"] … }` */
  public versionBlock = this.RULE('versionBlock', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.version);
      this.OPTION(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
  });

  public version = this.RULE('version', () => {
    this.CONSUME(T.From);
    this.CONSUME(T.DateLiteral);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.citeClause));
  });

  public valueClause = this.RULE('valueClause', () => {
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  // ---------- enums, records, inputs ----------

  public enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(T.Enum);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.metaClause));
    this.CONSUME(T.LBrace);
    this.MANY2(() => {
      this.CONSUME2(T.Identifier, { LABEL: 'member' });
      this.OPTION(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
    this.MANY3(() => this.SUBRULE2(this.metaClause));
  });

  public recordDecl = this.RULE('recordDecl', () => {
    this.CONSUME(T.Record_);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.metaClause));
    this.SUBRULE(this.fieldBlock);
    this.MANY2(() => this.SUBRULE2(this.metaClause));
  });

  public inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(T.Input);
    this.SUBRULE(this.fieldBlock);
  });

  public fieldBlock = this.RULE('fieldBlock', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.fieldDecl);
      this.OPTION(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
  });

  public fieldDecl = this.RULE('fieldDecl', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.Question));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
    // `范围 lo..hi` on a field: the values a case may give (e.g. a negative amount)
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.rangeClause) }, { ALT: () => this.SUBRULE(this.metaClause) }]));
  });

  // ---------- parameters, tables, bands, rules ----------

  public overrideDecl = this.RULE('overrideDecl', () => {
    this.CONSUME(T.Override);
    this.OR([
      { ALT: () => this.SUBRULE(this.paramDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.bandsDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
    ]);
  });

  public paramDecl = this.RULE('paramDecl', () => {
    this.CONSUME(T.Param);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.typeRef);
    });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Required) },
        { ALT: () => this.SUBRULE(this.rangeClause) },
        { ALT: () => this.SUBRULE(this.metaClause) },
        { ALT: () => this.SUBRULE(this.valueClause) },
        { ALT: () => this.SUBRULE(this.versionBlock) },
      ]);
    });
  });

  /** `范围 lo..hi` of a parameter: every value any layer gives must lie in [lo, hi]. */
  public rangeClause = this.RULE('rangeClause', () => {
    this.CONSUME(T.Range);
    this.SUBRULE(this.additive, { LABEL: 'from' });
    this.CONSUME(T.DotDot);
    this.SUBRULE2(this.additive, { LABEL: 'to' });
  });

  /** `: K -> V` of tables and bands. */
  public mapType = this.RULE('mapType', () => {
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef, { LABEL: 'keyType' });
    this.CONSUME(T.Arrow);
    this.SUBRULE2(this.typeRef, { LABEL: 'valueType' });
  });

  public tableDecl = this.RULE('tableDecl', () => {
    this.CONSUME(T.Table);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.mapType));
    this.MANY(() => this.OR1([{ ALT: () => this.CONSUME(T.Required) }, { ALT: () => this.SUBRULE(this.metaClause) }]));
    // a required table may stand without rows: `表 X: 伤残等级 -> 金额 必填 依据 "…"`
    this.OPTION3(() => {
      this.CONSUME(T.LBrace);
      this.MANY2(() => {
        this.OR([{ ALT: () => this.SUBRULE(this.tableGroup) }, { ALT: () => this.SUBRULE(this.arm) }]);
        this.OPTION2(() => this.SUBRULE(this.sep));
      });
      this.CONSUME(T.RBrace);
    });
    this.MANY3(() => this.SUBRULE2(this.metaClause));
  });

  /** `自 D { rows } [依据 "…"]` */
  public tableGroup = this.RULE('tableGroup', () => {
    this.CONSUME(T.From);
    this.CONSUME(T.DateLiteral);
    this.OPTION(() => this.CONSUME(T.Colon));
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.arm);
      this.OPTION2(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
    this.OPTION3(() => this.SUBRULE(this.citeClause));
  });

  public bandsDecl = this.RULE('bandsDecl', () => {
    this.CONSUME(T.Bands);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.mapType));
    this.MANY(() => this.SUBRULE(this.metaClause));
    this.CONSUME(T.LBrace);
    this.MANY2(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.bandGroup) }, { ALT: () => this.SUBRULE(this.band) }]);
      this.OPTION2(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
    this.MANY3(() => this.SUBRULE2(this.metaClause));
  });

  public bandGroup = this.RULE('bandGroup', () => {
    this.CONSUME(T.From);
    this.CONSUME(T.DateLiteral);
    this.OPTION(() => this.CONSUME(T.Colon));
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.band);
      this.OPTION2(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
    this.OPTION3(() => this.SUBRULE(this.citeClause));
  });

  /** `[lo, hi): value` */
  public band = this.RULE('band', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.LBracket, { LABEL: 'open' }) },
      { ALT: () => this.CONSUME(T.LParen, { LABEL: 'open' }) },
    ]);
    this.SUBRULE(this.expression, { LABEL: 'lower' });
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.expression, { LABEL: 'upper' });
    this.OR2([
      { ALT: () => this.CONSUME(T.RBracket, { LABEL: 'close' }) },
      { ALT: () => this.CONSUME(T.RParen, { LABEL: 'close' }) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE3(this.expression, { LABEL: 'value' });
  });

  public ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(T.Rule);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.ruleParam);
        this.MANY(() => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.ruleParam);
        });
      });
      this.CONSUME(T.RParen);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.typeRef);
    });
    this.MANY2(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.roundingClause) },
        { ALT: () => this.CONSUME(T.NoRounding) },
        { ALT: () => this.SUBRULE(this.metaClause) },
        { ALT: () => this.SUBRULE(this.valueClause) },
        { ALT: () => this.SUBRULE(this.versionBlock) },
      ]);
    });
  });

  public ruleParam = this.RULE('ruleParam', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeRef);
  });

  // ---------- exceptions, checks, calendar ----------

  public exceptionDecl = this.RULE('exceptionDecl', () => {
    this.CONSUME(T.Exception);
    this.CONSUME(T.Identifier, { LABEL: 'rule' });
    this.MANY(() => this.SUBRULE(this.metaClause));
    this.CONSUME(T.When);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression, { LABEL: 'value' });
    this.MANY2(() => this.SUBRULE2(this.metaClause));
  });

  public checkDecl = this.RULE('checkDecl', () => {
    this.CONSUME(T.Check);
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Warning) },
        { ALT: () => this.CONSUME(T.Error_) },
        { ALT: () => this.SUBRULE(this.metaClause) },
        {
          ALT: () => {
            this.CONSUME(T.When);
            this.SUBRULE(this.expression, { LABEL: 'condition' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Message);
            this.CONSUME(T.StringLiteral, { LABEL: 'message' });
          },
        },
      ]);
    });
  });

  public calendarDecl = this.RULE('calendarDecl', () => {
    this.CONSUME(T.Calendar);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.calendarEntry));
    this.CONSUME(T.RBrace);
  });

  public calendarEntry = this.RULE('calendarEntry', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Holiday) }, { ALT: () => this.CONSUME(T.Workday) }]);
    this.OPTION(() => this.CONSUME(T.Colon));
    this.MANY(() => {
      this.CONSUME(T.DateLiteral);
      this.OPTION2(() => this.SUBRULE(this.sep));
    });
  });
}

let instance: XizeParser | undefined;

/** The shared parser instance (construction and self-analysis are done once). */
export function getParser(): XizeParser {
  if (!instance) instance = new XizeParser();
  return instance;
}

/** Token types that start a declaration (dsl/index.ts splits the token stream at them). */
export const declarationStarts = new Set([
  T.Policy,
  T.Abstract,
  T.Enum,
  T.Record_,
  T.Input,
  T.Param,
  T.Table,
  T.Bands,
  T.Rule,
  T.Override,
  T.Exception,
  T.Check,
  T.Calendar,
]);
