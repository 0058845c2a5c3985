// Reading the pieces the coverage test compares: the article headings of the two 规程 texts
// (provinces/national/sources/), the articles a `依据` string cites, and the rows of docs/coverage.md.
import { readFileSync } from 'node:fs';

export type Edition = '2012' | '2022';
export const EDITIONS: Edition[] = ['2012', '2022'];

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十五 → 25, 一百零一 → 101, and the 2012 text's positional 一〇〇 / 一二九 → 100 / 129. */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/[十百]/.test(s)) {
    // positional: every character a digit
    let n = 0;
    for (const ch of s) {
      if (!(ch in DIGIT)) return NaN;
      n = n * 10 + DIGIT[ch];
    }
    return n;
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += digit * 100;
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

export interface SeedArticle {
  number: number;
  chapter: number;
  heading: string; // as written: 第一〇〇条
  text: string; // the article's text up to the next article or chapter heading
}

/** The articles of one edition, in order, each with its chapter. */
export function seedArticles(edition: Edition, dir = 'provinces/national/sources'): SeedArticle[] {
  const text = readFileSync(`${dir}/procedures-${edition}.txt`, 'utf8');
  const out: SeedArticle[] = [];
  let chapter = 0;
  let current: SeedArticle | undefined;
  for (const line of text.split('\n')) {
    const ch = /^[\s　]*第([一二三四五六七八九十]+)章/.exec(line);
    if (ch) {
      chapter = chineseNumber(ch[1]);
      current = undefined;
      continue;
    }
    const art = /^[\s　]*(第([一二三四五六七八九十百零〇]+)条)[\s　]*(.*)$/.exec(line);
    if (art && chapter > 0) {
      current = { number: chineseNumber(art[2]), chapter, heading: art[1], text: art[3] };
      out.push(current);
    } else if (current) current.text += '\n' + line.trim();
  }
  return out;
}

export interface CitedArticle {
  source: string; // 规程(2012), 规程(2022), 条例, 社会保险法, or another document's name
  article: number;
}

// A source marker sets the source of the articles after it, until the next marker.
const SOURCE = /规程\((2012|2022)\)|社会保险法|民法典|劳社部令第18号|劳社部发〔2003〕29号|人社部发〔2015〕71号|(?:工伤预防费使用管理)?暂行办法|决定|(?:社会保险费)?征缴暂行条例|条例\(2003\)|条例(?=第)/g;
const CANONICAL: Record<string, string> = { 暂行办法: '工伤预防费使用管理暂行办法', 征缴暂行条例: '社会保险费征缴暂行条例' };
const ARTICLE = /第([一二三四五六七八九十百零〇\d]+)条/g;

/** The articles one `依据` string cites: `条例第三十五条、第三十六条；规程(2012)第六十八条` → 条例 35, 条例 36, 规程(2012) 68. */
export function citedArticles(cite: string): CitedArticle[] {
  const out: CitedArticle[] = [];
  for (const segment of cite.split(/[；;]/)) {
    const marks: { at: number; source: string }[] = [];
    for (const m of segment.matchAll(SOURCE)) marks.push({ at: m.index!, source: m[1] ? `规程(${m[1]})` : (CANONICAL[m[0]] ?? m[0]) });
    for (const m of segment.matchAll(ARTICLE)) {
      const before = marks.filter((k) => k.at < m.index!);
      if (!before.length) continue; // an article with no source named (e.g. inside a sentence)
      out.push({ source: before[before.length - 1].source, article: chineseNumber(m[1]) });
    }
  }
  return out;
}

export interface CoverageRow {
  section: string; // `规程(2012)`, `规程(2022)` or the heading of another section
  source: string; // the text the article belongs to: `规程(2012)`, `规程(2022)`, `条例`, `社会保险法`, …
  chapter: string;
  article: number;
  articleText: string;
  status: 'encoded' | 'partial' | 'absent' | 'not computable';
  statusText: string;
  declarations: string[];
  cases: string[];
  line: number;
}

const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** The rows of docs/coverage.md's article tables (sections `## 规程(2012)`, `## 规程(2022)`, `## 条例…`). */
export function coverageRows(md: string): CoverageRow[] {
  const rows: CoverageRow[] = [];
  let section = '';
  let chapter = '';
  md.split('\n').forEach((line, i) => {
    const h2 = /^## (.*)$/.exec(line);
    if (h2) {
      section = /规程\((2012|2022)\)/.exec(h2[1])?.[0] ?? h2[1].trim();
      chapter = '';
      return;
    }
    const h3 = /^### (.*)$/.exec(line);
    if (h3) {
      chapter = h3[1].trim();
      return;
    }
    if (!line.startsWith('| ')) return;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const m = /^([^|`第]*)第([一二三四五六七八九十百零〇\d]+)条$/.exec(cells[0]);
    if (!m || cells.length < 4) return;
    const source = m[1] || section;
    const s = cells[1];
    const status: CoverageRow['status'] = s.startsWith('encoded')
      ? 'encoded'
      : s.startsWith('partial')
        ? 'partial'
        : s.startsWith('not computable')
          ? 'not computable'
          : 'absent';
    rows.push({
      section,
      source,
      chapter,
      article: chineseNumber(m[2]),
      articleText: cells[0],
      status,
      statusText: s,
      declarations: backticked(cells[2]),
      cases: backticked(cells[3]),
      line: i + 1,
    });
  });
  return rows;
}
