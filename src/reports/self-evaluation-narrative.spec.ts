import { ReportSection, SelfEvaluationReport, SelfEvaluationSheet } from './report-data';
import { sampleSelfEvaluationContext, sampleSelfEvaluationSheet } from './sample-reports';
import { buildSelfEvaluationNarrative } from './self-evaluation-narrative';

function findSection(report: SelfEvaluationReport, heading: string): ReportSection {
  const search = (sections: ReportSection[]): ReportSection | undefined =>
    sections.find((s) => s.heading === heading) ?? sections.map((s) => search(s.subsections)).find(Boolean);
  const found = search(report.sections);
  if (!found) throw new Error(`no section ${heading}`);
  return found;
}

function allText(sections: ReportSection[]): string {
  return sections.map((s) => [s.heading, ...s.paragraphs, allText(s.subsections)].join('\n')).join('\n');
}

function withFunds(sheet: SelfEvaluationSheet, executed: number | null, reason: string | null): SelfEvaluationSheet {
  return { ...sheet, funds: { ...sheet.funds, total: { ...sheet.funds.total, executed }, executionShortfallReason: reason } };
}

describe(buildSelfEvaluationNarrative.name, () => {
  const sheet = sampleSelfEvaluationSheet(5);
  const context = sampleSelfEvaluationContext();
  const report = buildSelfEvaluationNarrative(sheet, context);

  it('follows the §5.1 outline', () => {
    expect(report.sections.map(({ heading }) => heading)).toEqual([
      '基本情况',
      '绩效自评工作开展情况',
      '综合评价情况及结论',
      '绩效目标实现情况分析',
      '存在的问题及原因分析',
      '改进措施及有关建议',
      '其他需要说明的问题',
    ]);
  });

  it('lists under 存在的问题 every indicator scored below its weight, with its own reason, and no other', () => {
    const problems = findSection(report, '存在的问题及原因分析').paragraphs.join('\n');
    for (const indicator of sheet.indicators) {
      const belowWeight = indicator.score !== null && indicator.score < indicator.weight;
      expect(problems.includes(`“${indicator.name}”`)).toBe(belowWeight);
      if (belowWeight) expect(problems).toContain(indicator.deviationReason ?? '单位未填写偏差原因');
    }
  });

  it('names no indicator that is not in the data', () => {
    const known = new Set([...sheet.indicators.map(({ name }) => name), context.parentProject, sheet.grade]);
    const quoted = [...allText(report.sections).matchAll(/“([^”]+)”/g)].map(([, name]) => name);
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((name) => !known.has(name))).toEqual([]);
  });

  it('states each indicator with its target, actual and score under its 一级', () => {
    for (const indicator of sheet.indicators) {
      const paragraphs = findSection(report, `${indicator.level1}完成情况`).paragraphs;
      const line = paragraphs.find((paragraph) => paragraph.includes(`“${indicator.name}”`));
      expect(line).toContain(`年度指标值${indicator.target}`);
      expect(line).toContain(indicator.actual === null ? '未填报实际完成值' : `实际完成值${indicator.actual}`);
      expect(line).toContain(indicator.score === null ? '未计分' : `得分${indicator.score}分`);
    }
  });

  it('writes no 一级 section the data has no indicators for', () => {
    const withoutSatisfaction = { ...sheet, indicators: sheet.indicators.filter(({ level1 }) => level1 !== '满意度指标') };
    const text = allText(buildSelfEvaluationNarrative(withoutSatisfaction, context).sections);
    expect(text).not.toContain('满意度');
  });

  it('gives the total and grade of the evaluation', () => {
    expect(findSection(report, '综合评价情况及结论').paragraphs[0]).toContain(
      `项目自评总分${sheet.totalScore}分，自评等级为“${sheet.grade}”`,
    );
  });

  it('mentions unscored indicators under 其他需要说明的问题', () => {
    const unscored = sheet.indicators.filter(({ score }) => score === null);
    expect(unscored.length).toBeGreaterThan(0);
    const other = findSection(report, '其他需要说明的问题').paragraphs.join('');
    for (const indicator of unscored) expect(other).toContain(`“${indicator.name}”`);
  });

  it.each([
    { scenario: 'at least 90 % needs no explanation', executedShare: 0.95, reason: null, says: [], never: ['低于90%'] },
    { scenario: 'below 90 % quotes the unit’s reason', executedShare: 0.5, reason: '工程延期', says: ['低于90%', '原因说明：工程延期'], never: [] },
    { scenario: 'below 90 % without a reason says it is missing', executedShare: 0.5, reason: null, says: ['单位未填写原因说明'], never: [] },
  ])('预算执行率 $scenario', ({ executedShare, reason, says, never }) => {
    const budget = sheet.funds.total.annualBudget!;
    const narrative = buildSelfEvaluationNarrative(withFunds(sheet, budget * executedShare, reason), context);
    const execution = findSection(narrative, '预算执行情况').paragraphs.join('\n');
    for (const text of says) expect(execution).toContain(text);
    for (const text of never) expect(execution).not.toContain(text);
  });

  it('does not compute a 执行率 it has no figures for', () => {
    const narrative = buildSelfEvaluationNarrative(withFunds(sheet, null, null), context);
    expect(findSection(narrative, '预算执行情况').paragraphs).toEqual([
      '全年预算数或全年执行数未录入（或预算数为零），无法计算预算执行率。',
    ]);
  });
});
