import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Department } from './department.entity';
import { Unit } from './unit.entity';

export const REPORT_KINDS = ['self_evaluation', 'self_evaluation_report', 'monitoring', 'reminder'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** When to generate a report: a BullMQ job scheduler is kept in step with each enabled row. */
@Entity('report_schedules')
export class ReportSchedule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: REPORT_KINDS, enumName: 'report_kind' })
  kind: ReportKind;

  @Column({ type: 'enum', enum: REPORT_FORMATS, enumName: 'report_format', array: true, default: '{xlsx}' })
  formats: ReportFormat[];

  /** Cron pattern, e.g. `0 8 15 7 *` for 15 July. */
  @Column({ type: 'varchar', length: 64 })
  cron: string;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timezone: string;

  /** Which period the run reports on, relative to the run date: `previous-year`, `current-H1`, … */
  @Column({ type: 'varchar', length: 32 })
  periodRule: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'CASCADE' })
  department?: Department;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  unit?: Unit;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastRunAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
