import { QUALITATIVE_GRADE_LABELS, type QualitativeGrade } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { assertAllowed, canRead } from '../auth/scope';
import { AppError } from '../common/app-error';
import { Department, Project, Unit } from '../database/entities';
import type { ProjectScorecardDto, ProjectScorecardQueryDto, ScorecardPageDto, ScorecardQueryDto } from './scorecard.dto';
import { type DepartmentScope, type ScorecardLevel, ScorecardsRepository } from './scorecards.repository';
import { numberOrNull } from '../common/decimal';

interface IndicatorRow {
  id: string;
  position: number;
  level1: string | null;
  level2: string | null;
  name: string;
  key: boolean;
  target: string | null;
  unit: string | null;
  value: string | null;
  text: string | null;
  grade: QualitativeGrade | null;
  status: string | null;
  weight: string | null;
  score: string | null;
  ratio: string | null;
  explanation: string | null;
  overrideScore: string | null;
  overrideReason: string | null;
  overriddenBy: string | null;
  overriddenAt: Date | null;
}


const orgRef = (org: Department | Unit) => ({ id: org.id, code: org.code, name: org.name });

/** The departments a caller's scorecards cover: a scoped reviewer's, or all. */
export function departmentScope(caller: Caller): DepartmentScope {
  return caller.role === 'reviewer' && caller.departmentIds.length > 0 ? caller.departmentIds : null;
}

@Injectable()
export class ScorecardsService {
  constructor(
    private readonly repository: ScorecardsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** One row per department in the caller's scope. */
  region(caller: Caller, query: ScorecardQueryDto, allRows = false): Promise<ScorecardPageDto> {
    return this.page('department', caller, query, allRows);
  }

  /** One row per unit of the department. */
  async department(caller: Caller, id: string, query: ScorecardQueryDto, allRows = false): Promise<ScorecardPageDto> {
    assertAllowed(canRead(caller, { unitId: null, departmentId: id }), '查看该部门');
    // The scope check needs no row, so the department and its figures are read in parallel.
    const [department, page] = await Promise.all([
      this.dataSource.getRepository(Department).findOneBy({ id }),
      this.page('unit', caller, query, allRows, { departmentId: id }),
    ]);
    if (!department) throw new AppError('NOT_FOUND', `部门 ${id} 不存在`, { departmentId: id });
    return { ...page, department: orgRef(department) };
  }

  /** One row per project of the unit. */
  async unit(caller: Caller, id: string, query: ScorecardQueryDto, allRows = false): Promise<ScorecardPageDto> {
    const unit = await this.dataSource.getRepository(Unit).findOne({ where: { id }, relations: { department: true } });
    if (!unit) throw new AppError('NOT_FOUND', `预算单位 ${id} 不存在`, { unitId: id });
    assertAllowed(canRead(caller, { unitId: id, departmentId: unit.departmentId }), '查看该预算单位');
    const page = await this.page('project', caller, query, allRows, { unitId: id });
    return { ...page, unit: orgRef(unit), ...(unit.department && { department: orgRef(unit.department) }) };
  }

  async project(caller: Caller, id: string, query: ProjectScorecardQueryDto): Promise<ProjectScorecardDto> {
    const project = await this.dataSource
      .getRepository(Project)
      .findOne({ where: { id }, relations: { department: true, unit: true } });
    if (!project) throw new AppError('NOT_FOUND', `项目 ${id} 不存在`, { projectId: id });
    assertAllowed(canRead(caller, project), '查看该项目');
    const period = query.period ?? (project.year === null ? null : String(project.year));
    if (period === null) throw new AppError('VALIDATION_FAILED', '项目没有年度，请指定 period', { fields: { period: ['必填'] } });
    const [[score], indicators] = await Promise.all([
      this.dataSource.query(
        `SELECT ps."score", ps."grade", ps."executionRate", ps."executionScore", ps."explanation"->>'total' AS "explanation", sp."executed" AS "spent"
         FROM (SELECT 1) one
         LEFT JOIN "project_scores" ps ON ps."projectId" = $1 AND ps."period" = $2
         LEFT JOIN "spending" sp ON sp."projectId" = $1 AND sp."period" = $2`,
        [id, period],
      ),
      this.dataSource.query(
        `SELECT i."id", i."position", i."level1", i."level2", i."name", i."key", i."annualRaw" AS "target", i."annualUnit" AS "unit",
                a."value", a."text", a."grade", e."status", e."weight", e."score", e."ratio", e."explanation"->>'text' AS "explanation",
                e."overrideScore", e."overrideReason", e."overriddenBy", e."overriddenAt"
         FROM "indicators" i
         LEFT JOIN "actuals" a ON a."indicatorId" = i."id" AND a."period" = $2
         LEFT JOIN "evaluations" e ON e."projectId" = i."projectId" AND e."period" = $2 AND e."indicatorId" = i."id"
         WHERE i."projectId" = $1 AND ($3::boolean IS NOT TRUE OR i."key")
         ORDER BY i."position"`,
        [id, period, query.keyOnly ?? false],
      ) as Promise<IndicatorRow[]>,
    ]);
    return {
      id,
      name: project.name,
      year: project.year,
      period,
      department: project.department ? orgRef(project.department) : null,
      unit: project.unit ? orgRef(project.unit) : null,
      budget: project.amount,
      spent: score.spent,
      executionRate: numberOrNull(score.executionRate),
      executionScore: numberOrNull(score.executionScore),
      score: numberOrNull(score.score),
      grade: score.grade,
      explanation: score.explanation ?? '尚未评分',
      indicators: indicators.map((row) => ({
        id: row.id,
        position: row.position,
        level1: row.level1,
        level2: row.level2,
        name: row.name,
        key: row.key,
        target: row.target,
        actual: row.value !== null ? `${Number(row.value)}${row.unit ?? ''}` : row.grade ? QUALITATIVE_GRADE_LABELS[row.grade] : row.text,
        status: row.status,
        weight: numberOrNull(row.weight),
        score: numberOrNull(row.score),
        ratio: numberOrNull(row.ratio),
        override:
          row.overrideScore === null
            ? null
            : { score: Number(row.overrideScore), reason: row.overrideReason ?? '', by: row.overriddenBy, at: row.overriddenAt },
        explanation: row.explanation ?? (row.status === null ? '尚未评分' : ''),
      })),
    };
  }

  private async page(
    level: ScorecardLevel,
    caller: Caller,
    query: ScorecardQueryDto,
    allRows: boolean,
    within?: { departmentId: string } | { unitId: string },
  ): Promise<ScorecardPageDto> {
    const period = query.period ?? String(query.year);
    if (!period.startsWith(String(query.year))) {
      throw new AppError('VALIDATION_FAILED', `期间 ${period} 不属于 ${query.year} 年度`, { fields: { period: ['期间须在所选年度内'] } });
    }
    const result = await this.repository.figures({ level, scope: departmentScope(caller), period, query, within, allRows });
    return { year: query.year, period, ...result, page: query.page, pageSize: query.pageSize };
  }
}
