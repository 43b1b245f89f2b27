import type { CompletionPossibility, QualitativeGrade } from '@app/domain';
import { Column } from 'typeorm';

export const QUALITATIVE_GRADES = ['achieved', 'partial', 'not_achieved'] as const satisfies readonly QualitativeGrade[];
/** 完成目标可能性: 1 确定能 / 2 有可能 / 3 完全不可能. */
export const COMPLETION_POSSIBILITIES = ['certain', 'possible', 'impossible'] as const satisfies readonly CompletionPossibility[];
export type { CompletionPossibility, QualitativeGrade };

export interface EvidenceRef {
  name: string;
  url?: string;
  note?: string;
  /** An uploaded file: stored under EVIDENCE_DIR by this hash of its content. */
  sha256?: string;
  size?: number;
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
