import type { Finding, Target } from '@app/domain';
import type { ParsedDocument, ParsedIndicator, ParsedProject } from '@app/importer';
import type { EntityManager } from 'typeorm';
import { BulkColumn, copyRows } from '../database/bulk-insert';
import type { ImportWarning } from '../database/entities';
import { uuidV7 } from '../database/uuid-v7';
import { FLAG_COLUMNS, FlagResult, findingFlags } from '../evaluation/project-evaluation';

export interface StoredCounts {
  departmentId: string | null;
  projectIds: string[];
  projectCount: number;
  indicatorCount: number;
  flagCount: number;
  warnings: ImportWarning[];
}

interface ProjectRow {
  id: string;
  unitId: string | null;
  parentId: string | null;
  sourceRow: number;
  project: ParsedProject;
}

interface IndicatorRow {
  id: string;
  projectId: string;
  position: number;
  indicator: ParsedIndicator;
}

const money = (value: number | null | undefined) => (value == null ? null : value.toFixed(2));
const numeric = (value: number | null | undefined) => (value == null ? null : String(value));

const PROJECT_COLUMNS: BulkColumn<ProjectRow & { importId: string; departmentId: string | null; year: number | null }>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'importId', type: 'uuid', value: (r) => r.importId },
  { name: 'sourceRow', type: 'integer', value: (r) => r.sourceRow },
  { name: 'departmentId', type: 'uuid', value: (r) => r.departmentId },
  { name: 'unitId', type: 'uuid', value: (r) => r.unitId },
  { name: 'year', type: 'integer', value: (r) => r.year },
  { name: 'parentId', type: 'uuid', value: (r) => r.parentId },
  { name: 'parentName', type: 'text', value: (r) => r.project.parentProject },
  { name: 'name', type: 'text', value: (r) => r.project.name },
  { name: 'category', type: 'text', value: (r) => r.project.category },
  { name: 'amount', type: 'numeric', value: (r) => money(r.project.amount) },
  { name: 'fundingFiscal', type: 'numeric', value: (r) => money(r.project.funding?.fiscal) },
  { name: 'fundingSpecialAccount', type: 'numeric', value: (r) => money(r.project.funding?.specialAccount) },
  { name: 'fundingOther', type: 'numeric', value: (r) => money(r.project.funding?.other) },
  { name: 'goal', type: 'text', value: (r) => r.project.goal },
  { name: 'goalReference', type: 'text', value: (r) => r.project.goalReference },
];

function targetColumns(prefix: 'annual' | 'period', target: (i: ParsedIndicator) => Target | null): BulkColumn<IndicatorRow>[] {
  return [
    { name: `${prefix}Raw`, type: 'text', value: (r) => target(r.indicator)?.raw ?? null },
    { name: `${prefix}Kind`, type: 'target_kind', value: (r) => target(r.indicator)?.kind ?? null },
    { name: `${prefix}Comparator`, type: 'target_comparator', value: (r) => target(r.indicator)?.comparator ?? null },
    { name: `${prefix}Value`, type: 'numeric', value: (r) => numeric(target(r.indicator)?.value) },
    { name: `${prefix}Upper`, type: 'numeric', value: (r) => numeric(target(r.indicator)?.upper) },
    { name: `${prefix}Unit`, type: 'varchar', value: (r) => target(r.indicator)?.unit ?? null },
    { name: `${prefix}Per`, type: 'target_per', value: (r) => target(r.indicator)?.per ?? null },
  ];
}

const INDICATOR_COLUMNS: BulkColumn<IndicatorRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'projectId', type: 'uuid', value: (r) => r.projectId },
  { name: 'position', type: 'integer', value: (r) => r.position },
  { name: 'seq', type: 'integer', value: (r) => r.indicator.seq },
  { name: 'level1', type: 'varchar', value: (r) => r.indicator.level1 },
  { name: 'level2', type: 'varchar', value: (r) => r.indicator.level2 },
  { name: 'name', type: 'text', value: (r) => r.indicator.name },
  { name: 'key', type: 'boolean', value: (r) => r.indicator.key },
  { name: 'weight', type: 'numeric', value: (r) => numeric(r.indicator.weight) },
  ...targetColumns('annual', (i) => i.annualTarget),
  ...targetColumns('period', (i) => i.periodTarget),
];


/**
 * Writes one parsed document (departments and units upserted, projects, indicators, review flags) through the
 * given transaction's manager. Ids are made here so indicators and flags can point at rows not yet inserted.
 */
