import { describe, expect, it } from 'vitest';
import { XizeRuntimeError, runtimeError, runtimeHint, isXizeRuntimeError, runtimeMessages, inputMessages, WorkCalendar } from '../../runtime/index.ts';

describe('XizeRuntimeError', () => {
  it('carries code, both texts, args and path', () => {
    const e = runtimeError('XR021', { value: '"2023-02-29"' }, '受伤日期');
    expect(e).toBeInstanceOf(Error);
    expect(isXizeRuntimeError(e)).toBe(true);
    expect(e.name).toBe('XizeRuntimeError');
    expect(e.code).toBe('XR021');
    expect(e.zh).toContain('无效日期');
    expect(e.en).toContain('invalid date');
    expect(e.message).toBe(`XR021: ${e.zh} / ${e.en}`);
    expect(e.path).toBe('受伤日期');
    expect(e.args).toEqual({ value: '"2023-02-29"' });
    expect(runtimeHint(e)).toBeUndefined();
  });

  it('exposes the catalogued hint (XR020 names the 日历 block)', () => {
    try {
      new WorkCalendar().isWorkday('2030-01-02');
      throw new Error('unreachable');
    } catch (e) {
      const h = runtimeHint(e as XizeRuntimeError);
      expect(h?.zh).toContain('日历');
      expect(h?.zh).toContain('2030');
      expect(h?.en).toContain('2030');
    }
  });

  it('survives an unknown code', () => {
    expect(runtimeError('XR999').en).toContain('XR999');
  });

  it('catalogs use their own code ranges', () => {
    for (const k of Object.keys(runtimeMessages)) {
      expect(k).toMatch(/^XR0[23]\d$/);
    }
    for (const k of Object.keys(inputMessages)) expect(k).toMatch(/^XI\d{3}$/);
    expect(new XizeRuntimeError('XR030', { zh: '甲', en: 'a' }).message).toBe('XR030: 甲 / a');
  });
});
