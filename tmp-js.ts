import { compilePolicy } from './compiler/index.ts';
const parent = [{ path: 'p/a.xize', text: '抽象 政策 省 生效 2020-01-01\n参数 系数: 比率 必填 范围 80%..120% 依据 "第27条"\n参数 乙: 比率 = 系数 范围 80%..120%\n规则 r: 比率 依据 "x" = 系数 + 乙' }];
for (const v of ['120%', '121%', '79%', '0.8']) {
  const child = [{ path: 'c/a.xize', text: `政策 市 继承 省 生效 2021-01-01\n覆盖 参数 系数 = ${v}` }];
  const r: any = compilePolicy({ files: child, resolve: (n: string) => (n === '省' ? parent : undefined) } as any);
  console.log(v, r.diagnostics.map((d: any) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message.zh} | ${d.message.en}`), r.ir?.params.find((p: any) => p.name === '系数')?.range?.hiValue);
}
