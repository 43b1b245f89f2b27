import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { resolvePeriodRule } from '../src/reports/report-period';
import { SCHEDULE_SYNC_LOCK, ReportSchedulesService } from '../src/reports/report-schedules.service';
import { REPORTS_QUEUE } from '../src/reports/reports.queue';
import { pdfPageTexts } from '../src/reports/testing/pdf-text';
import { readWorkbook } from '../src/reports/testing/read-workbook';
import { bearer, issueToken } from './support/auth';
import { EvaluationTrigger } from '../src/evaluation/evaluation-trigger';
import { createTestApp, createTestWorker, multipartFile, waitForImport } from './support/test-app';

/** The 广州市协作办公室 项目支出绩效目标表 (the seed with the most indicators). */
const SEED = join(__dirname, '..', 'samples', '004_84a4cc9028de2c37.txt');
const TIME_ZONE = 'Asia/Shanghai';
/** The seed carries no year: the actuals entered here place its projects in the year the schedules report on. */
const PERIOD = resolvePeriodRule('previous-year', new Date(), TIME_ZONE);
const EVERY_TWO_SECONDS = '*/2 * * * * *';

interface ReportBody {
  id: string;
  kind: string;
  format: string;
  status: string;
  error: string | null;
  scheduleId: string | null;
  sha256: string | null;
  finishedAt: string | null;
  fileUrl: string;
}

function rowWith(sheet: ExcelJS.Worksheet, column: string, value: string): ExcelJS.Row {
  for (let number = 1; number <= sheet.rowCount; number++) {
    if (sheet.getRow(number).getCell(column).value === value) return sheet.getRow(number);
  }
  throw new Error(`no row with ${value} in column ${column}`);
}

