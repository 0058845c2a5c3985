// Finding kinds that are known and being fixed elsewhere (the runtime: another branch), or that
// are the policy text's decision rather than an engine defect. The long run reports them apart;
// the regression replay marks their fixtures expected-to-fail with the reason.
export const KNOWN: { pattern: RegExp; reason: string }[] = [
  // empty: every kind found so far is fixed (issue 11). 应补缴合计 below 0 — the last entry — is now the
  // error check 欠缴月份已缴多于应缴 (provinces/national/contributions.xize): the outcome is not ok, and
  // the oracle counts negative money only in an ok outcome.
];

export function knownReason(kind: string): string | undefined {
  return KNOWN.find((k) => k.pattern.test(kind))?.reason;
}
