import { ReportSection, SelfEvaluationContext, SelfEvaluationIndicator, SelfEvaluationReport, SelfEvaluationSheet } from './report-data';
import { formatNumber } from '@app/domain';
import { executionRate, formatPercent, formatWanYuan } from './report-format';

/** Below this 执行率 the unit must explain why (domain.md §4.2). */
const EXECUTION_RATE_NEEDING_REASON = 0.9;

function section(heading: string, paragraphs: string[], subsections: ReportSection[] = []): ReportSection {
  return { heading, paragraphs, subsections };
}

const wan = (yuan: number) => `${formatWanYuan(yuan)}万元`;
const points = (score: number) => `${formatNumber(score)}分`;
const quoted = ({ name }: SelfEvaluationIndicator) => `“${name}”`;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function joinClauses(clauses: (string | null)[]): string {
  return clauses.filter((clause): clause is string => clause !== null).join('，');
}

function indicatorResult(indicator: SelfEvaluationIndicator): string {
  return joinClauses([
    `${indicator.level2}${quoted(indicator)}年度指标值${indicator.target}`,
    indicator.actual === null ? '未填报实际完成值' : `实际完成值${indicator.actual}`,
    indicator.score === null ? `未计分（分值${points(indicator.weight)}）` : `得分${points(indicator.score)}（分值${points(indicator.weight)}）`,
  ]) + '。';
}

function groupByLevel1(indicators: SelfEvaluationIndicator[]): Map<string, SelfEvaluationIndicator[]> {
  const groups = new Map<string, SelfEvaluationIndicator[]>();
  for (const indicator of indicators) groups.set(indicator.level1, [...(groups.get(indicator.level1) ?? []), indicator]);
  return groups;
}

function overview(sheet: SelfEvaluationSheet, context: SelfEvaluationContext): string[] {
  const { total, fiscal, carryOver, other } = sheet.funds;
  const sources = (
    [
      ['当年财政拨款', fiscal.annualBudget],
      ['上年结转资金', carryOver.annualBudget],
      ['其他资金', other.annualBudget],
    ] as const
  ).flatMap(([label, yuan]) => (yuan === null ? [] : [`${label}${wan(yuan)}`]));
  return [
    joinClauses([
      `${sheet.projectName}由${sheet.department}${sheet.unitName === sheet.department ? '' : `所属${sheet.unitName}`}实施，预算年度为${sheet.year}年`,
      context.category && `项目类别为${context.category}`,
      context.parentProject && `所属一级项目为“${context.parentProject}”`,
    ]) + '。',
    ...(total.annualBudget === null
      ? ['项目未录入全年预算数。']
      : [
          joinClauses([
            `项目全年预算数${wan(total.annualBudget)}`,
            total.initialBudget === null ? null : `年初预算数${wan(total.initialBudget)}`,
            sources.length ? `其中${sources.join('、')}` : null,
          ]) + '。',
        ]),
  ];
}

function goals(sheet: SelfEvaluationSheet): string[] {
  const counts = [...groupByLevel1(sheet.indicators)].map(([level1, group]) => `${level1}${group.length}个`);
  return [
    sheet.goal.expected === null ? '项目未录入年度总体目标。' : `年度总体目标：${sheet.goal.expected}`,
    sheet.indicators.length === 0
      ? '项目未设置绩效指标。'
      : `项目共设置绩效指标${sheet.indicators.length}个，其中${counts.join('、')}。`,
  ];
}

function budgetExecution(sheet: SelfEvaluationSheet): string[] {
  const { total, executionShortfallReason } = sheet.funds;
  const rate = executionRate(total.executed, total.annualBudget);
  if (rate === null || total.executed === null || total.annualBudget === null) {
    return ['全年预算数或全年执行数未录入（或预算数为零），无法计算预算执行率。'];
  }
  const scored = total.score === null ? '未计分' : `得分${points(total.score)}（分值${points(total.weight)}）`;
  const paragraphs = [`全年预算数${wan(total.annualBudget)}，全年执行数${wan(total.executed)}，预算执行率${formatPercent(rate)}，${scored}。`];
  if (rate < EXECUTION_RATE_NEEDING_REASON) {
    paragraphs.push(
      executionShortfallReason === null
        ? '预算执行率低于90%，单位未填写原因说明。'
        : `预算执行率低于90%，原因说明：${executionShortfallReason}`,
    );
  }
  return paragraphs;
}

