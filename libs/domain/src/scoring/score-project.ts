import type { Period } from '../periods/period';
import type { Actual, IndicatorForScoring } from './indicator-input';
import { DEFAULT_REGION_PROFILE, type RegionProfile } from './region-profile';
import { round2 } from './round';
import { type ExecutionScore, scoreExecution } from './score-execution';
import { type IndicatorScore, scoreIndicator } from './score-indicator';
import { deriveWeights } from './weights';

export type Grade = '优' | '良' | '中' | '差';

const FULL_MARKS = 100;

export interface ProjectForScoring {
  indicators: readonly IndicatorForScoring[];
  /** Aligned with `indicators`; null or missing where nothing was entered yet. */
  actuals: readonly (Actual | null | undefined)[];
  budget?: number | null;
  spent?: number | null;
  period?: Period;
  /**
   * The period's entry deadline has passed: an indicator still without an actual scores 0 and keeps its weight
   * (domain.md §4.6 wants an actual for every indicator; only not-applicable ones are left out, §4.1). Before it,
   * the total is of what has been entered, re-scaled.
   */
  entriesClosed?: boolean;
}

export interface ProjectScore {
  /** `Σscore / Σapplicable weight × 100`, 2 decimals; null when nothing could be scored. */
  total: number | null;
  grade: Grade | null;
  earned: number;
  applicableWeight: number;
  /** True when the applicable weights do not add up to 100 (some left out, or 分值 off) and the total was re-scaled. */
  rescaled: boolean;
  execution: ExecutionScore;
  indicators: IndicatorScore[];
  explanation: string;
}

/** 总分 and 等级 of one project (domain.md §4.1, §4.5). */
export function scoreProject(project: ProjectForScoring, profile: RegionProfile = DEFAULT_REGION_PROFILE): ProjectScore {
  const weights = deriveWeights(project.indicators, profile);
  const indicators = project.indicators.map((indicator, index) =>
    scoreIndicator({ indicator, actual: project.actuals[index], weight: weights[index], period: project.period, entriesClosed: project.entriesClosed }, profile),
  );
  const execution = scoreExecution({ budget: project.budget, spent: project.spent }, profile);
  const rows = [execution, ...indicators];
  const scored = rows.filter((row) => row.score !== null);
  const earned = round2(scored.reduce((sum, row) => sum + (row.score ?? 0), 0));
  const applicableWeight = round2(scored.reduce((sum, row) => sum + row.weight, 0));
  const fullWeight = round2(rows.reduce((sum, row) => sum + row.weight, 0));
  const total = applicableWeight > 0 ? round2((earned / applicableWeight) * 100) : null;
  const grade = total === null ? null : gradeFor(total, profile);
  const rescaled = applicableWeight !== FULL_MARKS;
  const leftOut = round2(fullWeight - applicableWeight);
  const explanation =
    total === null
      ? '尚无可评分的指标，暂不计算总分'
      : rescaled
        ? `总分 = 得分合计 ${earned} / 可评分分值 ${applicableWeight} × 100 = ${total}${leftOut > 0 ? `（${leftOut} 分的指标未评分，已按比例折算）` : ''}，等级 ${grade}`
        : `总分 = 预算执行率得分 ${execution.score ?? 0} + 指标得分合计 ${round2(earned - (execution.score ?? 0))} = ${total}，等级 ${grade}`;
  return { total, grade, earned, applicableWeight, rescaled, execution, indicators, explanation };
}

export function gradeFor(total: number, profile: RegionProfile = DEFAULT_REGION_PROFILE): Grade {
  const { excellent, good, pass } = profile.gradeBands;
  return total >= excellent ? '优' : total >= good ? '良' : total >= pass ? '中' : '差';
}
