// The Spark SQL and Trino printers checked by dialect-aware parsers (dt-sql-parser: the ANTLR4
// grammars of both engines), since CI has neither cluster. DuckDB runs for real elsewhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SparkSQL, TrinoSQL } from 'dt-sql-parser';

const parsers = { spark: new SparkSQL(), trino: new TrinoSQL() };

describe('the printed SQL parses in its dialect', () => {
  for (const d of ['spark', 'trino'] as const) {
    it(`${d}: the national disability snapshot has no syntax error`, () => {
      const sql = readFileSync(new URL(`./__snapshots__/national-disability.${d}.sql`, import.meta.url), 'utf8');
      expect(parsers[d].validate(sql)).toEqual([]);
    }, 60_000);
    it(`${d}: the parser does reject broken SQL (the check can fail)`, () => {
      expect(parsers[d].validate('WITH s0 AS (SELECT CAST(x AS DECIMAL(38,2) AS y FROM t) SELECT * FROM s0').length).toBeGreaterThan(0);
    });
  }
});
