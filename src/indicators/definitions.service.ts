import { parseTarget, resolveLevel1, resolveLevel2 } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { type Owner, assertAllowed, canEnter, canReview } from '../auth/scope';
import { AppError } from '../common/app-error';
import { audit } from '../database/audit';
import { Indicator, type ProposedDefinition, toTargetColumns } from '../database/entities';
import { EvaluationTrigger } from '../evaluation/evaluation-trigger';
import { DefinitionDto, type PutDefinitionDto } from './definition.dto';

const SCORABLE_KINDS = new Set(['quantitative', 'qualitative']);
/** The import-time review rule that flags a 待单位补充 target. */
const PLACEHOLDER_RULE = 'R04';

/**
 * A unit fills a 待单位补充 indicator by proposing a definition; it is kept beside the indicator (not scored)
 * until a reviewer accepts it, which writes it into the indicator and re-scores the project.
 */
@Injectable()
export class DefinitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluation: EvaluationTrigger,
  ) {}

  async propose(caller: Caller, indicatorId: string, input: PutDefinitionDto): Promise<DefinitionDto> {
    return this.dataSource.transaction(async (manager) => {
      const indicator = await this.load(manager, indicatorId);
      assertAllowed(canEnter(caller, indicator.project!), `补充指标 ${indicatorId} 的目标`);
      if (indicator.annualTarget.kind !== 'placeholder' && indicator.annualTarget.kind !== 'missing') {
        throw new AppError('CONFLICT', `指标“${indicator.name}”已有年度指标值，不是待单位补充的指标`, { indicatorId });
      }
      const proposal = readDefinition(input, indicator);
      await manager.update(Indicator, indicatorId, { proposedDefinition: proposal, proposedBy: caller.actor, proposedAt: new Date() });
      await audit(manager, { actor: caller.actor, action: 'definition.propose', subjectType: 'indicator', subjectId: indicatorId, before: indicator.proposedDefinition, after: proposal });
      return DefinitionDto.proposed({ ...indicator, proposedBy: caller.actor }, proposal);
    });
  }

  async accept(caller: Caller, indicatorId: string): Promise<DefinitionDto> {
    const { dto, projectId, periods } = await this.dataSource.transaction(async (manager) => {
      const indicator = await this.load(manager, indicatorId);
      assertAllowed(canReview(caller, indicator.project!), `审核指标 ${indicatorId} 的目标`);
      const proposal = indicator.proposedDefinition;
      if (!proposal) throw new AppError('CONFLICT', `指标“${indicator.name}”没有待审核的目标补充`, { indicatorId });
      const { name, level1, level2 } = proposal;
      await manager.update(Indicator, indicatorId, {
        name,
        level1,
        level2,
        annualTarget: toTargetColumns(proposal.annualTarget),
        ...(proposal.periodTarget ? { periodTarget: toTargetColumns(proposal.periodTarget) } : {}),
        proposedDefinition: null,
      });
      await manager.query(`UPDATE flags SET "resolvedAt" = now() WHERE "subjectId" = $1 AND code = $2 AND "resolvedAt" IS NULL`, [indicatorId, PLACEHOLDER_RULE]);
      await audit(manager, { actor: caller.actor, action: 'definition.accept', subjectType: 'indicator', subjectId: indicatorId, before: { name: indicator.name, annualTarget: indicator.annualTarget }, after: proposal });
      const rows: { period: string }[] = await manager.query(`SELECT DISTINCT period FROM actuals WHERE "indicatorId" = $1`, [indicatorId]);
      const periods = rows.map((r) => r.period);
      for (const period of periods) await this.evaluation.markChanged(manager, [indicator.projectId], period);
      return { dto: { ...DefinitionDto.proposed(indicator, proposal), status: 'accepted' as const }, projectId: indicator.projectId, periods };
    });
    for (const period of periods) void this.evaluation.enqueue([projectId], period);
    return dto;
  }

  private async load(manager: EntityManager, indicatorId: string): Promise<Indicator & { project: Owner }> {
    const indicator = await manager.findOne(Indicator, { where: { id: indicatorId }, relations: { project: true } });
    if (!indicator) throw new AppError('NOT_FOUND', `指标 ${indicatorId} 不存在`, { indicatorId });
    return indicator as Indicator & { project: Owner };
  }
}

function readDefinition(input: PutDefinitionDto, current: Indicator): ProposedDefinition {
  const fields: Record<string, string[]> = {};
  const annualTarget = parseTarget(input.annualTarget);
  if (!SCORABLE_KINDS.has(annualTarget.kind)) fields.annualTarget = [`年度指标值“${input.annualTarget}”不是可考核的目标（应为数值如 ≥200人次，或定性描述如 有所提升）`];
  const periodTarget = input.periodTarget ? parseTarget(input.periodTarget) : null;
  if (periodTarget && !SCORABLE_KINDS.has(periodTarget.kind)) fields.periodTarget = [`期间指标值“${input.periodTarget}”不是可考核的目标`];
  const level2 = input.level2 ? resolveLevel2(input.level2) : null;
  if (input.level2 && !level2?.level2) fields.level2 = [`二级指标“${input.level2}”不在指标体系中`];
  const level1 = level2?.level1 ?? (input.level1 ? resolveLevel1(input.level1) : current.level1);
  if (input.level1 && !level1) fields.level1 = [`一级指标“${input.level1}”不在指标体系中`];
  if (Object.keys(fields).length > 0) throw new AppError('DEFINITION_INVALID', '补充的指标定义有误', { fields });
  return { name: input.name.trim(), level1, level2: level2?.level2 ?? (input.level2 ? null : current.level2), annualTarget, periodTarget };
}
