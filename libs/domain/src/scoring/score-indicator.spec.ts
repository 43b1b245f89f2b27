import { parsePeriod } from '../periods/period';
import { indicator, placeholder, qualitative, quantitative, range } from '../testing/target-fixtures';
import type { Comparator } from '../targets/target';
import type { Actual, QualitativeGrade } from './indicator-input';
import { type RegionProfileOverrides, regionProfile } from './region-profile';
import { overrideBand, scoreIndicator } from './score-indicator';

const WEIGHT = 10;

function scoreQuantitative(comparator: Comparator, A: number, B: number, overrides: RegionProfileOverrides = {}) {
  return scoreIndicator(
    { indicator: indicator('数量指标', '培训人数', quantitative(comparator, A, '人')), actual: { value: B }, weight: WEIGHT },
    regionProfile(overrides),
  );
}

describe('scoring a quantitative indicator (domain.md §4.3, §4.7)', () => {
  it.each([
    ['gte met exactly', 'gte', 390, 390, {}, 'met', 10],
    ['gte above target is capped at the weight', 'gte', 390, 500, {}, 'met', 10],
    ['gte short of target scores B/A × w, vendor-rounded', 'gte', 390, 380, {}, 'partially_met', 9.74],
    ['gte two thirds rounds half-up to 6.67', 'gte', 3, 2, {}, 'partially_met', 6.67],
    ['gte with nothing done scores 0', 'gte', 390, 0, {}, 'not_met', 0],
    ['gt at equality counts as met like the vendor', 'gt', 95, 95, {}, 'met', 10],
    ['gt at equality under strict comparison is not met', 'gt', 95, 95, { strictAtEquality: true }, 'partially_met', 10],
    ['gt above the target under strict comparison is met', 'gt', 95, 96, { strictAtEquality: true }, 'met', 10],
    ['gt short of target scores B/A × w like gte', 'gt', 95, 90, {}, 'partially_met', 9.47],
    ['bare number (eq) is scored as positive', 'eq', 78, 70, {}, 'partially_met', 8.97],
    ['eq above its value is met', 'eq', 78, 80, {}, 'met', 10],
    ['eq with zero target and zero actual', 'eq', 0, 0, {}, 'met', 10],
    ['eq with zero target and a positive actual', 'eq', 0, 1, {}, 'not_met', 0],
    ['eq with zero target and a negative actual', 'eq', 0, -1, {}, 'met', 10],
    ['gte with a zero target met by a zero actual', 'gte', 0, 0, {}, 'met', 10],
    ['lte within the limit', 'lte', 30, 25, {}, 'met', 10],
    ['lte over the limit, ratio formula A/B', 'lte', 30, 40, {}, 'partially_met', 7.5],
    ['lte over the limit, linear formula 2 − B/A', 'lte', 30, 40, { reverseFormula: 'linear' }, 'partially_met', 6.67],
    ['lte linear reaches 0 at twice the limit', 'lte', 30, 60, { reverseFormula: 'linear' }, 'not_met', 0],
    ['lte linear stays 0 beyond twice the limit', 'lte', 30, 75, { reverseFormula: 'linear' }, 'not_met', 0],
    ['lte ratio formula never reaches 0', 'lte', 30, 75, {}, 'partially_met', 4],
    ['lt at equality counts as met like the vendor', 'lt', 2, 2, {}, 'met', 10],
    ['lt at equality under strict comparison is not met', 'lt', 2, 2, { strictAtEquality: true }, 'partially_met', 10],
    ['lt over the limit, ratio formula A/B', 'lt', 2, 4, {}, 'partially_met', 5],
    ['lt linear at exactly twice the limit scores 0', 'lt', 2, 4, { reverseFormula: 'linear' }, 'not_met', 0],
    ['lte with a zero limit kept scores full', 'lte', 0, 0, {}, 'met', 10],
    ['lte with a zero limit exceeded scores 0', 'lte', 0, 1, {}, 'not_met', 0],
  ] as const)('%s', (_scenario, comparator, A, B, overrides, status, score) => {
    const result = scoreQuantitative(comparator, A, B, overrides);
    expect(result).toMatchObject({ status, score, weight: WEIGHT });
    expect(result.explanation).toContain('培训人数');
    expect(result.formula).toContain(`A=${A}`);
  });

  it.each([
    ['negative positive target', 'gte', -5, -6],
    ['negative reverse limit', 'lte', -5, -3],
  ] as const)('%s goes to manual scoring', (_scenario, comparator, A, B) => {
    expect(scoreQuantitative(comparator, A, B)).toMatchObject({ status: 'not_scorable', score: null, issue: { code: 'MANUAL_SCORE_REQUIRED' } });
  });

  it.each([
    ['at exactly 1.2 × the target', 100, 120, {}, true],
    ['just below 1.2 × the target', 100, 119.99, {}, false],
    ['at 1.2 × with a region threshold of 1.5', 100, 120, { overAchieveRatio: 1.5 }, false],
  ] as const)('over-achievement %s', (_scenario, A, B, overrides, overAchieved) => {
    const result = scoreQuantitative('gte', A, B, overrides);
    expect(result).toMatchObject({ overAchieved, score: WEIGHT });
    expect(result.explanation.includes('超额完成')).toBe(overAchieved);
  });

  it('never flags over-achievement on a reverse indicator', () => {
    expect(scoreQuantitative('lte', 100, 10).overAchieved).toBe(false);
  });

  const perMonth = quantitative('gte', 1, '次', { per: 'month' });
  const perQuarter = quantitative('gte', 2, '次', { per: 'quarter' });
  it.each([
    ['每月不少于1次, met over the year', perMonth, 12, undefined, 'met', 10],
    ['每月不少于1次, short over the year', perMonth, 9, undefined, 'partially_met', 7.5],
    ['每月不少于1次, met by June', perMonth, 6, '2025-06', 'met', 10],
    ['每月不少于1次, short by June', perMonth, 3, '2025-06', 'partially_met', 5],
    ['每季度不少于2次, met over the year', perQuarter, 8, undefined, 'met', 10],
    ['每季度不少于2次, short over the year', perQuarter, 6, undefined, 'partially_met', 7.5],
    ['每季度不少于2次, met by the half year', perQuarter, 4, '2025-H1', 'met', 10],
    ['每季度不少于2次, short by the third quarter', perQuarter, 3, '2025-Q3', 'partially_met', 5],
  ])('per-period target %s', (_scenario, target, B, period, status, score) => {
    const result = scoreIndicator({
      indicator: indicator('数量指标', '督导次数', target),
      actual: { value: B },
      weight: WEIGHT,
      period: period ? parsePeriod(period) : undefined,
    });
    expect(result).toMatchObject({ status, score });
  });

  it.each([
    ['inside the range', 85, 'met', 10],
    ['on the lower bound', 80, 'met', 10],
    ['below the range scores against the lower bound', 70, 'partially_met', 8.75],
    ['above the range scores against the upper bound', 99, 'partially_met', 9.09],
  ])('range target 80%-90% %s', (_scenario, B, status, score) => {
    const result = scoreIndicator({ indicator: indicator('质量指标', '合格率', range(80, 90, '%')), actual: { value: B }, weight: WEIGHT });
    expect(result).toMatchObject({ status, score });
  });
});

