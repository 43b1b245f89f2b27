import { periodsPastDeadline } from '@app/domain';
import type { DataSource } from 'typeorm';
import { PAST_DEADLINES_HOUR_UTC } from './evaluation.queue';

/**
 * Scores depend on the date as well as the inputs: once a period's entry deadline has passed, an actual still
 * missing is ACTUAL_MISSING and scores 0. This marks stale the scores computed before such a deadline, so they are
 * scored again with nobody touching the project. The evaluator dates its findings by the UTC day;
 * scores computed up to the daily run's hour past midnight are marked too, for a batch that read the date before
 * midnight and committed after (scoring such a project again costs a hash comparison).
 *
 * Rows are locked in key order, as the evaluator locks them, and rows another transaction holds are skipped: that
 * transaction is an evaluator or a writer, which scores the project or marks it anyway.
 *
 * Returns how many projects were marked, per period.
 */
export async function markScoredBeforePastDeadlines(dataSource: DataSource, now = new Date()): Promise<Map<string, number>> {
  const due = periodsPastDeadline(now.toISOString().slice(0, 10));
  const rows: { period: string; projects: number }[] = await dataSource.query(
    `WITH due AS (SELECT * FROM unnest($1::varchar[], $2::date[]) AS due(period, "pastFrom")),
     scored_before AS (
       SELECT s."projectId", s.period FROM project_scores s JOIN due ON due.period = s.period
       WHERE s."inputsChangedAt" <= s."computedAt"
         AND s."computedAt" < (due."pastFrom"::timestamp AT TIME ZONE 'UTC') + make_interval(hours => $3)
       ORDER BY s."projectId", s.period
       FOR UPDATE OF s SKIP LOCKED
     ),
     marked AS (
       UPDATE project_scores s SET "inputsChangedAt" = clock_timestamp()
       FROM scored_before WHERE s."projectId" = scored_before."projectId" AND s.period = scored_before.period
       RETURNING s.period
     )
     SELECT period, count(*)::int AS projects FROM marked GROUP BY period`,
    [due.map(({ period }) => period.text), due.map(({ pastFrom }) => pastFrom), PAST_DEADLINES_HOUR_UTC],
  );
  return new Map(rows.map(({ period, projects }) => [period, projects]));
}
