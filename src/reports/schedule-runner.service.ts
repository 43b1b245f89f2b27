import { parsePeriod } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ReportSchedule } from '../database/entities';
import { Reminders } from './reminders.service';
import { ReportDataLoader } from './report-data-loader.service';
import { resolvePeriodRule } from './report-period';
import { ReportsProducer } from './reports.producer';
import { KIND_FORMATS } from './reports.queue';

export interface ScheduleRun {
  period: string | null;
  /** Units given a report job, or given a reminder flag for a reminder schedule. */
  units: number;
}

/** What one firing of a schedule does: one report job per unit in scope, or the reminders. */
@Injectable()
export class ScheduleRunner {
  constructor(
    @InjectRepository(ReportSchedule) private readonly schedules: Repository<ReportSchedule>,
    private readonly loader: ReportDataLoader,
    private readonly reminders: Reminders,
    private readonly producer: ReportsProducer,
  ) {}

  async run(scheduleId: string, firedAt: Date): Promise<ScheduleRun> {
    const schedule = await this.schedules.findOneBy({ id: scheduleId });
    if (!schedule?.enabled) return { period: null, units: 0 };
    const period = parsePeriod(resolvePeriodRule(schedule.periodRule, firedAt, schedule.timezone));
    const scope = { unitId: schedule.unitId, departmentId: schedule.departmentId };
    let units: number;
    if (schedule.kind === 'reminder') {
      units = (await this.reminders.raise(period, scope)).filter(({ missing }) => missing > 0).length;
    } else {
      const { kind } = schedule;
      const formats = schedule.formats.filter((format) => KIND_FORMATS[kind].includes(format));
      const inScope = await this.loader.units(period, scope);
      for (const unit of inScope) {
        await this.producer.enqueue({ kind, unitId: unit.id, period: period.text, formats, scheduleId: schedule.id }, null);
      }
      units = inScope.length;
    }
    await this.schedules.update(schedule.id, { lastRunAt: firedAt });
    return { period: period.text, units };
  }
}
