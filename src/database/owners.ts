import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { Owner } from '../auth/scope';

/** A unit as a scope check needs it (its own id and its department). */
export async function findUnitOwner(manager: EntityManager, unitId: string): Promise<Owner & { unitId: string; name: string }> {
  const [unit] = await manager.query(`SELECT id AS "unitId", "departmentId", name FROM units WHERE id = $1`, [unitId]);
  if (!unit) throw new AppError('NOT_FOUND', `预算单位 ${unitId} 不存在`, { unitId });
  return unit;
}
