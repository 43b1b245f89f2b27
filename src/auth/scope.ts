import { AppError } from '../common/app-error';
import type { Caller } from './caller';

/** The unit and department a piece of data belongs to. */
export interface Owner {
  unitId: string | null;
  departmentId: string | null;
}

export function canRead(caller: Caller, owner: Owner): boolean {
  switch (caller.role) {
    case 'admin':
      return true;
    case 'reviewer':
      return caller.departmentIds.length === 0 || (owner.departmentId !== null && caller.departmentIds.includes(owner.departmentId));
    case 'unit':
      return owner.unitId !== null && caller.unitIds.includes(owner.unitId);
  }
}

/** Recording actuals, spending, definitions and submitting: the unit itself (or an admin). */
export function canEnter(caller: Caller, owner: Owner): boolean {
  return caller.role !== 'reviewer' && canRead(caller, owner);
}

/** canEnter as a SQL gate needs it: every unit (admin), or these units (none for a reviewer). */
export function entryScope(caller: Caller): { anyUnit: boolean; unitIds: string[] } {
  return { anyUnit: caller.role === 'admin', unitIds: caller.role === 'unit' ? caller.unitIds : [] };
}

/** Approving, returning, reopening and accepting definitions: a reviewer of the department (or an admin). */
export function canReview(caller: Caller, owner: Owner): boolean {
  return caller.role !== 'unit' && canRead(caller, owner);
}

export function assertAllowed(allowed: boolean, what: string): void {
  if (!allowed) throw new AppError('FORBIDDEN', `当前令牌无权${what}`);
}

/**
 * A SQL condition limiting rows of `alias` (with "unitId" and "departmentId" columns) to what the caller may read.
 * Parameters are named so it can be added to a TypeORM query builder.
 */
export function readScopeCondition(caller: Caller, alias: string): { sql: string; params: Record<string, unknown> } | null {
  if (caller.role === 'unit') return { sql: `${alias}."unitId" = ANY(:scopeUnitIds)`, params: { scopeUnitIds: caller.unitIds } };
  if (caller.role === 'reviewer' && caller.departmentIds.length > 0) {
    return { sql: `${alias}."departmentId" = ANY(:scopeDepartmentIds)`, params: { scopeDepartmentIds: caller.departmentIds } };
  }
  return null;
}
