import type { Period, TargetKind } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { assertAllowed, canEnter, canRead, entryScope } from '../auth/scope';
import { AppError } from '../common/app-error';
import { periodOf } from '../common/period';
import type { UploadedFile } from '../common/upload';
import { Actual, ActualRevision, type EvidenceRef } from '../database/entities';
import { findUnitOwner } from '../database/owners';
import { EvaluationTrigger } from '../evaluation/evaluation-trigger';
import { assertPeriodOpen } from '../submissions/period-lock';
import { ActualDto, ActualRevisionDto, BulkResultDto, flatten, type PutActualDto } from './actual.dto';
import { type ActualWrite, type EntryTarget, type WrittenActual, findEntryTargets, putActual, writeActuals } from './actuals.repository';
import { type EntryInput, type EntryValues, type FieldError, readEntry } from './entry-values';
import { EvidenceStore } from './evidence-store';

/** One row of a bulk entry: JSON or a sheet row. */
export type EntryRow = EntryInput & { indicatorId: string; version?: number };

/** How a bad row is named back to the clerk: `{ index }` for JSON, `{ sheetRow }` for a sheet. */
export type RowLocator = (index: number) => Record<string, unknown>;

/** EvidenceDto's limit on a name, so the evidence list can be put back as it was read. */
const MAX_EVIDENCE_NAME = 200;

const IF_MATCH = /^(?:W\/)?"?(\d+)"?$/;

