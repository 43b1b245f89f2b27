import { gradeFor } from '@app/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FLAG_CODES, generateScorecardData, type ScorecardDataSize } from '../bench/scorecard-data';
import { Evaluator } from '../src/evaluation/evaluator.service';
import type { ScorecardFiguresDto, ScorecardPageDto, ScorecardRowDto } from '../src/scorecards/scorecard.dto';
import { bearer, issueToken } from './support/auth';
import { createTestApp } from './support/test-app';

const SIZE: ScorecardDataSize = {
  tag: `sc${randomBytes(3).toString('hex')}`,
  year: 2031,
  departments: 3,
  unitsPerDepartment: 3,
  projectsPerUnit: 6,
  indicatorsPerProject: 5,
};
const YEAR = SIZE.year;
const PROJECTS = SIZE.departments * SIZE.unitsPerDepartment * SIZE.projectsPerUnit;

const COUNTS = ['projects', 'scoredProjects', 'indicators', 'indicatorsMet', 'missingEntries', 'submissionsPending'] as const;

/** Σ of the rows, field by field, with rates recomputed from the sums the way SQL does. */
function sumOf(rows: ScorecardFiguresDto[]) {
  const add = (pick: (row: ScorecardFiguresDto) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const cents = (value: string) => Math.round(Number(value) * 100);
  const budget = add((row) => cents(row.budget));
  const spent = add((row) => cents(row.spent));
  const scoreSum = add((row) => (row.averageScore ?? 0) * row.scoredProjects);
  const scored = add((row) => row.scoredProjects);
  return {
    counts: Object.fromEntries(COUNTS.map((field) => [field, add((row) => row[field])])),
    grades: { 优: add((r) => r.grades.优), 良: add((r) => r.grades.良), 中: add((r) => r.grades.中), 差: add((r) => r.grades.差) },
    flags: { error: add((r) => r.flags.error), warning: add((r) => r.flags.warning), info: add((r) => r.flags.info) },
    budgetCents: budget,
    spentCents: spent,
    executionRate: budget === 0 ? null : (spent * 100) / budget,
    averageScore: scored === 0 ? null : scoreSum / scored,
  };
}

/** Submissions belong to units: a project row shows its unit's, so they add up only from units upwards. */
function expectTotalIsSumOf(total: ScorecardFiguresDto, rows: ScorecardFiguresDto[], counts: readonly (typeof COUNTS)[number][] = COUNTS) {
  const sum = sumOf(rows);
  expect(Object.fromEntries(counts.map((field) => [field, total[field]]))).toEqual(
    Object.fromEntries(counts.map((field) => [field, sum.counts[field]])),
  );
  expect(total.grades).toEqual(sum.grades);
  expect(total.flags).toEqual(sum.flags);
  expect(Math.round(Number(total.budget) * 100)).toBe(sum.budgetCents);
  expect(Math.round(Number(total.spent) * 100)).toBe(sum.spentCents);
  expect(total.executionRate).toBeCloseTo(sum.executionRate ?? NaN, 2);
  // Children's averages are rounded to 2 decimals before they are weighted back together.
  expect(Math.abs((total.averageScore ?? 0) - (sum.averageScore ?? 0))).toBeLessThanOrEqual(0.01);
}

describe('Scorecards', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let admin: { authorization: string };

  const get = async <T = ScorecardPageDto>(url: string, headers = admin): Promise<T> => {
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const allRows = (path: string, query = '') => get(`${path}?year=${YEAR}&pageSize=200${query}`);
  const departmentIds = async () =>
    (await db.query(`SELECT "id" FROM "departments" WHERE "code" LIKE $1 ORDER BY "code"`, [`${SIZE.tag}-%`])).map((r: { id: string }) => r.id);

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    admin = bearer(await issueToken(app, { role: 'admin' }));
    await generateScorecardData((sql, params) => db.query(sql, params), SIZE);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds up level by level: region = Σ departments, department = Σ units, unit = Σ projects', async () => {
    const region = await allRows('/scorecards');
    const ours = region.items.filter((row) => row.code?.startsWith(`${SIZE.tag}-`));
    expect(ours).toHaveLength(SIZE.departments);
    expectTotalIsSumOf(region.total, region.items);
    expect(sumOf(ours).counts).toMatchObject({ projects: PROJECTS, indicators: PROJECTS * SIZE.indicatorsPerProject });

    for (const departmentRow of ours) {
      const department = await allRows(`/scorecards/departments/${departmentRow.id}`);
      const { id, code, name, ...figures } = departmentRow;
      expect(department.total).toEqual(figures);
      expect(department.items).toHaveLength(SIZE.unitsPerDepartment);
      expectTotalIsSumOf(department.total, department.items);

      for (const unitRow of department.items) {
        const unit = await allRows(`/scorecards/units/${unitRow.id}`);
        const { id: _id, code: _code, name: _name, ...unitFigures } = unitRow;
        expect(unit.total).toEqual(unitFigures);
        expect(unit.items).toHaveLength(SIZE.projectsPerUnit);
        expectTotalIsSumOf(unit.total, unit.items, COUNTS.filter((field) => field !== 'submissionsPending'));
        expect(unit.items.every((project) => project.submissionsPending === unit.total.submissionsPending)).toBe(true);
        for (const project of unit.items) {
          expect(project.grade === null || project.grade === gradeFor(project.score ?? 0)).toBe(true);
        }
      }
    }
  });

  it('shows a reviewer scoped to one department only that department, and refuses the others', async () => {
    const [mine, other] = await departmentIds();
    const reviewer = bearer(await issueToken(app, { role: 'reviewer', departmentIds: [mine] }));
    const region = await get(`/scorecards?year=${YEAR}`, reviewer);
    expect(region.items.map((row) => row.id)).toEqual([mine]);
    expect(region.total).toMatchObject({ projects: SIZE.unitsPerDepartment * SIZE.projectsPerUnit });
    const [unitOfOther] = await db.query(`SELECT "id" FROM "units" WHERE "departmentId" = $1`, [other]);
    const [projectOfOther] = await db.query(`SELECT "id" FROM "projects" WHERE "departmentId" = $1`, [other]);
    for (const url of [`/scorecards/departments/${other}?year=${YEAR}`, `/scorecards/units/${unitOfOther.id}?year=${YEAR}`, `/projects/${projectOfOther.id}/scorecard`]) {
      const response = await app.inject({ method: 'GET', url, headers: reviewer });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it.each([
    ['no token', {}, 401],
    ['a unit token', 'unit', 403],
  ])('refuses scorecards with %s', async (_case, who, status) => {
    const [unit] = await db.query(`SELECT "id" FROM "units" WHERE "code" LIKE $1 LIMIT 1`, [`${SIZE.tag}-%`]);
    const headers = who === 'unit' ? bearer(await issueToken(app, { role: 'unit', unitIds: [unit.id] })) : {};
    expect((await app.inject({ method: 'GET', url: `/scorecards?year=${YEAR}`, headers })).statusCode).toBe(status);
  });

  describe('filters, sorting and pages', () => {
    let departmentId: string;
    beforeAll(async () => {
      [departmentId] = await departmentIds();
    });

    it.each(['优', '良', '中', '差'])('grade=%s keeps only projects of that grade', async (grade) => {
      const [unit] = (await allRows(`/scorecards/departments/${departmentId}`)).items;
      const page = await allRows(`/scorecards/units/${unit.id}`, `&grade=${encodeURIComponent(grade)}`);
      expect(page.items.every((row) => row.grade === grade)).toBe(true);
      expect(page.total.grades[grade as '优']).toBe(page.total.projects);
      const all = await allRows(`/scorecards/units/${unit.id}`);
      expect(page.total.projects).toBe(all.items.filter((row) => row.grade === grade).length);
    });

    it('flag=<code> counts exactly the projects with that open flag', async () => {
      const [[code]] = FLAG_CODES;
      const page = await allRows(`/scorecards/departments/${departmentId}`, `&flag=${code}`);
      const [{ count }] = await db.query(
        `SELECT count(DISTINCT f."projectId")::int AS count FROM "flags" f JOIN "projects" p ON p."id" = f."projectId"
         WHERE p."departmentId" = $1 AND p."year" = $2 AND f."code" = $3 AND f."resolvedAt" IS NULL`,
        [departmentId, YEAR, code],
      );
      expect(page.total.projects).toBe(count);
      expect(page.total.flags.error).toBe(count);
    });

    it('executionBelow keeps only projects under the threshold', async () => {
      const [unit] = (await allRows(`/scorecards/departments/${departmentId}`)).items;
      const page = await allRows(`/scorecards/units/${unit.id}`, '&executionBelow=70');
      const all = await allRows(`/scorecards/units/${unit.id}`);
      expect(page.items.map((row) => row.id).sort()).toEqual(all.items.filter((row) => (row.executionRate ?? 0) < 70).map((row) => row.id).sort());
    });

    it('keyOnly counts only the ★ indicators', async () => {
      const page = await allRows(`/scorecards/departments/${departmentId}`, '&keyOnly=true');
      expect(page.total.indicators).toBe(page.total.projects * 2);
    });

    it('sort=budget puts the largest budget first, and pages neither repeat nor skip a row', async () => {
      const [unit] = (await allRows(`/scorecards/departments/${departmentId}`)).items;
      const all = await allRows(`/scorecards/units/${unit.id}`, '&sort=budget');
      const budgets = all.items.map((row) => Number(row.budget));
      expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
      const pages = await Promise.all([1, 2, 3].map((page) => get(`/scorecards/units/${unit.id}?year=${YEAR}&sort=budget&pageSize=2&page=${page}`)));
      expect(pages.flatMap((page) => page.items.map((row) => row.id))).toEqual(all.items.map((row) => row.id));
      expect(pages.map((page) => page.totalItems)).toEqual([6, 6, 6]);
    });

    it('answers a period outside the year with 422', async () => {
      const response = await app.inject({ method: 'GET', url: `/scorecards?year=${YEAR}&period=2030-H1`, headers: admin });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details.fields).toHaveProperty('period');
    });
  });

  describe('reviewer override', () => {
    let projectId: string;
    let qualitative: { id: string };
    let quantitative: { id: string };
    const period = String(YEAR);
    const put = (indicatorId: string, payload: object) =>
      app.inject({ method: 'PUT', url: `/projects/${projectId}/scorecard/indicators/${indicatorId}/override`, payload, headers: admin });

    beforeAll(async () => {
      [{ id: projectId }] = await db.query(
        `SELECT p."id" FROM "projects" p JOIN "units" u ON u."id" = p."unitId" WHERE u."code" LIKE $1 ORDER BY p."name" LIMIT 1`,
        [`${SIZE.tag}-%`],
      );
      [qualitative, quantitative] = await db.query(`SELECT "id" FROM "indicators" WHERE "projectId" = $1 ORDER BY "position" LIMIT 2`, [projectId]);
      await db.query(
        `INSERT INTO "actuals" ("indicatorId", "projectId", "period", "text", "value", "version") VALUES ($1, $3, $4, '部分达成年度指标并具有一定效果', NULL, 1), ($2, $3, $4, NULL, 80, 1)`,
        [qualitative.id, quantitative.id, projectId, period],
      );
    });

    it.each([
      ['above the 部分达成 band', 'qualitative', 7.2, /不在允许范围 \[5\.4, 7\.2\)/],
      ['below the 部分达成 band', 'qualitative', 5.3, /不在允许范围 \[5\.4, 7\.2\)/],
      ['above the weight', 'quantitative', 9.5, /不在允许范围 \[0, 9\]/],
    ])('rejects a score %s with 422 and the allowed range', async (_case, which, score, message) => {
      const indicator = which === 'qualitative' ? qualitative : quantitative;
      const response = await put(indicator.id, { period, score, reason: '复核调整' });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
      const [row] = await db.query(`SELECT "overrideScore" FROM "evaluations" WHERE "indicatorId" = $1`, [indicator.id]);
      expect(row.overrideScore).toBeNull();
    });

    it('rejects an override without a reason', async () => {
      const response = await put(qualitative.id, { period, score: 6 });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details.fields).toHaveProperty('reason');
    });

    it('accepts a score inside the band: explained, audited, and the project re-totalled everywhere', async () => {
      const [before] = await db.query(`SELECT "score" FROM "project_scores" WHERE "projectId" = $1`, [projectId]);
      const response = await put(qualitative.id, { period, score: 6.5, reason: '佐证材料不足，按部分达成下限附近评分' });
      expect(response.statusCode).toBe(200);
      const scorecard = response.json();
      const indicator = scorecard.indicators.find((row: { id: string }) => row.id === qualitative.id);
      expect(indicator).toMatchObject({ score: 6.5, status: 'partially_met', override: { score: 6.5, reason: '佐证材料不足，按部分达成下限附近评分' } });
      expect(indicator.explanation).toContain('评审调整为 6.5 分');
      expect(scorecard.score).not.toBe(Number(before.score));
      expect(scorecard.grade).toBe(gradeFor(scorecard.score));
      expect(scorecard.explanation).toMatch(/^总分 = /);

      const [audit] = await db.query(`SELECT "actor", "reason", "after" FROM "audit_log" WHERE "action" = 'evaluation.override' AND "subjectId" = $1`, [qualitative.id]);
      expect(audit).toMatchObject({ reason: '佐证材料不足，按部分达成下限附近评分', after: { overrideScore: 6.5, projectScore: scorecard.score } });

      const [{ unitId }] = await db.query(`SELECT "unitId" FROM "projects" WHERE "id" = $1`, [projectId]);
      const unit = await allRows(`/scorecards/units/${unitId}`);
      expect(unit.items.find((row: ScorecardRowDto) => row.id === projectId)?.score).toBe(scorecard.score);
    });

    it('keeps the override when the evaluator scores the project again', async () => {
      const [{ score: overridden }] = await db.query(`SELECT "score"::float AS score FROM "project_scores" WHERE "projectId" = $1 AND "period" = $2`, [projectId, period]);
      await db.query(`UPDATE "project_scores" SET "inputsHash" = NULL WHERE "projectId" = $1 AND "period" = $2`, [projectId, period]);
      await expect(new Evaluator(db).evaluate([projectId], period)).resolves.toEqual({ evaluated: 1, unchanged: 0 });
      const [row] = await db.query(`SELECT "score"::float AS score, "overrideScore"::float AS "overrideScore" FROM "evaluations" WHERE "indicatorId" = $1`, [qualitative.id]);
      expect(row).toEqual({ score: 6.5, overrideScore: 6.5 });
      const [{ score }] = await db.query(`SELECT "score"::float AS score FROM "project_scores" WHERE "projectId" = $1 AND "period" = $2`, [projectId, period]);
      expect(score).toBe(overridden);
    });
  });

  describe('exports', () => {
    const readXlsx = async (body: Buffer) => {
      const workbook = new Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      return sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    };
    const exportOf = (url: string) => app.inject({ method: 'GET', url, headers: admin });

    it('XLSX of a department holds the API numbers as numbers, total first', async () => {
      const [departmentId] = await departmentIds();
      const api = await allRows(`/scorecards/departments/${departmentId}`, '&sort=budget');
      const response = await exportOf(`/scorecards/departments/${departmentId}?year=${YEAR}&sort=budget&format=xlsx`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const [headers, total, ...rows] = await readXlsx(response.rawPayload);
      const column = (header: string) => (headers as string[]).indexOf(header);
      expect(headers).toEqual(expect.arrayContaining(['预算单位', '预算数（元）', '执行率（%）', '平均得分', '优', '缺报指标数']));
      expect(total[column('预算数（元）')]).toBe(Number(api.total.budget));
      expect(total[column('项目数')]).toBe(api.total.projects);
      expect(rows.map((row) => row[column('预算单位')])).toEqual(api.items.map((row) => row.name));
      expect(rows.map((row) => row[column('执行率（%）')])).toEqual(api.items.map((row) => row.executionRate));
      expect(rows.map((row) => row[column('平均得分')])).toEqual(api.items.map((row) => row.averageScore));
    });

    it('CSV of the region starts with a UTF-8 BOM and holds the same figures', async () => {
      const api = await allRows('/scorecards');
      const response = await exportOf(`/scorecards?year=${YEAR}&format=csv`);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const [headers, total, ...rows] = response.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
      expect(headers.slice(0, 3)).toEqual(['编码', '部门', '项目数']);
      expect(Number(total[headers.indexOf('预算数（元）')])).toBe(Number(api.total.budget));
      expect(rows.map((row) => Number(row[headers.indexOf('项目数')]))).toEqual(api.items.map((row) => row.projects));
    });

    it('XLSX of a project scorecard holds every indicator with its score', async () => {
      const [{ id }] = await db.query(
        `SELECT p."id" FROM "projects" p JOIN "units" u ON u."id" = p."unitId" WHERE u."code" LIKE $1 ORDER BY p."name" DESC LIMIT 1`,
        [`${SIZE.tag}-%`],
      );
      const api = await get<{ score: number; indicators: { name: string; score: number | null }[] }>(`/projects/${id}/scorecard`);
      const response = await exportOf(`/projects/${id}/scorecard?format=xlsx`);
      const [headers, , ...rows] = await readXlsx(response.rawPayload);
      const indicatorRows = rows.slice(0, -1);
      expect(indicatorRows.map((row) => row[(headers as string[]).indexOf('三级指标')])).toEqual(api.indicators.map((row) => row.name));
      expect(indicatorRows.map((row) => row[(headers as string[]).indexOf('得分')] ?? null)).toEqual(api.indicators.map((row) => row.score));
      expect(rows.at(-1)?.[(headers as string[]).indexOf('得分')]).toBe(api.score);
    });
  });
});
