// Parameter pass: values must be constant expressions (XC061: literals, enum members, other
// parameters, arithmetic, comparisons and pure built-ins — no inputs, rules, tables, bands,
// 基准日 or locals); a declaration needs a value or `必填` (XC062); a required parameter
// left unset in a non-abstract policy is an error (XC060; abstract policies pass silently) when
// something live still reads it (compiler/liveRefs.ts).
import type { Span } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import type { IrParam } from './ir.ts';
import { walkIr } from './irWalk.ts';
import { report } from './messages.ts';
import type { Symbols } from './symbols.ts';

const NON_CONST: Record<string, [string, string]> = {
  input: ['输入', 'inputs'],
  local: ['局部变量', 'local variables'],
  field: ['输入字段', 'input fields'],
  rule: ['规则', 'rules'],
  table: ['表', 'tables'],
  bands: ['分档', 'bands'],
  asOf: ['基准日', 'the as-of date'],
  aggregate: ['列表运算', 'list aggregates'],
};

export function checkParam(
  syms: Symbols,
  p: IrParam,
  leaf: { name: string; abstract: boolean; span: Span },
  diags: Diagnostic[],
  read = true,
): void {
  const extra = p.cite ? { cite: p.cite } : {};
  for (const layer of p.layers) {
    for (const v of layer.versions) {
      let done = false;
      walkIr(v.body, (e) => {
        if (done) return false;
        const bad = NON_CONST[e.k] ?? (e.k === 'builtin' && e.fn === 'present' ? NON_CONST.input : undefined);
        if (!bad) return true;
        report(diags, 'XC061', e.span, { what: bad[0], whatEn: bad[1] }, extra);
        done = true;
        return false;
      });
    }
  }
  const sym = syms.values.get(p.name);
  const base = sym?.kind === 'param' ? sym.decls[0].decl : undefined;
  if (base && !base.required && base.versions.length === 0) {
    report(diags, 'XC062', base.name.span, { name: p.name }, extra);
    return;
  }
  const hasValue = p.layers.some((l) => l.versions.length > 0);
  if (p.required && !hasValue && !leaf.abstract && read) {
    const related = base ? [{ span: base.name.span, message: { zh: '参数的声明', en: 'the parameter declaration' } }] : undefined;
    report(diags, 'XC060', leaf.span, { name: p.name, policy: leaf.name }, { ...extra, ...(related ? { related } : {}) });
  }
}
