import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Caller } from '../auth/caller';
import { assertAllowed, canRead, readScopeCondition } from '../auth/scope';
import { AppError } from '../common/app-error';
import { Flag, Project } from '../database/entities';
import { FlagDto, IndicatorDto, ListProjectsQueryDto, ProjectDetailDto, ProjectPageDto, ProjectSummaryDto } from './project.dto';

@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Flag) private readonly flags: Repository<Flag>,
  ) {}

  async list(caller: Caller, { year, department, unit, flag, page, pageSize }: ListProjectsQueryDto): Promise<ProjectPageDto> {
    const query = this.projects
      .createQueryBuilder('project')
      .leftJoinAndSelect('project.department', 'department')
      .leftJoinAndSelect('project.unit', 'unit')
      .orderBy('project.year', 'DESC', 'NULLS LAST')
      .addOrderBy('project.name')
      .addOrderBy('project.id')
      // Only many-to-one joins, so plain OFFSET/LIMIT pages correctly (skip/take would add a DISTINCT subquery).
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    const scope = readScopeCondition(caller, 'project');
    if (scope) query.andWhere(scope.sql, scope.params);
    if (year !== undefined) query.andWhere('project.year = :year', { year });
    if (department) query.andWhere('project.departmentId = :department', { department });
    if (unit) query.andWhere('project.unitId = :unit', { unit });
    if (flag) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "flags" "flag" WHERE "flag"."projectId" = project.id AND "flag"."code" = :flag AND "flag"."resolvedAt" IS NULL)',
        { flag },
      );
    }
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map(ProjectSummaryDto.from), total, page, pageSize };
  }

  async get(caller: Caller, id: string): Promise<ProjectDetailDto> {
    const project = await this.projects.findOne({
      where: { id },
      relations: { department: true, unit: true, indicators: true },
      order: { indicators: { position: 'ASC' } },
    });
    if (!project) throw new AppError('NOT_FOUND', `项目 ${id} 不存在`, { projectId: id });
    assertAllowed(canRead(caller, project), `查看项目 ${id}`);
    const flags = await this.flags.find({
      where: { projectId: id, resolvedAt: IsNull() },
      order: { severity: 'ASC', code: 'ASC', id: 'ASC' },
    });
    const flagsOf = (subjectId: string) => flags.filter((f) => f.subjectId === subjectId).map(FlagDto.from);
    return {
      ...ProjectSummaryDto.from(project),
      goal: project.goal,
      goalReference: project.goalReference,
      funding: {
        fiscal: project.fundingFiscal,
        specialAccount: project.fundingSpecialAccount,
        other: project.fundingOther,
      },
      indicators: (project.indicators ?? []).map((indicator) => IndicatorDto.from(indicator, flagsOf(indicator.id))),
      flags: flagsOf(project.id),
    };
  }
}
