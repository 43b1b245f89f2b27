import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Workbook } from 'exceljs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MAX_EVIDENCE_BYTES } from '../src/actuals/actuals.controller';
import { TokensService } from '../src/auth/tokens.service';
import type { Role } from '../src/database/entities';
import { bearer } from './support/auth';
import { NO_SUCH_ID, type SeededUnit, seedUnit } from './support/entries';
import { createTestApp, multipartFile } from './support/test-app';

type Headers = Record<string, string>;

describe('unit entries: actuals, spending, definitions and submissions', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let own: SeededUnit;
  let other: SeededUnit;
  const tokens: Record<string, Headers> = {};

  const send = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Headers, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  // Other suites write to the same database at the same time: the counts cover this suite's tokens and projects.
  const actors: string[] = [];
  const projectIds: string[] = [];
  const issue = async (scope: { role: Role; unitIds?: string[]; departmentIds?: string[] }): Promise<Headers> => {
    const { token, row } = await app.get(TokensService).create(scope);
    actors.push(`token:${row.id}`);
    return bearer(token);
  };
  const seed = async (targets: string[]): Promise<SeededUnit> => {
    const unit = await seedUnit(db, { targets });
    projectIds.push(unit.projectId);
    return unit;
  };
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].count);
  const auditRows = () => count(`SELECT count(*) FROM audit_log WHERE actor = ANY($1)`, [actors]);
  const actualRows = () => count(`SELECT count(*) FROM actuals WHERE "projectId" = ANY($1)`, [projectIds]);
  const revisionRows = () =>
    count(`SELECT count(*) FROM actual_revisions r JOIN actuals a ON a.id = r."actualId" WHERE a."projectId" = ANY($1)`, [projectIds]);

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    own = await seed(['≥100人次', '有所提升', '待单位补充']);
    other = await seed(['≥10个']);
    tokens.admin = await issue({ role: 'admin' });
    tokens.unit = await issue({ role: 'unit', unitIds: [own.unitId] });
    tokens.otherUnit = await issue({ role: 'unit', unitIds: [other.unitId] });
    tokens.reviewer = await issue({ role: 'reviewer', departmentIds: [own.departmentId] });
    tokens.otherReviewer = await issue({ role: 'reviewer', departmentIds: [other.departmentId] });
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('who may do what', () => {
    const quantity = () => own.indicatorIds[0];
    const endpoints: [name: string, method: 'GET' | 'PUT' | 'POST', url: () => string, payload?: unknown | (() => unknown)][] = [
      ['read a project', 'GET', () => `/projects/${own.projectId}`],
      ['read an actual’s history', 'GET', () => `/indicators/${quantity()}/actuals/2025-H1/history`],
      ['put an actual', 'PUT', () => `/indicators/${quantity()}/actuals/2025-H1`, { value: 40 }],
      ['put actuals in bulk', 'PUT', () => `/units/${own.unitId}/actuals/2025-H1`, () => [{ indicatorId: own.indicatorIds[0], value: 41 }]],
      ['put spending', 'PUT', () => `/projects/${own.projectId}/spending/2025-H1`, { executed: '100.50' }],
      ['read the submission', 'GET', () => `/units/${own.unitId}/submissions/2025-H1`],
      ['approve a submission', 'POST', () => `/units/${own.unitId}/submissions/2025-Q1/approve`, {}],
      ['import a document', 'POST', () => '/imports', { file: 'x' }],
    ];
    // allowed: the call passes the scope check (its own outcome may still be a 4xx for other reasons)
    const allowed: Record<string, string[]> = {
      admin: endpoints.map(([name]) => name),
      unit: ['read a project', 'read an actual’s history', 'put an actual', 'put actuals in bulk', 'put spending', 'read the submission'],
      otherUnit: [],
      reviewer: ['read a project', 'read an actual’s history', 'read the submission', 'approve a submission'],
      otherReviewer: [],
    };
    const cases = Object.keys(allowed).flatMap((who) => endpoints.map(([name, method, url, payload]) => [who, name, method, url, payload] as const));

    it.each(cases)('%s → %s', async (who, name, method, url, payload) => {
      const writesBefore = await auditRows();
      const response = await send(method, url(), tokens[who], typeof payload === 'function' ? payload() : payload);
      if (allowed[who].includes(name)) {
        expect(response.statusCode).not.toBe(403);
        expect(response.statusCode).not.toBe(401);
      } else {
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
        expect(await auditRows()).toBe(writesBefore);
      }
    });

    it('lists only the caller’s own projects to a unit, and its department’s to a reviewer', async () => {
      for (const [who, visible, hidden] of [['unit', own, other], ['reviewer', own, other], ['otherUnit', other, own]] as const) {
        const ids = (await send('GET', '/projects?pageSize=200', tokens[who])).json().items.map((p: { id: string }) => p.id);
        expect(ids).toContain(visible.projectId);
        expect(ids).not.toContain(hidden.projectId);
      }
    });

    it('leaves another unit’s actual untouched when a unit tries to write it', async () => {
      const url = `/indicators/${other.indicatorIds[0]}/actuals/2025`;
      await send('PUT', url, tokens.otherUnit, { value: 7 });
      expect((await send('PUT', url, tokens.unit, { value: 999 })).statusCode).toBe(403);
      expect((await send('PUT', `/units/${other.unitId}/actuals/2025`, tokens.unit, [{ indicatorId: other.indicatorIds[0], value: 999 }])).statusCode).toBe(403);
      expect((await send('GET', url, tokens.otherUnit)).json()).toMatchObject({ value: '7', version: 1 });
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses a stale If-Match with 409 and the current version, and loses nothing', async () => {
      const url = `/indicators/${own.indicatorIds[0]}/actuals/2025-Q3`;
      const first = await send('PUT', url, tokens.unit, { value: 10 });
      expect(first.headers.etag).toBe('"1"');
      const second = await send('PUT', url, { ...tokens.unit, 'if-match': first.headers.etag as string }, { value: 20 });
      expect(second.json()).toMatchObject({ value: '20', version: 2 });
      const stale = await send('PUT', url, { ...tokens.unit, 'if-match': '"1"' }, { value: 30 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
      const history = (await send('GET', `${url}/history`, tokens.unit)).json();
      expect(history.map((r: { version: number; value: string }) => [r.version, r.value])).toEqual([[1, '10'], [2, '20']]);
      const audits = await db.query(`SELECT actor, before, after FROM audit_log WHERE "subjectId" = $1 ORDER BY at`, [second.json().id]);
      expect(audits.map((a: { before: { value: string } | null; after: { value: string } }) => [a.before?.value ?? null, a.after.value])).toEqual([[null, '10'], ['10', '20']]);
      expect(audits[0].actor).toMatch(/^token:/);
    });

    it('refuses a whole bulk when one row carries a stale version', async () => {
      const rows = [
        { indicatorId: own.indicatorIds[0], value: 50, version: 0 },
        { indicatorId: own.indicatorIds[1], grade: '达成' },
      ];
      const before = await revisionRows();
      const response = await send('PUT', `/units/${own.unitId}/actuals/2025-Q3`, tokens.unit, rows);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details.rows).toEqual([expect.objectContaining({ index: 0, fields: { version: [expect.stringMatching(/版本/)] } })]);
      expect(await revisionRows()).toBe(before);
    });
  });

  describe('bad values', () => {
    it.each([
      ['text for a quantitative target', () => `/indicators/${own.indicatorIds[0]}/actuals/2025`, { value: '基本完成' }, 422, 'ACTUAL_INVALID', 'value'],
      ['an unknown grade', () => `/indicators/${own.indicatorIds[1]}/actuals/2025`, { grade: '优秀' }, 422, 'ACTUAL_INVALID', 'grade'],
      ['a period outside the project’s year', () => `/indicators/${own.indicatorIds[0]}/actuals/2026-H1`, { value: 1 }, 422, 'PERIOD_INVALID', null],
      ['a malformed period', () => `/indicators/${own.indicatorIds[0]}/actuals/2025-Q5`, { value: 1 }, 422, 'PERIOD_INVALID', null],
      ['a negative spend', () => `/projects/${own.projectId}/spending/2025`, { executed: -5 }, 422, 'SPENDING_INVALID', 'executed'],
      ['a spend in fractions of 分', () => `/projects/${own.projectId}/spending/2025`, { executed: '10.005' }, 422, 'SPENDING_INVALID', 'executed'],
      ['an unknown field', () => `/indicators/${own.indicatorIds[0]}/actuals/2025`, { value: 1, colour: 'red' }, 422, 'VALIDATION_FAILED', 'colour'],
    ])('answers %s with a clear %i', async (_case, url, payload, status, code, field) => {
      const before = await auditRows();
      const response = await send('PUT', url(), tokens.unit, payload);
      expect(response.statusCode).toBe(status);
      expect(response.json().error).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      if (field) expect(response.json().error.details.fields[field]).toEqual([expect.any(String)]);
      expect(await auditRows()).toBe(before);
    });

    it('reports every bad row of a bulk by its index and stores none', async () => {
      const before = await actualRows();
      const response = await send('PUT', `/units/${own.unitId}/actuals/2025-07`, tokens.unit, [
        { indicatorId: own.indicatorIds[0], value: 'n/a' },
        { indicatorId: own.indicatorIds[1], grade: '达成' },
        { indicatorId: other.indicatorIds[0], value: 3 },
      ]);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details.rows.map((r: { index: number }) => r.index)).toEqual([0, 2]);
      expect(await actualRows()).toBe(before);
    });
  });

  it('stores spending as an exact decimal in 元 with an audit row', async () => {
    const response = await send('PUT', `/projects/${own.projectId}/spending/2025-Q1`, tokens.unit, { executed: '1234567.89' });
    expect(response.json()).toMatchObject({ executed: '1234567.89', version: 1 });
    const [row] = await db.query(`SELECT executed::text FROM spending WHERE "projectId" = $1 AND period = '2025-Q1'`, [own.projectId]);
    expect(row.executed).toBe('1234567.89');
  });

  it('keeps a unit’s placeholder definition pending until a reviewer accepts it', async () => {
    const placeholder = own.indicatorIds[2];
    const bad = await send('PUT', `/indicators/${placeholder}/definition`, tokens.unit, { name: '培训人次', annualTarget: '待定' });
    expect(bad.json().error).toMatchObject({ code: 'DEFINITION_INVALID', details: { fields: { annualTarget: [expect.any(String)] } } });
    const proposed = await send('PUT', `/indicators/${placeholder}/definition`, tokens.unit, { name: '培训人次', level2: '数量指标', annualTarget: '≥200人次' });
    expect(proposed.json()).toMatchObject({ status: 'proposed', annualTarget: { kind: 'quantitative', value: 200 } });
    const pending = (await send('GET', `/projects/${own.projectId}`, tokens.unit)).json().indicators[2];
    expect(pending.annualTarget.kind).toBe('placeholder');
    expect((await send('POST', `/indicators/${placeholder}/definition/accept`, tokens.unit)).statusCode).toBe(403);
    expect((await send('POST', `/indicators/${placeholder}/definition/accept`, tokens.reviewer)).json()).toMatchObject({ status: 'accepted' });
    const accepted = (await send('GET', `/projects/${own.projectId}`, tokens.unit)).json().indicators[2];
    expect(accepted).toMatchObject({ name: '培训人次', annualTarget: { kind: 'quantitative', value: '200', unit: '人次' } });
    expect((await send('PUT', `/indicators/${placeholder}/definition`, tokens.unit, { name: 'x', annualTarget: '≥1个' })).statusCode).toBe(409);
  });

  it('submit → return → fix → submit → approve, locked while submitted and after approval, reopen marks later changes', async () => {
    const period = '2025';
    const submissionUrl = `/units/${own.unitId}/submissions/${period}`;
    const [quantity, quality, defined] = own.indicatorIds;
    await send('PUT', `/indicators/${defined}/actuals/${period}`, tokens.unit, { value: 200 });

    await send('PUT', `/indicators/${quantity}/actuals/${period}`, tokens.unit, { value: 120 });
    const incomplete = await send('POST', submissionUrl, tokens.unit);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.details.findings).toEqual([expect.objectContaining({ indicatorId: quality, code: 'ACTUAL_MISSING' })]);

    await send('PUT', `/indicators/${quality}/actuals/${period}`, tokens.unit, { grade: '部分达成' });
    const noReason = await send('POST', submissionUrl, tokens.unit);
    expect(noReason.json().error.details.findings).toEqual([expect.objectContaining({ indicatorId: quality, code: 'DEVIATION_REASON_MISSING' })]);

    await send('PUT', `/indicators/${quality}/actuals/${period}`, tokens.unit, { grade: '部分达成', deviationCategory: '经费保障', deviationText: '资金下达较晚' });
    expect((await send('POST', submissionUrl, tokens.unit)).json()).toMatchObject({ status: 'submitted', locked: true });
    const whileSubmitted = await send('PUT', `/indicators/${quantity}/actuals/${period}`, tokens.unit, { value: 130 });
    expect(whileSubmitted.statusCode).toBe(423);
    expect(whileSubmitted.json().error.code).toBe('PERIOD_LOCKED');

    expect((await send('POST', `${submissionUrl}/return`, tokens.reviewer, {})).statusCode).toBe(422);
    expect((await send('POST', `${submissionUrl}/return`, tokens.reviewer, { reason: '满意度偏差原因过于简单' })).json()).toMatchObject({ status: 'returned', locked: false, reason: '满意度偏差原因过于简单' });
    expect((await send('PUT', `/indicators/${quality}/actuals/${period}`, tokens.unit, { grade: '部分达成', deviationCategory: '经费保障', deviationText: '资金下达较晚，已调整采购计划' })).statusCode).toBe(200);
    expect((await send('POST', submissionUrl, tokens.unit)).json().status).toBe('submitted');
    expect((await send('POST', `${submissionUrl}/approve`, tokens.reviewer, {})).json()).toMatchObject({ status: 'approved', locked: true });
    expect((await send('PUT', `/projects/${own.projectId}/spending/${period}`, tokens.unit, { executed: 1 })).statusCode).toBe(423);

    expect((await send('POST', `${submissionUrl}/reopen`, tokens.unit, { reason: '想改' })).statusCode).toBe(403);
    const reopened = (await send('POST', `${submissionUrl}/reopen`, tokens.reviewer, { reason: '审计发现数量有误' })).json();
    expect(reopened).toMatchObject({ status: 'draft', locked: false, reopenedAt: expect.any(String) });
    await send('PUT', `/indicators/${quantity}/actuals/${period}`, tokens.unit, { value: 110 });
    const history = (await send('GET', `/indicators/${quantity}/actuals/${period}/history`, tokens.reviewer)).json();
    expect(history.map((r: { value: string; afterApproval: boolean }) => [r.value, r.afterApproval])).toEqual([['120', false], ['110', true]]);
    const actions = await db.query(
      `SELECT action FROM audit_log WHERE "subjectType" = 'submission' AND "subjectId" IN (SELECT id FROM submissions WHERE "unitId" = $1) ORDER BY at`,
      [own.unitId],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['submission.submit', 'submission.return', 'submission.submit', 'submission.approve', 'submission.reopen']);
  });

  it.each(['single', 'bulk'] as const)('holds a %s put while a submit of its period is in flight, then refuses it with 423 and changes nothing', async (kind) => {
    const racing = await seed(['≥10个']);
    const clerk = await issue({ role: 'unit', unitIds: [racing.unitId] });
    const url = `/indicators/${racing.indicatorIds[0]}/actuals/2025`;
    expect((await send('PUT', url, clerk, { value: 12 })).statusCode).toBe(200);
    await db.query(`INSERT INTO submissions ("unitId", period) VALUES ($1, '2025')`, [racing.unitId]);
    const submit = db.createQueryRunner();
    await submit.connect();
    try {
      // What the submit's transaction does: lock the row, check completeness, mark it submitted.
      await submit.startTransaction();
      await submit.query(`SELECT id FROM submissions WHERE "unitId" = $1 AND period = '2025' FOR UPDATE`, [racing.unitId]);
      await submit.query(`UPDATE submissions SET status = 'submitted' WHERE "unitId" = $1 AND period = '2025'`, [racing.unitId]);
      let settled = false;
      const attempt = kind === 'single' ? send('PUT', url, clerk, { value: 13 }) : send('PUT', `/units/${racing.unitId}/actuals/2025`, clerk, [{ indicatorId: racing.indicatorIds[0], value: 13 }]);
      const put = attempt.finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await submit.commitTransaction();
      const response = await put;
      expect(response.statusCode).toBe(423);
      expect(response.json().error.code).toBe('PERIOD_LOCKED');
    } finally {
      await submit.release();
    }
    expect((await send('GET', url, clerk)).json()).toMatchObject({ value: '12', version: 1 });
  });

  it('answers a malformed If-Match with 400 and a stale one on a new actual with 409', async () => {
    const url = `/indicators/${own.indicatorIds[0]}/actuals/2025-02`;
    const malformed = await send('PUT', url, { ...tokens.unit, 'if-match': 'yesterday' }, { value: 1 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('BAD_REQUEST');
    const stale = await send('PUT', url, { ...tokens.unit, 'if-match': '"4"' }, { value: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ currentVersion: 0 });
    expect((await send('PUT', url, { ...tokens.unit, 'if-match': '"0"' }, { value: 1 })).json()).toMatchObject({ version: 1, value: '1' });
  });

  it('answers a put to an unknown indicator with 404', async () => {
    const response = await send('PUT', `/indicators/${NO_SUCH_ID}/actuals/2025`, tokens.admin, { value: 1 });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  describe('a write that waits for an evaluation holding the project’s score row', () => {
    /**
     * Plays the evaluator: locks the (already stale) score row, lets `write` start and block on it, then stamps
     * `computedAt` and commits, as the evaluator does after reading inputs that cannot include the write.
     */
    const writeDuringEvaluation = async (write: (unit: SeededUnit, clerk: Headers) => Promise<{ statusCode: number }>) => {
      const unit = await seed(['≥10个']);
      const clerk = await issue({ role: 'unit', unitIds: [unit.unitId] });
      await db.query(
        `INSERT INTO project_scores ("projectId", period, "inputsChangedAt", "computedAt") VALUES ($1, '2025', now() - interval '1 hour', now() - interval '1 minute')`,
        [unit.projectId],
      );
      const evaluator = db.createQueryRunner();
      await evaluator.connect();
      await evaluator.startTransaction();
      try {
        await evaluator.query(`SELECT 1 FROM project_scores WHERE "projectId" = $1 AND period = '2025' FOR UPDATE`, [unit.projectId]);
        const [{ evaluatorPid }] = await evaluator.query('SELECT pg_backend_pid() AS "evaluatorPid"');
        const written = write(unit, clerk);
        for (let waited = 0; ; waited += 20) {
          const [{ blocked }] = await db.query(`SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [evaluatorPid]);
          if (blocked > 0) break;
          if (waited > 5_000) throw new Error('the write never waited for the score row');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // TypeORM answers an UPDATE … RETURNING with [rows, affected].
        const [[{ computedAt }]] = await evaluator.query(
          `UPDATE project_scores SET "computedAt" = clock_timestamp() WHERE "projectId" = $1 AND period = '2025' RETURNING "computedAt"::text`,
          [unit.projectId],
        );
        await evaluator.commitTransaction();
        expect((await written).statusCode).toBe(200);
        // Compared in Postgres: microseconds apart, the two times are often the same millisecond.
        const [{ markedAfter }] = await db.query(
          `SELECT "inputsChangedAt" > $2::timestamptz AS "markedAfter" FROM project_scores WHERE "projectId" = $1 AND period = '2025'`,
          [unit.projectId, computedAt],
        );
        return markedAfter as boolean;
      } finally {
        if (evaluator.isTransactionActive) await evaluator.rollbackTransaction();
        await evaluator.release();
      }
    };

    it.each([
      ['a single put', (unit: SeededUnit, clerk: Headers) => send('PUT', `/indicators/${unit.indicatorIds[0]}/actuals/2025`, clerk, { value: 12 })],
      ['a bulk put', (unit: SeededUnit, clerk: Headers) => send('PUT', `/units/${unit.unitId}/actuals/2025`, clerk, [{ indicatorId: unit.indicatorIds[0], value: 12 }])],
    ])('%s leaves the project marked changed after that evaluation, so it is scored again', async (_, write) => {
      expect(await writeDuringEvaluation(write)).toBe(true);
    });
  });

  describe('evidence files', () => {
    const url = () => `/indicators/${own.indicatorIds[0]}/actuals/2025-Q2/evidence`;
    const upload = (headers: Headers, content = Buffer.from('验收报告')) => app.inject({ method: 'POST', url: url(), ...multipartFile('验收报告.pdf', content, headers) });

    it('keeps an uploaded file under its sha256 and lists it in the actual’s evidence, as a new version with an audit row', async () => {
      expect((await upload(tokens.unit)).json().error.code).toBe('NOT_FOUND');
      await send('PUT', `/indicators/${own.indicatorIds[0]}/actuals/2025-Q2`, tokens.unit, { value: 30, evidence: [{ name: '现场照片', url: 'https://example.org/1' }] });
      const auditsBefore = await auditRows();
      const content = Buffer.from(`验收报告 ${Date.now()}`);
      const response = await upload(tokens.unit, content);
      expect(response.statusCode).toBe(200);
      const sha256 = createHash('sha256').update(content).digest('hex');
      expect(response.json()).toMatchObject({
        value: '30',
        version: 2,
        evidence: [{ name: '现场照片', url: 'https://example.org/1' }, { name: '验收报告.pdf', sha256, size: content.length }],
      });
      expect(response.headers.etag).toBe('"2"');
      expect(await readFile(join(process.env.EVIDENCE_DIR!, sha256))).toEqual(content);
      expect(await auditRows()).toBe(auditsBefore + 1);
      // The evidence as read can be put back as it is.
      const again = await send('PUT', `/indicators/${own.indicatorIds[0]}/actuals/2025-Q2`, tokens.unit, { value: 31, evidence: response.json().evidence });
      expect(again.statusCode).toBe(200);
    });

    it('serves a listed file to the unit and its reviewer under its uploaded name, and no file to anyone else', async () => {
      await send('PUT', `/indicators/${own.indicatorIds[0]}/actuals/2025-Q2`, tokens.unit, { value: 32 });
      const content = Buffer.from(`佐证 ${Date.now()}`);
      const { evidence } = (await upload(tokens.unit, content)).json();
      const { sha256 } = evidence.at(-1);
      const download = (headers: Headers, hash = sha256) => app.inject({ method: 'GET', url: `${url()}/${hash}`, headers });
      for (const headers of [tokens.unit, tokens.reviewer]) {
        const response = await download(headers);
        expect(response.statusCode).toBe(200);
        expect(response.rawPayload).toEqual(content);
        expect(decodeURIComponent(String(response.headers['content-disposition']).split("filename*=UTF-8''")[1])).toBe('验收报告.pdf');
      }
      expect((await download(tokens.otherUnit)).statusCode).toBe(403);
      expect((await download(tokens.otherReviewer)).statusCode).toBe(403);
      // A file kept on disk but not listed by this actual (another unit's, say) is not served through it.
      const unlisted = createHash('sha256').update('别处的文件').digest('hex');
      expect((await download(tokens.unit, unlisted)).json().error).toMatchObject({ code: 'NOT_FOUND', details: { sha256: unlisted } });
      expect((await download(tokens.unit, '../../etc/passwd')).statusCode).toBe(404);
      expect((await download(tokens.unit, 'ABC')).json().error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses other units, reviewers, a locked period and files over the limit, storing nothing', async () => {
      const auditsBefore = await auditRows();
      expect((await upload(tokens.otherUnit)).statusCode).toBe(403);
      expect((await upload(tokens.reviewer)).statusCode).toBe(403);
      const tooLarge = await upload(tokens.unit, Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x41));
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      const locked = await seed(['≥10个']);
      const clerk = await issue({ role: 'unit', unitIds: [locked.unitId] });
      await send('PUT', `/indicators/${locked.indicatorIds[0]}/actuals/2025`, clerk, { value: 10 });
      await db.query(`INSERT INTO submissions ("unitId", period, status) VALUES ($1, '2025', 'submitted')`, [locked.unitId]);
      const lockedUpload = await app.inject({ method: 'POST', url: `/indicators/${locked.indicatorIds[0]}/actuals/2025/evidence`, ...multipartFile('a.pdf', Buffer.from('a'), clerk) });
      expect(lockedUpload.statusCode).toBe(423);
      expect(await auditRows()).toBe(auditsBefore + 1);
    });
  });

  it('marks every accepted change for re-evaluation of its project and period', async () => {
    const period = '2025-H1';
    await send('PUT', `/indicators/${own.indicatorIds[0]}/actuals/${period}`, tokens.unit, { value: 60 });
    const [score] = await db.query(`SELECT "inputsChangedAt" FROM project_scores WHERE "projectId" = $1 AND period = $2`, [own.projectId, period]);
    expect(score.inputsChangedAt).toBeInstanceOf(Date);
  });

  describe('the XLSX entry sheet', () => {
    let sheetUnit: SeededUnit;
    let clerk: Headers;
    const url = () => `/units/${sheetUnit.unitId}/entry-sheet?period=2025-H1`;

    beforeAll(async () => {
      sheetUnit = await seed(['≥100人次', '有所提升', '≤5%']);
      clerk = await issue({ role: 'unit', unitIds: [sheetUnit.unitId] });
    });

    const download = async () => {
      const response = await send('GET', url(), clerk);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/spreadsheetml/);
      const workbook = new Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook;
    };
    const upload = async (workbook: Workbook) =>
      app.inject({ method: 'POST', url: url(), ...multipartFile('filled.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), clerk) });
    const header = (workbook: Workbook) => workbook.getWorksheet('填报')!.getRow(1).values as string[];
    const columnOf = (workbook: Workbook, title: string) => header(workbook).findIndex((h) => h?.startsWith(title));

    it('lists one row per indicator with its target, a hidden id, a locked header and a grade list', async () => {
      const workbook = await download();
      const sheet = workbook.getWorksheet('填报')!;
      expect(sheet.rowCount).toBe(1 + sheetUnit.indicatorIds.length);
      expect(sheet.getColumn(1).hidden).toBe(true);
      expect(sheet.getColumn(columnOf(workbook, '年度指标值')).values.slice(2)).toEqual(['≥100人次', '有所提升', '≤5%']);
      expect(sheet.getRow(1).getCell(1).protection?.locked).not.toBe(false);
      const gradeCell = sheet.getRow(3).getCell(columnOf(workbook, '完成等级'));
      expect(gradeCell.protection).toMatchObject({ locked: false });
      expect(gradeCell.dataValidation).toMatchObject({ type: 'list', formulae: ['"达成,部分达成,未达成"'] });
    });

    it('rejects the whole sheet when one row is bad, naming its sheet row, then applies the fixed sheet', async () => {
      const workbook = await download();
      const sheet = workbook.getWorksheet('填报')!;
      const [value, grade, reason] = ['实际完成值', '完成等级', '偏差原因分析'].map((title) => columnOf(workbook, title));
      sheet.getRow(2).getCell(value).value = 80;
      sheet.getRow(3).getCell(grade).value = '部分达成';
      sheet.getRow(3).getCell(reason).value = '进度滞后';
      sheet.getRow(4).getCell(value).value = '约三成';
      const before = await actualRows();
      const rejected = await upload(workbook);
      expect(rejected.statusCode).toBe(422);
      expect(rejected.json().error.details.rows).toEqual([expect.objectContaining({ sheetRow: 4, fields: { value: [expect.any(String)] } })]);
      expect(await actualRows()).toBe(before);

      sheet.getRow(4).getCell(value).value = 3.5;
      const applied = await upload(workbook);
      expect(applied.json()).toMatchObject({ written: 3 });
      const again = (await download()).getWorksheet('填报')!;
      expect([again.getRow(2).getCell(value).value, again.getRow(3).getCell(grade).value, again.getRow(4).getCell(value).value]).toEqual([80, '部分达成', 3.5]);
    });

    it('refuses a workbook that is not an entry sheet', async () => {
      const workbook = new Workbook();
      workbook.addWorksheet('Sheet1').addRow(['x']);
      const response = await upload(workbook);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('SHEET_INVALID');
    });
  });
});
