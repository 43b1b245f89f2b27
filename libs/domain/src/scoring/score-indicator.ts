import type { Period } from '../periods/period';
import type { Target } from '../targets/target';
import { type Actual, type IndicatorForScoring, type QualitativeGrade, hasActual, isPositiveTarget, isScorableTarget } from './indicator-input';
import { QUALITATIVE_GRADE_LABELS, type ScoreBand, describeBand, fullBand, isInBand, parseQualitativeGrade, qualitativeBand } from './qualitative';
import { DEFAULT_REGION_PROFILE, type RegionProfile } from './region-profile';
import { formatNumber as fmt, round2 } from './round';

export type IndicatorStatus = 'met' | 'partially_met' | 'not_met' | 'pending' | 'not_scorable';

export type ScoringIssueCode =
  | 'TARGET_NOT_SCORABLE'
  | 'ACTUAL_NOT_NUMERIC'
  | 'ACTUAL_NOT_GRADE'
  | 'MANUAL_SCORE_REQUIRED'
  | 'OVERRIDE_OUT_OF_RANGE';

/** Why an indicator could not be scored as entered: a stable code and a Chinese message. */
export interface ScoringIssue {
  code: ScoringIssueCode;
  message: string;
}

export interface IndicatorScore {
  status: IndicatorStatus;
  /** Completion ratio: B/A for positive targets, A/B for reverse ones; null where none applies. */
  ratio: number | null;
  /** Points, rounded to 2 decimals; null when not scorable, or pending while entries are open. */
  score: number | null;
  weight: number;
  overAchieved: boolean;
  overridden: boolean;
  /** The target as written and the actual as entered. */
  target: string | null;
  actual: string | null;
  formula: string | null;
  issue: ScoringIssue | null;
  /** One sentence a reviewer can read: target, actual, formula and weight. */
  explanation: string;
}

export interface ScoreIndicatorInput {
  indicator: IndicatorForScoring;
  actual: Actual | null | undefined;
  weight: number;
  /** The period the actual is cumulative to; the whole year when absent. */
  period?: Period;
  /** The period's entry deadline has passed: an indicator still without an actual scores 0 instead of waiting. */
  entriesClosed?: boolean;
}

interface Outcome {
  met: boolean;
  /** Score as a share of the weight before capping; null when only a reviewer can score it. */
  fraction: number | null;
  ratio: number | null;
  formula: string;
}

/** Scores one indicator the way 单位自评 does (domain.md §4.3, §4.4, §4.7). */
export function scoreIndicator(input: ScoreIndicatorInput, profile: RegionProfile = DEFAULT_REGION_PROFILE): IndicatorScore {
  const { indicator, actual, weight } = input;
  const target = indicator.annualTarget;
  const context: ScoreContext = { name: indicator.name, weight, target: target?.raw || null, actual: describeActual(actual, target) };
  if (!isScorableTarget(target)) {
    return unscorable(context, 'TARGET_NOT_SCORABLE', `年度指标值“${context.target ?? '空'}”无法评分，须先补充指标值`);
  }
  if (!hasActual(actual)) {
    return input.entriesClosed
      ? result(context, 'pending', 0, `${indicator.name}：填报期限已过仍未填报实际完成值，按 0 分计入总分`)
      : result(context, 'pending', null, `${indicator.name}：尚未填报实际完成值，暂不评分`);
  }
  if (target.kind === 'qualitative') return scoreQualitative(context, actual, profile);
  if (actual.value == null) {
    return unscorable(context, 'ACTUAL_NOT_NUMERIC', `定量指标的实际完成值须为数字，填报的是“${context.actual}”`);
  }
  const outcome = evaluateQuantitative(target, actual.value, weight, input.period, profile);
  if (!outcome) {
    return unscorable(context, 'TARGET_NOT_SCORABLE', `年度指标值“${target.raw}”缺少比较符或数值，无法自动评分`);
  }
  if (outcome.fraction === null) {
    const manual = unscorable(context, 'MANUAL_SCORE_REQUIRED', `${outcome.formula}，须由评审人工评分`, outcome);
    return applyOverride(manual, actual, fullBand(weight));
  }
  const overAchieved = isOverAchieved(target, actual.value, input.period, profile);
  const note = overAchieved ? `；实际达到目标的 ${profile.overAchieveRatio} 倍以上，属超额完成，须说明原因` : '';
  const score = round2(Math.min(1, Math.max(0, outcome.fraction)) * weight);
  const status = outcome.met ? 'met' : score > 0 ? 'partially_met' : 'not_met';
  const explanation = `${indicator.name}：年度指标值 ${target.raw}，实际完成值 ${context.actual}，分值 ${weight}；${outcome.formula}${note}`;
  return applyOverride(
    result(context, status, score, explanation, { ratio: outcome.ratio, formula: outcome.formula, overAchieved }),
    actual,
    fullBand(weight),
  );
}

