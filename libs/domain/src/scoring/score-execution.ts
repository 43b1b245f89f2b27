import { DEFAULT_REGION_PROFILE, type RegionProfile } from './region-profile';
import { formatNumber as fmt, round2 } from './round';
import type { IndicatorStatus } from './score-indicator';

export interface ExecutionInput {
  /** 全年预算数 A (调整后, 含上年结转), in 元. */
  budget: number | null | undefined;
  spent: number | null | undefined;
}

export interface ExecutionScore {
  status: IndicatorStatus;
  /** 执行率 B/A in %, rounded to 2 decimals. */
  rate: number | null;
  score: number | null;
  weight: number;
  explanation: string;
}

/** 预算执行率 score: `min(B/A, 1) × 分值`; a zero budget makes the row N/A (domain.md §4.2). */
export function scoreExecution(input: ExecutionInput, profile: RegionProfile = DEFAULT_REGION_PROFILE): ExecutionScore {
  const weight = profile.weights.execution;
  const { budget, spent } = input;
  if (budget == null || budget <= 0) {
    return { status: 'not_scorable', rate: null, score: null, weight, explanation: '预算执行率：全年预算数为 0 或未填报，不计分' };
  }
  if (spent == null) {
    return { status: 'pending', rate: null, score: null, weight, explanation: '预算执行率：尚未填报全年执行数，暂不评分' };
  }
  const ratio = spent / budget;
  const score = round2(Math.min(1, Math.max(0, ratio)) * weight);
  return {
    status: ratio >= 1 ? 'met' : score > 0 ? 'partially_met' : 'not_met',
    rate: round2(ratio * 100),
    score,
    weight,
    explanation: `预算执行率 = 全年执行数/全年预算数 = ${fmt(spent)}/${fmt(budget)} = ${round2(ratio * 100)}%，得分 = min(执行率, 100%) × ${weight} = ${score}`,
  };
}
