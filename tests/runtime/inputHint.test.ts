// The hint of a malformed number (XI004) and the run-time number error (XR022) must not teach a
// negative example: money and counts are non-negative unless the policy's 范围 says otherwise
// (issue 11 item 7). Chinese first, English alongside.
import { describe, expect, it } from 'vitest';
import { inputMessages, runtimeMessages } from '../../runtime/messages.ts';

describe('number hints', () => {
  const args = { path: '月缴费工资', value: '"abc"' };
  it('XI004 gives non-negative examples and says where a negative is allowed', () => {
    const m = inputMessages.XI004!;
    const zh = m.hintZh!(args);
    const en = m.hintEn!(args);
    for (const t of [zh, en, m.zh(args), m.en(args)]) expect(t).not.toMatch(/-\d/);
    expect(zh).toContain('不能为负');
    expect(zh).toContain('范围');
    expect(en).toContain('cannot be negative');
  });
  it('XR022 gives non-negative examples', () => {
    const m = runtimeMessages.XR022!;
    for (const t of [m.zh(args), m.en(args)]) expect(t).not.toMatch(/-\d/);
  });
});
