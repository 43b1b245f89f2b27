import type { Comparator, Target, TargetKind, TargetPer } from '@app/domain';
import { Column } from 'typeorm';

/** A Target stored as columns (embedded with a prefix: `annualKind`, `periodValue`, …); all null when absent. */
export class TargetColumns {
  @Column({ type: 'text', nullable: true })
  raw: string | null;

  @Column({ type: 'enum', enum: ['quantitative', 'qualitative', 'placeholder', 'missing'], enumName: 'target_kind', nullable: true })
  kind: TargetKind | null;

  @Column({ type: 'enum', enum: ['gte', 'gt', 'lte', 'lt', 'eq'], enumName: 'target_comparator', nullable: true })
  comparator: Comparator | null;

  @Column({ type: 'numeric', nullable: true })
  value: string | null;

  @Column({ type: 'numeric', nullable: true })
  upper: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  unit: string | null;

  @Column({ type: 'enum', enum: ['month', 'quarter', 'year'], enumName: 'target_per', nullable: true })
  per: TargetPer | null;
}

const decimal = (value: number | null | undefined) => (value == null ? null : String(value));
const number = (value: string | null) => (value === null ? null : Number(value));

export function toTargetColumns(target: Target): TargetColumns {
  return { raw: target.raw, kind: target.kind, comparator: target.comparator, value: decimal(target.value), upper: decimal(target.upper), unit: target.unit, per: target.per };
}

/** The domain's Target back from its columns; null when the indicator has none. */
export function fromTargetColumns(columns: TargetColumns): Target | null {
  if (columns.kind === null) return null;
  const { raw, kind, comparator, value, upper, unit, per } = columns;
  return { raw: raw ?? '', kind, comparator, value: number(value), upper: number(upper), unit, per };
}
