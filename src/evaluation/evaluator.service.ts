import { parsePeriod } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BulkColumn, copyRows } from '../database/bulk-insert';
import {
  ENTRY_RULES,
  FLAG_COLUMNS,
  FlagResult,
  INDICATOR_VALUES,
  IndicatorResult,
  Override,
  ProjectInputs,
  ProjectResult,
  ProjectSource,
  RECHECKED_PROJECT_RULES,
  evaluateProject,
  inputsHash,
  readProjectInputs,
} from './project-evaluation';

export interface EvaluationOutcome {
  evaluated: number;
  unchanged: number;
}

/**
 * Runs `select` (which names the project `p.id`) once per project of `$1`, one index probe each. Written as
 * `"projectId" = ANY($1)`, such a read is planned from column statistics, and while a first import or evaluation of a
 * year fills a table they are missing or far behind: the read became a scan of the whole table, each batch slower than
 * the one before. OFFSET 0 keeps Postgres from flattening the subquery back into that join.
 */
const forEachProject = (select: string) => `SELECT r.* FROM unnest($1::uuid[]) AS p(id) CROSS JOIN LATERAL (${select} OFFSET 0) r`;

type EvaluationRow = { indicator: IndicatorResult; projectId: string; period: string };
type ScoredProject = { inputs: ProjectInputs; result: ProjectResult; hash: string };

const EVALUATION_COLUMNS: BulkColumn<EvaluationRow>[] = [
  { name: 'indicatorId', type: 'uuid', value: (r) => r.indicator.indicatorId },
  { name: 'projectId', type: 'uuid', value: (r) => r.projectId },
  { name: 'period', type: 'varchar', value: (r) => r.period },
  { name: 'status', type: 'varchar', value: (r) => r.indicator.status },
  { name: 'ratio', type: 'numeric', value: (r) => r.indicator.ratio },
  { name: 'score', type: 'numeric', value: (r) => r.indicator.score },
  { name: 'weight', type: 'numeric', value: (r) => r.indicator.weight },
  { name: 'explanation', type: 'jsonb', value: (r) => JSON.stringify(r.indicator.explanation) },
];
const EVALUATION_UPDATE_COLUMNS = EVALUATION_COLUMNS.filter(({ name }) => name !== 'period').map(({ value }) => value);

/** The project_scores values of scored projects, as `unnest` rows r("projectId", …) from the parameters of `scoreValues`. */
const SCORE_ROWS = `unnest($1::uuid[], $2::numeric[], $3::varchar[], $4::numeric[], $5::numeric[], $6::text[], $7::jsonb[], $8::text[])
  AS r("projectId", score, grade, rate, execution, light, explanation, hash)`;
const scoreValues = (scored: ScoredProject[], period: string) => [
  scored.map(({ result }) => result.projectId),
  scored.map(({ result }) => result.score),
  scored.map(({ result }) => result.grade),
  scored.map(({ result }) => result.executionRate),
  scored.map(({ result }) => result.executionScore),
  scored.map(({ result }) => result.light),
  scored.map(({ result }) => JSON.stringify(result.explanation)),
  scored.map(({ hash }) => hash),
  period,
];

/**
 * Scores a set of projects for one period with set-based reads and writes in ONE transaction. The project_scores
 * rows that exist are locked first, so a writer's `markChanged` either commits before the reads (and is seen) or waits
 * and stamps a time after `computedAt` (and the sweeper comes back). A project without a row gets its first one only
 * if no writer or other evaluator inserted it meanwhile; otherwise it is left to be scored again.
 */