/** The scores a reviewer may give for this actual: the grade's band, or 0…w for a quantitative one. */
export function overrideBand(
  indicator: IndicatorForScoring,
  actual: Actual,
  weight: number,
  profile: RegionProfile = DEFAULT_REGION_PROFILE,
): ScoreBand | null {
  if (indicator.annualTarget?.kind !== 'qualitative') return fullBand(weight);
  const grade = gradeOf(actual);
  return grade ? qualitativeBand(grade, weight, profile) : null;
}

interface ScoreContext {
  name: string;
  weight: number;
  target: string | null;
  actual: string | null;
}

/**
 * Builds every result with one literal: object spread that adds several keys costs ~10 µs in
 * Node 20, which alone would take 10 s of a 1 000 000-indicator re-evaluation.
 */
function result(
  context: ScoreContext,
  status: IndicatorStatus,
  score: number | null,
  explanation: string,
  details: { ratio?: number | null; formula?: string | null; overAchieved?: boolean; issue?: ScoringIssue } = {},
): IndicatorScore {
  return {
    status,
    ratio: details.ratio ?? null,
    score,
    weight: context.weight,
    overAchieved: details.overAchieved ?? false,
    overridden: false,
    target: context.target,
    actual: context.actual,
    formula: details.formula ?? null,
    issue: details.issue ?? null,
    explanation,
  };
}

function unscorable(context: ScoreContext, code: ScoringIssueCode, message: string, outcome?: Outcome): IndicatorScore {
  return result(context, 'not_scorable', null, `${context.name}：${message}`, {
    ratio: outcome?.ratio,
    formula: outcome?.formula,
    issue: { code, message },
  });
}

function gradeOf(actual: Actual): QualitativeGrade | null {
  return actual.grade ?? parseQualitativeGrade(actual.text);
}

const STATUS_BY_GRADE: Record<QualitativeGrade, IndicatorStatus> = {
  achieved: 'met',
  partial: 'partially_met',
  not_achieved: 'not_met',
};

function scoreQualitative(context: ScoreContext, actual: Actual, profile: RegionProfile): IndicatorScore {
  const grade = gradeOf(actual);
  if (!grade) {
    const grades = Object.values(QUALITATIVE_GRADE_LABELS).join('、');
    return unscorable(context, 'ACTUAL_NOT_GRADE', `定性指标的实际完成情况须为“${grades}”之一，填报的是“${context.actual}”`);
  }
  const band = qualitativeBand(grade, context.weight, profile);
  const formula = `${QUALITATIVE_GRADE_LABELS[grade]}，得分取区间 ${describeBand(band)} 的中值 ${round2(band.midpoint)}`;
  const explanation = `${context.name}：年度指标值 ${context.target}，完成情况 ${QUALITATIVE_GRADE_LABELS[grade]}，分值 ${context.weight}；${formula}`;
  return applyOverride(result(context, STATUS_BY_GRADE[grade], round2(band.midpoint), explanation, { formula }), actual, band);
}

/** Applies a reviewer's score to a freshly built result when it lies inside the allowed band. */
function applyOverride(scored: IndicatorScore, actual: Actual, band: ScoreBand): IndicatorScore {
  const override = actual.override;
  if (!override) return scored;
  if (!isInBand(override.score, band)) {
    scored.issue = { code: 'OVERRIDE_OUT_OF_RANGE', message: `评审调整分 ${override.score} 不在允许范围 ${describeBand(band)} 内，未采用` };
    return scored;
  }
  if (scored.status === 'not_scorable') {
    scored.status = override.score >= band.max ? 'met' : override.score > 0 ? 'partially_met' : 'not_met';
  }
  scored.score = round2(override.score);
  scored.overridden = true;
  scored.issue = null;
  scored.explanation += `；评审调整为 ${scored.score} 分，理由：${override.reason}`;
  return scored;
}

/** `value × periods covered` (the whole year without a period) for 每月/每季 targets; the value itself otherwise. */
export function cumulativeTargetValue(target: Target, value: number, period?: Period): number {
  const months = period?.throughMonth ?? 12;
  if (target.per === 'month') return value * months;
  if (target.per === 'quarter') return (value * months) / 3;
  return value;
}

const PER_LABEL = { month: '月', quarter: '季度', year: '年' } as const;

function describeTargetValue(target: Target, value: number, period: Period | undefined): string {
  const effective = cumulativeTargetValue(target, value, period);
  return target.per && effective !== value ? `按每${PER_LABEL[target.per]} ${fmt(value)} 累计为 ${fmt(effective)}` : fmt(effective);
}

