import { Period } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IndicatorRow, ProjectRow } from './report-rows';

/**
 * A project belongs to a period when its budget year is the period's year; a project whose document gave
 * no year belongs where the unit already scored or entered it. $1 is the year, $2 the period text.
 */
export const PROJECT_IN_PERIOD = `(p.year = $1 OR (p.year IS NULL AND (
  EXISTS (SELECT 1 FROM project_scores s WHERE s."projectId" = p.id AND s.period = $2)
  OR EXISTS (SELECT 1 FROM actuals a WHERE a."projectId" = p.id AND a.period = $2))))`;

export interface UnitScope {
  unitId: string | null;
  departmentId: string | null;
}

/** Reads what the reports show, for one unit and period, in as few queries as the forms need. */
@Injectable()
export class ReportDataLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Units with at least one project in the period, narrowed to the scope. */
  units(period: Period, scope: UnitScope): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name FROM units u
       WHERE EXISTS (SELECT 1 FROM projects p WHERE p."unitId" = u.id AND ${PROJECT_IN_PERIOD})
         AND ($3::uuid IS NULL OR u.id = $3) AND ($4::uuid IS NULL OR u."departmentId" = $4)
       ORDER BY u.name`,
      [period.year, period.text, scope.unitId, scope.departmentId],
    );
  }

  async projects(unitId: string, period: Period): Promise<ProjectRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.name, u.name AS "unitName", d.name AS "departmentName", p.category, p."parentName", p.amount,
              p."fundingFiscal", p."fundingSpecialAccount", p."fundingOther", p.goal,
              sp.executed, ps.score, ps.grade, ps."executionScore"
       FROM projects p
       JOIN units u ON u.id = p."unitId"
       LEFT JOIN departments d ON d.id = COALESCE(p."departmentId", u."departmentId")
       LEFT JOIN spending sp ON sp."projectId" = p.id AND sp.period = $2
       LEFT JOIN project_scores ps ON ps."projectId" = p.id AND ps.period = $2
       WHERE p."unitId" = $3 AND ${PROJECT_IN_PERIOD}
       ORDER BY p."importId", p."sourceRow", p.name`,
      [period.year, period.text, unitId],
    );
  }

  /** Each project's indicators in form order, with the evaluation and the actual stored for the period. */
  async indicators(projectIds: string[], period: Period): Promise<Map<string, IndicatorRow[]>> {
    const rows: (Omit<IndicatorRow, 'annualTarget'> & Record<string, unknown>)[] = await this.dataSource.query(
      `SELECT i.id, i."projectId", i.level1, i.level2, i.name, i.key, i.weight,
              i."annualRaw", i."annualKind", i."annualComparator", i."annualValue", i."annualUpper", i."annualUnit", i."annualPer",
              e.weight AS "evaluatedWeight", e.score AS "evaluatedScore",
              a.value AS "actualValue", a.text AS "actualText", a.grade AS "actualGrade", a."deviationCategory",
              a."deviationText", a.possibility, a.suggestion
       FROM indicators i
       LEFT JOIN evaluations e ON e."projectId" = i."projectId" AND e.period = $2 AND e."indicatorId" = i.id
       LEFT JOIN actuals a ON a."indicatorId" = i.id AND a.period = $2
       WHERE i."projectId" = ANY($1::uuid[])
       ORDER BY i."projectId", i.position`,
      [projectIds, period.text],
    );
    const byProject = new Map<string, IndicatorRow[]>(projectIds.map((id) => [id, []]));
    for (const { annualRaw, annualKind, annualComparator, annualValue, annualUpper, annualUnit, annualPer, ...row } of rows) {
      byProject.get(row.projectId)!.push({
        ...row,
        annualTarget: {
          raw: annualRaw, kind: annualKind, comparator: annualComparator, value: annualValue,
          upper: annualUpper, unit: annualUnit, per: annualPer,
        },
      } as IndicatorRow);
    }
    return byProject;
  }
}
