import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Department, ReportSchedule, Unit } from '../database/entities';
import { REPORTS_QUEUE, runScheduleTemplate, schedulerId } from './reports.queue';

/** pg_advisory_xact_lock key (a bigint) held while rows are read and mirrored into schedulers. */
export const SCHEDULE_SYNC_LOCK = '7316402251';

export type ScheduleChanges = Partial<Pick<ReportSchedule, 'cron' | 'timezone' | 'periodRule' | 'formats' | 'enabled' | 'unitId' | 'departmentId'>>;

/** The `report_schedules` rows, each mirrored by one BullMQ job scheduler while it is enabled. */
@Injectable()
export class ReportSchedulesService {
  private readonly logger = new Logger(ReportSchedulesService.name);

  constructor(
    @InjectRepository(ReportSchedule) private readonly schedules: Repository<ReportSchedule>,
    // Untyped: BullMQ types a scheduler id as a job name.
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue,
  ) {}

  list(): Promise<ReportSchedule[]> {
    return this.schedules.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(id: string): Promise<ReportSchedule> {
    const schedule = await this.schedules.findOneBy({ id });
    if (!schedule) throw new AppError('NOT_FOUND', `报告计划 ${id} 不存在`, { id });
    return schedule;
  }

  async update(id: string, changes: ScheduleChanges): Promise<ReportSchedule> {
    await this.get(id);
    for (const [entity, field] of [[Unit, 'unitId'], [Department, 'departmentId']] as const) {
      const value = changes[field];
      if (value && !(await this.schedules.manager.existsBy(entity, { id: value }))) {
        throw new AppError('NOT_FOUND', `${entity === Unit ? '单位' : '部门'} ${value} 不存在`, { [field]: value });
      }
    }
    await this.schedules.update(id, changes);
    return this.whileSyncing(async (manager) => {
      const schedule = await manager.findOneByOrFail(ReportSchedule, { id });
      await this.sync(schedule);
      return schedule;
    });
  }

  /**
   * API and worker processes mirror rows into schedulers; one at a time, each reading the rows inside the lock,
   * so the last to write a scheduler has read the newest row (a worker starting during an update cannot write
   * back the row as it was before).
   */
  private whileSyncing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.schedules.manager.transaction(async (manager) => {
      // A sync stuck on Redis holds the lock; the others give up with an error instead of queueing up connections.
      await manager.query(`SET LOCAL lock_timeout = '10s'`);
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SCHEDULE_SYNC_LOCK]);
      return work(manager);
    });
  }

  private async sync(schedule: ReportSchedule): Promise<void> {
    if (!schedule.enabled) {
      await this.queue.removeJobScheduler(schedulerId(schedule.id));
      return;
    }
    await this.queue.upsertJobScheduler(
      schedulerId(schedule.id),
      { pattern: schedule.cron, tz: schedule.timezone },
      runScheduleTemplate(schedule.id),
    );
  }

  /** At worker start: one scheduler per enabled row, and none left over for rows deleted or disabled meanwhile. */
  syncAll(): Promise<void> {
    return this.whileSyncing(async (manager) => {
      const schedules = await manager.find(ReportSchedule);
      const wanted = new Set(schedules.filter((schedule) => schedule.enabled).map((schedule) => schedulerId(schedule.id)));
      for (const schedule of schedules) await this.sync(schedule);
      for (const existing of await this.queue.getJobSchedulers()) {
        if (!wanted.has(existing.key)) await this.queue.removeJobScheduler(existing.key);
      }
      this.logger.log(`report schedules synced: ${wanted.size} enabled of ${schedules.length}`);
    });
  }
}
