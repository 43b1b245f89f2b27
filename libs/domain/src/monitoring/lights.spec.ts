import { parsePeriod } from '../periods/period';
import type { Actual } from '../scoring/indicator-input';
import { regionProfile } from '../scoring/region-profile';
import { indicator, placeholder, qualitative, quantitative, range } from '../testing/target-fixtures';
import type { Target } from '../targets/target';
import { type Light, monitorBudget, monitorIndicator, monitorProject, worstLight } from './lights';

const JUNE = parsePeriod('2025-06');

describe('indicator lights by month m (domain.md §6.3)', () => {
  const light = (target: Target, actual: Actual | null, level2 = '数量指标', profile = regionProfile()) =>
    monitorIndicator({ indicator: indicator(level2, '受益人数', target), actual, period: JUNE }, profile);

  it.each([
    ['below 60 % of pro-rata', 29.9, 'red', 49.83],
    ['at 60 % of pro-rata', 36, 'yellow', 60],
    ['just below 80 %', 47.9, 'yellow', 79.83],
    ['at 80 %', 48, 'green', 80],
    ['just below 120 %', 71.9, 'green', 119.83],
    ['at 120 %', 72, 'blue', 120],
  ])('positive target 120 by June: %s', (_scenario, value, expected, progress) => {
    expect(light(quantitative('gte', 120, '人'), { value })).toMatchObject({ light: expected, progress });
  });

  it.each([
    ['March, at 60 % of pro-rata', '2025-03', 18, 'yellow', 60],
    ['the first quarter, just below 60 %', '2025-Q1', 17.9, 'red', 59.67],
    ['the third quarter, at 80 %', '2025-Q3', 72, 'green', 80],
    ['the half year, at 120 %', '2025-H1', 72, 'blue', 120],
  ])('positive target 120 by another period: %s', (_scenario, period, value, expected, progress) => {
    const result = monitorIndicator({ indicator: indicator('数量指标', '受益人数', quantitative('gte', 120, '人')), actual: { value }, period: parsePeriod(period) });
    expect(result).toMatchObject({ light: expected, progress });
  });

  it('pro-rates a per-month target over the year', () => {
    expect(light(quantitative('gte', 1, '次', { per: 'month' }), { value: 6 })).toMatchObject({ light: 'green', progress: 100 });
  });

  it.each([
    ['reverse within the limit', quantitative('lte', 30, '天'), 30, 'green'],
    ['reverse over the limit', quantitative('lte', 30, '天'), 31, 'red'],
    ['strict reverse is met below the limit', quantitative('lt', 2, '小时'), 1.5, 'green'],
    ['equal-zero kept at zero', quantitative('eq', 0, '起'), 0, 'green'],
    ['equal-zero broken', quantitative('eq', 0, '起'), 1, 'red'],
    ['inside a range', range(80, 90, '%'), 85, 'green'],
    ['outside a range', range(80, 90, '%'), 95, 'red'],
  ])('%s', (_scenario, target, value, expected) => {
    expect(light(target, { value })).toMatchObject({ light: expected, progress: null });
  });

  it.each([
    ['lt at the limit, vendor rule', false, 'green'],
    ['lt at the limit, strict comparison', true, 'red'],
  ])('%s', (_scenario, strictAtEquality, expected) => {
    expect(light(quantitative('lt', 2, '小时'), { value: 2 }, '时效指标', regionProfile({ strictAtEquality })).light).toBe(expected);
  });

  it.each([
    ['达成目标', 'green'],
    ['部分达成目标并具有一定效果', 'yellow'],
    ['未达成目标且效果较差', 'red'],
  ])('qualitative “%s” is %s', (text, expected) => {
    expect(light(qualitative('有所提升'), { text })).toMatchObject({ light: expected });
  });

  it.each([
    ['a rate is compared with the full-year level', 92, {}, 'green', 102.22],
    ['a rate under the vendor’s pro-rata rule', 92, { proRataRates: true }, 'blue', 204.44],
    ['a rate well below its level', 50, {}, 'red', 55.56],
  ])('satisfaction ≥90%% by June: %s', (_scenario, value, overrides, expected, progress) => {
    expect(light(quantitative('gte', 90, '%'), { value }, '服务对象满意度指标', regionProfile(overrides))).toMatchObject({ light: expected, progress });
  });

  it.each([
    ['质量指标 under the Shanxi option, target reached', '质量指标', 95, ['质量指标'], 'green'],
    ['质量指标 under the Shanxi option, target missed', '质量指标', 94, ['质量指标'], 'red'],
    ['质量指标 without the option is pro-rated (over-shoot)', '质量指标', 95, [], 'blue'],
    ['数量指标 under the Shanxi option is still pro-rated', '数量指标', 95, ['质量指标'], 'blue'],
  ])('%s', (_scenario, level2, value, rangeOnlyLightLevel2, expected) => {
    const profile = regionProfile({ rangeOnlyLightLevel2, proRataRates: true });
    expect(light(quantitative('gte', 95, '%'), { value }, level2, profile).light).toBe(expected);
  });

  it.each([
    ['no actual yet', quantitative('gte', 10, '个'), null],
    ['placeholder target', placeholder(), { value: 3 }],
    ['qualitative actual not a grade', qualitative('提升'), { text: '很好' }],
  ])('%s shows no light', (_scenario, target, actual) => {
    expect(light(target, actual).light).toBeNull();
  });
});

describe('budget light', () => {
  it.each([
    ['below 60 % of the time-line', 290, 'red'],
    ['just below 60 %', 359, 'red'],
    ['at 60 %', 360, 'yellow'],
    ['just below 80 %', 479, 'yellow'],
    ['at 80 %', 480, 'green'],
    ['ahead of the time-line', 1000, 'green'],
  ])('budget 1200 by June, %s', (_scenario, spent, expected) => {
    expect(monitorBudget({ budget: 1200, spent, period: JUNE }).light).toBe(expected);
  });

  it('has no light for a zero budget', () => {
    expect(monitorBudget({ budget: 0, spent: 0, period: JUNE }).light).toBeNull();
  });

  it('has no light before the spending is entered', () => {
    expect(monitorBudget({ budget: 1200, spent: null, period: JUNE })).toMatchObject({ light: null, progress: null });
  });

  it('measures the third quarter against nine months of the time-line', () => {
    expect(monitorBudget({ budget: 1200, spent: 540, period: parsePeriod('2025-Q3') })).toMatchObject({ light: 'yellow', progress: 60 });
  });
});

describe('project light is the worst light', () => {
  it.each([
    [['blue', 'green', 'yellow', 'red'], 'red'],
    [['blue', 'yellow', 'green'], 'yellow'],
    [['blue', 'green'], 'green'],
    [['blue', null], 'blue'],
    [[null, null], null],
  ] as [(Light | null)[], Light | null][])('%j → %s', (lights, expected) => {
    expect(worstLight(lights)).toBe(expected);
  });

  it('combines indicator lights with the budget light', () => {
    const result = monitorProject({
      indicators: [indicator('数量指标', '培训人数', quantitative('gte', 120, '人')), indicator('社会效益指标', '影响力', qualitative('提升'))],
      actuals: [{ value: 72 }, { text: '达成目标' }],
      budget: 1200,
      spent: 400,
      period: JUNE,
    });
    expect(result.indicators.map((row) => row.light)).toEqual(['blue', 'green']);
    expect(result).toMatchObject({ light: 'yellow', budget: { light: 'yellow' } });
  });
});
