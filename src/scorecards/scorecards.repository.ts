import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ScorecardFiguresDto, ScorecardQueryDto, ScorecardRowDto, ScorecardSort } from './scorecard.dto';
import { numberOrNull } from '../common/decimal';

/** Department ids the caller may read, or null for every department. */
export type DepartmentScope = readonly string[] | null;

export type ScorecardLevel = 'department' | 'unit' | 'project';

export interface ScorecardRequest {
  level: ScorecardLevel;
  scope: DepartmentScope;
  period: string;
  query: Omit<ScorecardQueryDto, 'period' | 'format'>;
  /** Only this department's or unit's projects. */
  within?: { departmentId: string } | { unitId: string };
  /** Every row (exports) instead of one page. */
  allRows?: boolean;
}

export interface ScorecardResult {
  total: ScorecardFiguresDto;
  items: ScorecardRowDto[];
  totalItems: number;
}

const LEVELS: Record<ScorecardLevel, { column: string; names: string; code: string }> = {
  department: { column: 'departmentId', names: '"departments"', code: 'n."code"' },
  unit: { column: 'unitId', names: '"units"', code: 'n."code"' },
  project: { column: 'id', names: '"projects"', code: 'NULL' },
};

const ORDER_BY: Record<ScorecardSort, string> = {
  name: 'n."name" ASC NULLS LAST',
  budget: 'g."budget" DESC NULLS LAST',
  score: 'g."averageScore" ASC NULLS LAST',
  executionRate: 'g."executionRate" ASC NULLS LAST',
};

/** The raw row: numerics come back from pg as strings, counts are cast to int in SQL. */
interface FiguresRow {
  key: string | null;
  isTotal: boolean;
  name: string | null;
  code: string | null;
  rowCount: number;
  projects: number;
  budget: string;
  spent: string;
  executionRate: string | null;
  scoredProjects: number;
  averageScore: string | null;
  excellent: number;
  good: number;
  pass: number;
  poor: number;
  grade: string | null;
  indicators: number;
  indicatorsMet: number;
  metShare: string | null;
  missingEntries: number;
  flagsError: number;
  flagsWarning: number;
  flagsInfo: number;
  submissionsPending: number;
}

/**
 * Scorecards as one aggregate statement. Stage one gives a row per unit (per project for a unit's view): from
 * `unit_scorecards` when no project filter applies, else from `projects` ⋈ `project_scorecards`. Stage two sums
 * those per requested level with the grand total from the same scan (GROUPING SETS). No project or evaluation
 * row is loaded into Node.
 */
@Injectable()
export class ScorecardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(request: ScorecardRequest): Promise<ScorecardResult> {
    const { sql, params } = scorecardSql(request);
    const rows: FiguresRow[] = await this.dataSource.query(sql, params);
    // GROUPING SETS yields the () total row even when no project matches.
    const total = rows.find((row) => row.isTotal) as FiguresRow;
    const items = rows.filter((row) => !row.isTotal);
    return {
      total: toFigures(total),
      items: items.map((row) => toRow(row, request.level)),
      totalItems: items[0]?.rowCount ?? (request.query.page > 1 ? await this.countRows(request) : 0),
    };
  }

  /** A page past the end has no row to carry the count. */
  private async countRows(request: ScorecardRequest): Promise<number> {
    const { sql, params } = scorecardSql({ ...request, query: { ...request.query, page: 1, pageSize: 1 } });
    const rows: FiguresRow[] = await this.dataSource.query(sql, params);
    return rows.find((row) => !row.isTotal)?.rowCount ?? 0;
  }
}

