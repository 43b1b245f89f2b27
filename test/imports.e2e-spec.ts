import { ENTRY_RULE_CODES } from '@app/domain';
import { parseDocument } from '@app/importer';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { importFiles } from '../src/cli/import-files';
import { bearer, issueToken } from './support/auth';
import { createTestApp, createTestWorker, multipartFile, waitForImport } from './support/test-app';

const SAMPLES = join(__dirname, '..', 'samples');
const OK = join(__dirname, 'fixtures', 'import', 'ok');
const NOT_OK = join(__dirname, 'fixtures', 'import', 'not-ok');
const seeds = readdirSync(SAMPLES).sort();
const badFiles = readdirSync(NOT_OK).sort();

describe('imports', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let admin: Record<string, string>;
  /** The seeds' imports made by this suite; other suites write to the same database at the same time. */
  const seedImportIds: string[] = [];

  const upload = (fileName: string, content: Buffer) =>
    app.inject({ method: 'POST', url: '/imports', ...multipartFile(fileName, content, admin) });
  const countRows = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].count);

  beforeAll(async () => {
    app = await createTestApp();
    worker = await createTestWorker();
    db = app.get(DataSource);
    admin = bearer(await issueToken(app, { role: 'admin' }));
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  describe.each(seeds)('seed %s', (seed) => {
    const content = readFileSync(join(SAMPLES, seed));
    let importId: string;

    it('is accepted with 202 and stores every parsed project, indicator and review flag', async () => {
      const expected = await parseDocument({ fileName: seed, content });
      const response = await upload(seed, content);
      expect(response.statusCode).toBe(202);
      importId = response.json().id;
      seedImportIds.push(importId);

      const done = await waitForImport(app, importId, admin);
      const expectedIndicators = expected.projects.reduce((n, p) => n + p.indicators.length, 0);
      expect(done).toMatchObject({
        status: 'succeeded',
        error: null,
        year: expected.year,
        projectCount: expected.projects.length,
        indicatorCount: expectedIndicators,
      });
      const projects = await countRows('SELECT count(*) FROM projects WHERE "importId" = $1', [importId]);
      const indicators = await countRows(
        'SELECT count(*) FROM indicators i JOIN projects p ON p.id = i."projectId" WHERE p."importId" = $1',
        [importId],
      );
      // The evaluation worker may already have added entry-time flags (ACTUAL_MISSING …) to these projects.
      const flags = await countRows(
        'SELECT count(*) FROM flags f JOIN projects p ON p.id = f."projectId" WHERE p."importId" = $1 AND f.code <> ALL($2)',
        [importId, ENTRY_RULE_CODES],
      );
      expect({ projects, indicators, flags }).toEqual({
        projects: expected.projects.length,
        indicators: expectedIndicators,
        flags: done.flagCount,
      });
    });

    it('is the same import when uploaded again, and nothing doubles', async () => {
      const indicatorsOf = () =>
        countRows('SELECT count(*) FROM indicators i JOIN projects p ON p.id = i."projectId" WHERE p."importId" = $1', [importId]);
      const before = await indicatorsOf();
      const again = await upload(`copy-of-${seed}`, content);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: importId, status: 'succeeded' });
      expect(await indicatorsOf()).toBe(before);
      expect(await countRows('SELECT count(*) FROM imports WHERE sha256 = $1', [again.json().sha256])).toBe(1);
    });

    it('is the same import again through `jixiao import`', async () => {
      const projectsOf = () => countRows('SELECT count(*) FROM projects WHERE "importId" = $1', [importId]);
      const before = await projectsOf();
      const [row] = await importFiles([join(SAMPLES, seed)], { progress: false });
      expect(row).toMatchObject({ id: importId, status: 'succeeded' });
      expect(await projectsOf()).toBe(before);
    });
  });

  it('serves every project of a unit through GET /projects, in pages with a stable order', async () => {
    const [{ id: unitId }] = await db.query(`INSERT INTO units (code, name) VALUES ('paging', '分页测试单位') RETURNING id`);
    const stored: string[] = (
      await db.query(`INSERT INTO projects (name, year, "unitId") SELECT '项目' || n, 2025, $1 FROM generate_series(1, 23) n RETURNING id`, [unitId])
    ).map(({ id }: { id: string }) => id);
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const body = (await app.inject({ method: 'GET', url: `/projects?unit=${unitId}&pageSize=7&page=${page}`, headers: admin })).json();
      expect(body).toMatchObject({ total: stored.length, page, pageSize: 7 });
      expect(body.items).toHaveLength(page < 4 ? 7 : 2);
      seen.push(...body.items.map((p: { id: string }) => p.id));
    }
    expect(new Set(seen)).toEqual(new Set(stored));
  });

  /** A unit whose projects all come from this suite's seed imports, with an open import-time flag. */
  async function flaggedSample(): Promise<{ unitId: string; year: number; code: string } | undefined> {
    const [sample] = await db.query(
      `SELECT p."unitId", p.year, f.code FROM projects p JOIN flags f ON f."projectId" = p.id
       WHERE p."importId" = ANY($1) AND p."unitId" IS NOT NULL AND p.year IS NOT NULL
         AND f."resolvedAt" IS NULL AND f.code <> ALL($2)
         AND NOT EXISTS (SELECT 1 FROM projects other WHERE other."unitId" = p."unitId" AND other."importId" IS DISTINCT FROM p."importId")
       ORDER BY p.id LIMIT 1`,
      [seedImportIds, ENTRY_RULE_CODES],
    );
    return sample;
  }

  it('filters projects by year, unit and open flag code', async () => {
    const sample = await flaggedSample();
    expect(sample).toBeDefined();
    const url = `/projects?year=${sample!.year}&unit=${sample!.unitId}&flag=${sample!.code}&pageSize=200`;
    const body = (await app.inject({ method: 'GET', url, headers: admin })).json();
    const expected = await countRows(
      `SELECT count(*) FROM projects p WHERE p.year = $1 AND p."unitId" = $2
       AND EXISTS (SELECT 1 FROM flags f WHERE f."projectId" = p.id AND f.code = $3 AND f."resolvedAt" IS NULL)`,
      [sample!.year, sample!.unitId, sample!.code],
    );
    expect(body.total).toBe(expected);
    expect(body.items.every((p: { unit: { id: string } }) => p.unit.id === sample!.unitId)).toBe(true);
  });

  it('shows a project with its indicators in document order, their targets and open flags', async () => {
    const [flagged] = await db.query(
      `SELECT f."projectId", f."subjectId", f.code FROM flags f JOIN projects p ON p.id = f."projectId"
       WHERE p."importId" = ANY($1) AND f."subjectType" = 'indicator' AND f."resolvedAt" IS NULL AND f.code <> ALL($2)
       ORDER BY f.id LIMIT 1`,
      [seedImportIds, ENTRY_RULE_CODES],
    );
    expect(flagged).toBeDefined();
    const projectId = flagged.projectId;
    const body = (await app.inject({ method: 'GET', url: `/projects/${projectId}`, headers: admin })).json();

    const positions = body.indicators.map((i: { position: number }) => i.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const stored = await countRows('SELECT count(*) FROM indicators WHERE "projectId" = $1', [projectId]);
    expect(body.indicators).toHaveLength(stored);
    const indicator = body.indicators.find((i: { id: string }) => i.id === flagged.subjectId);
    expect(indicator.flags.map((f: { code: string }) => f.code)).toContain(flagged.code);
  });

  it('shows an R04 flag on every placeholder target of the projects GET /projects?flag=R04 lists', async () => {
    const listed: string[] = [];
    for (let page = 1, full = true; full; page++) {
      const { items } = (await app.inject({ method: 'GET', url: `/projects?flag=R04&pageSize=200&page=${page}`, headers: admin })).json();
      listed.push(...items.map((p: { id: string }) => p.id));
      full = items.length === 200;
    }
    // Other suites write placeholder targets of their own; this suite answers for its seeds' projects.
    const placeholderProjects: string[] = (
      await db.query(
        `SELECT DISTINCT i."projectId" AS id FROM indicators i JOIN projects p ON p.id = i."projectId"
         WHERE p."importId" = ANY($1) AND 'placeholder' IN (i."annualKind", i."periodKind")`,
        [seedImportIds],
      )
    ).map(({ id }: { id: string }) => id);
    const seedProjects = new Set<string>(
      (await db.query(`SELECT id FROM projects WHERE "importId" = ANY($1)`, [seedImportIds])).map(({ id }: { id: string }) => id),
    );
    const listedOfSeeds = listed.filter((id) => seedProjects.has(id));
    expect(placeholderProjects.length).toBeGreaterThan(0);
    expect(new Set(listedOfSeeds)).toEqual(new Set(placeholderProjects));

    for (const id of listedOfSeeds) {
      const project = (await app.inject({ method: 'GET', url: `/projects/${id}`, headers: admin })).json();
      const placeholders = project.indicators.filter((i: { annualTarget: { kind: string } | null; periodTarget: { kind: string } | null }) =>
        [i.annualTarget?.kind, i.periodTarget?.kind].includes('placeholder'),
      );
      expect(placeholders.length).toBeGreaterThan(0);
      for (const indicator of placeholders) {
        expect(indicator.flags).toEqual(
          expect.arrayContaining([expect.objectContaining({ code: 'R04', severity: 'error', message: expect.any(String) })]),
        );
      }
    }
  });

  it('imports new files in-process through `jixiao import`, as the worker would', async () => {
    const paths = readdirSync(OK).sort().map((name) => join(OK, name));
    const rows = await importFiles(paths, { progress: false });
    for (const [index, row] of rows.entries()) {
      const expected = await parseDocument({ fileName: paths[index], content: readFileSync(paths[index]) });
      expect(row).toMatchObject({ status: 'succeeded', projectCount: expected.projects.length, layout: expected.layout });
      expect(await countRows('SELECT count(*) FROM projects WHERE "importId" = $1', [row.id])).toBe(expected.projects.length);
    }
  });

  it.each(badFiles)('fails %s with the reason and stores no project', async (fileName) => {
    const response = await upload(fileName, readFileSync(join(NOT_OK, fileName)));
    expect(response.statusCode).toBe(202);
    const done = await waitForImport(app, response.json().id, admin);
    expect(done.status).toBe('failed');
    expect(done.error.code).toMatch(/^(UNREADABLE|EMPTY|NO_LAYOUT|UNKNOWN_LAYOUT)$/);
    expect(done.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await countRows('SELECT count(*) FROM projects WHERE "importId" = $1', [done.id])).toBe(0);
  });
});