function problems(sheet: SelfEvaluationSheet): string[] {
  const { total } = sheet.funds;
  const rate = executionRate(total.executed, total.annualBudget);
  const lines = sheet.indicators
    .filter(({ score, weight }) => score !== null && score < weight)
    .map(
      (indicator) =>
        `${quoted(indicator)}年度指标值${indicator.target}，实际完成值${indicator.actual ?? '未填报'}，得分${points(indicator.score!)}，低于分值${points(indicator.weight)}。` +
        (indicator.deviationReason === null ? '单位未填写偏差原因。' : `偏差原因：${indicator.deviationReason}`),
    );
  if (rate !== null && rate < EXECUTION_RATE_NEEDING_REASON) {
    lines.unshift(`预算执行率${formatPercent(rate)}，低于90%。`);
  }
  return lines.length ? lines : ['预算执行率不低于90%，已计分的绩效指标均得满分。'];
}

function improvements(sheet: SelfEvaluationSheet): string[] {
  const lines = sheet.indicators
    .filter(({ score, weight, deviationReason }) => score !== null && score < weight && deviationReason !== null)
    .map((indicator) => `针对${quoted(indicator)}：${indicator.deviationReason}`);
  return lines.length ? lines : ['单位未填写改进措施。'];
}

function otherMatters(sheet: SelfEvaluationSheet): string[] {
  const unscored = sheet.indicators.filter(({ score }) => score === null);
  if (unscored.length === 0) return ['无。'];
  return [
    `以下指标未计分：${unscored.map((indicator) => quoted(indicator) + (indicator.actual === null ? '（未填报实际完成值）' : '')).join('、')}。`,
  ];
}

/**
 * The 自评报告 of domain.md §5.1, every sentence built from the sheet and its context: which indicator,
 * which target, which actual and score, the unit's own reasons. Nothing is said that the data does not hold.
 */
export function buildSelfEvaluationNarrative(sheet: SelfEvaluationSheet, context: SelfEvaluationContext): SelfEvaluationReport {
  const { total } = sheet.funds;
  const indicatorScores = sheet.indicators.flatMap(({ score }) => (score === null ? [] : [score]));
  const fullMarks = sheet.indicators.filter(({ score, weight }) => score !== null && score >= weight).length;
  const belowWeight = sheet.indicators.filter(({ score, weight }) => score !== null && score < weight).length;
  return {
    title: `${sheet.projectName}${sheet.year}年度绩效自评报告`,
    subtitle: sheet.unitName,
    sections: [
      section('基本情况', [], [section('项目概况', overview(sheet, context)), section('绩效目标', goals(sheet))]),
      section('绩效自评工作开展情况', [
        `本次自评依据单位填报的实际完成值${context.actualsEntered}项（数据截至${context.dataAsOf}），对预算执行率和各项绩效指标逐项计分。`,
      ]),
      section('综合评价情况及结论', [
        joinClauses([
          `项目自评总分${points(sheet.totalScore)}，自评等级为“${sheet.grade}”`,
          total.score === null ? null : `其中预算执行率得分${points(total.score)}`,
          `绩效指标得分${points(sum(indicatorScores))}`,
        ]) + '。',
        `${sheet.indicators.length}个绩效指标中，${fullMarks}个得满分，${belowWeight}个得分低于分值，${sheet.indicators.length - fullMarks - belowWeight}个未计分。`,
      ]),
      section('绩效目标实现情况分析', [], [
        section('预算执行情况', budgetExecution(sheet)),
        ...[...groupByLevel1(sheet.indicators)].map(([level1, group]) =>
          section(`${level1}完成情况`, group.map(indicatorResult)),
        ),
      ]),
      section('存在的问题及原因分析', problems(sheet)),
      section('改进措施及有关建议', improvements(sheet)),
      section('其他需要说明的问题', otherMatters(sheet)),
    ],
  };
}
