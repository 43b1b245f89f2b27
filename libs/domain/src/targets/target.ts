export type TargetKind = 'quantitative' | 'qualitative' | 'placeholder' | 'missing';
export type Comparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
export type TargetPer = 'month' | 'quarter' | 'year';

/** A 指标值 as written and as understood; format in shared/spec/parsed-document.md. */
export interface Target {
  raw: string;
  kind: TargetKind;
  comparator: Comparator | null;
  value: number | null;
  unit: string | null;
  per: TargetPer | null;
  /** Upper bound when the target is a range (`80%-90%`, `±3%以内`); `value` then holds the lower bound. */
  upper?: number | null;
}
