import type { TargetKind } from '@app/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { uuidV7 } from '../database/uuid-v7';
import { UNLESS_ALREADY_STALE } from '../evaluation/evaluation-trigger';
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

/** One actual as `putActual` is asked to write it: gated by the caller's scope, the period, the version and the kinds. */
export interface ActualPut {
  indicatorId: string;
  period: { text: string; year: number };
  /** Admins enter for every unit; unit tokens for theirs; reviewers for none. */
  scope: { anyUnit: boolean; unitIds: string[] };
  /** The If-Match version; null writes over whatever is current. */
  expectedVersion: number | null;
  /** Target kinds (`none` for an indicator without one) the values are valid for. */
  acceptedKinds: string[];
  values: EntryValues;
  actor: string;
}

/** The entry target as it was read, and the written actual when every check passed. */
export type PutOutcome = EntryTarget & { written: WrittenActual | null };

/**
 * One statement, one round trip: reads the indicator's context, share-locks the unit's submission row (a submit
 * takes it FOR UPDATE, so a period is never locked under a write in flight), and only when the caller may enter
 * the indicator, the period is in the project's year and open, the version matches and the target kind accepts
 * the values, upserts the actual with its revision and audit row and marks the project's inputs changed (as
 * markInputsChanged does). Returns no row for an unknown indicator; `written` is null when a check failed.
 */
const PUT_ACTUAL = `
WITH owner AS (
  SELECT p."unitId" FROM indicators i JOIN projects p ON p.id = i."projectId" WHERE i.id = $1
),
submission AS (
  SELECT s.status, s."reopenedAt" FROM submissions s
   WHERE s."unitId" = (SELECT "unitId" FROM owner) AND s.period = $2
     FOR SHARE
),
target AS (
  SELECT i.id AS "indicatorId", i."projectId", i.name, COALESCE(i."annualKind", i."periodKind") AS "targetKind",
         p.year, p."unitId", p."departmentId", a.version AS "currentVersion",
         (SELECT status FROM submission) AS "submissionStatus",
         COALESCE((SELECT "reopenedAt" IS NOT NULL FROM submission), false) AS reopened,
         CASE WHEN a.id IS NOT NULL THEN ${auditSummary('a')} END AS before
    FROM indicators i
    JOIN projects p ON p.id = i."projectId"
    LEFT JOIN actuals a ON a."indicatorId" = i.id AND a.period = $2
   WHERE i.id = $1
),
allowed AS (
  SELECT * FROM target
   WHERE ($4::boolean OR "unitId" = ANY($5::uuid[]))
     AND (year IS NULL OR year = $3::int)
     AND ("submissionStatus" IS NULL OR "submissionStatus" NOT IN ('submitted', 'approved'))
     AND ($6::int IS NULL OR COALESCE("currentVersion", 0) = $6::int)
     AND COALESCE("targetKind"::text, 'none') = ANY($7::text[])
),
written AS (
  INSERT INTO actuals (id, "indicatorId", "projectId", period, ${VALUE_COLUMNS}, version, "updatedBy")
  SELECT $17::uuid, "indicatorId", "projectId", $2, $8::numeric, $9::text, $10::qualitative_grade, $11::varchar, $12::text,
         $13::completion_possibility, $14::text, $15::jsonb, 1, $16 FROM allowed
  ON CONFLICT ("indicatorId", period) DO UPDATE SET
    value = EXCLUDED.value, text = EXCLUDED.text, grade = EXCLUDED.grade,
    "deviationCategory" = EXCLUDED."deviationCategory", "deviationText" = EXCLUDED."deviationText",
    possibility = EXCLUDED.possibility, suggestion = EXCLUDED.suggestion, evidence = EXCLUDED.evidence,
    version = actuals.version + 1, "updatedBy" = EXCLUDED."updatedBy", "updatedAt" = now()
  WHERE $6::int IS NULL OR actuals.version = $6::int
  RETURNING id, "indicatorId", "projectId", version, "updatedAt", ${VALUE_COLUMNS}, "updatedBy"
),
revision AS (
  INSERT INTO actual_revisions (id, "actualId", version, ${VALUE_COLUMNS}, "afterApproval", "changedBy")
  SELECT $18::uuid, id, version, ${VALUE_COLUMNS}, (SELECT reopened FROM target), "updatedBy" FROM written
),
audit AS (
  INSERT INTO audit_log (id, actor, action, "subjectType", "subjectId", before, after)
  SELECT $19::uuid, $16, 'actual.put', 'actual', written.id, target.before, ${auditSummary('written')}
    FROM written, target
),
changed AS (
  INSERT INTO project_scores ("projectId", period, "inputsChangedAt")
  SELECT "projectId", $2, clock_timestamp() FROM written
  ON CONFLICT ("projectId", period) DO UPDATE SET "inputsChangedAt" = clock_timestamp() ${UNLESS_ALREADY_STALE}
)
SELECT target."indicatorId", target."projectId", target.name, target."targetKind", target.year, target."unitId", target."departmentId",
       target."currentVersion", target."submissionStatus", target.reopened,
       CASE WHEN written.id IS NOT NULL THEN json_build_object('id', written.id, 'indicatorId', written."indicatorId", 'version', written.version, 'updatedAt', written."updatedAt") END AS written
  FROM target LEFT JOIN written ON true`;

export async function putActual(dataSource: DataSource, put: ActualPut): Promise<PutOutcome | undefined> {
  const { indicatorId, period, scope, expectedVersion, acceptedKinds, values, actor } = put;
  const [outcome] = await preparedQuery<Omit<PutOutcome, 'written'> & { written: (Omit<WrittenActual, 'updatedAt'> & { updatedAt: string }) | null }>(
    dataSource,
    'actuals.put',
    PUT_ACTUAL,
    [
      indicatorId, period.text, period.year, scope.anyUnit, scope.unitIds, expectedVersion, acceptedKinds,
      values.value, values.text, values.grade, values.deviationCategory, values.deviationText, values.possibility, values.suggestion,
      JSON.stringify(values.evidence), actor,
      // A new actual's, the revision's and the audit row's ids, time-ordered so their indexes grow at one end.
      uuidV7(), uuidV7(), uuidV7(),
    ],
  );
  if (!outcome) return undefined;
  return { ...outcome, written: outcome.written && { ...outcome.written, updatedAt: new Date(outcome.written.updatedAt) } };
}