/** `gt`/`lt` exclude equality only where the region says so; the vendor treats them as gte/lte. */
export function isStrict(target: Target, profile: RegionProfile): boolean {
  return (target.comparator === 'gt' || target.comparator === 'lt') && profile.strictAtEquality;
}

interface Comparison {
  A: number;
  B: number;
  weight: number;
  /** `A=…，B=…` as shown to the reviewer. */
  label: string;
  strict: boolean;
}

function evaluateQuantitative(target: Target, B: number, weight: number, period: Period | undefined, profile: RegionProfile): Outcome | null {
  if (target.value == null) return null;
  const A = cumulativeTargetValue(target, target.value, period);
  const label = `A=${describeTargetValue(target, target.value, period)}，B=${fmt(B)}`;
  const at = (limit: number, strict = false): Comparison => ({ A: limit, B, weight, label, strict });
  if (target.upper != null) {
    const upper = cumulativeTargetValue(target, target.upper, period);
    if (B >= A && B <= upper) return { met: true, fraction: 1, ratio: 1, formula: `${label}，在区间 [${fmt(A)}, ${fmt(upper)}] 内，得满分` };
    return B < A ? positive(at(A)) : reverse(at(upper), profile);
  }
  switch (target.comparator) {
    case 'eq':
      return A === 0 ? equalZero(at(A)) : positive(at(A));
    case 'gte':
    case 'gt':
      return positive(at(A, isStrict(target, profile)));
    case 'lte':
    case 'lt':
      return reverse(at(A, isStrict(target, profile)), profile);
    default:
      return null;
  }
}

function equalZero({ B, label }: Comparison): Outcome {
  return B <= 0
    ? { met: true, fraction: 1, ratio: null, formula: `${label}，目标为 0 且实际不大于 0，得满分` }
    : { met: false, fraction: 0, ratio: null, formula: `${label}，目标为 0 而实际大于 0，得 0 分` };
}

const STRICT_NOTE = '（严格比较：等于目标值视为未达成）';

function positive({ A, B, weight, label, strict }: Comparison): Outcome {
  const ratio = A > 0 ? B / A : null;
  if (strict ? B > A : B >= A) return { met: true, fraction: 1, ratio, formula: `${label}，B ${strict ? '>' : '≥'} A，得满分` };
  if (A > 0) {
    const note = B === A ? STRICT_NOTE : '';
    return { met: false, fraction: B / A, ratio, formula: `${label}${note}，得分 = 分值 × B/A = ${weight} × ${fmt(B)}/${fmt(A)} = ${round2(Math.max(0, (weight * B) / A))}` };
  }
  if (A === 0) return { met: false, fraction: 0, ratio, formula: `${label}，目标为 0 而实际低于 0，得 0 分` };
  return { met: false, fraction: null, ratio, formula: `${label}，目标值为负数，无法按比例计分` };
}

function reverse({ A, B, weight, label, strict }: Comparison, profile: RegionProfile): Outcome {
  const ratio = B > 0 && A > 0 ? A / B : null;
  if (strict ? B < A : B <= A) return { met: true, fraction: 1, ratio, formula: `${label}，B ${strict ? '<' : '≤'} A，得满分` };
  if (A === 0) return { met: false, fraction: 0, ratio, formula: `${label}，限值为 0 而实际超出，得 0 分` };
  if (A < 0) return { met: false, fraction: null, ratio, formula: `${label}，限值为负数，无法按比例计分` };
  const note = B === A ? STRICT_NOTE : '';
  if (profile.reverseFormula === 'ratio') {
    return { met: false, fraction: A / B, ratio, formula: `${label}${note}，得分 = 分值 × A/B = ${weight} × ${fmt(A)}/${fmt(B)} = ${round2((weight * A) / B)}` };
  }
  const fraction = Math.max(0, 2 - B / A);
  return {
    met: false,
    fraction,
    ratio,
    formula: `${label}${note}，得分 = 分值 × (2 − B/A) = ${weight} × (2 − ${fmt(B)}/${fmt(A)}) = ${round2(weight * fraction)}（B 达到 A 的 2 倍时为 0）`,
  };
}

function isOverAchieved(target: Target, actual: number, period: Period | undefined, profile: RegionProfile): boolean {
  if (!isPositiveTarget(target) || target.upper != null || target.value == null) return false;
  const A = cumulativeTargetValue(target, target.value, period);
  return A > 0 && actual >= A * profile.overAchieveRatio;
}

function describeActual(actual: Actual | null | undefined, target: Target | null): string | null {
  if (!hasActual(actual)) return null;
  if (actual.value != null) return `${fmt(actual.value)}${target?.unit ?? ''}`;
  if (actual.grade) return QUALITATIVE_GRADE_LABELS[actual.grade];
  return actual.text?.trim() || null;
}
