import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { assertAllowed, canRead } from '../auth/scope';
import { AppError } from '../common/app-error';
import { Evaluation, Flag, Project, ProjectScore } from '../database/entities';
import { FlagDto } from '../projects/project.dto';
import { EvaluateAcceptedDto, EvaluateRequestDto, FailedJobDto, ProjectScoreDto } from './evaluation.dto';
import { EVALUATION_QUEUE, EvaluationJob, evaluateYearJob } from './evaluation.queue';

const FAILED_JOBS_SHOWN = 100;

/** The read side of scores and the operator's handles on the evaluation queue. */
@Injectable()
export class ScoresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(EVALUATION_QUEUE) private readonly queue: Queue<EvaluationJob['data'], unknown, EvaluationJob['name']>,
  ) {}

  async projectScore(caller: Caller, projectId: string, requested?: string): Promise<ProjectScoreDto> {
    const project = await this.dataSource.getRepository(Project).findOne({ where: { id: projectId }, relations: { indicators: true } });
    if (!project) throw new AppError('NOT_FOUND', `项目 ${projectId} 不存在`, { projectId });
    assertAllowed(canRead(caller, project), `查看项目 ${projectId} 的评分`);
    const period = requested ?? (project.year === null ? undefined : String(project.year));
    if (!period) throw new AppError('VALIDATION_FAILED', '项目没有预算年度，请指定 period', { field: 'period' });

    const [score, evaluations, flags] = await Promise.all([
      this.dataSource.getRepository(ProjectScore).findOneBy({ projectId, period }),
      this.dataSource.getRepository(Evaluation).findBy({ projectId, period }),
      this.dataSource
        .getRepository(Flag)
        .createQueryBuilder('flag')
        .where('flag.projectId = :projectId AND flag.resolvedAt IS NULL', { projectId })
        .andWhere('(flag.period IS NULL OR flag.period = :period)', { period })
        .orderBy('flag.severity')
        .addOrderBy('flag.code')
        .addOrderBy('flag.id')
        .getMany(),
    ]);
    const evaluationOf = new Map(evaluations.map((row) => [row.indicatorId, row]));
    const indicators = [...(project.indicators ?? [])].sort((a, b) => a.position - b.position);
    return {
      projectId,
      period,
      score: score?.score ?? null,
      grade: score?.grade ?? null,
      executionRate: score?.executionRate ?? null,
      executionScore: score?.executionScore ?? null,
      light: score?.light ?? null,
      explanation: score?.explanation ?? {},
      computedAt: score?.computedAt ?? null,
      stale: !score?.computedAt || score.inputsChangedAt > score.computedAt,
      indicators: indicators.flatMap((indicator) => {
        const evaluation = evaluationOf.get(indicator.id);
        if (!evaluation) return [];
        const { status, ratio, score: points, weight, explanation } = evaluation;
        return [{ indicatorId: indicator.id, name: indicator.name, status, ratio, score: points, weight, explanation }];
      }),
      flags: flags.map(FlagDto.from),
    };
  }

  async requestEvaluation(request: EvaluateRequestDto): Promise<EvaluateAcceptedDto> {
    const job = evaluateYearJob({ year: request.year, departmentId: request.departmentId, period: request.period });
    const added = await this.queue.add(job.name, job.data, job.opts);
    return { jobId: added.id ?? '' };
  }

  async failedJobs(): Promise<FailedJobDto[]> {
    const jobs = await this.queue.getFailed(0, FAILED_JOBS_SHOWN - 1);
    return jobs.map((job) => ({
      id: job.id ?? '',
      name: job.name,
      data: job.data as unknown as Record<string, unknown>,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    }));
  }
}