describe('scoring a qualitative indicator (domain.md §4.4)', () => {
  const target = qualitative('有所提升');
  const score = (actual: Actual, overrides: RegionProfileOverrides = {}) =>
    scoreIndicator({ indicator: indicator('社会效益指标', '社会影响力', target), actual, weight: WEIGHT }, regionProfile(overrides));

  it.each([
    ['达成年度指标', 'met', 9],
    ['达成预期指标', 'met', 9],
    ['达成目标', 'met', 9],
    ['达到预期目标', 'met', 9],
    ['部分达成年度指标并具有一定效果', 'partially_met', 7],
    ['部分达成目标并具有一定效果', 'partially_met', 7],
    ['未达成年度指标且效果较差', 'not_met', 3],
    ['未达成目标且效果较差', 'not_met', 3],
  ])('the wording “%s” scores the band midpoint', (text, status, points) => {
    expect(score({ text })).toMatchObject({ status, score: points, issue: null });
  });

  it.each([
    ['partial', 6.5],
    ['not_achieved', 2.5],
  ] as const)('a region with 80/50 bands scores %s at %s', (grade, points) => {
    expect(score({ grade }, { qualitativeBands: { partial: 50 } }).score).toBe(points);
  });

  it.each([
    ['achieved', 8, true],
    ['achieved', 10, true],
    ['achieved', 10.5, false],
    ['achieved', 7.99, false],
    ['partial', 8, false],
    ['partial', 6, true],
    ['partial', 7.99, true],
    ['not_achieved', 6, false],
    ['not_achieved', 5.99, true],
    ['not_achieved', 0, true],
  ] as const)('a reviewer score for %s of %s is accepted: %s (half-open bands)', (grade: QualitativeGrade, reviewerScore, accepted) => {
    const result = score({ grade, override: { score: reviewerScore, reason: '评审复核' } });
    expect(result.overridden).toBe(accepted);
    expect(result.issue?.code).toBe(accepted ? undefined : 'OVERRIDE_OUT_OF_RANGE');
    if (accepted) expect(result.score).toBe(reviewerScore);
  });

  it('rejects an actual that is not one of the three grades', () => {
    expect(score({ text: '效果很好' })).toMatchObject({ status: 'not_scorable', issue: { code: 'ACTUAL_NOT_GRADE' } });
  });
});