@Injectable()
export class Evaluator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  evaluate(projectIds: readonly string[], periodText: string, asOf = new Date().toISOString().slice(0, 10)): Promise<EvaluationOutcome> {
    const period = parsePeriod(periodText);
    return this.dataSource.transaction(async (manager) => {
      // Everything written here is derived: a commit lost in a crash leaves the writers' durable marks stale, and the
      // sweeper scores those projects again, so the commit need not wait for the WAL to reach the disk.
      await manager.query('SET LOCAL synchronous_commit = off');
      const storedHashes = await this.lockScores(manager, projectIds, period.text);
      const { sources, overrides, scoredBefore } = await this.loadInputs(manager, projectIds, period.text);
      const changed: ScoredProject[] = [];
      for (const source of sources) {
        const inputs = readProjectInputs(source, overrides);
        const hash = inputsHash(source, inputs, period, asOf);
        if (storedHashes.get(source.id) !== hash) changed.push({ inputs, result: evaluateProject(inputs, period, asOf), hash });
      }
      const scored = await this.storeScores(manager, changed, storedHashes, period.text);
      await this.store(manager, scored, period.text, scoredBefore);
      const changedIds = new Set(changed.map(({ result }) => result.projectId));
      const unchanged = [...storedHashes.keys()].filter((projectId) => !changedIds.has(projectId));
      if (unchanged.length > 0) {
        await manager.query(`UPDATE project_scores SET "computedAt" = clock_timestamp() WHERE "projectId" = ANY($1::uuid[]) AND period = $2`, [
          unchanged,
          period.text,
        ]);
      }
      return { evaluated: scored.length, unchanged: unchanged.length };
    });
  }

  /** Locks the projects' score rows in id order (no deadlock between overlapping batches); their stored hashes. */
  private async lockScores(manager: EntityManager, projectIds: readonly string[], period: string): Promise<Map<string, string | null>> {
    const rows: { projectId: string; inputsHash: string | null }[] = await manager.query(
      `SELECT "projectId", "inputsHash" FROM project_scores WHERE "projectId" = ANY($1::uuid[]) AND period = $2
       ORDER BY "projectId" FOR UPDATE`,
      [projectIds, period],
    );
    return new Map(rows.map((row) => [row.projectId, row.inputsHash]));
  }

  /**
   * Writes the scores: locked rows are updated; rows inserted here are the projects' first. A first row that another
   * transaction inserted meanwhile (a writer's mark, or another evaluator) is left alone, and so is the project: it is
   * stale or scored already. Returns the projects whose scores were written.
   */
  private async storeScores(
    manager: EntityManager,
    changed: ScoredProject[],
    storedHashes: ReadonlyMap<string, string | null>,
    period: string,
  ): Promise<ScoredProject[]> {
    const locked = changed.filter(({ result }) => storedHashes.has(result.projectId));
    const first = changed.filter(({ result }) => !storedHashes.has(result.projectId));
    if (locked.length > 0) {
      await manager.query(
        `UPDATE project_scores s SET score = r.score, grade = r.grade, "executionRate" = r.rate, "executionScore" = r.execution,
           light = r.light::warning_light, explanation = r.explanation, "inputsHash" = r.hash, "computedAt" = clock_timestamp()
         FROM ${SCORE_ROWS} WHERE s."projectId" = r."projectId" AND s.period = $9`,
        scoreValues(locked, period),
      );
    }
    if (first.length === 0) return locked;
    const inserted: { projectId: string }[] = await manager.query(
      `INSERT INTO project_scores ("projectId", period, score, grade, "executionRate", "executionScore", light, explanation, "inputsHash", "computedAt")
       SELECT r."projectId", $9, r.score, r.grade, r.rate, r.execution, r.light::warning_light, r.explanation, r.hash, clock_timestamp()
       FROM ${SCORE_ROWS}
       ON CONFLICT ("projectId", period) DO NOTHING RETURNING "projectId"`,
      scoreValues(first, period),
    );
    const insertedIds = new Set(inserted.map((row) => row.projectId));
    return [...locked, ...first.filter(({ result }) => insertedIds.has(result.projectId))];
  }

  /** The projects' sources, the reviewers' overrides, and which of their indicators were scored for the period before. */
  async loadInputs(
    manager: EntityManager,
    projectIds: readonly string[],
    period: string,
  ): Promise<{ sources: ProjectSource[]; overrides: Map<string, Override>; scoredBefore: Set<string> }> {
    // The actual is joined per indicator in a LATERAL subquery, so by an index probe whatever the statistics say.
    const sources: ProjectSource[] = await manager.query(
      `SELECT p.id, p.name, p.amount::text AS amount, p.goal, p."goalReference",
              (SELECT s.executed::text FROM spending s WHERE s."projectId" = p.id AND s.period = $2) AS spent,
              (SELECT json_agg(json_build_array(${INDICATOR_VALUES}) ORDER BY i.position)::text
               FROM indicators i LEFT JOIN LATERAL (
                 SELECT id, value, text, grade, "deviationCategory", "deviationText", possibility, suggestion FROM actuals
                 WHERE "indicatorId" = i.id AND period = $2 OFFSET 0
               ) a ON true
               WHERE i."projectId" = p.id) AS indicators
       FROM projects p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id`,
      [projectIds, period],
    );
    // Overrides are read apart from the actuals: joined to them, the read was planned as a hash join over every
    // evaluation stored so far.
    const evaluations: { indicatorId: string; overrideScore: string | null; overrideReason: string | null }[] = await manager.query(
      forEachProject(
        `SELECT "indicatorId", "overrideScore"::text AS "overrideScore", "overrideReason" FROM evaluations WHERE "projectId" = p.id AND period = $2`,
      ),
      [projectIds, period],
    );
    const overrides = new Map<string, Override>();
    for (const { indicatorId, overrideScore, overrideReason } of evaluations) {
      if (overrideScore !== null) overrides.set(indicatorId, { score: overrideScore, reason: overrideReason });
    }
    return { sources, overrides, scoredBefore: new Set(evaluations.map((row) => row.indicatorId)) };
  }

  /** The scored projects' evaluations, flags and scorecard rows. */
  private async store(manager: EntityManager, scored: ScoredProject[], period: string, scoredBefore: ReadonlySet<string>): Promise<void> {
    if (scored.length === 0) return;
    const projectIds = scored.map(({ result }) => result.projectId);
    const evaluations = scored.flatMap(({ result }) => result.indicators.map((indicator) => ({ indicator, projectId: result.projectId, period })));
    await this.storeEvaluations(manager, period, evaluations, scoredBefore);
    await this.reconcileFlags(manager, projectIds, period, scored.flatMap(({ result }) => result.flags));
    await this.storeScorecards(manager, scored, projectIds, period);
  }

  /**
   * The projects' scorecard rows, then their units' (`refresh_unit_scorecards`). What `refresh_project_scorecards`
   * would read back from the evaluations just written (ten rows per project, each joined to its indicator for
   * 重点指标) is counted here from the results in hand; only the open flags are counted by Postgres.
   */
  private async storeScorecards(manager: EntityManager, changed: ScoredProject[], projectIds: string[], period: string): Promise<void> {
    const counts = changed.map(({ inputs, result }) => scorecardCounts(inputs, result));
    await manager.query(
      `INSERT INTO project_scorecards ("projectId", period, spent, score, grade, "executionRate", indicators, "indicatorsMet", "indicatorsPending",
         "keyIndicators", "keyIndicatorsMet", "keyIndicatorsPending", "flagsError", "flagsWarning", "flagsInfo", "refreshedAt")
       SELECT r."projectId", $12, r.spent, r.score, r.grade, r.rate, r.indicators, r.met, r.pending, r.key, r."keyMet", r."keyPending",
              f.error, f.warning, f.info, now()
       FROM unnest($1::uuid[], $2::numeric[], $3::numeric[], $4::varchar[], $5::numeric[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[])
         AS r("projectId", spent, score, grade, rate, indicators, met, pending, key, "keyMet", "keyPending")
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE fl.severity = 'error') AS error, count(*) FILTER (WHERE fl.severity = 'warning') AS warning,
                count(*) FILTER (WHERE fl.severity = 'info') AS info
         FROM flags fl WHERE fl."projectId" = r."projectId" AND fl."resolvedAt" IS NULL
       ) f
       ON CONFLICT ("projectId", period) DO UPDATE SET spent = EXCLUDED.spent, score = EXCLUDED.score, grade = EXCLUDED.grade,
         "executionRate" = EXCLUDED."executionRate", indicators = EXCLUDED.indicators, "indicatorsMet" = EXCLUDED."indicatorsMet",
         "indicatorsPending" = EXCLUDED."indicatorsPending", "keyIndicators" = EXCLUDED."keyIndicators",
         "keyIndicatorsMet" = EXCLUDED."keyIndicatorsMet", "keyIndicatorsPending" = EXCLUDED."keyIndicatorsPending",
         "flagsError" = EXCLUDED."flagsError", "flagsWarning" = EXCLUDED."flagsWarning", "flagsInfo" = EXCLUDED."flagsInfo",
         "refreshedAt" = EXCLUDED."refreshedAt"`,
      [
        projectIds,
        changed.map(({ inputs }) => inputs.spent),
        changed.map(({ result }) => result.score),
        changed.map(({ result }) => result.grade),
        changed.map(({ result }) => result.executionRate),
        ...(['indicators', 'met', 'pending', 'key', 'keyMet', 'keyPending'] as const).map((field) => counts.map((count) => count[field])),
        period,
      ],
    );
    await manager.query('SELECT "refresh_unit_scorecards"($1::uuid[], $2)', [projectIds, period]);
  }

  /**
   * Rows scored for the first time are copied in; rows scored before are updated in place, keeping the reviewer's
   * override columns. No other transaction inserts these rows: their projects' score rows are locked.
   */
  private async storeEvaluations(manager: EntityManager, period: string, rows: EvaluationRow[], scoredBefore: ReadonlySet<string>): Promise<void> {
    await copyRows(manager, 'evaluations', EVALUATION_COLUMNS, rows.filter((row) => !scoredBefore.has(row.indicator.indicatorId)));
    const updates = rows.filter((row) => scoredBefore.has(row.indicator.indicatorId));
    if (updates.length === 0) return;
    await manager.query(
      `UPDATE evaluations e SET status = r.status, ratio = r.ratio, score = r.score, weight = r.weight, explanation = r.explanation,
         "computedAt" = now()
       FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::numeric[], $5::numeric[], $6::numeric[], $7::jsonb[])
         AS r("indicatorId", "projectId", status, ratio, score, weight, explanation)
       WHERE e."projectId" = r."projectId" AND e.period = $8 AND e."indicatorId" = r."indicatorId"`,
      [...EVALUATION_UPDATE_COLUMNS.map((column) => updates.map(column)), period],
    );
  }

  /**
   * Within the rules this evaluation owns (re-checked import rules, and entry rules of this period): open flags no
   * longer found are resolved, new findings are opened, changed ones updated, unchanged ones left as they are.
   */
  private async reconcileFlags(manager: EntityManager, projectIds: string[], period: string, flags: FlagResult[]): Promise<void> {
    const open: (FlagResult & { id: string })[] = await manager.query(
      forEachProject(
        `SELECT id, "subjectType", "subjectId", "projectId", code, period, severity, message, details FROM flags
         WHERE "projectId" = p.id AND "resolvedAt" IS NULL AND (code = ANY($2::varchar[]) OR (code = ANY($3::varchar[]) AND period = $4))`,
      ),
      [projectIds, RECHECKED_PROJECT_RULES, ENTRY_RULES, period],
    );
    const key = (flag: FlagResult) => `${flag.subjectId}/${flag.code}/${flag.period}`;
    const openByKey = new Map(open.map((flag) => [key(flag), flag]));
    const found = new Set(flags.map(key));
    const resolved = open.filter((flag) => !found.has(key(flag))).map((flag) => flag.id);
    const opened = flags.filter((flag) => !openByKey.has(key(flag)));
    const changed = flags.flatMap((flag) => {
      const current = openByKey.get(key(flag));
      return current && !sameFinding(current, flag) ? [{ ...flag, id: current.id }] : [];
    });
    if (resolved.length > 0) await manager.query(`UPDATE flags SET "resolvedAt" = now() WHERE id = ANY($1::uuid[])`, [resolved]);
    await copyRows(manager, 'flags', FLAG_COLUMNS, opened);
    if (changed.length > 0) {
      await manager.query(
        `UPDATE flags f SET severity = c.severity::flag_severity, message = c.message, details = c.details
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS c(id, severity, message, details) WHERE f.id = c.id`,
        [changed.map((f) => f.id), changed.map((f) => f.severity), changed.map((f) => f.message), changed.map((f) => JSON.stringify(f.details))],
      );
    }
  }
}

/** A project's indicator counts for its scorecard row, as `refresh_project_scorecards` counts its evaluations. */
function scorecardCounts({ indicators }: ProjectInputs, { indicators: results }: ProjectResult) {
  const counts = { indicators: results.length, met: 0, pending: 0, key: 0, keyMet: 0, keyPending: 0 };
  results.forEach(({ status }, index) => {
    const key = indicators[index].key;
    if (status === 'met') counts.met++;
    if (status === 'pending') counts.pending++;
    if (key) counts.key++;
    if (key && status === 'met') counts.keyMet++;
    if (key && status === 'pending') counts.keyPending++;
  });
  return counts;
}

function sameFinding(a: FlagResult, b: FlagResult): boolean {
  return a.severity === b.severity && a.message === b.message && canonicalJson(a.details) === canonicalJson(b.details);
}

/** jsonb reorders keys; compare details independently of key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}
