import { type IndicatorForScoring, type Level1Pool, level1Pool } from './indicator-input';
import { DEFAULT_REGION_PROFILE, type RegionProfile } from './region-profile';

/**
 * The points of each 一级 for this project's indicators (domain.md §4.1): the profile weights,
 * 满意度 moved to 产出/效益 when the project has none, then 成本指标 (4) carved out of 产出.
 */
export function level1Weights(
  indicators: readonly IndicatorForScoring[],
  profile: RegionProfile = DEFAULT_REGION_PROFILE,
): Record<Level1Pool, number> {
  const pools = new Set(indicators.map(level1Pool));
  let { output, benefit } = profile.weights;
  const { satisfaction } = profile.weights;
  if (!pools.has('satisfaction')) {
    const outputShare = profile.satisfactionMissing === 'even' ? 0.5 : output / (output + benefit);
    output += satisfaction * outputShare;
    benefit += satisfaction * (1 - outputShare);
  }
  const carved = pools.has('cost') && profile.cost.mode === 'carve_from_output' ? profile.cost.weight : 0;
  return {
    output: output - carved,
    benefit,
    satisfaction: pools.has('satisfaction') ? satisfaction : 0,
    cost: carved,
  };
}

/**
 * The weight of every indicator: the unit's own 分值 where given; otherwise what its 一级 has left
 * split evenly over the indicators without one. Indicators with no recognisable 一级 share the
 * indicator points as if each were an average indicator; the total is re-scaled anyway.
 */
export function deriveWeights(
  indicators: readonly IndicatorForScoring[],
  profile: RegionProfile = DEFAULT_REGION_PROFILE,
): number[] {
  const poolWeights = level1Weights(indicators, profile);
  const poolOf = (indicator: IndicatorForScoring): Level1Pool | null => {
    const pool = level1Pool(indicator);
    return pool === 'cost' && profile.cost.mode === 'within_output' ? 'output' : pool;
  };
  const pools = indicators.map(poolOf);
  const indicatorPoints = 100 - profile.weights.execution;
  const unclassified = pools.filter((pool) => pool === null).length;
  const available = (pool: Level1Pool | null): number =>
    pool === null ? (indicatorPoints * unclassified) / indicators.length : poolWeights[pool];

  const shares = new Map<Level1Pool | null, number>();
  for (const pool of new Set(pools)) {
    const members = indicators.filter((_, index) => pools[index] === pool);
    const given = members.reduce((sum, indicator) => sum + (indicator.weight ?? 0), 0);
    const unweighted = members.filter((indicator) => indicator.weight == null).length;
    shares.set(pool, unweighted ? Math.max(0, available(pool) - given) / unweighted : 0);
  }
  return indicators.map((indicator, index) => indicator.weight ?? shares.get(pools[index]) ?? 0);
}
