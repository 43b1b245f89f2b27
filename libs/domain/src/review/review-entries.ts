import { monitorBudget, monitorIndicator } from '../monitoring/lights';
import { type Period, addDays, periodsOf } from '../periods/period';
import { type Actual, type IndicatorForScoring, hasActual } from '../scoring/indicator-input';
import { DEFAULT_REGION_PROFILE, type RegionProfile } from '../scoring/region-profile';
import { type IndicatorScore, scoreIndicator } from '../scoring/score-indicator';
import { deriveWeights } from '../scoring/weights';
import type { Finding, Severity } from './finding';

/** 完成目标可能性 on the 监控表: 1 确定能 / 2 有可能 / 3 完全不可能. */
export type CompletionPossibility = 'certain' | 'possible' | 'impossible';

/** What a unit entered for one indicator and period. */
export interface IndicatorEntry extends Actual {
  /** 偏差原因分析及改进措施 */
  deviationReason?: string | null;
  possibility?: CompletionPossibility | null;
  /** 相关建议或举措 */
  suggestion?: string | null;
}

export interface EntryReviewInput {
  period: Period;
  /** The day of the check, `YYYY-MM-DD`. */
  asOf: string;
  indicators: readonly IndicatorForScoring[];
  /** Aligned with `indicators`. */
  entries: readonly (IndicatorEntry | null | undefined)[];
  budget?: number | null;
  spent?: number | null;
  /** Why 执行率 is behind, as the unit wrote it. */
  executionExplanation?: string | null;
  /** The indicators' scores when the caller already ran scoreProject for this period (saves scoring twice). */
  scores?: readonly IndicatorScore[];
}

export const ENTRY_RULE_CODES = [
  'ACTUAL_MISSING',
  'ACTUAL_INVALID',
  'DEVIATION_REASON_MISSING',
  'OVER_ACHIEVED',
  'EXECUTION_LOW_UNEXPLAINED',
  'SUGGESTION_MISSING',
] as const;
export type EntryRuleCode = (typeof ENTRY_RULE_CODES)[number];

const deadlines = new Map<string, string>();

export function entryDeadline(period: Period, profile: RegionProfile = DEFAULT_REGION_PROFILE): string {
  const key = `${period.endDate}+${profile.entryDeadlineDays}`;
  let deadline = deadlines.get(key);
  if (deadline === undefined) {
    deadline = addDays(period.endDate, profile.entryDeadlineDays);
    deadlines.set(key, deadline);
  }
  return deadline;
}

/** The first day (`YYYY-MM-DD`) on which the period's entry deadline has passed and a missing actual is a finding. */
export function firstDayPastDeadline(period: Period, profile: RegionProfile = DEFAULT_REGION_PROFILE): string {
  return addDays(entryDeadline(period, profile), 1);
}

/**
 * The periods of `today`'s year and the year before whose entry deadline had passed by `today`: every deadline a
 * score computed within the last year may have been computed before.
 */
export function periodsPastDeadline(today: string, profile: RegionProfile = DEFAULT_REGION_PROFILE): { period: Period; pastFrom: string }[] {
  const year = Number(today.slice(0, 4));
  return [...periodsOf(year - 1), ...periodsOf(year)]
    .map((period) => ({ period, pastFrom: firstDayPastDeadline(period, profile) }))
    .filter(({ pastFrom }) => pastFrom <= today);
}

/**
 * Entry-time rules (domain.md §4.2, §4.6, §6.2). For the whole year they judge the 自评 status
 * (a target not met needs a reason; a 达成 grade scored at its band midpoint does not); for an
 * earlier period they judge the 双监控 light (red or yellow needs a reason, blue is over-achievement).
 */
export function reviewEntries(input: EntryReviewInput, profile: RegionProfile = DEFAULT_REGION_PROFILE): Finding[] {
  const { period, indicators } = input;
  const yearEnd = period.throughMonth === 12;
  const pastDeadline = input.asOf > entryDeadline(period, profile);
  const scores = input.scores ?? scoreIndicators(input, profile);
  const findings = indicators.flatMap((indicator, index) => {
    const entry = input.entries[index];
    const found = (code: EntryRuleCode, severity: Severity, message: string, details: Record<string, unknown> = {}): Finding => ({
      code,
      severity,
      message: `指标“${indicator.name}”${message}`,
      indicatorIndex: index,
      details: { name: indicator.name, period: period.text, ...details },
    });
    const score = scores[index];
    if (score.status === 'pending') {
      return pastDeadline
        ? [found('ACTUAL_MISSING', 'error', `${period.text} 的实际完成值已过填报期限（${entryDeadline(period, profile)}）仍未填报`)]
        : [];
    }
    if (!hasActual(entry)) return [];
    const issue = score.issue && score.issue.code !== 'TARGET_NOT_SCORABLE' ? score.issue : null;
    const light = yearEnd ? null : monitorIndicator({ indicator, actual: entry, period }, profile).light;
    const behind = yearEnd ? score.status === 'partially_met' || score.status === 'not_met' : light === 'red' || light === 'yellow';
    const overAchieved = yearEnd ? score.overAchieved : light === 'blue';
    const explained = !!entry.deviationReason?.trim();
    return [
      ...(issue ? [found('ACTUAL_INVALID', 'error', `的实际完成值有误：${issue.message}`, { issue: issue.code })] : []),
      ...(behind && !explained
        ? [found('DEVIATION_REASON_MISSING', 'error', '未完成目标，须填写偏差原因分析及改进措施', { score: score.score, weight: score.weight, light })]
        : []),
      ...(overAchieved && !explained
        ? [found('OVER_ACHIEVED', 'warning', '超额完成目标，须说明原因，并复核年度目标是否设置偏低', { ratio: score.ratio })]
        : []),
      ...(entry.possibility && entry.possibility !== 'certain' && !entry.suggestion?.trim()
        ? [found('SUGGESTION_MISSING', 'error', '完成目标可能性不是“确定能”，须填写相关建议或举措', { possibility: entry.possibility })]
        : []),
    ];
  });
  return [...findings, ...executionFindings(input, profile)];
}

function scoreIndicators({ indicators, entries, period }: EntryReviewInput, profile: RegionProfile): IndicatorScore[] {
  const weights = deriveWeights(indicators, profile);
  return indicators.map((indicator, index) => scoreIndicator({ indicator, actual: entries[index], weight: weights[index], period }, profile));
}

function executionFindings(input: EntryReviewInput, profile: RegionProfile): Finding[] {
  const budget = monitorBudget({ budget: input.budget, spent: input.spent, period: input.period }, profile);
  if (budget.progress === null || budget.progress >= profile.executionExplanationBelow || input.executionExplanation?.trim()) return [];
  return [
    {
      code: 'EXECUTION_LOW_UNEXPLAINED',
      severity: 'error',
      message: `${input.period.throughMonth === 12 ? '预算执行率为' : '预算执行进度为序时进度的'} ${budget.progress}%，低于 ${profile.executionExplanationBelow}%，须说明原因`,
      indicatorIndex: null,
      details: { period: input.period.text, progress: budget.progress },
    },
  ];
}