export async function storeDocument(
  manager: EntityManager,
  importId: string,
  document: ParsedDocument,
  findings: Finding[][],
): Promise<StoredCounts> {
  const departmentId = document.department ? await upsertDepartment(manager, document.department) : null;
  const units = new UnitResolver(manager, departmentId);

  const projects: ProjectRow[] = [];
  for (const [sourceRow, project] of document.projects.entries()) {
    projects.push({ id: uuidV7(), unitId: await units.resolve(project), parentId: null, sourceRow, project });
  }
  linkParents(projects);

  const indicators: IndicatorRow[] = projects.flatMap((row) =>
    row.project.indicators.map((indicator, position) => ({ id: uuidV7(), projectId: row.id, position, indicator })),
  );
  const flags = flagRows(projects, indicators, findings);

  await copyRows(
    manager,
    'projects',
    PROJECT_COLUMNS,
    projects.map((row) => ({ ...row, importId, departmentId, year: document.year })),
  );
  await copyRows(manager, 'indicators', INDICATOR_COLUMNS, indicators);
  await copyRows(manager, 'flags', FLAG_COLUMNS, flags);

  return {
    departmentId,
    projectIds: projects.map((row) => row.id),
    projectCount: projects.length,
    indicatorCount: indicators.length,
    flagCount: flags.length,
    warnings: documentWarnings(document),
  };
}

/** DO NOTHING, not DO UPDATE: an update would lock the row to commit and serialise every import of the department. */
async function upsertDepartment(manager: EntityManager, name: string): Promise<string> {
  const [inserted] = await manager.query(
    `INSERT INTO "departments" ("name") VALUES ($1) ON CONFLICT ("name") DO NOTHING RETURNING "id"`,
    [name],
  );
  if (inserted) return inserted.id;
  const [existing] = await manager.query(`SELECT "id" FROM "departments" WHERE "name" = $1`, [name]);
  return existing.id;
}

/** Finds a unit by code when the document gives one, else by name; creates it when unknown. */
class UnitResolver {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly manager: EntityManager,
    private readonly departmentId: string | null,
  ) {}

  async resolve({ unitCode, unitName }: ParsedProject): Promise<string | null> {
    const name = unitName ?? unitCode;
    if (!name) return null;
    const cacheKey = `${unitCode ?? ''}\u0000${name}`;
    let id = this.known.get(cacheKey);
    if (!id) {
      id = (await this.find(unitCode, name)) ?? (await this.insert(unitCode, name)) ?? (await this.find(unitCode, name))!;
      this.known.set(cacheKey, id);
    }
    return id;
  }

  private async find(code: string | null, name: string): Promise<string | undefined> {
    const [row] = await this.manager.query(
      `SELECT "id", "code" FROM "units" WHERE "code" = $1 OR "name" = $2 ORDER BY ("code" = $1) DESC NULLS LAST LIMIT 1`,
      [code, name],
    );
    if (row && code && row.code === null) {
      await this.manager.query(`UPDATE "units" SET "code" = $1 WHERE "id" = $2`, [code, row.id]);
    }
    return row?.id;
  }

  /** undefined when a concurrent import created the same unit first. */
  private async insert(code: string | null, name: string): Promise<string | undefined> {
    const [row] = await this.manager.query(
      `INSERT INTO "units" ("code", "name", "departmentId") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING "id"`,
      [code, name, this.departmentId],
    );
    return row?.id;
  }
}

/** A 二级项目 points at its 一级项目 when that project is a row of the same document. */
function linkParents(projects: ProjectRow[]): void {
  const byName = new Map(projects.map((row) => [row.project.name, row.id]));
  for (const row of projects) {
    const parentId = row.project.parentProject ? byName.get(row.project.parentProject) : undefined;
    if (parentId && parentId !== row.id) row.parentId = parentId;
  }
}

function flagRows(projects: ProjectRow[], indicators: IndicatorRow[], findings: Finding[][]): FlagResult[] {
  const indicatorIds = new Map<string, string[]>(projects.map((row) => [row.id, []]));
  for (const row of indicators) indicatorIds.get(row.projectId)![row.position] = row.id;
  return projects.flatMap((project, index) => findingFlags(project.id, indicatorIds.get(project.id)!, findings[index] ?? [], null));
}

function documentWarnings(document: ParsedDocument): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (document.year === null) warnings.push({ code: 'NO_YEAR', message: '文件未写明预算年度' });
  if (document.department === null) warnings.push({ code: 'NO_DEPARTMENT', message: '文件未写明部门' });
  const withoutUnit = document.projects.filter((p) => !p.unitName && !p.unitCode).length;
  if (withoutUnit > 0) {
    warnings.push({ code: 'NO_UNIT', message: `${withoutUnit} 个项目未写明预算单位`, details: { projects: withoutUnit } });
  }
  if (document.projects.length === 0) warnings.push({ code: 'NO_PROJECTS', message: '文件中没有找到项目' });
  return warnings;
}
