import { Column } from 'typeorm';

export const QUALITATIVE_GRADES = ['优', '良', '中', '差'] as const;
export type QualitativeGrade = (typeof QUALITATIVE_GRADES)[number];
export const COMPLETION_POSSIBILITIES = ['likely', 'uncertain', 'unlikely'] as const;
export type CompletionPossibility = (typeof COMPLETION_POSSIBILITIES)[number];

export interface EvidenceRef {
  name: string;
  url?: string;
  note?: string;
}

/** What a unit enters for an indicator and period; embedded unprefixed in `actuals` and `actual_revisions`. */
export class ActualEntryColumns {
  @Column({ type: 'numeric', nullable: true })
  value: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'enum', enum: QUALITATIVE_GRADES, enumName: 'qualitative_grade', nullable: true })
  grade: QualitativeGrade | null;

  /** 偏差原因 category (经费保障 / 制度保障 / 人员保障 / 硬件条件 / 其他 …). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  deviationCategory: string | null;

  @Column({ type: 'text', nullable: true })
  deviationText: string | null;

  /** 监控表: can the annual target still be met. */
  @Column({ type: 'enum', enum: COMPLETION_POSSIBILITIES, enumName: 'completion_possibility', nullable: true })
  possibility: CompletionPossibility | null;

  @Column({ type: 'text', nullable: true })
  suggestion: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: EvidenceRef[];
}
