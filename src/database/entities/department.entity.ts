import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity('departments')
@Index('IDX_departments_name', ['name'], { unique: true })
@Index('IDX_departments_code', ['code'], { unique: true, where: '"code" IS NOT NULL' })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  parent?: Department;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
