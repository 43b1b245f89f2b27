import { Column, CreateDateColumn, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Department } from './department.entity';
import { Import } from './import.entity';
import type { Indicator } from './indicator.entity';
import { Unit } from './unit.entity';

/** Money columns are NUMERIC(18,2) in 元 and read back as exact decimal strings. */
@Entity('projects')
@Index('IDX_projects_importId_sourceRow', ['importId', 'sourceRow'], { unique: true })
@Index('IDX_projects_year_name', ['year', 'name'])
@Index('IDX_projects_unitId', ['unitId'])
@Index('IDX_projects_departmentId', ['departmentId'])
@Index('IDX_projects_year_departmentId_unitId', ['year', 'departmentId', 'unitId'])
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'SET NULL' })
  import?: Import;

  /** Position of the project in its source document. */
  @Column({ type: 'integer', nullable: true })
  sourceRow: number | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  department?: Department;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'SET NULL' })
  unit?: Unit;

  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  parent?: Project;

  /** 一级项目名称 as written, kept when no parent project row exists. */
  @Column({ type: 'text', nullable: true })
  parentName: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  amount: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  fundingFiscal: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  fundingSpecialAccount: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  fundingOther: string | null;

  @Column({ type: 'text', nullable: true })
  goal: string | null;

  @Column({ type: 'text', nullable: true })
  goalReference: string | null;

  @OneToMany('Indicator', 'project')
  indicators?: Indicator[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
