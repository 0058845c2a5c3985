import { describe, expect, it } from 'vitest';
import { bin, expr, n, num } from './helpers.ts';

describe('expression precedence', () => {
  it('multiplicative binds tighter than additive, left-assoc', () => {
    expect(expr('a + b × c - d')).toEqual(bin('-', bin('+', n('a'), bin('*', n('b'), n('c'))), n('d')));
    expect(expr('a / b * c')).toEqual(bin('*', bin('/', n('a'), n('b')), n('c')));
    expect(expr('a ÷ b')).toEqual(bin('/', n('a'), n('b')));
  });

  it('or < and < not < comparison', () => {
    expect(expr('非 a = 1 且 b 或 c')).toEqual(
      bin('or', bin('and', { kind: 'unary', op: 'not', operand: bin('=', n('a'), num('1')) }, n('b')), n('c')),
    );
    expect(expr('a ≠ b and not c or d')).toEqual(
      bin('or', bin('and', bin('!=', n('a'), n('b')), { kind: 'unary', op: 'not', operand: n('c') }), n('d')),
    );
    expect(expr('a ≤ b')).toEqual(bin('<=', n('a'), n('b')));
    expect(expr('a >= b + 1')).toEqual(bin('>=', n('a'), bin('+', n('b'), num('1'))));
  });

  it('unary minus binds tighter than ×', () => {
    expect(expr('-a × b')).toEqual(bin('*', { kind: 'unary', op: 'neg', operand: n('a') }, n('b')));
    expect(expr('--1')).toEqual({ kind: 'unary', op: 'neg', operand: { kind: 'unary', op: 'neg', operand: num('1') } });
  });

  it('于 takes one term on each side and binds tighter than arithmetic', () => {
    const at = {
      kind: 'at',
      target: { kind: 'index', target: { text: '伤残补助金月数' }, key: n('伤残等级') },
      date: n('受伤日期'),
    };
    expect(expr('本人工资 × 伤残补助金月数[伤残等级] 于 受伤日期')).toEqual(bin('*', n('本人工资'), at));
    expect(expr('伤残补助金月数[伤残等级] 于 受伤日期 × 2')).toEqual(bin('*', at, num('2')));
    expect(expr('X at (d + 30 days)')).toEqual({
      kind: 'at',
      target: n('X'),
      date: bin('+', n('d'), { kind: 'duration', value: '30', unit: 'days' }),
    });
    expect(expr('参数名 于 亲属.出生日期')).toEqual({
      kind: 'at',
      target: n('参数名'),
      date: { kind: 'qualified', qualifier: { text: '亲属' }, member: { text: '出生日期' } },
    });
  });

  it('fields: qualified on a bare name, field otherwise', () => {
    expect(expr('伤残等级.四级')).toEqual({ kind: 'qualified', qualifier: { text: '伤残等级' }, member: { text: '四级' } });
    expect(expr('a.b.c')).toEqual({
      kind: 'field',
      object: { kind: 'qualified', qualifier: { text: 'a' }, member: { text: 'b' } },
      field: { text: 'c' },
    });
    expect(expr('f(x).y')).toEqual({ kind: 'field', object: { kind: 'call', callee: { text: 'f' }, args: [n('x')] }, field: { text: 'y' } });
  });

  it('literals', () => {
    expect(expr('1500元')).toEqual({ kind: 'money', value: '1500' });
    expect(expr('1500 yuan')).toEqual({ kind: 'money', value: '1500' });
    expect(expr('60%')).toEqual({ kind: 'percent', value: '60', perMille: false });
    expect(expr('0.5‰')).toEqual({ kind: 'percent', value: '0.5', perMille: true });
    expect(expr('5个工作日')).toEqual({ kind: 'duration', value: '5', unit: 'workdays' });
    expect(expr('3个月')).toEqual({ kind: 'duration', value: '3', unit: 'months' });
    expect(expr('2 years')).toEqual({ kind: 'duration', value: '2', unit: 'years' });
    expect(expr('7天')).toEqual({ kind: 'duration', value: '7', unit: 'days' });
    expect(expr('2024-02-29')).toEqual({ kind: 'date', value: '2024-02-29' });
    expect(expr('"a\\"b\\\\c\\nd"')).toEqual({ kind: 'string', value: 'a"b\\c\nd' });
    expect(expr('“全角”')).toEqual({ kind: 'string', value: '全角' });
    expect(expr('真')).toEqual({ kind: 'boolean', value: true });
    expect(expr('false')).toEqual({ kind: 'boolean', value: false });
    expect(expr('基准日')).toEqual({ kind: 'asOf' });
    expect(expr('12.50')).toEqual(num('12.50'));
  });

  it('calls, lambdas, rounding units, keyword-named builtins', () => {
    expect(expr('四舍五入(x, 分)')).toEqual({ kind: 'call', callee: { text: '四舍五入' }, args: [n('x'), { kind: 'roundingUnit', unit: 'fen' }] });
    expect(expr('floor(x, yuan)')).toEqual({ kind: 'call', callee: { text: 'floor' }, args: [n('x'), { kind: 'roundingUnit', unit: 'yuan' }] });
    expect(expr('向上取整(x, 角)')).toEqual({ kind: 'call', callee: { text: '向上取整' }, args: [n('x'), { kind: 'roundingUnit', unit: 'jiao' }] });
    expect(expr('求和(供养亲属, 亲属 => 亲属抚恤金(亲属))')).toEqual({
      kind: 'call',
      callee: { text: '求和' },
      args: [n('供养亲属'), { kind: 'lambda', param: { text: '亲属' }, body: { kind: 'call', callee: { text: '亲属抚恤金' }, args: [n('亲属')] } }],
    });
    expect(expr('f()')).toEqual({ kind: 'call', callee: { text: 'f' }, args: [] });
    expect(expr('最大（a，b）')).toEqual({ kind: 'call', callee: { text: '最大' }, args: [n('a'), n('b')] });
  });

  it('a call or lookup needs its bracket on the same line', () => {
    expect(expr('(a)')).toEqual(n('a'));
    expect(expr('[a, b]')).toEqual({ kind: 'list', items: [n('a'), n('b')] });
    expect(expr('[]')).toEqual({ kind: 'list', items: [] });
  });

  it('when / otherwise', () => {
    expect(expr('当 a 则 1 当 b 则 2 否则 3 + 4')).toEqual({
      kind: 'when',
      branches: [
        { condition: n('a'), value: num('1') },
        { condition: n('b'), value: num('2') },
      ],
      otherwise: bin('+', num('3'), num('4')),
    });
    expect(expr('(when a then 1 otherwise 2) * 3')).toEqual(
      bin('*', { kind: 'when', branches: [{ condition: n('a'), value: num('1') }], otherwise: num('2') }, num('3')),
    );
  });

  it('match with shared keys, ranges, qualified keys and default', () => {
    expect(expr('匹配 x { A: 1, B, C: 2; D..F: 3 伤残等级.一级: 4, 否则: 5 }')).toEqual({
      kind: 'match',
      subject: n('x'),
      arms: [
        { keys: [{ kind: 'member', name: { text: 'A' } }], value: num('1') },
        { keys: [{ kind: 'member', name: { text: 'B' } }, { kind: 'member', name: { text: 'C' } }], value: num('2') },
        { keys: [{ kind: 'range', from: { text: 'D' }, to: { text: 'F' } }], value: num('3') },
        { keys: [{ kind: 'member', qualifier: { text: '伤残等级' }, name: { text: '一级' } }], value: num('4') },
      ],
      otherwise: num('5'),
    });
    expect(expr('match x { 1: a }')).toEqual({ kind: 'match', subject: n('x'), arms: [{ keys: [{ kind: 'integer', value: '1' }], value: n('a') }] });
  });

  it('membership', () => {
    expect(expr('等级 属于 [一级, 二级]')).toEqual({ kind: 'in', value: n('等级'), set: { kind: 'members', items: [n('一级'), n('二级')] } });
    expect(expr('等级 in 一级..四级')).toEqual({ kind: 'in', value: n('等级'), set: { kind: 'range', from: n('一级'), to: n('四级') } });
    expect(expr('a 属于 [1] 且 b')).toEqual(bin('and', { kind: 'in', value: n('a'), set: { kind: 'members', items: [num('1')] } }, n('b')));
  });
});