describe('indicators that cannot be scored yet', () => {
  it.each([
    ['no actual entered', quantitative('gte', 10, '次'), null, 'pending', null],
    ['an empty actual', quantitative('gte', 10, '次'), { text: ' ' }, 'pending', null],
    ['a placeholder target', placeholder(), { value: 3 }, 'not_scorable', 'TARGET_NOT_SCORABLE'],
    ['no target at all', null, { value: 3 }, 'not_scorable', 'TARGET_NOT_SCORABLE'],
    ['text on a quantitative target', quantitative('gte', 10, '次'), { text: '已完成' }, 'not_scorable', 'ACTUAL_NOT_NUMERIC'],
  ])('%s', (_scenario, target, actual, status, code) => {
    const result = scoreIndicator({ indicator: indicator('数量指标', '检查次数', target), actual, weight: WEIGHT });
    expect(result).toMatchObject({ status, score: null });
    expect(result.issue?.code ?? null).toBe(code);
  });

  it.each([
    ['a quantitative indicator', quantitative('gte', 10, '次'), 0],
    ['a qualitative indicator', qualitative('有所提升'), 0],
    ['a placeholder target, still left out', placeholder(), null],
  ])('once the entry deadline has passed, %s without an actual scores %p', (_scenario, target, score) => {
    const result = scoreIndicator({ indicator: indicator('数量指标', '检查次数', target), actual: null, weight: WEIGHT, entriesClosed: true });
    expect(result).toMatchObject({ status: score === null ? 'not_scorable' : 'pending', score });
  });

  it('takes a reviewer score for an indicator that needs manual scoring', () => {
    const result = scoreIndicator({
      indicator: indicator('经济效益指标', '亏损率', quantitative('lte', -5, '%')),
      actual: { value: -3, override: { score: 6, reason: '亏损收窄但未达标' } },
      weight: WEIGHT,
    });
    expect(result).toMatchObject({ status: 'partially_met', score: 6, overridden: true, issue: null });
  });
});

describe('the range a reviewer may score in', () => {
  it.each([
    ['a quantitative indicator', quantitative('gte', 10, '次'), { value: 3 }, { min: 0, max: 10, maxInclusive: true }],
    ['a 达成 grade', qualitative('提升'), { grade: 'achieved' }, { min: 8, max: 10, maxInclusive: true }],
    ['a 部分达成 grade', qualitative('提升'), { text: '部分达成年度指标并具有一定效果' }, { min: 6, max: 8, maxInclusive: false }],
    ['a 未达成 grade', qualitative('提升'), { grade: 'not_achieved' }, { min: 0, max: 6, maxInclusive: false }],
    ['a qualitative actual that is not a grade', qualitative('提升'), { text: '很好' }, null],
  ] as const)('%s', (_scenario, target, actual: Actual, band) => {
    const result = overrideBand(indicator('社会效益指标', '影响力', target), actual, WEIGHT);
    if (band === null) expect(result).toBeNull();
    else expect(result).toMatchObject(band);
  });
});
