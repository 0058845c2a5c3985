// Finding kinds that are known and being fixed elsewhere (the runtime: another branch), or that
// are the policy text's decision rather than an engine defect. The long run reports them apart;
// the regression replay marks their fixtures expected-to-fail with the reason.
export const KNOWN: { pattern: RegExp; reason: string }[] = [
  { pattern: /^options-throws-evaluate-RangeError$/, reason: 'runtime: no depth limit on parameter overrides (issue 11 item 2; branch robust)' },
  { pattern: /^options-message-XR002$/, reason: 'runtime: a non-string as-of date is shown as [object Object] (issue 11 item 11; branch robust)' },
  { pattern: /^options-/, reason: 'runtime: hostile EvaluateOptions (non-object parameters, override depth; issue 11 items 2, 3; branch robust)' },
  { pattern: /^negative-money-edge-input$/, reason: 'runtime/schema: no minimum bounds on money inputs (issue 11 item 7; branch robust)' },
  {
    pattern: /^negative-money-valid-input$/,
    // Decided (harden): not a value the policy may declare negative. 规程(2022)第二十八条 (规程(2012)第二十九条)
    // makes 应补缴金额 the amount owed for 少报、漏报、瞒报; 欠缴明细 lists months in arrears, and 社会保险法
    // 第八十六条 levies 滞纳金 on the 欠缴数额 — a negative month would give a negative late fee that offsets
    // other months. Neither text provides for an overpaid month (no refund article in the 规程), so no
    // 范围 is declared; clamping a month at 0 or refusing 已缴 > 应缴 (an error check) is the lead's call.
    reason: 'policy text: 应补缴金额 = 应缴金额 − 已缴金额 is negative when 已缴 > 应缴 (provinces/national/contributions.xize); by 规程(2022)第二十八条 an amount owed is never negative, so it is not declared negative — a clamp or an error check is left for the lead',
  },
];

export function knownReason(kind: string): string | undefined {
  return KNOWN.find((k) => k.pattern.test(kind))?.reason;
}
