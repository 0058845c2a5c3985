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
    reason: 'policy text: 应补缴金额 = 应缴金额 − 已缴金额 is negative when 已缴 > 应缴 (provinces/national/contributions.xize); whether that is an overpayment or an input error is the policy author\'s call',
  },
];

export function knownReason(kind: string): string | undefined {
  return KNOWN.find((k) => k.pattern.test(kind))?.reason;
}