describe('reports', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let unitId: string;
  let projects: { id: string; name: string }[];
  let missingEntries: number;
  let admin: Record<string, string>;

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = admin) =>
    app.inject({ method, url, payload, headers });
  const listReports = async (kind: string): Promise<ReportBody[]> =>
    (await api('GET', `/reports?kind=${kind}&unit=${unitId}&period=${PERIOD}`)).json().items;

  async function waitForReports(kind: string, settled: (rows: ReportBody[]) => boolean, timeoutMs = 30_000): Promise<ReportBody[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await listReports(kind);
      if (settled(rows)) return rows;
      if (Date.now() > deadline) throw new Error(`${kind} reports not settled: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const allFinished = (rows: ReportBody[]) => rows.length > 0 && rows.every((row) => row.status === 'ready' || row.status === 'failed');

  /** The evaluation worker's score for the period, once it has computed it from the entries. */
  async function scoreOf(projectId: string, timeoutMs = 30_000): Promise<{ score: string; grade: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const body = (await api('GET', `/projects/${projectId}/score?period=${PERIOD}`)).json();
      if (body.computedAt && !body.stale && body.score !== null) return body;
      if (Date.now() > deadline) throw new Error(`project ${projectId} not scored for ${PERIOD}: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function scheduleOf(kind: string): Promise<{ id: string }> {
    return (await api('GET', '/report-schedules')).json().find((schedule: { kind: string }) => schedule.kind === kind);
  }

  beforeAll(async () => {
    app = await createTestApp();
    worker = await createTestWorker();
    db = app.get(DataSource);
    admin = bearer(await issueToken(app, { role: 'admin' }));
    // Other suites import this seed too and enter 2025 actuals; a department name of its own keeps their projects out of this unit's reports.
    const content = Buffer.from(readFileSync(SEED, 'utf8').replaceAll('广州市协作办公室', '广州市协作办公室（报表）'));
    const upload = await app.inject({ method: 'POST', url: '/imports', ...multipartFile('guangzhou.txt', content, admin) });
    const { id: importId } = await waitForImport(app, upload.json().id, admin);

    [{ unitId }] = await db.query(
      `SELECT p."unitId" FROM indicators i JOIN projects p ON p.id = i."projectId"
       WHERE p."importId" = $1 GROUP BY p."unitId" ORDER BY count(*) DESC LIMIT 1`,
      [importId],
    );
    projects = await db.query(
      `SELECT p.id, p.name FROM projects p WHERE p."unitId" = $1 AND p."importId" = $2
         AND EXISTS (SELECT 1 FROM indicators i WHERE i."projectId" = p.id)
       ORDER BY p."sourceRow"`,
      [unitId, importId],
    );
    const unitProjectIds: string[] = (
      await db.query(`SELECT id FROM projects WHERE "unitId" = $1 AND "importId" = $2`, [unitId, importId])
    ).map(({ id }: { id: string }) => id);
    // Every fourth indicator is left without an actual; the others are met, short of or over their target.
    // Entered the way a writer of inputs does: rows and markChanged in one transaction, enqueue after it.
    const trigger = app.get(EvaluationTrigger);
    const entered: { id: string }[] = await db.transaction(async (manager) => {
      const [rows] = await Promise.all([
        manager.query(
          `INSERT INTO actuals ("indicatorId", "projectId", period, value, text, "deviationText", version)
           SELECT i.id, i."projectId", $2,
                  CASE WHEN i."annualKind" = 'quantitative' THEN i."annualValue" * (CASE i.position % 3 WHEN 0 THEN 0.8 WHEN 1 THEN 1 ELSE 1.1 END) END,
                  CASE WHEN i."annualKind" = 'qualitative' THEN '达成年度指标' END,
                  CASE WHEN i.position % 3 = 0 THEN '部分工作延至次年完成' END, 1
           FROM indicators i JOIN projects p ON p.id = i."projectId"
           WHERE p."unitId" = $1 AND p."importId" = $3 AND i."annualKind" IN ('quantitative', 'qualitative') AND i.position % 4 <> 3
             AND (i."annualKind" = 'qualitative' OR i."annualValue" IS NOT NULL)
           RETURNING id`,
          [unitId, PERIOD, importId],
        ),
        manager.query(
          `INSERT INTO spending ("projectId", period, executed, version) SELECT id, $2, round(amount * 0.85, 2), 1 FROM projects
           WHERE "unitId" = $1 AND "importId" = $3 AND amount IS NOT NULL`,
          [unitId, PERIOD, importId],
        ),
      ]);
      await trigger.markChanged(manager, unitProjectIds, PERIOD);
      return rows;
    });
    await trigger.enqueue(unitProjectIds, PERIOD);
    const [{ count }] = await db.query(
      `SELECT count(*) FROM indicators i JOIN projects p ON p.id = i."projectId"
       WHERE p."unitId" = $1 AND p."importId" = $2 AND i."annualKind" IN ('quantitative', 'qualitative')`,
      [unitId, importId],
    );
    missingEntries = Number(count) - entered.length;
    for (const id of unitProjectIds) await scoreOf(id);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  describe('自评表 on demand', () => {
    let xlsx: Buffer;
    let pdf: Buffer;
    let first: ReportBody[];

    beforeAll(async () => {
      const response = await api('POST', '/reports', { kind: 'self_evaluation', period: PERIOD, unitId });
      expect(response.statusCode).toBe(202);
      expect(response.json().map((row: ReportBody) => [row.format, row.status]).sort()).toEqual([
        ['pdf', 'queued'],
        ['xlsx', 'queued'],
      ]);
      first = await waitForReports('self_evaluation', allFinished);
      expect(first.map(({ format, status, error }) => ({ format, status, error })).sort((a, b) => a.format.localeCompare(b.format))).toEqual([
        { format: 'pdf', status: 'ready', error: null },
        { format: 'xlsx', status: 'ready', error: null },
      ]);
      const download = async (format: string) => {
        const row = first.find((report) => report.format === format)!;
        return api('GET', row.fileUrl);
      };
      const [xlsxResponse, pdfResponse] = [await download('xlsx'), await download('pdf')];
      expect(xlsxResponse.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(pdfResponse.headers['content-type']).toBe('application/pdf');
      expect(decodeURIComponent(String(xlsxResponse.headers['content-disposition']).split("filename*=UTF-8''")[1])).toMatch(
        new RegExp(`${PERIOD}年度项目支出绩效自评表\\.xlsx$`),
      );
      xlsx = xlsxResponse.rawPayload;
      pdf = pdfResponse.rawPayload;
    });

    it('is ready in both formats, one row each', () => {
      expect(first.map(({ format, status, error }) => ({ format, status, error })).sort((a, b) => a.format.localeCompare(b.format))).toEqual([
        { format: 'pdf', status: 'ready', error: null },
        { format: 'xlsx', status: 'ready', error: null },
      ]);
    });

    it('holds each project’s indicators, actuals and scores as stored, and its 总分 equals the API’s score', async () => {
      const workbook = await readWorkbook(xlsx);
      expect(projects.length).toBeGreaterThan(1);
      for (const project of projects) {
        const sheet = workbook.worksheets.find((candidate) => rowWith(candidate, 'A', '项目名称').getCell('B').value === project.name)!;
        expect(sheet).toBeDefined();
        const stored = await scoreOf(project.id);
        const total = rowWith(sheet, 'A', '总分');
        expect(total.getCell('H').value).toBe(Number(stored.score));
        expect(total.getCell('I').value).toBe(`自评等级：${stored.grade}`);
        const indicators = await db.query(
          `SELECT i.name, i."annualRaw", e.score, e.weight, a.value, a.text, a."deviationText"
           FROM indicators i LEFT JOIN evaluations e ON e."indicatorId" = i.id AND e.period = $2
           LEFT JOIN actuals a ON a."indicatorId" = i.id AND a.period = $2
           WHERE i."projectId" = $1 ORDER BY i.position`,
          [project.id, PERIOD],
        );
        const firstIndicatorRow = rowWith(sheet, 'D', indicators[0].name).number;
        indicators.forEach((indicator: Record<string, string | null>, offset: number) => {
          const row = sheet.getRow(firstIndicatorRow + offset);
          expect(['D', 'E', 'G', 'H', 'I'].map((column) => row.getCell(column).value)).toEqual([
            indicator.name,
            indicator.annualRaw,
            Number(indicator.weight),
            indicator.score === null ? '—' : Number(indicator.score),
            indicator.deviationText,
          ]);
          const actual = row.getCell('F').value;
          if (indicator.value !== null) expect(String(actual).startsWith(String(Number(indicator.value)))).toBe(true);
          else expect(actual).toBe(indicator.text);
        });
      }
    });

    it('has a PDF whose text holds every project name and every indicator name', async () => {
      const text = pdfPageTexts(pdf).join('');
      const names: { name: string }[] = await db.query(
        `SELECT i.name FROM indicators i WHERE i."projectId" = ANY($1::uuid[])`,
        [projects.map(({ id }) => id)],
      );
      for (const { name } of [...projects, ...names]) expect(text).toContain(name.replace(/\s/g, ''));
    });

    it('replaces the same rows on a second run, never duplicating them', async () => {
      const again = await api('POST', '/reports', { kind: 'self_evaluation', period: PERIOD, unitId, formats: ['xlsx', 'pdf'] });
      expect(again.statusCode).toBe(202);
      const ids = (rows: ReportBody[]) => rows.map(({ id }) => id).sort();
      expect(ids(again.json())).toEqual(ids(first));
      const second = await waitForReports('self_evaluation', (rows) => allFinished(rows) && rows.every((row) => row.finishedAt! > first[0].finishedAt!));
      expect(ids(second)).toEqual(ids(first));
      const [{ count }] = await db.query(`SELECT count(*) FROM reports WHERE kind = 'self_evaluation' AND "unitId" = $1`, [unitId]);
      expect(Number(count)).toBe(2);
      expect(second.find(({ format }) => format === 'xlsx')!.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('scope', () => {
    let report: ReportBody;
    let otherUnit: Record<string, string>;

    beforeAll(async () => {
      [report] = await listReports('self_evaluation');
      const [other] = await db.query(`INSERT INTO units (name) VALUES ($1) RETURNING id`, [`别的单位-${Date.now()}`]);
      otherUnit = bearer(await issueToken(app, { role: 'unit', unitIds: [other.id] }));
    });

    it('lets the unit itself download its report', async () => {
      const own = bearer(await issueToken(app, { role: 'unit', unitIds: [unitId] }));
      expect((await api('GET', report.fileUrl, undefined, own)).statusCode).toBe(200);
    });

    it('hides the report from another unit’s list and refuses its download and a new run', async () => {
      expect((await api('GET', `/reports?unit=${unitId}`, undefined, otherUnit)).json()).toMatchObject({ items: [], total: 0 });
      expect((await api('GET', report.fileUrl, undefined, otherUnit)).statusCode).toBe(403);
      expect((await api('POST', '/reports', { kind: 'self_evaluation', period: PERIOD, unitId }, otherUnit)).statusCode).toBe(403);
    });

    it.each(['unit', 'reviewer'] as const)('lets only admins change a schedule, not a %s', async (role) => {
      const schedule = await scheduleOf('monitoring');
      const token = bearer(await issueToken(app, { role, unitIds: role === 'unit' ? [unitId] : [] }));
      expect((await api('PUT', `/report-schedules/${schedule.id}`, { enabled: false }, token)).statusCode).toBe(403);
      expect((await api('GET', '/report-schedules', undefined, token)).statusCode).toBe(200);
    });
  });

  async function schedulerKeys(): Promise<string[]> {
    return (await app.get<Queue>(getQueueToken(REPORTS_QUEUE)).getJobSchedulers()).map(({ key }) => key).sort();
  }

  it('keeps one job scheduler per enabled schedule from the worker’s start, in the schedule’s cron and time zone', async () => {
    const schedules: { id: string; enabled: boolean }[] = (await api('GET', '/report-schedules')).json();
    expect(schedules.length).toBeGreaterThanOrEqual(2);
    const enabled = schedules.filter((schedule) => schedule.enabled).map(({ id }) => `schedule-${id}`).sort();
    expect(await schedulerKeys()).toEqual(enabled);
    const jobSchedulers = await app.get<Queue>(getQueueToken(REPORTS_QUEUE)).getJobSchedulers();
    expect(jobSchedulers.every(({ tz }) => tz === TIME_ZONE)).toBe(true);
  });

  it('syncs schedulers one process at a time: an update and a worker’s start both wait for a sync in progress', async () => {
    const schedule = await scheduleOf('monitoring');
    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT pg_advisory_xact_lock($1)', [SCHEDULE_SYNC_LOCK]);
    const settled: string[] = [];
    const syncing = worker.get(ReportSchedulesService).syncAll().finally(() => settled.push('syncAll'));
    const update = api('PUT', `/report-schedules/${schedule.id}`, { cron: '0 3 10 7 *' }).finally(() => settled.push('update'));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toEqual([]);
      await holder.commitTransaction();
      await syncing;
      expect((await update).json()).toMatchObject({ cron: '0 3 10 7 *' });
      const scheduler = (await app.get<Queue>(getQueueToken(REPORTS_QUEUE)).getJobSchedulers()).find(({ key }) => key === `schedule-${schedule.id}`);
      expect(scheduler).toMatchObject({ pattern: '0 3 10 7 *' });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await Promise.allSettled([syncing, update]);
      await api('PUT', `/report-schedules/${schedule.id}`, { cron: '0 8 10 7 *' });
    }
  });

  it('generates a report from its schedule without a request, then stops when the schedule is disabled', async () => {
    const schedule = await scheduleOf('self_evaluation_report');
    const update = await api('PUT', `/report-schedules/${schedule.id}`, { cron: EVERY_TWO_SECONDS, unitId, periodRule: 'previous-year' });
    expect(update.statusCode).toBe(200);
    expect(update.json()).toMatchObject({ cron: EVERY_TWO_SECONDS, unitId, enabled: true });
    try {
      const [report] = await waitForReports('self_evaluation_report', allFinished);
      expect(report).toMatchObject({ format: 'pdf', status: 'ready', scheduleId: schedule.id });
      const text = pdfPageTexts((await api('GET', report.fileUrl)).rawPayload).join('');
      expect(text).toContain('自评报告');
      for (const { name } of projects) expect(text).toContain(name.replace(/\s/g, ''));
    } finally {
      expect((await api('PUT', `/report-schedules/${schedule.id}`, { enabled: false })).json().enabled).toBe(false);
    }
    expect(await schedulerKeys()).not.toContain(`schedule-${schedule.id}`);
  });

  it('raises one reminder flag for the unit naming its missing entries and the period', async () => {
    const schedule = await scheduleOf('reminder');
    await api('PUT', `/report-schedules/${schedule.id}`, { cron: EVERY_TWO_SECONDS, unitId, periodRule: 'previous-year' });
    try {
      const deadline = Date.now() + 15_000;
      let flags: { message: string; details: { missing: number; period: string } }[] = [];
      while (flags.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        flags = await db.query(
          `SELECT message, details FROM flags WHERE "subjectType" = 'unit' AND "subjectId" = $1 AND code = 'REMINDER_MISSING_ENTRIES' AND "resolvedAt" IS NULL`,
          [unitId],
        );
      }
      expect(flags).toHaveLength(1);
      expect(flags[0].details).toMatchObject({ missing: missingEntries, period: PERIOD });
      expect(flags[0].message).toContain(`尚有 ${missingEntries} 个绩效指标未填报 ${PERIOD} 期间的实际完成值`);
    } finally {
      await api('PUT', `/report-schedules/${schedule.id}`, { enabled: false });
    }
  });

  it('fails a unit with no project in the period, saying so in Chinese', async () => {
    const [other] = await db.query(`INSERT INTO units (name) VALUES ($1) RETURNING id`, [`无项目单位-${Date.now()}`]);
    const response = await api('POST', '/reports', { kind: 'monitoring', period: `${PERIOD}-H1`, unitId: other.id, formats: ['xlsx'] });
    expect(response.statusCode).toBe(202);
    const deadline = Date.now() + 15_000;
    let row: ReportBody | undefined;
    while (row?.status !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = (await api('GET', `/reports?kind=monitoring&unit=${other.id}`)).json().items[0];
    }
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('没有项目') });
    expect((await api('GET', row!.fileUrl)).statusCode).toBe(409);
  });

  it.each([
    ['a format the kind does not have', 'POST', '/reports', { kind: 'self_evaluation_report', period: '2025', formats: ['xlsx'] }, 422],
    ['a malformed period', 'POST', '/reports', { kind: 'self_evaluation', period: '2025-13' }, 422],
    ['an unknown unit', 'POST', '/reports', { kind: 'self_evaluation', period: '2025', unitId: '00000000-0000-4000-8000-000000000000' }, 404],
  ] as const)('refuses %s', async (_scenario, method, url, payload, status) => {
    const response = await api(method, url, payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['an unknown time zone', { timezone: 'Mars/Olympus' }],
    ['a cron with three fields', { cron: '0 8 *' }],
    ['an unknown period rule', { periodRule: 'last-year' }],
  ])('refuses a schedule change with %s', async (_scenario, payload) => {
    const schedule = await scheduleOf('monitoring');
    const response = await api('PUT', `/report-schedules/${schedule.id}`, payload);
    expect(response.statusCode).toBe(422);
    expect(Object.keys(response.json().error.details.fields)).toEqual(Object.keys(payload));
  });

  it('refuses a schedule for a unit that does not exist', async () => {
    const schedule = await scheduleOf('monitoring');
    const response = await api('PUT', `/report-schedules/${schedule.id}`, { unitId: '00000000-0000-4000-8000-000000000000' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('单位');
  });

  it('renders every format asked for by requests made in a burst, then serves the monitoring PDF', async () => {
    for (const format of ['pdf', 'xlsx']) {
      expect((await api('POST', '/reports', { kind: 'monitoring', period: PERIOD, unitId, formats: [format] })).statusCode).toBe(202);
    }
    const rows = await waitForReports('monitoring', (candidates) => candidates.length === 2 && allFinished(candidates));
    expect(rows.map(({ status }) => status)).toEqual(['ready', 'ready']);
    const row = rows.find(({ format }) => format === 'pdf')!;
    const text = pdfPageTexts((await api('GET', row.fileUrl)).rawPayload).join('');
    for (const { name } of projects) expect(text).toContain(name.replace(/\s/g, ''));
  });
});
