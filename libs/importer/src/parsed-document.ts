import type { Target } from '@app/domain';

/** What the importer produces from one disclosed document; see shared/spec/parsed-document.md. */
export interface ParsedDocument {
  department: string | null;
  year: number | null;
  projects: ParsedProject[];
}

export interface ParsedFunding {
  fiscal: number | null;
  specialAccount: number | null;
  other: number | null;
}

export interface ParsedProject {
  unitCode: string | null;
  unitName: string | null;
  parentProject: string | null;
  name: string;
  category: string | null;
  /** 元 */
  amount: number | null;
  funding: ParsedFunding | null;
  goal: string | null;
  goalReference: string | null;
  indicators: ParsedIndicator[];
}

export interface ParsedIndicator {
  seq: number | null;
  level1: string | null;
  level2: string | null;
  name: string;
  key: boolean;
  periodTarget: Target | null;
  annualTarget: Target | null;
  weight?: number | null;
  actual?: Target | null;
  score?: number | null;
  deviationReason?: string | null;
}