@Injectable()
export class ActualsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluation: EvaluationTrigger,
    private readonly evidenceStore: EvidenceStore,
  ) {}

  async get(caller: Caller, indicatorId: string, periodText: string): Promise<ActualDto> {
    const target = await this.readableTarget(caller, indicatorId, periodText);
    const actual = await this.dataSource.getRepository(Actual).findOneBy({ indicatorId: target.indicatorId, period: periodText });
    if (!actual) throw new AppError('NOT_FOUND', `指标 ${indicatorId} 在 ${periodText} 尚无实际完成值`, { indicatorId, period: periodText });
    return ActualDto.from(flatten(actual));
  }

  async history(caller: Caller, indicatorId: string, periodText: string): Promise<ActualRevisionDto[]> {
    await this.readableTarget(caller, indicatorId, periodText);
    const revisions = await this.dataSource
      .getRepository(ActualRevision)
      .createQueryBuilder('revision')
      .innerJoin(Actual, 'actual', 'actual.id = revision.actualId')
      .where('actual.indicatorId = :indicatorId AND actual.period = :period', { indicatorId, period: periodText })
      .orderBy('revision.version', 'ASC')
      .getMany();
    return revisions.map((revision) => ActualRevisionDto.from(flatten(revision)));
  }

  /**
   * One indicator's actual in one statement (see putActual); `ifMatch` is the version the clerk last saw (ETag),
   * else the current one. When the statement wrote nothing, the context it read names the reason.
   */
  async put(caller: Caller, indicatorId: string, periodText: string, input: PutActualDto, ifMatch?: string): Promise<ActualDto> {
    const period = periodOf(periodText);
    // A malformed If-Match is answered after the checks that come before it, so it never reaches the statement.
    const malformedIfMatch = ifMatch !== undefined && !IF_MATCH.test(ifMatch.trim());
    const { values, acceptedKinds } = readEntryForEveryKind(input, period);
    const outcome = malformedIfMatch
      ? { ...(await this.entryTarget(indicatorId, period.text)), written: null }
      : await putActual(this.dataSource, {
          indicatorId,
          period,
          scope: entryScope(caller),
          expectedVersion: ifMatch === undefined ? null : parseIfMatch(ifMatch),
          acceptedKinds,
          values,
          actor: caller.actor,
        });
    if (!outcome) throw indicatorNotFound(indicatorId);
    if (!outcome.written) return this.refuse(caller, outcome, period, input, ifMatch);
    void this.evaluation.enqueue([outcome.projectId], period.text);
    return ActualDto.from({ ...values, ...outcome.written, period: period.text, updatedBy: caller.actor });
  }

  /** Throws the first reason a single put was refused, in the order the checks are documented; a lost race last. */
  private async refuse(caller: Caller, target: EntryTarget, period: Period, input: PutActualDto, ifMatch: string | undefined): Promise<never> {
    assertMayEnter(caller, target, period);
    if (ifMatch !== undefined) assertVersion(target, parseIfMatch(ifMatch));
    const { errors } = readEntry(input, target.targetKind, period);
    if (errors.length > 0) throw new AppError('ACTUAL_INVALID', `指标“${target.name}”的填报有误：${errors.map((e) => e.message).join('；')}`, { fields: fieldMap(errors) });
    const now = await this.entryTarget(target.indicatorId, period.text);
    assertPeriodOpen(now.submissionStatus, period.text);
    throw versionConflict({ [now.indicatorId]: now.currentVersion ?? 0 });
  }

  private async entryTarget(indicatorId: string, period: string): Promise<EntryTarget> {
    const [target] = await findEntryTargets(this.dataSource.manager, [indicatorId], period);
    if (!target) throw indicatorNotFound(indicatorId);
    return target;
  }

  /**
   * Keeps an uploaded file as evidence of an existing actual: checked like a put, stored under its sha256 and
   * appended to the actual's evidence as a new version (revision, audit row and re-evaluation as for any change).
   */
  async attachEvidence(caller: Caller, indicatorId: string, periodText: string, upload: UploadedFile): Promise<ActualDto> {
    const period = periodOf(periodText);
    const target = await this.entryTarget(indicatorId, period.text);
    assertMayEnter(caller, target, period);
    const actual = await this.dataSource.getRepository(Actual).findOneBy({ indicatorId, period: period.text });
    if (!actual) {
      throw new AppError('NOT_FOUND', `指标 ${indicatorId} 在 ${period.text} 尚无实际完成值，请先填报再上传佐证材料`, { indicatorId, period: period.text });
    }
    const sha256 = await this.evidenceStore.keep(upload.content);
    const evidence: EvidenceRef = { name: upload.fileName.slice(0, MAX_EVIDENCE_NAME), sha256, size: upload.content.length };
    const values: EntryValues = { ...actual.entry, evidence: [...actual.entry.evidence, evidence] };
    const [written] = await this.write(caller, period.text, target, [{ ...values, indicatorId, projectId: target.projectId, expectedVersion: actual.version }]);
    return ActualDto.from({ ...values, ...written, period: period.text, updatedBy: caller.actor });
  }

  /** Many actuals of one unit and period: every row is checked first, then all are written in one statement or none. */
  async putMany(caller: Caller, unitId: string, periodText: string, rows: readonly EntryRow[], locate: RowLocator = (index) => ({ index })): Promise<BulkResultDto> {
    const owner = await findUnitOwner(this.dataSource.manager, unitId);
    assertAllowed(canEnter(caller, owner), `填报单位“${owner.name}”的数据`);
    const period = periodOf(periodText);
    const ids = rows.map((r) => r.indicatorId).filter((id) => isUUID(id));
    const targets = new Map((await findEntryTargets(this.dataSource.manager, ids, period.text)).map((t) => [t.indicatorId, t]));
    const seen = new Set<string>();
    const problems: Record<string, unknown>[] = [];
    const writes: ActualWrite[] = [];
    rows.forEach((row, index) => {
      const errors: FieldError[] = [];
      const target = targets.get(row.indicatorId);
      if (!target || target.unitId !== unitId) errors.push({ field: 'indicatorId', message: `指标 ${row.indicatorId} 不属于单位“${owner.name}”` });
      else if (seen.has(row.indicatorId)) errors.push({ field: 'indicatorId', message: '同一指标重复填报' });
      else if (target.year !== null && target.year !== period.year) errors.push({ field: 'period', message: `期间 ${period.text} 不在项目的预算年度 ${target.year} 内` });
      else if (row.version !== undefined && row.version !== (target.currentVersion ?? 0)) {
        errors.push({ field: 'version', message: `已被他人修改：当前版本为 ${target.currentVersion ?? 0}，请刷新后重填` });
      } else {
        const entry = readEntry(row, target.targetKind, period);
        errors.push(...entry.errors);
        writes.push({ ...entry.values, indicatorId: row.indicatorId, projectId: target.projectId, expectedVersion: target.currentVersion ?? 0 });
      }
      seen.add(row.indicatorId);
      if (errors.length > 0) problems.push({ ...locate(index), indicatorId: row.indicatorId, fields: fieldMap(errors) });
    });
    if (problems.length > 0) {
      throw new AppError('ACTUAL_INVALID', `${problems.length} 行填报有误，全部未保存`, { rows: problems });
    }
    if (writes.length === 0) return { written: 0, versions: {} };
    const first = targets.get(writes[0].indicatorId)!;
    assertPeriodOpen(first.submissionStatus, period.text);
    const written = await this.write(caller, period.text, first, writes);
    return { written: written.length, versions: Object.fromEntries(written.map((a) => [a.indicatorId, a.version])) };
  }

  /** An evidence file of an actual the caller may read; only files the actual lists are served. */
  async evidenceFile(caller: Caller, indicatorId: string, periodText: string, sha256: string): Promise<{ name: string; content: Buffer }> {
    const target = await this.readableTarget(caller, indicatorId, periodText);
    const actual = await this.dataSource.getRepository(Actual).findOneBy({ indicatorId, period: periodText });
    const listed = actual?.entry.evidence.find((evidence) => evidence.sha256 === sha256);
    const content = listed ? await this.evidenceStore.read(sha256) : null;
    if (!listed || !content) {
      throw new AppError('NOT_FOUND', `指标“${target.name}”在 ${periodText} 的佐证材料中没有文件 ${sha256}`, { indicatorId, period: periodText, sha256 });
    }
    return { name: listed.name, content };
  }

  private async readableTarget(caller: Caller, indicatorId: string, periodText: string): Promise<EntryTarget> {
    const period = periodOf(periodText);
    const target = await this.entryTarget(indicatorId, period.text);
    assertAllowed(canRead(caller, target), `查看指标 ${indicatorId}`);
    return target;
  }

  /** All rows share the unit and period of `unit`; a row that lost a race rolls the whole write back. */
  private async write(caller: Caller, period: string, unit: EntryTarget, writes: ActualWrite[]): Promise<WrittenActual[]> {
    const projectIds = [...new Set(writes.map((w) => w.projectId))];
    const written = await this.dataSource.transaction(async (manager) => {
      const context = { period, unitId: unit.unitId, actor: caller.actor, afterApproval: unit.reopened };
      // As in a single put: a submit in flight holds this row FOR UPDATE, so the write waits and then sees the lock.
      await manager.query(`SELECT 1 FROM submissions WHERE "unitId" = $1 AND period = $2 FOR SHARE`, [unit.unitId, period]);
      const rows = await writeActuals(manager, writes, context);
      if (rows.length < writes.length) {
        const now = await findEntryTargets(manager, writes.map((w) => w.indicatorId), period);
        now.forEach((target) => assertPeriodOpen(target.submissionStatus, period));
        throw versionConflict(Object.fromEntries(now.map((t) => [t.indicatorId, t.currentVersion ?? 0])));
      }
      await this.evaluation.markChanged(manager, projectIds, period);
      return rows;
    });
    void this.evaluation.enqueue(projectIds, period);
    return written;
  }
}

