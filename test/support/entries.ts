import { parseTarget } from '@app/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface SeededUnit {
  departmentId: string;
  unitId: string;
  unitCode: string;
  projectId: string;
  /** One per target in `targets`, in order. */
  indicatorIds: string[];
}

/**
 * A department, a unit and one project of `year` whose indicators have the given 年度指标值 texts, read by
 * the domain's parseTarget as an import would. Names are unique per call so specs never collide.
 */
export async function seedUnit(db: DataSource, { year = 2025, targets }: { year?: number; targets: string[] }): Promise<SeededUnit> {
  const tag = randomUUID().slice(0, 8);
  const unitCode = `u${tag}`;
  const [department] = await db.query(`INSERT INTO departments (name) VALUES ($1) RETURNING id`, [`部门${tag}`]);
  const [unit] = await db.query(`INSERT INTO units (code, name, "departmentId") VALUES ($1, $2, $3) RETURNING id`, [unitCode, `单位${tag}`, department.id]);
  const [project] = await db.query(
    `INSERT INTO projects (name, year, "unitId", "departmentId", amount) VALUES ($1, $2, $3, $4, '100000.00') RETURNING id`,
    [`项目${tag}`, year, unit.id, department.id],
  );
  const indicatorIds: string[] = [];
  for (const [position, text] of targets.entries()) {
    const target = parseTarget(text);
    const [row] = await db.query(
      `INSERT INTO indicators ("projectId", position, level1, level2, name, "annualRaw", "annualKind", "annualComparator", "annualValue", "annualUnit")
       VALUES ($1, $2, '产出指标', '数量指标', $3, $4, $5, $6, $7, $8) RETURNING id`,
      [project.id, position, `指标${position + 1}`, target.raw, target.kind, target.comparator, target.value, target.unit],
    );
    indicatorIds.push(row.id);
  }
  return { departmentId: department.id, unitId: unit.id, unitCode, projectId: project.id, indicatorIds };
}

export const NO_SUCH_ID = randomUUID();
