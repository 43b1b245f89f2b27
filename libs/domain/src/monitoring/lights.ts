import type { Period } from '../periods/period';
import { type Actual, type IndicatorForScoring, type QualitativeGrade, hasActual, isReverseTarget, isScorableTarget } from '../scoring/indicator-input';
import { QUALITATIVE_GRADE_LABELS, parseQualitativeGrade } from '../scoring/qualitative';
import { DEFAULT_REGION_PROFILE, type RegionProfile } from '../scoring/region-profile';
import { formatNumber as fmt, round2 } from '../scoring/round';
import { cumulativeTargetValue, isStrict } from '../scoring/score-indicator';

/** 双监控 warning lights (domain.md §6.3); blue is over-shoot, which may mean the target was set too low. */
export type Light = 'red' | 'yellow' | 'green' | 'blue';

export interface LightResult {
  /** null when there is nothing to judge yet (no actual, placeholder target, zero budget). */
  light: Light | null;
  /** Progress p in % against the pro-rata expectation, where one applies. */
  progress: number | null;
  explanation: string;
}

export interface ProjectMonitoring {
  light: Light | null;
  budget: LightResult;
  indicators: LightResult[];
}

const SEVERITY: Record<Light, number> = { red: 3, yellow: 2, green: 1, blue: 0 };

const LIGHT_BY_GRADE: Record<QualitativeGrade, Light> = { achieved: 'green', partial: 'yellow', not_achieved: 'red' };

/** The worst light: red > yellow > green > blue (`goalwarn`). */
export function worstLight(lights: readonly (Light | null)[]): Light | null {
  return lights.reduce<Light | null>((worst, light) => (light && (!worst || SEVERITY[light] > SEVERITY[worst]) ? light : worst), null);
}

export interface MonitorIndicatorInput {
  indicator: IndicatorForScoring;
  actual: Actual | null | undefined;
  period: Period;
}

export function monitorIndicator(input: MonitorIndicatorInput, profile: RegionProfile = DEFAULT_REGION_PROFILE): LightResult {
  const { indicator, actual, period } = input;
  const target = indicator.annualTarget;
  const none = (why: string): LightResult => ({ light: null, progress: null, explanation: `${indicator.name}：${why}` });
  if (!isScorableTarget(target)) return none('指标值待补充，不亮灯');
  if (!hasActual(actual)) return none(`尚未填报 1–${period.throughMonth} 月执行情况`);
  if (target.kind === 'qualitative') {
    const grade = actual.grade ?? parseQualitativeGrade(actual.text);
    return grade
      ? { light: LIGHT_BY_GRADE[grade], progress: null, explanation: `${indicator.name}：定性指标，完成情况为“${QUALITATIVE_GRADE_LABELS[grade]}”` }
      : none('定性指标的执行情况不是三档之一，不亮灯');
  }
  if (actual.value == null || target.value == null) return none('定量指标缺少数值，不亮灯');
  const B = actual.value;
  const A = cumulativeTargetValue(target, target.value);
  const within = (ok: boolean, what: string): LightResult => ({
    light: ok ? 'green' : 'red',
    progress: null,
    explanation: `${indicator.name}：${what}，1–${period.throughMonth} 月累计 ${fmt(B)}，${ok ? '在目标范围内' : '不在目标范围内'}`,
  });
  if (target.upper != null) return within(B >= A && B <= cumulativeTargetValue(target, target.upper), `目标区间 ${target.raw}`);
  const strict = isStrict(target, profile);
  if (isReverseTarget(target)) return within(strict ? B < A : B <= A, `反向指标 ${target.raw}`);
  if (target.comparator === 'eq' && A === 0) return within(B <= 0, `目标为 0（${target.raw}）`);
  if (indicator.level2 && profile.rangeOnlyLightLevel2.includes(indicator.level2)) {
    return within(strict ? B > A : B >= A, `${indicator.level2}只核对是否达到 ${target.raw}`);
  }
  if (A <= 0) return within(B >= A, `目标 ${target.raw}`);
  const proRata = target.unit !== '%' || profile.proRataRates;
  const expected = proRata ? (A * period.throughMonth) / 12 : A;
  const progress = round2((B / expected) * 100);
  const basis = proRata ? `按年度目标 ${fmt(A)} 的 ${period.throughMonth}/12 应完成 ${fmt(expected)}` : `比率目标按全年值 ${fmt(A)} 比较`;
  return {
    light: progressLight(progress, profile),
    progress,
    explanation: `${indicator.name}：1–${period.throughMonth} 月实际 ${fmt(B)}，${basis}，进度 ${progress}%`,
  };
}

export interface MonitorBudgetInput {
  budget: number | null | undefined;
  spent: number | null | undefined;
  period: Period;
}

/** Budget light: `p = 执行率 / (m/12)`; red below 60, yellow below 80, else green. */
export function monitorBudget(input: MonitorBudgetInput, profile: RegionProfile = DEFAULT_REGION_PROFILE): LightResult {
  const { budget, spent, period } = input;
  if (budget == null || budget <= 0) return { light: null, progress: null, explanation: '预算执行：全年预算数为 0 或未填报，不亮灯' };
  if (spent == null) return { light: null, progress: null, explanation: `预算执行：尚未填报 1–${period.throughMonth} 月执行数` };
  const rate = (spent / budget) * 100;
  const progress = round2((rate / ((period.throughMonth / 12) * 100)) * 100);
  const { red, yellow } = profile.budgetLights;
  return {
    light: progress < red ? 'red' : progress < yellow ? 'yellow' : 'green',
    progress,
    explanation: `预算执行：1–${period.throughMonth} 月执行率 ${round2(rate)}%，序时进度 ${round2((period.throughMonth / 12) * 100)}%，进度 ${progress}%`,
  };
}

export interface MonitorProjectInput {
  indicators: readonly IndicatorForScoring[];
  actuals: readonly (Actual | null | undefined)[];
  budget?: number | null;
  spent?: number | null;
  period: Period;
}

/** Every indicator light, the budget light and the project light (the worst of them). */
export function monitorProject(input: MonitorProjectInput, profile: RegionProfile = DEFAULT_REGION_PROFILE): ProjectMonitoring {
  const indicators = input.indicators.map((indicator, index) =>
    monitorIndicator({ indicator, actual: input.actuals[index], period: input.period }, profile),
  );
  const budget = monitorBudget({ budget: input.budget, spent: input.spent, period: input.period }, profile);
  return { light: worstLight([budget.light, ...indicators.map((result) => result.light)]), budget, indicators };
}

function progressLight(progress: number, profile: RegionProfile): Light {
  const { red, yellow, blue } = profile.indicatorLights;
  return progress < red ? 'red' : progress < yellow ? 'yellow' : progress < blue ? 'green' : 'blue';
}
