import { parsePeriod, scoreProject } from '@app/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReportDataLoader } from '../../src/reports/report-data-loader.service';
import { forScoring, scoringActual } from '../../src/reports/report-rows';

/**
 * Stands in for the evaluation worker until it is merged: scores the stored actuals and spending of each
 * project with the domain's scoreProject and writes `evaluations` and `project_scores` as it would.
 */
export async function scoreStoredProjects(db: DataSource, projectIds: string[], periodText: string): Promise<void> {
  const period = parsePeriod(periodText);
  const indicators = await new ReportDataLoader(db).indicators(projectIds, period);
  for (const projectId of projectIds) {
    const [{ amount, executed }] = await db.query(
      `SELECT p.amount, s.executed FROM projects p LEFT JOIN spending s ON s."projectId" = p.id AND s.period = $2 WHERE p.id = $1`,
      [projectId, period.text],
    );
    const rows = indicators.get(projectId)!;
    const result = scoreProject({
      indicators: rows.map(forScoring),
      actuals: rows.map(scoringActual),
      budget: amount === null ? null : Number(amount),
      spent: executed === null ? null : Number(executed),
      period,
    });
    const inputsHash = createHash('sha256').update(JSON.stringify(result)).digest('hex');
    for (const [index, row] of rows.entries()) {
      const scored = result.indicators[index];
      await db.query(
        `INSERT INTO evaluations ("indicatorId", "projectId", period, status, ratio, score, weight, "inputsHash")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ("indicatorId", period) DO UPDATE SET status = $4, ratio = $5, score = $6, weight = $7, "inputsHash" = $8`,
        [row.id, projectId, period.text, scored.status, scored.ratio, scored.score, scored.weight, inputsHash],
      );
    }
    await db.query(
      `INSERT INTO project_scores ("projectId", period, score, grade, "executionRate", "executionScore", "inputsHash", "computedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT ("projectId", period) DO UPDATE SET score = $3, grade = $4, "executionRate" = $5, "executionScore" = $6, "inputsHash" = $7, "computedAt" = now()`,
      [projectId, period.text, result.total, result.grade, result.execution.rate, result.execution.score, inputsHash],
    );
  }
}
