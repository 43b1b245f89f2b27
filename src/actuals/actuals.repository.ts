import type { TargetKind } from '@app/domain';
import type { EntityManager } from 'typeorm';
import type { Actual, SubmissionStatus } from '../database/entities';
import type { EntryValues } from './entry-values';

/** An indicator as an entry for one period needs it: its target kind, owner, current version and lock. */
export interface EntryTarget {
  indicatorId: string;
  projectId: string;
  name: string;
  targetKind: TargetKind | null;
  year: number | null;
  unitId: string | null;
  departmentId: string | null;
  currentVersion: number | null;
  submissionStatus: SubmissionStatus | null;
  reopened: boolean;
}

export interface ActualWrite extends EntryValues {
  indicatorId: string;
  projectId: string;
  /** The version the writer saw; 0 for a new actual. The row is written only if it is still current. */
  expectedVersion: number;
}

export type WrittenActual = Pick<Actual, 'id' | 'indicatorId' | 'version' | 'updatedAt'>;

export interface WriteContext {
  period: string;
  unitId: string | null;
  actor: string;
  afterApproval: boolean;
}

export async function findEntryTargets(manager: EntityManager, indicatorIds: string[], period: string): Promise<EntryTarget[]> {
  return manager.query(
    `SELECT i.id AS "indicatorId", i."projectId", i.name, COALESCE(i."annualKind", i."periodKind") AS "targetKind",
            p.year, p."unitId", p."departmentId", a.version AS "currentVersion",
            s.status AS "submissionStatus", s."reopenedAt" IS NOT NULL AS reopened
       FROM indicators i
       JOIN projects p ON p.id = i."projectId"
       LEFT JOIN actuals a ON a."indicatorId" = i.id AND a.period = $2
       LEFT JOIN submissions s ON s."unitId" = p."unitId" AND s.period = $2
      WHERE i.id = ANY($1::uuid[])`,
    [indicatorIds, period],
  );
}

const COLUMNS: [name: keyof ActualWrite, type: string][] = [
  ['indicatorId', 'uuid'],
  ['projectId', 'uuid'],
  ['expectedVersion', 'int'],
  ['value', 'numeric'],
  ['text', 'text'],
  ['grade', 'qualitative_grade'],
  ['deviationCategory', 'varchar'],
  ['deviationText', 'text'],
  ['possibility', 'completion_possibility'],
  ['suggestion', 'text'],
  ['evidence', 'jsonb'],
];
const VALUE_COLUMNS = `value, text, grade, "deviationCategory", "deviationText", possibility, suggestion, evidence`;
const NAMES = COLUMNS.map(([name]) => `"${name}"`).join(', ');
const ARRAYS = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
const [PERIOD, ACTOR, UNIT, AFTER_APPROVAL] = [1, 2, 3, 4].map((n) => `$${COLUMNS.length + n}`);

/** The audit row names the versions and the values that matter; actual_revisions keeps every field of each. */
function auditSummary(alias: string): string {
  return `jsonb_build_object('version', ${alias}.version, 'value', ${alias}.value::text, 'grade', ${alias}.grade, 'text', ${alias}.text, 'deviationText', ${alias}."deviationText")`;
}

/**
 * Upserts many actuals, their revisions and audit rows in one statement (one array parameter per column). An
 * actual whose version moved on since it was read, or whose period was locked meanwhile, is left out of the
 * result; the caller compares counts and rolls back.
 */
const WRITE_ACTUALS = `
WITH input AS (SELECT * FROM unnest(${ARRAYS}) AS t(${NAMES})),
previous AS (
  SELECT a.* FROM actuals a JOIN input ON input."indicatorId" = a."indicatorId" WHERE a.period = ${PERIOD}
),
written AS (
  INSERT INTO actuals ("indicatorId", "projectId", period, ${VALUE_COLUMNS}, version, "updatedBy")
  SELECT "indicatorId", "projectId", ${PERIOD}, ${VALUE_COLUMNS}, "expectedVersion" + 1, ${ACTOR} FROM input
   WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s."unitId" = ${UNIT} AND s.period = ${PERIOD} AND s.status IN ('submitted', 'approved'))
  ON CONFLICT ("indicatorId", period) DO UPDATE SET
    value = EXCLUDED.value, text = EXCLUDED.text, grade = EXCLUDED.grade,
    "deviationCategory" = EXCLUDED."deviationCategory", "deviationText" = EXCLUDED."deviationText",
    possibility = EXCLUDED.possibility, suggestion = EXCLUDED.suggestion, evidence = EXCLUDED.evidence,
    version = EXCLUDED.version, "updatedBy" = EXCLUDED."updatedBy", "updatedAt" = now()
  WHERE actuals.version = EXCLUDED.version - 1
  RETURNING *
),
revisions AS (
  INSERT INTO actual_revisions ("actualId", version, ${VALUE_COLUMNS}, "afterApproval", "changedBy")
  SELECT id, version, ${VALUE_COLUMNS}, ${AFTER_APPROVAL}, "updatedBy" FROM written
),
audit AS (
  INSERT INTO audit_log (actor, action, "subjectType", "subjectId", before, after)
  SELECT ${ACTOR}, 'actual.put', 'actual', written.id, CASE WHEN previous.id IS NOT NULL THEN ${auditSummary('previous')} END, ${auditSummary('written')}
    FROM written LEFT JOIN previous ON previous.id = written.id
)
SELECT id, "indicatorId", version, "updatedAt" FROM written`;

export async function writeActuals(manager: EntityManager, rows: readonly ActualWrite[], context: WriteContext): Promise<WrittenActual[]> {
  const arrays = COLUMNS.map(([name]) => rows.map((row) => (name === 'evidence' ? JSON.stringify(row.evidence) : row[name])));
  return manager.query(WRITE_ACTUALS, [...arrays, context.period, context.actor, context.unitId, context.afterApproval]);
}
