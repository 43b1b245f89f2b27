import { indicator, placeholder, qualitative, quantitative } from '../testing/target-fixtures';
import type { Actual, IndicatorForScoring } from './indicator-input';
import { regionProfile } from './region-profile';
import { round2 } from './round';
import { scoreExecution } from './score-execution';
import { gradeFor, scoreProject } from './score-project';
import { deriveWeights, level1Weights } from './weights';

const output = (name: string, weight?: number) => indicator('数量指标', name, quantitative('gte', 100, '人'), { weight });
const benefit = (name: string, weight?: number) => indicator('社会效益指标', name, qualitative('有所提升'), { weight });
const satisfaction = (weight?: number) => indicator('服务对象满意度指标', '服务对象满意度', quantitative('gte', 90, '%'), { weight });
const cost = () => indicator('经济成本指标', '人均培训成本', quantitative('lte', 4000, '元/人'));

describe('rounding like the vendor', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [0.125, 0.13],
    [9.7435, 9.74],
    [56.25, 56.25],
  ])('round2(%s) = %s', (value, rounded) => {
    expect(round2(value)).toBe(rounded);
  });
});

describe('一级 weights (domain.md §4.1)', () => {
  it.each([
    ['all three 一级 present', [output('a'), benefit('b'), satisfaction()], {}, { output: 50, benefit: 30, satisfaction: 10, cost: 0 }],
    ['满意度 missing, proportional split', [output('a'), benefit('b')], {}, { output: 56.25, benefit: 33.75, satisfaction: 0, cost: 0 }],
    ['满意度 missing, even split', [output('a'), benefit('b')], { satisfactionMissing: 'even' }, { output: 55, benefit: 35, satisfaction: 0, cost: 0 }],
    ['成本指标 carved out of 产出', [output('a'), benefit('b'), satisfaction(), cost()], {}, { output: 40, benefit: 30, satisfaction: 10, cost: 10 }],
    ['成本指标 inside 产出', [output('a'), benefit('b'), satisfaction(), cost()], { cost: { mode: 'within_output' } }, { output: 50, benefit: 30, satisfaction: 10, cost: 0 }],
  ] as const)('%s', (_scenario, indicators, overrides, expected) => {
    expect(level1Weights(indicators, regionProfile(overrides))).toEqual(expected);
  });
});

describe('indicator weights', () => {
  it.each([
    ['split evenly inside each 一级', [output('a'), output('b'), benefit('c'), satisfaction()], {}, [25, 25, 30, 10]],
    ['given 分值 kept as the unit set them', [output('a', 30), output('b', 20), benefit('c', 30), satisfaction(10)], {}, [30, 20, 30, 10]],
    ['the rest of a 一级 shared by indicators without 分值', [output('a', 30), output('b'), output('c'), benefit('d'), satisfaction()], {}, [30, 10, 10, 30, 10]],
    ['cost indicators scored inside 产出', [output('a'), cost(), benefit('c'), satisfaction()], { cost: { mode: 'within_output' } }, [25, 25, 30, 10]],
    ['indicators without a 一级 share the indicator points', [indicator(null, 'x', qualitative('完成')), indicator(null, 'y', qualitative('完成'))], {}, [45, 45]],
  ] as const)('%s', (_scenario, indicators, overrides, expected) => {
    expect(deriveWeights(indicators, regionProfile(overrides))).toEqual(expected);
  });
});

describe('预算执行率 (domain.md §4.2)', () => {
  it.each([
    ['85 % spent', 1_000_000, 850_000, 'partially_met', 85, 8.5],
    ['over-spent is capped at the weight', 1_000_000, 1_100_000, 'met', 110, 10],
    ['nothing spent', 1_000_000, 0, 'not_met', 0, 0],
    ['zero budget is not applicable', 0, 10, 'not_scorable', null, null],
    ['no spending entered yet', 1_000_000, null, 'pending', null, null],
  ])('%s', (_scenario, budget, spent, status, rate, score) => {
    expect(scoreExecution({ budget, spent })).toMatchObject({ status, rate, score, weight: 10 });
  });

  it('uses a region’s 20-point execution weight', () => {
    expect(scoreExecution({ budget: 100, spent: 75 }, regionProfile({ weights: { execution: 20 } })).score).toBe(15);
  });
});

describe('grade bands (domain.md §4.5)', () => {
  it.each([
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
  ] as const)('default 90/80/60: %s is %s', (total, grade) => {
    expect(gradeFor(total)).toBe(grade);
  });

  it.each([
    [80, '优'],
    [79.99, '良'],
    [70, '良'],
    [69.99, '中'],
    [60, '中'],
    [59.99, '差'],
  ] as const)('vendor 80/70/60: %s is %s', (total, grade) => {
    expect(gradeFor(total, regionProfile({ gradeBands: { excellent: 80, good: 70 } }))).toBe(grade);
  });
});

describe('scoring a whole project', () => {
  const indicators: IndicatorForScoring[] = [output('培训人数'), output('培训期数'), benefit('社会影响力'), satisfaction()];
  const met: Actual[] = [{ value: 100 }, { value: 100 }, { grade: 'achieved' }, { value: 95 }];

  it.each([
    ['everything met and fully spent', met, 1000, 1000, false, 97, '优', false],
    ['half of one 产出 indicator done', [{ value: 50 }, ...met.slice(1)], 1000, 1000, false, 84.5, '良', false],
    ['a pending indicator is left out and the rest re-scaled', [null, { value: 50 }, ...met.slice(2)], 1000, 1000, false, 79.33, '中', true],
    ['an indicator still missing after the entry deadline scores 0', [null, { value: 50 }, ...met.slice(2)], 1000, 1000, true, 59.5, '差', false],
    ['a zero budget leaves the execution row out', met, 0, 0, false, 96.67, '优', true],
    ['nothing entered yet', [null, null, null, null], 1000, null, false, null, null, true],
    ['nothing entered by the entry deadline', [null, null, null, null], 1000, null, true, 0, '差', true],
  ] as const)('%s', (_scenario, actuals, budget, spent, entriesClosed, total, grade, rescaled) => {
    const result = scoreProject({ indicators, actuals, budget, spent, entriesClosed });
    expect(result).toMatchObject({ total, grade, rescaled });
    expect(result.explanation).toContain(total === null ? '暂不计算' : `${total}`);
  });

  it('scores the worked 满意度-missing example at 56.25 / 33.75', () => {
    const result = scoreProject({
      indicators: [output('培训人数'), benefit('社会影响力')],
      actuals: [{ value: 100 }, { grade: 'partial' }],
      budget: 100,
      spent: 100,
    });
    expect(result.indicators.map((row) => [row.weight, row.score])).toEqual([
      [56.25, 56.25],
      [33.75, 23.63],
    ]);
    expect(result.total).toBe(89.88);
  });

  it('leaves placeholder indicators out of the total', () => {
    const result = scoreProject({
      indicators: [output('培训人数'), indicator('数量指标', '待补充指标', placeholder()), benefit('社会影响力'), satisfaction()],
      actuals: [{ value: 100 }, { value: 5 }, { grade: 'achieved' }, { value: 95 }],
      budget: 100,
      spent: 100,
    });
    expect(result.indicators[1].status).toBe('not_scorable');
    expect(result).toMatchObject({ applicableWeight: 75, earned: 72, total: 96, rescaled: true });
  });
});
