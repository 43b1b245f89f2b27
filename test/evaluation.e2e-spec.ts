import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EvaluationTrigger, markInputsChanged } from '../src/evaluation/evaluation-trigger';
import { EVALUATION_QUEUE, EvaluationJobName } from '../src/evaluation/evaluation.queue';
import { Evaluator } from '../src/evaluation/evaluator.service';
import { markScoredBeforePastDeadlines } from '../src/evaluation/past-deadlines';
import { readProjectInputs } from '../src/evaluation/project-evaluation';
import type { Queue } from 'bullmq';
import { bearer, issueToken } from './support/auth';
import { seedUnit } from './support/entries';
import { createTestApp, createTestWorker, multipartFile, waitForImport } from './support/test-app';

const SAMPLES = join(__dirname, '..', 'samples');
const GUANGZHOU_SEED = readdirSync(SAMPLES).find((name) => name.startsWith('004_'))!;

interface ScoreBody {
  score: string | null;
  grade: string | null;
  computedAt: string | null;
  stale: boolean;
  indicators: { indicatorId: string; status: string; score: string | null; explanation: { text: string } }[];
  flags: { code: string; subjectId: string; details: Record<string, unknown> }[];
}

describe('evaluation', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let importId: string;
  let admin: { authorization: string };
  /** A year no other suite scores: evaluate-year and the evaluate-changed job of a period are shared across the database. */
  const year = 2035;

  const score = async (projectId: string, period?: string): Promise<ScoreBody> => {
    const response = await app.inject({ method: 'GET', url: `/projects/${projectId}/score${period ? `?period=${period}` : ''}`, headers: admin });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  /** Polls until the score was computed after `since`; fails after `timeoutMs` from now. */
  const freshScore = async (projectId: string, since: number, timeoutMs: number, period?: string): Promise<ScoreBody> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const body = await score(projectId, period);
      if (body.computedAt && Date.parse(body.computedAt) >= since && !body.stale) return body;
      if (Date.now() > deadline) throw new Error(`project ${projectId} not re-scored within ${timeoutMs} ms: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** Writes actuals the way a writer of inputs does: rows and markChanged in one transaction, enqueue after. */
  const saveActuals = async (projectId: string, period: string, valueOf: (target: number) => number | null, deviation: string | null = null) => {
    const trigger = app.get(EvaluationTrigger);
    await db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO actuals ("indicatorId", "projectId", period, version, value, text, "deviationText")
         SELECT i.id, i."projectId", $2, 1, $3::numeric * i."annualValue", CASE WHEN i."annualKind" = 'qualitative' THEN '达成年度指标' END, $4
         FROM indicators i WHERE i."projectId" = $1 AND i."annualKind" IN ('quantitative', 'qualitative')
         ON CONFLICT ("indicatorId", period) DO UPDATE SET value = EXCLUDED.value, text = EXCLUDED.text, "deviationText" = EXCLUDED."deviationText"`,
        [projectId, period, valueOf(1), deviation],
      );
      await trigger.markChanged(manager, [projectId], period);
    });
    await trigger.enqueue([projectId], period);
  };

  beforeAll(async () => {
    app = await createTestApp();
    worker = await createTestWorker();
    db = app.get(DataSource);
    admin = bearer(await issueToken(app, { role: 'admin' }));
    // A trailing newline makes it a document of its own (another sha256): this suite owns its rows, and the
    // imports suite still gets the first upload of the seed itself.
    const content = Buffer.concat([readFileSync(join(SAMPLES, GUANGZHOU_SEED)), Buffer.from('\n')]);
    const response = await app.inject({ method: 'POST', url: '/imports', ...multipartFile(GUANGZHOU_SEED, content, admin) });
    const done = await waitForImport(app, response.json().id, admin);
    importId = done.id;
    // The seed names no budget year (its projects get none); give them one as an operator would.
    await db.query(`UPDATE projects SET year = $2 WHERE "importId" = $1`, [importId, year]);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  /** A project of the seed whose targets are all quantitative and positive, so a ratio of actuals decides its score. */
  const scorableProject = async (): Promise<string> => {
    const [row] = await db.query(
      `SELECT p.id FROM projects p JOIN indicators i ON i."projectId" = p.id
       WHERE p."importId" = $1 GROUP BY p.id
       HAVING bool_and(i."annualKind" = 'quantitative' AND i."annualComparator" IN ('gte', 'gt') AND i."annualValue" > 0)
       ORDER BY p.id LIMIT 1`,
      [importId],
    );
    expect(row).toBeDefined();
    return row.id;
  };

  it.each([
    ['met in full', 1, '优', 'met', []],
    ['half done, without a deviation reason', 0.5, '差', 'partially_met', ['DEVIATION_REASON_MISSING']],
  ])('shows the score, grade and flags within a second of saving actuals: %s', async (_, ratio, grade, status, codes) => {
    const projectId = await scorableProject();
    const since = Date.now();
    await saveActuals(projectId, String(year), (target) => target * ratio);
    const body = await freshScore(projectId, since, 1_000);
    expect(body.indicators.length).toBeGreaterThan(0);
    expect(new Set(body.indicators.map((i) => i.status))).toEqual(new Set([status]));
    expect(body.indicators.every((i) => i.explanation.text.length > 0)).toBe(true);
    if (ratio === 1) expect(Number(body.score)).toBeGreaterThanOrEqual(90);
    expect(body.grade).toBe(grade);
    const entryCodes = body.flags.filter((f) => f.details.period === String(year)).map((f) => f.code);
    for (const code of codes) expect(entryCodes).toContain(code);
    if (codes.length === 0) expect(entryCodes).not.toContain('DEVIATION_REASON_MISSING');
  });

  it('resolves an entry flag once the unit gives the reason, and leaves the other open flags untouched', async () => {
    const projectId = await scorableProject();
    await saveActuals(projectId, String(year), (target) => target * 0.5);
    await freshScore(projectId, Date.now() - 10, 1_000);
    const before: { id: string; code: string; openedAt: Date }[] = await db.query(
      `SELECT id, code, "openedAt" FROM flags WHERE "projectId" = $1 AND "resolvedAt" IS NULL ORDER BY id`,
      [projectId],
    );
    expect(before.map((f) => f.code)).toContain('DEVIATION_REASON_MISSING');

    const since = Date.now();
    await saveActuals(projectId, String(year), (target) => target * 0.5, '经费保障：资金下达较晚');
    const body = await freshScore(projectId, since, 1_000);
    expect(body.flags.map((f) => f.code)).not.toContain('DEVIATION_REASON_MISSING');
    const after: { id: string }[] = await db.query(`SELECT id FROM flags WHERE "projectId" = $1 AND "resolvedAt" IS NULL ORDER BY id`, [projectId]);
    expect(after.map((f) => f.id)).toEqual(before.filter((f) => f.code !== 'DEVIATION_REASON_MISSING').map((f) => f.id));
  });

  it('opens ACTUAL_MISSING by itself once the entry deadline passes after a score, with no input changed', async () => {
    const pastYear = new Date().getUTCFullYear() - 1;
    const period = `${pastYear}-H1`;
    const { projectId, indicatorIds } = await seedUnit(db, { year: pastYear, targets: ['≥10个', '有所提升'] });
    // Scored on 1 July, before the entry deadline of 10 July: nothing was missing yet.
    await new Evaluator(db).evaluate([projectId], period, `${pastYear}-07-01`);
    await db.query(`UPDATE project_scores SET "computedAt" = $3, "inputsChangedAt" = $3 WHERE "projectId" = $1 AND period = $2`, [
      projectId,
      period,
      `${pastYear}-07-01T08:00:00Z`,
    ]);
    const before = await score(projectId, period);
    expect(before.stale).toBe(false);
    expect(before.flags.map((f) => f.code)).not.toContain('ACTUAL_MISSING');
    expect(before.score).toBeNull();

    const queue = app.get<Queue>(getQueueToken(EVALUATION_QUEUE));
    const since = Date.now();
    await queue.add(EvaluationJobName.MarkPastDeadlines, {});
    const after = await freshScore(projectId, since, 5_000, period);
    const missing = after.flags.filter((f) => f.code === 'ACTUAL_MISSING');
    expect(missing.map((f) => f.subjectId).sort()).toEqual([...indicatorIds].sort());
    expect(missing.every((f) => f.details.period === period)).toBe(true);
    // Missing past the deadline, the actuals score 0 and keep their weight.
    expect(after).toMatchObject({ score: '0.00', grade: '差' });

    // Once scored past the deadline, the project is not marked again.
    const again = await queue.add(EvaluationJobName.MarkPastDeadlines, {});
    for (const deadline = Date.now() + 5_000; !(await again.isCompleted()); ) {
      if (Date.now() > deadline) throw new Error('mark-past-deadlines did not complete');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await score(projectId, period)).toMatchObject({ stale: false, computedAt: after.computedAt });
  });

  it('marks the scores computed before a deadline passed, or in the hours before the daily run, and no later one', async () => {
    const pastYear = new Date().getUTCFullYear() - 1;
    const period = `${pastYear}-H1`;
    // The entry deadline of the first half is 10 July: from 11 July (UTC) a missing actual is a finding.
    const computedAt = [`${pastYear}-07-10T23:00:00Z`, `${pastYear}-07-11T00:30:00Z`, `${pastYear}-07-11T01:30:00Z`];
    const projectIds: string[] = [];
    for (const at of computedAt) {
      const { projectId } = await seedUnit(db, { year: pastYear, targets: ['≥10个'] });
      await db.query(`INSERT INTO project_scores ("projectId", period, "inputsChangedAt", "computedAt") VALUES ($1, $2, $3, $3)`, [projectId, period, at]);
      projectIds.push(projectId);
    }
    const marked = await markScoredBeforePastDeadlines(db, new Date(`${pastYear}-07-12T01:00:00Z`));
    expect(marked.get(period)).toBeGreaterThanOrEqual(2);
    const stale = await db.query(
      `SELECT "inputsChangedAt" > "computedAt" AS stale FROM project_scores WHERE "projectId" = ANY($1::uuid[]) AND period = $2
       ORDER BY "computedAt"`,
      [projectIds, period],
    );
    expect(stale.map((row: { stale: boolean }) => row.stale)).toEqual([true, true, false]);
  });

  it('keeps an entry flag per period: a half-year finding neither hides nor is resolved by the year-end one', async () => {
    const projectId = await scorableProject();
    const reasonFlags = async () =>
      (await db.query(`SELECT period FROM flags WHERE "projectId" = $1 AND code = 'DEVIATION_REASON_MISSING' AND "resolvedAt" IS NULL`, [projectId])).map(
        (row: { period: string }) => row.period,
      );
    await saveActuals(projectId, `${year}-H1`, (target) => target * 0.1);
    await freshScore(projectId, Date.now() - 10, 1_000, `${year}-H1`);
    await saveActuals(projectId, String(year), (target) => target * 0.5);
    await freshScore(projectId, Date.now() - 10, 1_000);
    expect(new Set(await reasonFlags())).toEqual(new Set([`${year}-H1`, String(year)]));

    const since = Date.now();
    await saveActuals(projectId, String(year), (target) => target * 0.5, '经费保障：资金下达较晚');
    await freshScore(projectId, since, 1_000);
    expect(await reasonFlags()).toEqual([`${year}-H1`]);
    const halfYear = await score(projectId, `${year}-H1`);
    expect(halfYear.flags.filter((f) => f.code === 'DEVIATION_REASON_MISSING').map((f) => f.details.period)).toEqual([`${year}-H1`]);
  });

  it('leaves placeholder targets out of scoring as not scorable and keeps their R04 flags', async () => {
    const placeholders: { id: string; projectId: string }[] = await db.query(
      `SELECT i.id, i."projectId" FROM indicators i JOIN projects p ON p.id = i."projectId"
       WHERE p."importId" = $1 AND i."annualKind" = 'placeholder'`,
      [importId],
    );
    expect(placeholders.length).toBeGreaterThan(0);
    for (const projectId of new Set(placeholders.map((p) => p.projectId))) {
      await saveActuals(projectId, String(year), (target) => target);
      const body = await freshScore(projectId, 0, 5_000);
      for (const indicator of placeholders.filter((p) => p.projectId === projectId)) {
        const scored = body.indicators.find((i) => i.indicatorId === indicator.id);
        expect(scored).toMatchObject({ status: 'not_scorable', score: null });
        expect(body.flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'R04', subjectId: indicator.id })]));
      }
    }
  });

  it('reads every column the evaluator scores by into its field: targets, actual, 执行数 and override', async () => {
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      const period = `${year}-05`;
      // TypeORM returns an UPDATE's rows with its count.
      const [[indicator]] = await runner.query(
        `UPDATE indicators SET level1 = '产出指标', level2 = '时效指标', name = '按期完成率', key = true, weight = 12.5,
           "annualRaw" = '≥100个', "annualKind" = 'quantitative', "annualComparator" = 'gte', "annualValue" = 100, "annualUpper" = 120,
           "annualUnit" = '个', "annualPer" = 'year', "periodRaw" = '≤5元', "periodKind" = 'quantitative', "periodComparator" = 'lte',
           "periodValue" = 5, "periodUpper" = 6, "periodUnit" = '元', "periodPer" = 'month'
         WHERE id = (SELECT i.id FROM indicators i JOIN projects p ON p.id = i."projectId" WHERE p."importId" = $1 ORDER BY i.id LIMIT 1)
         RETURNING id, "projectId"`,
        [importId],
      );
      await runner.query(
        `INSERT INTO actuals ("indicatorId", "projectId", period, version, value, text, grade, "deviationCategory", "deviationText", possibility, suggestion)
         VALUES ($1, $2, $3, 1, 88.5, '基本完成', 'partial', '经费保障', '资金下达较晚', 'possible', '加快进度')`,
        [indicator.id, indicator.projectId, period],
      );
      await runner.query(`INSERT INTO spending ("projectId", period, version, executed) VALUES ($1, $2, 1, 4321.5)`, [indicator.projectId, period]);
      await runner.query(
        `INSERT INTO evaluations ("indicatorId", "projectId", period, status, "overrideScore", "overrideReason") VALUES ($1, $2, $3, 'met', 7.5, '目标值设定偏低')`,
        [indicator.id, indicator.projectId, period],
      );

      const { sources, overrides } = await worker.get(Evaluator).loadInputs(runner.manager, [indicator.projectId], period);
      const inputs = readProjectInputs(sources[0], overrides);
      expect(inputs.spent).toBe('4321.50');
      expect(inputs.indicators.find((row) => row.id === indicator.id)).toEqual({
        id: indicator.id,
        level1: '产出指标',
        level2: '时效指标',
        name: '按期完成率',
        key: true,
        weight: '12.50',
        annual: { raw: '≥100个', kind: 'quantitative', comparator: 'gte', value: '100', upper: '120', unit: '个', per: 'year' },
        period: { raw: '≤5元', kind: 'quantitative', comparator: 'lte', value: '5', upper: '6', unit: '元', per: 'month' },
      });
      expect(inputs.actuals.get(indicator.id)).toEqual({
        indicatorId: indicator.id,
        value: '88.5',
        text: '基本完成',
        grade: 'partial',
        deviationCategory: '经费保障',
        deviationText: '资金下达较晚',
        possibility: 'possible',
        suggestion: '加快进度',
        overrideScore: '7.50',
        overrideReason: '目标值设定偏低',
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('writes nothing new when re-evaluated with unchanged inputs', async () => {
    const projectId = await scorableProject();
    await freshScore(projectId, 0, 5_000);
    const snapshot = () => db.query(`SELECT "inputsHash", score, grade, explanation FROM project_scores WHERE "projectId" = $1`, [projectId]);
    const flags = () => db.query(`SELECT id, "openedAt", "resolvedAt" FROM flags WHERE "projectId" = $1 ORDER BY id`, [projectId]);
    const [scoreBefore, flagsBefore] = [await snapshot(), await flags()];
    const since = Date.now();
    const trigger = app.get(EvaluationTrigger);
    await db.transaction((manager) => trigger.markChanged(manager, [projectId], String(year)));
    await trigger.enqueue([projectId], String(year));
    await freshScore(projectId, since, 1_000);
    expect(await snapshot()).toEqual(scoreBefore);
    expect(await flags()).toEqual(flagsBefore);
  });

  it('leaves a first score to the writer that marked the project meanwhile: stale, then scored by the next evaluation', async () => {
    const projectId = await scorableProject();
    const period = `${year}-09`;
    const state = async () => {
      const [row] = await db.query(
        `SELECT s."computedAt", (SELECT count(*)::int FROM evaluations e WHERE e."projectId" = s."projectId" AND e.period = s.period) AS evaluations
         FROM project_scores s WHERE s."projectId" = $1 AND s.period = $2`,
        [projectId, period],
      );
      return row;
    };
    const writer = db.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await markInputsChanged(writer.manager, [projectId], period);
      const [{ writerPid }] = await writer.query('SELECT pg_backend_pid() AS "writerPid"');
      // The evaluator finds no row to lock, scores the project, and waits at its insert for the writer's row.
      const evaluation = new Evaluator(db).evaluate([projectId], period);
      for (let waited = 0; ; waited += 20) {
        const [blocked] = await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)) AND query LIKE 'INSERT INTO project_scores%'`,
          [writerPid],
        );
        if (blocked.n > 0) break;
        if (waited > 5_000) throw new Error('the evaluator never waited for the writer');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await writer.commitTransaction();
      expect(await evaluation).toEqual({ evaluated: 0, unchanged: 0 });
      expect(await state()).toEqual({ computedAt: null, evaluations: 0 });
    } finally {
      if (writer.isTransactionActive) await writer.rollbackTransaction();
      await writer.release();
    }
    await new Evaluator(db).evaluate([projectId], period);
    const scored = await state();
    expect(scored.computedAt).not.toBeNull();
    expect(scored.evaluations).toBeGreaterThan(0);
  });

  it('writes the same project and unit scorecard rows as refresh_project_scorecards computes from the stored rows', async () => {
    // The first half: the fault test below takes the last projects and needs them never scored before.
    const projects: { id: string }[] = await db.query(`SELECT id FROM projects WHERE "importId" = $1 ORDER BY id`, [importId]);
    const projectIds = projects.slice(0, Math.ceil(projects.length / 2)).map(({ id }) => id);
    // 重点指标 on every other indicator, and actuals met, half met or missing, so every count has something to count.
    await db.query(`UPDATE indicators SET key = (position % 2 = 0) WHERE "projectId" = ANY($1::uuid[])`, [projectIds]);
    for (const [index, projectId] of projectIds.slice(0, 6).entries()) {
      await saveActuals(projectId, String(year), (target) => (index % 2 === 0 ? target : target / 2));
    }
    await new Evaluator(db).evaluate(projectIds, String(year));
    const scorecards = () =>
      db.query(
        `SELECT 'project' AS level, "projectId" AS id, spent, score, grade, "executionRate", indicators, "indicatorsMet", "indicatorsPending",
                "keyIndicators", "keyIndicatorsMet", "keyIndicatorsPending", "flagsError", "flagsWarning", "flagsInfo"
         FROM project_scorecards WHERE "projectId" = ANY($1::uuid[]) AND period = $2
         UNION ALL
         SELECT 'unit', "unitId", spent, "scoreSum", NULL, NULL, indicators, "indicatorsMet", "indicatorsPending",
                "keyIndicators", "keyIndicatorsMet", "keyIndicatorsPending", "flagsError", "flagsWarning", "flagsInfo"
         FROM unit_scorecards WHERE "unitId" IN (SELECT "unitId" FROM projects WHERE id = ANY($1::uuid[])) AND period = $2
         ORDER BY level, id`,
        [projectIds, String(year)],
      );
    const written = await scorecards();
    const projectRows = written.filter((row: { level: string }) => row.level === 'project');
    expect(projectRows).toHaveLength(projectIds.length);
    for (const field of ['indicatorsMet', 'indicatorsPending', 'keyIndicatorsMet', 'keyIndicatorsPending', 'flagsError', 'flagsWarning']) {
      expect(projectRows.some((row: Record<string, number>) => row[field] > 0)).toBe(true);
    }
    await db.query('SELECT "refresh_project_scorecards"($1::uuid[], $2)', [projectIds, String(year)]);
    expect(await scorecards()).toEqual(written);
  });

  it('scores the other changed projects when one cannot be stored, and that one once the fault is gone', async () => {
    const [poisoned, healthy]: string[] = (
      await db.query(
        `SELECT p.id FROM projects p JOIN indicators i ON i."projectId" = p.id WHERE p."importId" = $1
         GROUP BY p.id HAVING bool_and(i."annualKind" = 'quantitative') ORDER BY p.id DESC LIMIT 2`,
        [importId],
      )
    ).map((row: { id: string }) => row.id);
    // A real Postgres error on one project's score row, as a corrupt row or a failing constraint would raise.
    await db.query(`CREATE TABLE poisoned_projects ("projectId" uuid PRIMARY KEY)`);
    await db.query(`INSERT INTO poisoned_projects VALUES ($1)`, [poisoned]);
    await db.query(`CREATE FUNCTION refuse_poisoned() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM poisoned_projects WHERE "projectId" = NEW."projectId") THEN RAISE EXCEPTION 'poisoned project'; END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER refuse_poisoned BEFORE UPDATE ON project_scores FOR EACH ROW EXECUTE FUNCTION refuse_poisoned()`);
    try {
      const since = Date.now();
      await saveActuals(poisoned, String(year), (target) => target);
      await saveActuals(healthy, String(year), (target) => target);
      await freshScore(healthy, since, 5_000);
      expect((await score(poisoned)).stale).toBe(true);
    } finally {
      await db.query(`DROP TRIGGER refuse_poisoned ON project_scores`);
      await db.query(`DROP FUNCTION refuse_poisoned()`);
      await db.query(`DROP TABLE poisoned_projects`);
    }
    // The failed job is retried with backoff (1 s, then 2 s) and now scores it.
    await freshScore(poisoned, 0, 10_000);
  });

  it('re-evaluates a whole year on POST /evaluations and lists failed jobs', async () => {
    const refused = await app.inject({ method: 'POST', url: '/evaluations', payload: { year }, headers: bearer(await issueToken(app, { role: 'reviewer' })) });
    expect(refused.statusCode).toBe(403);
    const response = await app.inject({ method: 'POST', url: '/evaluations', payload: { year }, headers: admin });
    expect(response.statusCode).toBe(202);
    const projects: { id: string }[] = await db.query(`SELECT id FROM projects WHERE "importId" = $1`, [importId]);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [{ pending }] = await db.query(
        `SELECT count(*)::int AS pending FROM projects p LEFT JOIN project_scores s ON s."projectId" = p.id AND s.period = $2
         WHERE p.id = ANY($1::uuid[]) AND (s."computedAt" IS NULL OR s."inputsChangedAt" > s."computedAt")`,
        [projects.map((p) => p.id), String(year)],
      );
      if (pending === 0) break;
      if (Date.now() > deadline) throw new Error(`${pending} projects still unscored`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failed = await app.inject({ method: 'GET', url: '/evaluations/failed', headers: admin });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toEqual([]);
  });

  it('removes a deleted project\'s indicators, evaluations and flags with it', async () => {
    const [project] = await db.query(
      `SELECT p.id FROM projects p WHERE p."importId" = $1
         AND EXISTS (SELECT 1 FROM flags f WHERE f."projectId" = p.id) AND EXISTS (SELECT 1 FROM evaluations e WHERE e."projectId" = p.id)
       ORDER BY p.id DESC LIMIT 1`,
      [importId],
    );
    expect(project).toBeDefined();
    const left = () =>
      db.query(
        `SELECT (SELECT count(*) FROM indicators WHERE "projectId" = $1)::int AS indicators,
                (SELECT count(*) FROM evaluations WHERE "projectId" = $1)::int AS evaluations,
                (SELECT count(*) FROM flags WHERE "projectId" = $1)::int AS flags`,
        [project.id],
      );
    const [before] = await left();
    expect(Math.min(before.indicators, before.evaluations, before.flags)).toBeGreaterThan(0);
    await db.query(`DELETE FROM projects WHERE id = $1`, [project.id]);
    expect(await left()).toEqual([{ indicators: 0, evaluations: 0, flags: 0 }]);
  });

  it.each([
    ['a malformed period', '/projects/00000000-0000-4000-8000-000000000000/score?period=2025-13', 422],
    ['an unknown project', '/projects/00000000-0000-4000-8000-000000000000/score', 404],
  ])('refuses %s', async (_, url, status) => {
    const response = await app.inject({ method: 'GET', url, headers: admin });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