export function scorecardSql({ level, scope, period, query, within, allRows }: ScorecardRequest): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const periodParam = bind(period);
  const { column, names, code } = LEVELS[level];
  const indicator = query.keyOnly ? 'keyIndicators' : 'indicators';
  const projectFilters = query.grade !== undefined || query.executionBelow !== undefined || query.flag !== undefined;
  const fromUnitSummary = level !== 'project' && !projectFilters;
  const alias = fromUnitSummary ? 'us' : 'p';
  const where = fromUnitSummary ? [`us."period" = ${periodParam}`] : [`p."year" = ${bind(query.year)}`];
  if (scope) where.push(`${alias}."departmentId" = ANY(${bind(scope)}::uuid[])`);
  if (within && 'departmentId' in within) where.push(`${alias}."departmentId" = ${bind(within.departmentId)}`);
  if (within && 'unitId' in within) where.push(`${alias}."unitId" = ${bind(within.unitId)}`);
  if (query.grade) where.push(`s."grade" = ${bind(query.grade)}`);
  if (query.executionBelow !== undefined) where.push(`coalesce(s."spent", 0) * 100 < p."amount" * ${bind(query.executionBelow)}`);
  if (query.flag) {
    where.push(
      `EXISTS (SELECT 1 FROM "flags" f WHERE f."projectId" = p."id" AND f."code" = ${bind(query.flag)} AND f."resolvedAt" IS NULL)`,
    );
  }
  const page = allRows ? '' : `LIMIT ${bind(query.pageSize)} OFFSET ${bind((query.page - 1) * query.pageSize)}`;
  const perUnit = fromUnitSummary
    ? `SELECT us."departmentId", us."unitId", us."${column}" AS "key", us."projects", us."budget", us."spent", us."scoreSum",
              us."scoredProjects", us."excellent", us."good", us."pass", us."poor", NULL::varchar AS "grade",
              us."${indicator}" AS "indicators", us."${indicator}Met" AS "indicatorsMet", us."${indicator}Pending" AS "missingEntries",
              us."flagsError", us."flagsWarning", us."flagsInfo"
       FROM "unit_scorecards" us
       WHERE ${where.join(' AND ')}`
    : `SELECT p."departmentId", p."unitId", p."${column}" AS "key",
              count(*) AS "projects", sum(p."amount") AS "budget", sum(s."spent") AS "spent",
              sum(s."score") AS "scoreSum", count(s."score") AS "scoredProjects",
              count(*) FILTER (WHERE s."grade" = '优') AS "excellent", count(*) FILTER (WHERE s."grade" = '良') AS "good",
              count(*) FILTER (WHERE s."grade" = '中') AS "pass", count(*) FILTER (WHERE s."grade" = '差') AS "poor",
              min(s."grade") AS "grade",
              sum(s."${indicator}") AS "indicators", sum(s."${indicator}Met") AS "indicatorsMet",
              sum(s."${indicator}Pending") AS "missingEntries",
              sum(s."flagsError") AS "flagsError", sum(s."flagsWarning") AS "flagsWarning", sum(s."flagsInfo") AS "flagsInfo"
       FROM "projects" p
       LEFT JOIN "project_scorecards" s ON s."projectId" = p."id" AND s."period" = ${periodParam}
       WHERE ${where.join(' AND ')}
       GROUP BY p."departmentId", p."unitId", p."${column}"`;
  const sql = `
    WITH per_unit AS (${perUnit}
    ), g AS (
      SELECT u."key", GROUPING(u."key") = 1 AS "isTotal",
             coalesce(sum(u."projects"), 0)::int AS "projects",
             coalesce(sum(u."budget"), 0) AS "budget", coalesce(sum(u."spent"), 0) AS "spent",
             round(coalesce(sum(u."spent"), 0) * 100 / nullif(sum(u."budget"), 0), 2) AS "executionRate",
             coalesce(sum(u."scoredProjects"), 0)::int AS "scoredProjects",
             round(sum(u."scoreSum") / nullif(sum(u."scoredProjects"), 0), 2) AS "averageScore",
             coalesce(sum(u."excellent"), 0)::int AS "excellent", coalesce(sum(u."good"), 0)::int AS "good",
             coalesce(sum(u."pass"), 0)::int AS "pass", coalesce(sum(u."poor"), 0)::int AS "poor", min(u."grade") AS "grade",
             coalesce(sum(u."indicators"), 0)::int AS "indicators", coalesce(sum(u."indicatorsMet"), 0)::int AS "indicatorsMet",
             round(sum(u."indicatorsMet") * 100.0 / nullif(sum(u."indicators"), 0), 2) AS "metShare",
             coalesce(sum(u."missingEntries"), 0)::int AS "missingEntries",
             coalesce(sum(u."flagsError"), 0)::int AS "flagsError", coalesce(sum(u."flagsWarning"), 0)::int AS "flagsWarning",
             coalesce(sum(u."flagsInfo"), 0)::int AS "flagsInfo",
             (count(DISTINCT u."unitId") FILTER (WHERE sub."status" = 'submitted'))::int AS "submissionsPending"
      FROM per_unit u
      LEFT JOIN "submissions" sub ON sub."unitId" = u."unitId" AND sub."period" = ${periodParam}
      GROUP BY GROUPING SETS ((u."key"), ())
    ), ranked AS (
      SELECT g.*, n."name", ${code} AS "code",
             row_number() OVER (ORDER BY ${ORDER_BY[query.sort]}, g."key" ASC NULLS LAST) AS "position",
             count(*) OVER ()::int AS "rowCount"
      FROM g LEFT JOIN ${names} n ON n."id" = g."key"
      WHERE NOT g."isTotal"
    )
    SELECT * FROM (
      SELECT g.*, NULL AS "name", NULL AS "code", 0 AS "position", 0 AS "rowCount" FROM g WHERE g."isTotal"
      UNION ALL
      (SELECT * FROM ranked ORDER BY "position" ${page})
    ) rows
    ORDER BY "position"`;
  return { sql, params };
}


function toFigures(row: FiguresRow): ScorecardFiguresDto {
  return {
    projects: row.projects,
    budget: row.budget,
    spent: row.spent,
    executionRate: numberOrNull(row.executionRate),
    scoredProjects: row.scoredProjects,
    averageScore: numberOrNull(row.averageScore),
    grades: { 优: row.excellent, 良: row.good, 中: row.pass, 差: row.poor },
    indicators: row.indicators,
    indicatorsMet: row.indicatorsMet,
    metShare: numberOrNull(row.metShare),
    missingEntries: row.missingEntries,
    flags: { error: row.flagsError, warning: row.flagsWarning, info: row.flagsInfo },
    submissionsPending: row.submissionsPending,
  };
}

function toRow(row: FiguresRow, level: ScorecardLevel): ScorecardRowDto {
  const figures = { id: row.key, code: row.code, name: row.name, ...toFigures(row) };
  return level === 'project' ? { ...figures, score: figures.averageScore, grade: row.grade } : figures;
}
