import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decimalString } from '../actuals/entry-values';
import type { Caller } from '../auth/caller';
import { assertAllowed, canEnter } from '../auth/scope';
import { AppError } from '../common/app-error';
import { periodOf } from '../common/period';
import { audit } from '../database/audit';
import { Project, Spending, type SubmissionStatus } from '../database/entities';
import { EvaluationTrigger } from '../evaluation/evaluation-trigger';
import { assertPeriodOpen } from '../submissions/period-lock';
import { SpendingDto } from './spending.dto';

const YUAN = /^\d+(?:\.\d{1,2})?$/;

/** 执行数 in 元 as an exact decimal string: not negative, at most two decimals (分). */
export function readYuan(value: unknown): string {
  const decimal = decimalString(value);
  if (decimal === null || !YUAN.test(decimal)) {
    throw new AppError('SPENDING_INVALID', `执行数“${String(value)}”应为不小于 0、至多两位小数的金额（元）`, { fields: { executed: ['not a non-negative amount in 元 with at most 2 decimals'] } });
  }
  return decimal;
}

@Injectable()
export class SpendingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluation: EvaluationTrigger,
  ) {}

  async put(caller: Caller, projectId: string, periodText: string, executedInput: unknown): Promise<SpendingDto> {
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: projectId });
    if (!project) throw new AppError('NOT_FOUND', `项目 ${projectId} 不存在`, { projectId });
    assertAllowed(canEnter(caller, project), `填报项目 ${projectId} 的执行数`);
    const period = periodOf(periodText, project.year);
    const executed = readYuan(executedInput);
    const saved = await this.dataSource.transaction(async (manager) => {
      const [submission] = await manager.query(`SELECT status FROM submissions WHERE "unitId" = $1 AND period = $2 FOR SHARE`, [project.unitId, period.text]);
      assertPeriodOpen((submission?.status as SubmissionStatus) ?? null, period.text);
      const repository = manager.getRepository(Spending);
      const before = await repository.findOneBy({ projectId, period: period.text });
      const row = await repository.save({ ...(before ?? { projectId, period: period.text }), executed, updatedBy: caller.actor });
      await audit(manager, { actor: caller.actor, action: 'spending.put', subjectType: 'spending', subjectId: row.id, before, after: row });
      await this.evaluation.markChanged(manager, [projectId], period.text);
      return row;
    });
    void this.evaluation.enqueue([projectId], period.text);
    return SpendingDto.from(saved);
  }
}
