import { parsePeriod } from '../periods/period';
import { scoreProject } from '../scoring/score-project';
import { indicator, placeholder, qualitative, quantitative } from '../testing/target-fixtures';
import { type EntryReviewInput, type IndicatorEntry, entryDeadline, periodsPastDeadline, reviewEntries } from './review-entries';

const INDICATORS = [
  indicator('数量指标', '培训人数', quantitative('gte', 120, '人')),
  indicator('社会效益指标', '帮扶影响力', qualitative('有所提升')),
  indicator('服务对象满意度指标', '参训人员满意度', quantitative('gte', 90, '%')),
];
const MET: IndicatorEntry[] = [{ value: 120 }, { grade: 'achieved' }, { value: 92 }];
const YEAR = parsePeriod('2025');
const JUNE = parsePeriod('2025-06');

function input(patch: Partial<EntryReviewInput> & { first?: IndicatorEntry | null }): EntryReviewInput {
  const { first, ...rest } = patch;
  return {
    period: YEAR,
    asOf: '2026-01-05',
    indicators: INDICATORS,
    entries: first === undefined ? MET : [first, ...MET.slice(1)],
    budget: 1000,
    spent: 1000,
    ...rest,
  };
}

describe('entry-time rules', () => {
  it('finds nothing wrong with complete, met entries', () => {
    expect(reviewEntries(input({}))).toEqual([]);
  });

  it.each([
    ['ACTUAL_MISSING', 'nothing entered after the deadline', input({ entries: [], asOf: '2026-01-11' }), [0, 1, 2]],
    ['ACTUAL_MISSING', 'nothing entered on the deadline day', input({ entries: [], asOf: '2026-01-10' }), []],
    ['ACTUAL_MISSING', 'one entry missing after the June deadline', input({ period: JUNE, asOf: '2025-07-11', first: null, spent: 500 }), [0]],
    ['ACTUAL_MISSING', 'a placeholder target has nothing to enter', input({ indicators: [indicator('数量指标', '待补充', placeholder())], entries: [], asOf: '2026-02-01' }), []],
    ['ACTUAL_INVALID', 'text on a quantitative indicator', input({ first: { text: '已完成' } }), [0]],
    ['ACTUAL_INVALID', 'a qualitative actual that is not a grade', input({ entries: [MET[0], { text: '很好' }, MET[2]] }), [1]],
    ['DEVIATION_REASON_MISSING', 'year target missed without a reason', input({ first: { value: 100 } }), [0]],
    ['DEVIATION_REASON_MISSING', 'year target missed with a reason', input({ first: { value: 100, deviationReason: '受疫情影响延期' } }), []],
    ['DEVIATION_REASON_MISSING', 'a partial qualitative grade without a reason', input({ entries: [MET[0], { grade: 'partial' }, MET[2]] }), [1]],
    ['DEVIATION_REASON_MISSING', 'behind pro-rata in June (red)', input({ period: JUNE, first: { value: 30 }, spent: 500 }), [0]],
    ['DEVIATION_REASON_MISSING', 'short of pro-rata in June (yellow)', input({ period: JUNE, first: { value: 40 }, spent: 500 }), [0]],
    ['DEVIATION_REASON_MISSING', 'short of pro-rata in June and explained', input({ period: JUNE, first: { value: 40, deviationReason: '培训集中在下半年' }, spent: 500 }), []],
    ['DEVIATION_REASON_MISSING', 'on pro-rata in June (green)', input({ period: JUNE, first: { value: 60 }, spent: 500 }), []],
    ['OVER_ACHIEVED', 'year target reached 1.2 times', input({ first: { value: 144 } }), [0]],
    ['OVER_ACHIEVED', 'over-achievement explained', input({ first: { value: 144, deviationReason: '追加培训任务' } }), []],
    ['OVER_ACHIEVED', 'far ahead of pro-rata in June (blue)', input({ period: JUNE, first: { value: 72 }, spent: 500 }), [0]],
    ['SUGGESTION_MISSING', '有可能 without a suggestion', input({ first: { value: 120, possibility: 'possible' } }), [0]],
    ['SUGGESTION_MISSING', '完全不可能 without a suggestion', input({ first: { value: 120, possibility: 'impossible' } }), [0]],
    ['SUGGESTION_MISSING', 'a blank suggestion counts as none', input({ first: { value: 120, possibility: 'possible', suggestion: '  ' } }), [0]],
    ['SUGGESTION_MISSING', '完全不可能 with a suggestion', input({ first: { value: 120, possibility: 'impossible', suggestion: '申请调整目标' } }), []],
    ['SUGGESTION_MISSING', '确定能 needs no suggestion', input({ first: { value: 120, possibility: 'certain' } }), []],
    ['EXECUTION_LOW_UNEXPLAINED', '85 % spent at year end', input({ spent: 850 }), [null]],
    ['EXECUTION_LOW_UNEXPLAINED', '90 % spent at year end', input({ spent: 900 }), []],
    ['EXECUTION_LOW_UNEXPLAINED', '85 % spent and explained', input({ spent: 850, executionExplanation: '部分采购年底未结算' }), []],
    ['EXECUTION_LOW_UNEXPLAINED', '40 % spent by June (80 % of the time-line)', input({ period: JUNE, spent: 400, entries: [{ value: 60 }, ...MET.slice(1)] }), [null]],
    ['EXECUTION_LOW_UNEXPLAINED', '45 % spent by June (90 % of the time-line)', input({ period: JUNE, spent: 450, entries: [{ value: 60 }, ...MET.slice(1)] }), []],
  ] as const)('%s: %s', (code, _scenario, entryInput, indices) => {
    const findings = reviewEntries(entryInput).filter((finding) => finding.code === code);
    expect(findings.map((finding) => finding.indicatorIndex)).toEqual(indices);
    for (const finding of findings) {
      expect(finding.severity).toBe(code === 'OVER_ACHIEVED' ? 'warning' : 'error');
      if (finding.indicatorIndex !== null) expect(finding.message).toContain(INDICATORS[finding.indicatorIndex].name);
    }
  });

  it.each([
    ['2025', '2026-01-10'],
    ['2025-H1', '2025-07-10'],
    ['2025-Q3', '2025-10-10'],
  ])('the entry deadline of %s is %s', (text, deadline) => {
    expect(entryDeadline(parsePeriod(text))).toBe(deadline);
  });

  it.each([
    ['on the year’s deadline day, the periods ending with December are not yet past', '2026-01-10', ['2025-11', '2025-Q3', '2025-H1'], ['2025', '2025-12', '2025-Q4', '2025-H2']],
    ['the day after, they are', '2026-01-11', ['2025', '2025-12', '2025-Q4', '2025-H2'], ['2026-01']],
    ['mid-year, the year before whole and this year up to May', '2026-06-15', ['2025', '2026-Q1', '2026-05'], ['2026-06', '2026-H1', '2026']],
  ])('periods past their deadline: %s', (_scenario, today, past, notPast) => {
    const periods = periodsPastDeadline(today).map(({ period }) => period.text);
    for (const text of past) expect(periods).toContain(text);
    for (const text of notPast) expect(periods).not.toContain(text);
  });

  it('dates each period past its deadline from the day after the deadline', () => {
    const pastFrom = Object.fromEntries(periodsPastDeadline('2026-08-01').map(({ period, pastFrom }) => [period.text, pastFrom]));
    expect(pastFrom).toMatchObject({ '2025': '2026-01-11', '2025-02': '2025-03-11', '2026-H1': '2026-07-11', '2026-06': '2026-07-11' });
  });
});

describe('entry review with scores computed by scoreProject', () => {
  it('gives the same findings as scoring on its own', () => {
    const entryInput = input({ first: { value: 100 }, spent: 850 });
    const { indicators } = scoreProject({ ...entryInput, actuals: entryInput.entries });
    expect(reviewEntries({ ...entryInput, scores: indicators })).toEqual(reviewEntries(entryInput));
  });
});
