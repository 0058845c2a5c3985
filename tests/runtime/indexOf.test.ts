// 序号 / index_of: the input-order position a tie-break needs (the dependants' residual fen).
import { describe, expect, it } from 'vitest';
import { indexOf } from '../../runtime/ops.ts';
import { Decimal } from '../../runtime/money.ts';

describe('indexOf (序号)', () => {
  it('gives equal records their own places by identity, 1-based', () => {
    const a = ['子女', new Decimal(1)];
    const b = ['子女', new Decimal(1)]; // structurally equal twin
    const xs = [a, b];
    expect(indexOf(xs, a).toNumber()).toBe(1);
    expect(indexOf(xs, b).toNumber()).toBe(2);
  });
  it('falls back to the first structurally equal item, and 0 when absent', () => {
    const xs = [['配偶'], ['子女']];
    expect(indexOf(xs, ['子女']).toNumber()).toBe(2);
    expect(indexOf(xs, ['父母']).toNumber()).toBe(0);
  });
});
