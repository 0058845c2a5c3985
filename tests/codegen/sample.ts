// A hand-built two-layer policy (国家 → 浙江) exercising most of the IR.
import type { IrPolicy } from '../../compiler/ir.ts';
import {
  T, money, rate, int, num, bool, date, dur, member, input, local, field, param, table, bands, rule, call, agg, arith, cmp,
  when, match, versions, one, mkRule, mkParam, mkTable, mkBands, mkPolicy, span,
} from './ir.ts';

const 等级 = T.enum('伤残等级');
const 关系 = T.enum('亲属关系');
const 亲属 = T.record('供养亲属');
const 平均 = (at: any = null) => param('统筹地区月平均工资', T.money, at);

export function samplePolicy(): IrPolicy {
  return mkPolicy({
    name: '浙江',
    title: '浙江省工伤保险实施细则（测试）',
    effective: '2011-01-01',
    chain: ['全国', '浙江'],
    enums: [
      { name: '伤残等级', members: ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'], policy: '全国', span },
      { name: '亲属关系', members: ['配偶', '子女', '父母'], policy: '全国', span },
    ],
    records: [
      {
        name: '供养亲属',
        policy: '全国',
        span,
        fields: [
          { name: '关系', type: 关系, optional: false, policy: '全国', span },
          { name: '出生日期', type: T.date, optional: false, policy: '全国', span },
          { name: '孤寡', type: T.boolean, optional: true, policy: '全国', span },
        ],
      },
    ],
    inputs: [
      { name: '月缴费工资', type: T.money, optional: false, policy: '全国', span, doc: '受伤前12个月平均月缴费工资' },
      { name: '伤残等级', type: 等级, optional: false, policy: '全国', span },
      { name: '受伤日期', type: T.date, optional: false, policy: '全国', span },
      { name: '死亡日期', type: T.date, optional: true, policy: '全国', span },
      { name: '旧伤复发', type: T.boolean, optional: true, policy: '全国', span },
      { name: '供养亲属', type: T.list(亲属), optional: true, policy: '全国', span },
      { name: '支缴率', type: T.rate, optional: true, policy: '全国', span, range: ['-1', '10'] }, // 范围 -100%..1000%: a negative rate reaches the bands (XR005)
    ],
    params: [
      mkParam('统筹地区月平均工资', T.money, [
        versions('全国', [['2023-01-01', money('8000')], ['2024-01-01', money('9000'), '2024年公布']]),
        versions('浙江', [['2024-07-01', money('9120'), '浙人社2024']]),
      ], { cite: '条例第六十四条' }),
      mkParam('最低工资标准', T.money, [one('全国', money('2000')), one('浙江', money('2490'))], { cite: '条例第三十五条' }),
      mkParam('保底比例', T.rate, [one('全国', rate('0.6'))]),
      mkParam('封顶比例', T.rate, [one('全国', arith('*', rate('0.6'), num('5'), T.rate))]),
      mkParam('未设参数', T.money, [], { required: true }),
    ],
    tables: [
      mkTable('伤残补助金月数', 等级, T.integer, [
        versions('全国', [
          ['2004-01-01', { rows: [{ keys: ['一级'], value: int(24) }, { keys: ['二级'], value: int(22) }], otherwise: int(6) }],
          ['2011-01-01', { rows: [{ keys: ['一级'], value: int(27) }, { keys: ['二级'], value: int(25) }, { keys: ['五级', '六级'], value: int(18) }], otherwise: int(7) }, '条例第三十七条'],
        ]),
        one('浙江', { rows: [{ keys: ['五级'], value: int(20) }] }, '浙江细则'),
      ], { cite: '条例第三十五条至第三十七条' }),
      mkTable('整数表', T.integer, T.money, [one('全国', { rows: [{ keys: [1], value: money('10') }, { keys: [2], value: money('20') }] })]),
    ],
    bands: [
      mkBands('费率浮动', T.rate, T.rate, [
        one('全国', [
          { lower: { value: rate('0'), inclusive: true }, upper: { value: rate('0.5'), inclusive: false }, value: rate('0.8') },
          { lower: { value: rate('0.5'), inclusive: true }, upper: { value: rate('1'), inclusive: true }, value: rate('1') },
          { lower: { value: rate('1'), inclusive: false }, upper: { value: null, inclusive: false }, value: rate('1.2') },
        ]),
      ], { cite: '人社部发〔2015〕71号' }),
    ],
    rules: [
      mkRule('本人工资', T.money, [one('全国', call('clamp', T.money, [
        input('月缴费工资', T.money),
        arith('*', 平均(input('受伤日期', T.date)), param('保底比例', T.rate)),
        arith('*', 平均(input('受伤日期', T.date)), param('封顶比例', T.rate)),
      ]))], { cite: '条例第六十四条' }),
      mkRule('一次性伤残补助金', T.money, [one('全国', arith('*', rule('本人工资', T.money), table('伤残补助金月数', input('伤残等级', 等级), T.integer)))], {
        cite: '条例第三十七条',
        exceptions: [{ condition: input('旧伤复发', T.boolean), value: money('0'), cite: '条例第十五条', policy: '全国', span }],
      }),
      mkRule('三倍本人工资', T.money, [one('全国', arith('+', arith('+', rule('本人工资', T.money), rule('本人工资', T.money)), rule('本人工资', T.money)))]),
      mkRule('丧葬补助金', T.money, [one('全国', when([[cmp('>', input('死亡日期', T.date), input('受伤日期', T.date)), arith('*', 平均(), int(6), T.money)]], money('0')))], { cite: '条例第三十九条' }),
      mkRule('亲属抚恤比例', T.rate, [one('全国', match(field(local('亲属', 亲属), '关系', 关系), [[['配偶'], rate('0.4')]], rate('0.3'), T.rate))], {
        params: [{ name: '亲属', type: 亲属 }],
      }),
      mkRule('抚恤金合计', T.money, [one('全国', agg('sum', input('供养亲属', T.list(亲属)), 'x', arith('*', rule('本人工资', T.money), rule('亲属抚恤比例', T.rate, [local('x', 亲属)]), T.money), T.money))]),
      mkRule('亲属人数', T.integer, [one('全国', agg('count', input('供养亲属', T.list(亲属)), null, null, T.integer))]),
      mkRule('通知期限', T.workdays, [versions('全国', [['2012-01-01', dur('5', 'workdays'), '规程(2012)'], ['2022-06-16', dur('10', 'workdays'), '规程(2022)']])]),
      mkRule('通知截止日', T.date, [one('全国', arith('+', input('受伤日期', T.date), rule('通知期限', T.workdays), T.date))]),
      mkRule('浮动费率', T.rate, [one('全国', bands('费率浮动', input('支缴率', T.rate), T.rate))]),
      mkRule('日工资', T.money, [one('全国', arith('/', rule('本人工资', T.money), num('21.75'), T.money))]),
      mkRule('日工资_不舍入', T.money, [one('全国', arith('/', rule('本人工资', T.money), num('21.75'), T.money))], { rounding: null }),
      mkRule('重度伤残', T.boolean, [one('全国', cmp('<=', input('伤残等级', 等级), member('伤残等级', '四级')))]),
      mkRule('最低工资', T.money, [one('全国', param('最低工资标准', T.money))]),
      mkRule('去年最低工资', T.money, [one('全国', param('最低工资标准', T.money, date('2010-06-01')))]),
      mkRule('用未设参数', T.money, [one('全国', param('未设参数', T.money))]),
      mkRule('整数表值', T.money, [one('全国', table('整数表', int(3), T.money))]),
      mkRule('除零', T.money, [one('全国', arith('/', money('1'), num('0'), T.money))]),
      mkRule('年龄', T.integer, [one('全国', call('age_at', T.integer, [date('1980-05-01'), call('add_months', T.date, [input('受伤日期', T.date), dur('1', 'months')])]))]),
    ],
    checks: [
      { name: '工资低于最低工资', severity: 'warning', condition: cmp('<', input('月缴费工资', T.money), param('最低工资标准', T.money)), message: '月缴费工资低于最低工资标准', cite: '条例第三十五条', policy: '全国', span },
      { name: '死亡检查', severity: 'error', condition: cmp('<', input('死亡日期', T.date), input('受伤日期', T.date)), message: '死亡日期早于受伤日期', policy: '全国', span },
    ],
  });
}

export const baseInput = {
  月缴费工资: '3000.00',
  伤残等级: '五级',
  受伤日期: '2024-03-15',
};
