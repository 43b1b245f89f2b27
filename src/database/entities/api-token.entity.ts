import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** admin: everything; reviewer: read and review within departmentIds (empty = all); unit: its own unitIds. */
export const ROLES = ['admin', 'reviewer', 'unit'] as const;
export type Role = (typeof ROLES)[number];

/** Only the sha256 of a token is stored; its scope limits which units/departments it may read and write. */
@Entity('api_tokens')
@Index('IDX_api_tokens_tokenHash', ['tokenHash'], { unique: true })
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role' })
  role: Role;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  unitIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  departmentIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
