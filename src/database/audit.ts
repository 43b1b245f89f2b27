import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: object | null;
  after: object | null;
  reason?: string | null;
}

/** One audit_log row, in the writer's transaction. */
export async function audit(manager: EntityManager, { actor, action, subjectType, subjectId, before, after, reason }: AuditRecord): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (actor, action, "subjectType", "subjectId", before, after, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actor, action, subjectType, subjectId, before && JSON.stringify(before), after && JSON.stringify(after), reason ?? null],
  );
}
