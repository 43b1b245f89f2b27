/**
 * Everything that differs between provinces and vendors in 自评 scoring, 双监控 lights and target
 * review (domain.md §4, §6.3, §7.2, §8), with the defaults domain.md recommends. Percentages are
 * written as numbers (90 for 90 %); `overAchieveRatio` is a plain ratio.
 *
 * Per-period targets (`每月不少于1次`) are always scored by comparing the cumulative actual with
 * `value × periods covered` (12 months, 4 quarters or 1 year for an annual score; m months for a
 * period ending in month m), because actuals are stored cumulatively per period.
 */
export interface RegionProfile {
  /** Points of 预算执行率 and of each 一级 (§4.1). */
  weights: { execution: number; output: number; benefit: number; satisfaction: number };
  /** How the 满意度 points move to 产出 and 效益 when a project has no 满意度 indicator. */
  satisfactionMissing: 'proportional' | 'even';
  /** 成本指标 (4) as its own 一级: its points carved out of 产出, or its indicators scored inside 产出. */
  cost: { mode: 'carve_from_output' | 'within_output'; weight: number };
  /** Reverse indicators over the limit: `A/B × w` (自评表 notes) or `(2 − B/A) × w` (vendor). */
  reverseFormula: 'ratio' | 'linear';
  /** `B ≥ A × ratio` on a positive indicator is over-achievement: flagged, never scored above w. */
  overAchieveRatio: number;
  /** Strict `gt`/`lt` treat `B = A` as not met (the vendor scores them like gte/lte). */
  strictAtEquality: boolean;
  /** Lower bounds of 优 / 良 / 中; below `pass` is 差. */
  gradeBands: { excellent: number; good: number; pass: number };
  /** Lower bounds, in % of the weight, of the 达成 and 部分达成 bands (§4.4). */
  qualitativeBands: { achieved: number; partial: number };
  /** 执行率 below this needs an explanation (§4.2). */
  executionExplanationBelow: number;
  /** Review warns when more than this share of the indicators is qualitative (R15). */
  qualitativeShareAbove: number;
  /** Indicator light bounds on progress p: red below `red`, yellow below `yellow`, blue from `blue`. */
  indicatorLights: { red: number; yellow: number; blue: number };
  budgetLights: { red: number; yellow: number };
  /**
   * Pro-rate % targets by m/12 like other targets (the vendor's rule). Off by default: a rate such as
   * 满意度 ≥ 90 % is a level, not a cumulative amount, so mid-year it is compared with the full target.
   */
  proRataRates: boolean;
  /** 二级 whose lights only check the target at face value (Shanxi: 质量/时效/成本). */
  rangeOnlyLightLevel2: readonly string[];
  /** R18 fires only where the region requires a core (★) indicator. */
  requireCoreIndicator: boolean;
  /** Days after a period's end before a missing actual is flagged. */
  entryDeadlineDays: number;
}

export const DEFAULT_REGION_PROFILE: RegionProfile = {
  weights: { execution: 10, output: 50, benefit: 30, satisfaction: 10 },
  satisfactionMissing: 'proportional',
  cost: { mode: 'carve_from_output', weight: 10 },
  reverseFormula: 'ratio',
  overAchieveRatio: 1.2,
  strictAtEquality: false,
  gradeBands: { excellent: 90, good: 80, pass: 60 },
  qualitativeBands: { achieved: 80, partial: 60 },
  executionExplanationBelow: 90,
  qualitativeShareAbove: 50,
  indicatorLights: { red: 60, yellow: 80, blue: 120 },
  budgetLights: { red: 60, yellow: 80 },
  proRataRates: false,
  rangeOnlyLightLevel2: [],
  requireCoreIndicator: false,
  entryDeadlineDays: 10,
};

export type RegionProfileOverrides = {
  [K in keyof RegionProfile]?: RegionProfile[K] extends readonly unknown[]
    ? RegionProfile[K]
    : RegionProfile[K] extends object
      ? Partial<RegionProfile[K]>
      : RegionProfile[K];
};

/** The default profile with a region's overrides merged in (nested groups merged key by key). */
export function regionProfile(overrides: RegionProfileOverrides = {}): RegionProfile {
  const merged: Record<string, unknown> = { ...DEFAULT_REGION_PROFILE };
  for (const [key, value] of Object.entries(overrides)) {
    const base = merged[key];
    merged[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(base as object), ...value } : value;
  }
  return merged as unknown as RegionProfile;
}
