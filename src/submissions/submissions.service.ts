import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { type Owner, assertAllowed, canEnter, canRead, canReview } from '../auth/scope';
import { AppError } from '../common/app-error';
import { periodOf } from '../common/period';
import { audit } from '../database/audit';
import { Actual, Indicator, Submission, type SubmissionStatus } from '../database/entities';
import { findUnitOwner } from '../database/owners';
import { blockingFindings } from './completeness';
import { LOCKED_STATUSES } from './period-lock';
import { SubmissionDto } from './submission.dto';

type Transition = 'submit' | 'approve' | 'return' | 'reopen';

/** Which status each step starts from and leads to; anything else is refused with SUBMISSION_STATE. */
const TRANSITIONS: Record<Transition, { from: (SubmissionStatus | null)[]; to: SubmissionStatus; may: (caller: Caller, owner: Owner) => boolean; what: string }> = {
  submit: { from: [null, 'draft', 'returned'], to: 'submitted', may: canEnter, what: '报送' },
  approve: { from: ['submitted'], to: 'approved', may: canReview, what: '审核通过' },
  return: { from: ['submitted'], to: 'returned', may: canReview, what: '退回' },
  reopen: { from: ['approved'], to: 'draft', may: canReview, what: '重新打开' },
};

const STATUS_LABELS: Record<SubmissionStatus, string> = { draft: '填报中', submitted: '已报送', approved: '已审核通过', returned: '已退回' };

@Injectable()
export class SubmissionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(caller: Caller, unitId: string, periodText: string): Promise<SubmissionDto> {
    const owner = await findUnitOwner(this.dataSource.manager, unitId);
    assertAllowed(canRead(caller, owner), `查看单位“${owner.name}”的报送`);
    const period = periodOf(periodText);
    const row = await this.dataSource.getRepository(Submission).findOneBy({ unitId, period: period.text });
    return toDto(row ?? Object.assign(new Submission(), { unitId, period: period.text, status: 'draft' }));
  }

  async transition(caller: Caller, unitId: string, periodText: string, step: Transition, reason: string | null = null): Promise<SubmissionDto> {
    const rule = TRANSITIONS[step];
    if (step === 'submit') await this.ensureSubmissionRow(caller, unitId, periodText);
    return this.dataSource.transaction(async (manager) => {
      const owner = await findUnitOwner(manager, unitId);
      assertAllowed(rule.may(caller, owner), `${rule.what}单位“${owner.name}”的填报`);
      const period = periodOf(periodText);
      const repository = manager.getRepository(Submission);
      const before = await repository.findOne({ where: { unitId, period: period.text }, lock: { mode: 'pessimistic_write' } });
      if (!rule.from.includes(before?.status ?? null)) {
        const status = before?.status ?? 'draft';
        throw new AppError('SUBMISSION_STATE', `单位“${owner.name}”${period.text} 的填报${STATUS_LABELS[status]}，不能${rule.what}`, { status, step });
      }
      if (step === 'submit') await this.assertComplete(manager, unitId, period.text);
      const now = new Date();
      const actor = caller.actor;
      const after = await repository.save({
        ...(before ?? { unitId, period: period.text }),
        status: rule.to,
        reason,
        ...(step === 'submit' ? { submittedBy: actor, submittedAt: now } : { reviewedBy: actor, reviewedAt: now }),
        ...(step === 'reopen' ? { reopenedBy: actor, reopenedAt: now } : {}),
      });
      await audit(manager, { actor, action: `submission.${step}`, subjectType: 'submission', subjectId: after.id, before, after, reason });
      return toDto(after);
    });
  }

  /**
   * A single actual's write share-locks the unit's submission row, which the submit below locks FOR UPDATE before
   * it checks completeness; the row is created beforehand, committed, so a first submit has a lock to take too.
   */
  private async ensureSubmissionRow(caller: Caller, unitId: string, periodText: string): Promise<void> {
    const owner = await findUnitOwner(this.dataSource.manager, unitId);
    assertAllowed(TRANSITIONS.submit.may(caller, owner), `${TRANSITIONS.submit.what}单位“${owner.name}”的填报`);
    const period = periodOf(periodText);
    await this.dataSource.query(`INSERT INTO submissions ("unitId", period) VALUES ($1, $2) ON CONFLICT ("unitId", period) DO NOTHING`, [unitId, period.text]);
  }

  private async assertComplete(manager: EntityManager, unitId: string, periodText: string): Promise<void> {
    const period = periodOf(periodText);
    const indicators = await manager.find(Indicator, {
      where: { project: { unitId, year: period.year } },
      order: { projectId: 'ASC', position: 'ASC' },
    });
    if (indicators.length === 0) {
      throw new AppError('SUBMISSION_INCOMPLETE', `单位在 ${period.year} 年度没有项目指标，无需报送`, { findings: [] });
    }
    const actuals = await manager.find(Actual, { where: { period: period.text, project: { unitId } } });
    const findings = blockingFindings(period, indicators, new Map(actuals.map((actual) => [actual.indicatorId, actual])));
    if (findings.length > 0) {
      throw new AppError('SUBMISSION_INCOMPLETE', `还有 ${findings.length} 处填报不完整，不能报送：${findings[0].message}`, { findings });
    }
  }
}

function toDto(row: Submission): SubmissionDto {
  return SubmissionDto.from(row, LOCKED_STATUSES.includes(row.status));
}
