import { type Actual as ScoringActual, DEFAULT_REGION_PROFILE, type IndicatorForScoring, hasActual, parsePeriod, scoreProject } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { assertAllowed, canReview } from '../auth/scope';
import { AppError } from '../common/app-error';
import { Actual, AuditLogEntry, Evaluation, Indicator, Project, ProjectScore, Spending, fromTargetColumns } from '../database/entities';
import type { OverrideScoreDto } from './scorecard.dto';
import { numberOrNull } from '../common/decimal';

export interface OverrideRequest extends OverrideScoreDto {
  projectId: string;
  indicatorId: string;
  caller: Caller;
}


function toScoringActual(actual: Actual | undefined, override: ScoringActual['override']): ScoringActual | null {
  if (!actual) return override ? { override } : null;
  const { value, text, grade } = actual.entry;
  return { value: numberOrNull(value), text, grade, override };
}

function toScoringIndicator(row: Indicator): IndicatorForScoring {
  const { level1, level2, name, key } = row;
  return { level1, level2, name, key, weight: numberOrNull(row.weight), annualTarget: fromTargetColumns(row.annualTarget), periodTarget: fromTargetColumns(row.periodTarget) };
}

/**
 * A reviewer's score for one indicator × period. The domain decides whether the score is allowed (inside the
 * grade's band for a qualitative indicator, 0…weight otherwise) by scoring the whole project with the override,
 * which also gives the new total; evaluation, project score, audit entry and read model change in one transaction.
 */
@Injectable()
export class ScoreOverrideService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  override(request: OverrideRequest): Promise<void> {
    return this.dataSource.transaction((manager) => this.apply(manager, request));
  }

  private async apply(manager: EntityManager, { projectId, indicatorId, period, score, reason, caller }: OverrideRequest) {
    const project = await manager.findOneBy(Project, { id: projectId });
    if (!project) throw new AppError('NOT_FOUND', `项目 ${projectId} 不存在`, { projectId });
    assertAllowed(canReview(caller, project), '调整该项目的得分');
    const indicators = await manager.find(Indicator, { where: { projectId }, order: { position: 'ASC' } });
    const index = indicators.findIndex((indicator) => indicator.id === indicatorId);
    if (index < 0) throw new AppError('NOT_FOUND', `项目中没有指标 ${indicatorId}`, { projectId, indicatorId });
    const evaluations = await manager.find(Evaluation, { where: { projectId, period }, lock: { mode: 'pessimistic_write' } });
    const evaluation = evaluations.find((row) => row.indicatorId === indicatorId);
    if (!evaluation) {
      throw new AppError('CONFLICT', `该指标在 ${period} 尚未评分，不能调整得分`, { indicatorId, period });
    }
    const actuals = new Map((await manager.findBy(Actual, { projectId, period })).map((row) => [row.indicatorId, row]));
    if (!hasActual(toScoringActual(actuals.get(indicatorId), null))) {
      throw new AppError('CONFLICT', `该指标在 ${period} 尚未填报实际完成值，不能调整得分`, { indicatorId, period });
    }
    const overrides = new Map(
      evaluations
        .filter((row) => row.overrideScore !== null)
        .map((row) => [row.indicatorId, { score: Number(row.overrideScore), reason: row.overrideReason ?? '' }]),
    );
    overrides.set(indicatorId, { score, reason });
    const spending = await manager.findOneBy(Spending, { projectId, period });
    const result = scoreProject(
      {
        indicators: indicators.map(toScoringIndicator),
        actuals: indicators.map((row) => toScoringActual(actuals.get(row.id), overrides.get(row.id) ?? null)),
        budget: numberOrNull(project.amount),
        spent: numberOrNull(spending?.executed),
        period: parsePeriod(period),
      },
      DEFAULT_REGION_PROFILE,
    );
    const scored = result.indicators[index];
    if (!scored.overridden) {
      const message = scored.issue?.message ?? `评审调整分 ${score} 不被采用`;
      throw new AppError('VALIDATION_FAILED', message, { fields: { score: [message] }, rule: scored.issue?.code ?? null });
    }
    const before = { score: evaluation.score, overrideScore: evaluation.overrideScore, overrideReason: evaluation.overrideReason };
    await manager.update(Evaluation, { projectId, period, indicatorId }, {
      status: scored.status,
      score: String(scored.score),
      explanation: { ...evaluation.explanation, text: scored.explanation },
      overrideScore: String(score),
      overrideReason: reason,
      overriddenBy: caller.actor,
      overriddenAt: new Date(),
    });
    const projectScore = await manager.findOneBy(ProjectScore, { projectId, period });
    if (projectScore) {
      await manager.update(ProjectScore, { projectId, period }, {
        score: result.total === null ? null : String(result.total),
        grade: result.grade,
        explanation: { ...projectScore.explanation, total: result.explanation },
      });
    }
    await manager.save(manager.create(AuditLogEntry, {
      actor: caller.actor,
      action: 'evaluation.override',
      subjectType: 'indicator',
      subjectId: indicatorId,
      before,
      after: { score: scored.score, overrideScore: score, projectScore: result.total, projectGrade: result.grade },
      reason,
    }));
    await manager.query('SELECT "refresh_project_scorecards"($1::uuid[], $2)', [[projectId], period]);
  }
}
