import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Department } from './department.entity';

/** 预算单位; matched on import by code when the document gives one, else by name. */
@Entity('units')
@Index('IDX_units_name', ['name'], { unique: true })
@Index('IDX_units_code', ['code'], { unique: true, where: '"code" IS NOT NULL' })
@Index('IDX_units_departmentId', ['departmentId'])
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  department?: Department;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'SET NULL' })
  parent?: Unit;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
