import { describe, expect, it } from 'vitest';
import DecimalJs from 'decimal.js';
import {
  Decimal, dec, roundTo, formatMoney, formatRate, formatDecimal, dmin, dmax, clamp, sum,
  isDecimalInput, XizeRuntimeError,
} from '../../runtime/index.ts';

const s = (d: { toFixed(): string }) => d.toFixed();

function expectXR(f: () => unknown, code: string) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XizeRuntimeError);
    const err = e as XizeRuntimeError;
    expect(err.code).toBe(code);
    expect(err.zh.length).toBeGreaterThan(0);
    expect(err.en.length).toBeGreaterThan(0);
    return err;
  }
  throw new Error(`expected ${code} to be thrown`);
}

describe('Decimal and dec', () => {
  it('is a 40-digit clone rounding half up, without exponent notation', () => {
    expect(Decimal.precision).toBe(40);
    expect(Decimal.rounding).toBe(DecimalJs.ROUND_HALF_UP);
    expect(dec('1').div(3).toString()).toBe('0.' + '3'.repeat(40));
    expect(dec('0.000000000000000000000000000001').toString()).toBe('0.000000000000000000000000000001');
    expect(dec('12345678901234567890123456789012').toString()).toBe('12345678901234567890123456789012');
  });

  it('parses decimal strings exactly', () => {
    expect(s(dec('8000'))).toBe('8000');
    expect(s(dec('-1.5'))).toBe('-1.5');
    expect(s(dec('8000.00'))).toBe('8000');
    expect(s(dec('0.1').plus(dec('0.2')))).toBe('0.3');
    expect(dec('-0').isNegative()).toBe(false);
  });

  it('parses numbers via their shortest round-trip text', () => {
    expect(s(dec(0.1))).toBe('0.1');
    expect(s(dec(4109.735))).toBe('4109.735');
    expect(s(dec(1e21))).toBe('1000000000000000000000');
    expect(s(dec(-0))).toBe('0');
    expect(dec(-0).isNegative()).toBe(false);
    expect(s(dec(5e-7))).toBe('0.0000005');
  });

  it('accepts Decimals from decimal.js itself and from this clone', () => {
    expect(dec(new DecimalJs('1.25'))).toBeInstanceOf(Decimal);
    expect(s(dec(new DecimalJs('1.25')))).toBe('1.25');
    const d = new Decimal('2.5');
    expect(dec(d)).toBe(d);
  });

  it('never produces NaN: bad inputs throw XR022', () => {
    for (const bad of [NaN, Infinity, -Infinity, '', ' 1', '1 ', 'abc', '1e5', '1.', '.5', '+1', '1,000', '0x10', 'NaN', 'Infinity']) {
      const err = expectXR(() => dec(bad as string), 'XR022');
      expect(err.message).toContain('XR022');
    }
    expectXR(() => dec(new Decimal(NaN)), 'XR022');
    expectXR(() => dec(new DecimalJs(Infinity)), 'XR022');
    for (const bad of [null, undefined, true, {}, [], 10n]) expectXR(() => dec(bad as never), 'XR022');
  });

  it('isDecimalInput agrees with dec', () => {
    expect(isDecimalInput('8000.00')).toBe(true);
    expect(isDecimalInput(3)).toBe(true);
    expect(isDecimalInput(NaN)).toBe(false);
    expect(isDecimalInput('1e5')).toBe(false);
    expect(isDecimalInput(null)).toBe(false);
  });
});