/** Every target kind an indicator may have (null: none yet). */
const TARGET_KINDS: (TargetKind | null)[] = ['quantitative', 'qualitative', 'placeholder', 'missing', null];

/**
 * The stored values do not depend on the target kind, only the errors do: the kinds these values are valid for
 * let one statement check the indicator's kind instead of reading it first.
 */
function readEntryForEveryKind(input: EntryInput, period: Period): { values: EntryValues; acceptedKinds: string[] } {
  const readings = TARGET_KINDS.map((kind) => ({ kind, ...readEntry(input, kind, period) }));
  const acceptedKinds = readings.filter(({ errors }) => errors.length === 0).map(({ kind }) => kind ?? 'none');
  return { values: readings[0].values, acceptedKinds };
}

/** Who may write, into which period, while it is open: the checks every single-actual write makes first. */
function assertMayEnter(caller: Caller, target: EntryTarget, period: Period): void {
  assertAllowed(canEnter(caller, target), `填报指标 ${target.indicatorId}`);
  periodOf(period.text, target.year);
  assertPeriodOpen(target.submissionStatus, period.text);
}

function assertVersion(target: EntryTarget, seen: number): void {
  const current = target.currentVersion ?? 0;
  if (seen !== current) throw versionConflict({ [target.indicatorId]: current });
}

function indicatorNotFound(indicatorId: string): AppError {
  return new AppError('NOT_FOUND', `指标 ${indicatorId} 不存在`, { indicatorId });
}

function parseIfMatch(header: string): number {
  const match = IF_MATCH.exec(header.trim());
  if (!match) throw new AppError('BAD_REQUEST', `If-Match “${header}”应为实际完成值的版本号，如 "3"`, { ifMatch: header });
  return Number(match[1]);
}

function versionConflict(currentVersions: Record<string, number>): AppError {
  const versions = Object.values(currentVersions);
  const single = versions.length === 1 ? { currentVersion: versions[0] } : {};
  return new AppError('VERSION_CONFLICT', '实际完成值已被他人修改，请刷新后按当前版本重新提交', { ...single, currentVersions });
}

function fieldMap(errors: FieldError[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const { field, message } of errors) (fields[field] ??= []).push(message);
  return fields;
}
