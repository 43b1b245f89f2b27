import { type Finding, type IndicatorEntry, type IndicatorForScoring, type Period, firstDayPastDeadline, reviewEntries } from '@app/domain';
import { type Actual, type Indicator, fromTargetColumns } from '../database/entities';

export interface BlockingFinding {
  projectId: string;
  indicatorId: string | null;
  code: string;
  message: string;
}

/**
 * What stops a unit from submitting a period (domain.md §4.6): the domain's entry rules with severity
 * `error`, judged as if the entry deadline had passed so that every missing actual counts.
 */
export function blockingFindings(period: Period, indicators: readonly Indicator[], actuals: ReadonlyMap<string, Actual>): BlockingFinding[] {
  const asOf = firstDayPastDeadline(period);
  const byProject = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    const list = byProject.get(indicator.projectId) ?? [];
    list.push(indicator);
    byProject.set(indicator.projectId, list);
  }
  return [...byProject].flatMap(([projectId, projectIndicators]) => {
    const findings: Finding[] = reviewEntries({
      period,
      asOf,
      indicators: projectIndicators.map(forScoring),
      entries: projectIndicators.map((indicator) => entryOf(actuals.get(indicator.id))),
    });
    return findings
      .filter((finding) => finding.severity === 'error')
      .map(({ code, message, indicatorIndex }) => ({
        projectId,
        indicatorId: indicatorIndex === null ? null : projectIndicators[indicatorIndex].id,
        code,
        message,
      }));
  });
}

function forScoring(indicator: Indicator): IndicatorForScoring {
  const { level1, level2, name, key, weight } = indicator;
  return {
    level1,
    level2,
    name,
    key,
    weight: weight === null ? null : Number(weight),
    annualTarget: fromTargetColumns(indicator.annualTarget),
    periodTarget: fromTargetColumns(indicator.periodTarget),
  };
}

function entryOf(row: Actual | undefined): IndicatorEntry | null {
  if (!row) return null;
  const actual = row.entry;
  return {
    value: actual.value === null ? null : Number(actual.value),
    text: actual.text,
    grade: actual.grade,
    deviationReason: actual.deviationText,
    possibility: actual.possibility,
    suggestion: actual.suggestion,
  };
}