describe('roundTo', () => {
  it('half_up rounds exact half cents up (四舍五入)', () => {
    expect(s(roundTo('4109.735', 'fen', 'half_up'))).toBe('4109.74');
    expect(s(roundTo(4109.735, 'fen', 'half_up'))).toBe('4109.74'); // 4109.735 as a double is below .735; we use its text
    expect(s(roundTo('4109.7349999', 'fen', 'half_up'))).toBe('4109.73');
    expect(s(roundTo('1.005', 'fen', 'half_up'))).toBe('1.01');
    expect(s(roundTo('2.345', 'fen', 'half_up'))).toBe('2.35');
  });

  it('half_up rounds negatives half away from zero', () => {
    expect(s(roundTo('-2.345', 'fen', 'half_up'))).toBe('-2.35');
    expect(s(roundTo('-2.344', 'fen', 'half_up'))).toBe('-2.34');
    expect(s(roundTo('-0.005', 'fen', 'half_up'))).toBe('-0.01');
  });

  it('half_even rounds exact halves to the even neighbour', () => {
    expect(s(roundTo('2.345', 'fen', 'half_even'))).toBe('2.34');
    expect(s(roundTo('2.355', 'fen', 'half_even'))).toBe('2.36');
    expect(s(roundTo('2.3451', 'fen', 'half_even'))).toBe('2.35');
    expect(s(roundTo('-2.345', 'fen', 'half_even'))).toBe('-2.34');
    expect(s(roundTo('2.5', 'yuan', 'half_even'))).toBe('2');
    expect(s(roundTo('3.5', 'yuan', 'half_even'))).toBe('4');
  });

  it('floor goes toward −∞ and ceil toward +∞', () => {
    expect(s(roundTo('2.349', 'fen', 'floor'))).toBe('2.34');
    expect(s(roundTo('-2.341', 'fen', 'floor'))).toBe('-2.35');
    expect(s(roundTo('2.341', 'fen', 'ceil'))).toBe('2.35');
    expect(s(roundTo('-2.349', 'fen', 'ceil'))).toBe('-2.34');
    expect(s(roundTo('2.34', 'fen', 'ceil'))).toBe('2.34');
  });

  it('rounds to 角 and 元', () => {
    expect(s(roundTo('1234.55', 'jiao', 'half_up'))).toBe('1234.6');
    expect(s(roundTo('1234.549', 'jiao', 'half_up'))).toBe('1234.5');
    expect(s(roundTo('1234.5', 'yuan', 'half_up'))).toBe('1235');
    expect(s(roundTo('-1234.5', 'yuan', 'half_up'))).toBe('-1235');
    expect(s(roundTo('1234.01', 'yuan', 'ceil'))).toBe('1235');
    expect(s(roundTo('1234.99', 'yuan', 'floor'))).toBe('1234');
    expect(s(roundTo('1234.19', 'jiao', 'floor'))).toBe('1234.1');
  });

  it('never yields negative zero', () => {
    const r = roundTo('-0.001', 'fen', 'half_up');
    expect(r.isNegative()).toBe(false);
    expect(formatMoney(r)).toBe('0.00');
    expect(roundTo('-0.4', 'yuan', 'ceil').isNegative()).toBe(false);
  });

  it('rejects unknown units and modes with XR025', () => {
    expectXR(() => roundTo('1', 'cent' as never, 'half_up'), 'XR025');
    expectXR(() => roundTo('1', 'fen', 'round' as never), 'XR025');
    expectXR(() => roundTo('1', 'toString' as never, 'half_up'), 'XR025');
    expectXR(() => roundTo('x', 'fen', 'half_up'), 'XR022');
  });
});

describe('formatting', () => {
  it('formatMoney shows two decimals and never loses digits', () => {
    expect(formatMoney('12345.6')).toBe('12345.60');
    expect(formatMoney('12345')).toBe('12345.00');
    expect(formatMoney('-3.1')).toBe('-3.10');
    expect(formatMoney('0.125')).toBe('0.125');
    expect(formatMoney(dec('1').div(3))).toBe('0.' + '3'.repeat(40));
    expect(formatMoney('100000000000000000000000000')).toBe('100000000000000000000000000.00');
    expect(formatMoney('0.00000001')).toBe('0.00000001');
  });

  it('formatRate shows a percentage at full precision', () => {
    expect(formatRate('0.6')).toBe('60%');
    expect(formatRate('0.075')).toBe('7.5%');
    expect(formatRate('1')).toBe('100%');
    expect(formatRate('0')).toBe('0%');
    expect(formatRate('0.00001')).toBe('0.001%');
  });

  it('formatDecimal is plain text', () => {
    expect(formatDecimal('0.0000000000000001')).toBe('0.0000000000000001');
    expect(formatDecimal(1e25)).toBe('10000000000000000000000000');
  });
});

describe('dmin, dmax, clamp, sum', () => {
  it('min and max', () => {
    expect(s(dmin('3', 2, '2.5'))).toBe('2');
    expect(s(dmax('3', 2, '3.01'))).toBe('3.01');
    expect(s(dmin('-1'))).toBe('-1');
    expectXR(() => dmin(), 'XR025');
    expectXR(() => dmax(), 'XR025');
    expectXR(() => dmax('1', NaN), 'XR022');
  });

  it('clamp', () => {
    expect(s(clamp('5', '1', '10'))).toBe('5');
    expect(s(clamp('0', '1', '10'))).toBe('1');
    expect(s(clamp('11', '1', '10'))).toBe('10');
    expect(s(clamp('7', '7', '7'))).toBe('7');
    const err = expectXR(() => clamp('5', '10', '1'), 'XR023');
    expect(err.zh).toContain('10');
  });

  it('sum is exact, optionally mapped, and 0 for an empty list', () => {
    expect(s(sum(['0.1', 0.2, '0.3']))).toBe('0.6');
    expect(s(sum([]))).toBe('0');
    expect(s(sum([{ a: '1.5' }, { a: '2.25' }], (x) => x.a))).toBe('3.75');
    expectXR(() => sum(['1', 'x']), 'XR022');
  });
});
