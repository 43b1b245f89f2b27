import { parsePeriod } from '@app/domain';
import type { TargetColumns } from '../database/entities';
import { actualText, IndicatorRow, monitoringProject, ProjectRow, selfEvaluationSheet } from './report-rows';

const target = (raw: string, overrides: Partial<TargetColumns> = {}): TargetColumns => ({
  raw, kind: 'quantitative', comparator: 'gte', value: null, upper: null, unit: null, per: null, ...overrides,
});

function project(overrides: Partial<ProjectRow> = {}): ProjectRow {
  return {
    id: 'p1', name: '驻镇帮镇扶村工作经费', unitName: '协作办', departmentName: '协作办主管部门', category: null, parentName: null,
    amount: '9620000.00', fundingFiscal: '9120000.00', fundingSpecialAccount: null, fundingOther: '500000.00', goal: '完成帮扶任务',
    executed: '8415300.00', score: '88.55', grade: '良', executionScore: '8.75', ...overrides,
  };
}

function indicator(overrides: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    id: 'i1', projectId: 'p1', level1: '产出指标', level2: '数量指标', name: '培训人数', key: false, weight: null,
    annualTarget: target('≥390人', { value: '390', unit: '人' }), evaluatedWeight: null, evaluatedScore: null,
    actualValue: null, actualText: null, actualGrade: null, deviationCategory: null, deviationText: null, possibility: null,
    suggestion: null, ...overrides,
  };
}

describe(actualText.name, () => {
  it.each([
    ['a number with the target’s unit', indicator({ actualValue: '412.000' }), '412人'],
    ['a decimal kept as entered', indicator({ actualValue: '93.5', annualTarget: target('≥90%', { unit: '%' }) }), '93.5%'],
    ['the text when no number was entered', indicator({ actualText: '按期完成' }), '按期完成'],
    ['a qualitative grade in the form’s wording', indicator({ actualGrade: 'partial' }), '部分达成年度指标并具有一定效果'],
    ['nothing entered', indicator(), null],
  ])('shows %s', (_scenario, row, expected) => {
    expect(actualText(row)).toBe(expected);
  });
});

describe(selfEvaluationSheet.name, () => {
  it('takes the 总分, grade and scores from the stored evaluation, never recomputing them', () => {
    const sheet = selfEvaluationSheet(project(), [indicator({ evaluatedWeight: '12.5', evaluatedScore: '11.1', actualValue: '370' })], 2025);
    expect(sheet).toMatchObject({ year: 2025, totalScore: 88.55, grade: '良', department: '协作办主管部门', unitName: '协作办' });
    expect(sheet.indicators[0]).toMatchObject({ weight: 12.5, score: 11.1, actual: '370人', target: '≥390人' });
    expect(sheet.funds.total).toMatchObject({ annualBudget: 9_620_000, executed: 8_415_300, score: 8.75 });
  });

  it('splits the 一级 weight as the scorer does where no evaluation stored one', () => {
    const rows = [
      indicator(),
      indicator({ id: 'i2', name: '培训期数' }),
      indicator({ id: 'i3', level1: '效益指标', level2: '社会效益指标', name: '带动就业' }),
      indicator({ id: 'i4', level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度' }),
    ];
    expect(selfEvaluationSheet(project(), rows, 2025).indicators.map(({ weight }) => weight)).toEqual([25, 25, 30, 10]);
  });

  it.each([
    ['category and text', { deviationCategory: '经费保障', deviationText: '资金到位晚' }, '经费保障：资金到位晚'],
    ['text only', { deviationText: '资金到位晚' }, '资金到位晚'],
    ['category only', { deviationCategory: '其他' }, '其他'],
  ])('writes the 偏差原因 from %s', (_scenario, entry, expected) => {
    expect(selfEvaluationSheet(project(), [indicator(entry)], 2025).indicators[0].deviationReason).toBe(expected);
  });

  it('adds 财政专户 to 其他资金 and leaves absent sources empty', () => {
    const { funds } = selfEvaluationSheet(project({ fundingSpecialAccount: '100000.00', fundingOther: null }), [], 2025);
    expect(funds.other.annualBudget).toBe(100_000);
    expect(selfEvaluationSheet(project({ fundingOther: null }), [], 2025).funds.other.annualBudget).toBeNull();
  });
});

describe(monitoringProject.name, () => {
  const period = parsePeriod('2025-H1');

  it.each([
    ['on track for 6 of 12 months', '200', 'green'],
    ['far behind the pro-rata 195', '100', 'red'],
  ])('lights an indicator %s', (_scenario, value, light) => {
    const sheet = monitoringProject(project({ executed: '4810000' }), [indicator({ actualValue: value })], period);
    expect(sheet.indicators[0].light).toBe(light);
  });

  it('carries the unit’s possibility, category and suggestion, and the budget light', () => {
    const sheet = monitoringProject(
      project({ executed: '1000000' }),
      [indicator({ actualValue: '100', possibility: 'possible', deviationCategory: '人员保障', deviationText: '人员不足', suggestion: '下半年补充' })],
      period,
    );
    expect(sheet.indicators[0]).toMatchObject({
      likelihood: 'possible',
      deviationCategories: ['人员保障'],
      deviationReason: '人员不足',
      suggestion: '下半年补充',
      actualToDate: '100人',
    });
    expect(sheet.budgetLight).toBe('red');
    expect(sheet.funds).toMatchObject({ annualBudget: 9_620_000, executedToDate: 1_000_000 });
  });

  it('gives no light where nothing was entered yet', () => {
    expect(monitoringProject(project({ executed: null }), [indicator()], period)).toMatchObject({
      budgetLight: null,
      indicators: [{ light: null, actualToDate: null }],
    });
  });
});
