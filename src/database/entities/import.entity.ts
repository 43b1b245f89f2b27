import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Department } from './department.entity';

export const IMPORT_STATUSES = ['queued', 'processing', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportWarning {
  code: string;
  message: string;
  details?: Record<string, number | string>;
}

@Entity('imports')
@Index('IDX_imports_sha256', ['sha256'], { unique: true })
@Index('IDX_imports_status', ['status'])
export class Import {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'enum', enum: IMPORT_STATUSES, enumName: 'import_status', default: 'queued' })
  status: ImportStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  layout: string | null;

  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  department?: Department;

  @Column({ type: 'integer', default: 0 })
  projectCount: number;

  @Column({ type: 'integer', default: 0 })
  indicatorCount: number;

  @Column({ type: 'integer', default: 0 })
  flagCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: ImportWarning[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ type: 'jsonb', nullable: true })
  errorDetails: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
