import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Department } from './department.entity';
import { Project } from './project.entity';
import { REPORT_FORMATS, REPORT_KINDS, ReportFormat, ReportKind, ReportSchedule } from './report-schedule.entity';
import { Unit } from './unit.entity';

export const REPORT_STATUSES = ['queued', 'rendering', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

@Entity('reports')
@Index('IDX_reports_kind_period', ['kind', 'period'])
/** One row per (kind, scope, period, format): a new run replaces the file in place. */
@Index('IDX_reports_scope', ['kind', 'unitId', 'period', 'format'], { unique: true })
@Index('IDX_reports_scheduleId', ['scheduleId'])
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: REPORT_KINDS, enumName: 'report_kind' })
  kind: ReportKind;

  @Column({ type: 'enum', enum: REPORT_FORMATS, enumName: 'report_format' })
  format: ReportFormat;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'CASCADE' })
  department?: Department;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  unit?: Unit;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  project?: Project;

  @Column({ type: 'uuid', nullable: true })
  scheduleId: string | null;

  @ManyToOne(() => ReportSchedule, { onDelete: 'SET NULL' })
  schedule?: ReportSchedule;

  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', default: 'queued' })
  status: ReportStatus;

  @Column({ type: 'text', nullable: true })
  fileName: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ type: 'integer', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
