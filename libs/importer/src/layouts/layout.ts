import type { ParsedProject } from '../parsed-document';
import type { SourceDocument } from '../read/source-document';

/** A document layout that recognises itself; `name` is stable and accepted by `--layout`. */
export interface Layout {
  name: string;
  detect(document: SourceDocument): boolean;
  parse(document: SourceDocument): ParsedProject[];
}

/** A project with every field the document did not give set to null (fields spelled out: spreads are slow in V8). */
export function newProject(name: string, fields: Partial<Omit<ParsedProject, 'name'>> = {}): ParsedProject {
  return {
    unitCode: fields.unitCode ?? null,
    unitName: fields.unitName ?? null,
    parentProject: fields.parentProject ?? null,
    name,
    category: fields.category ?? null,
    amount: fields.amount ?? null,
    funding: fields.funding ?? null,
    goal: fields.goal ?? null,
    goalReference: fields.goalReference ?? null,
    indicators: fields.indicators ?? [],
  };
}

/** Joins text that a PDF extraction broke over lines: no separator between CJK fragments. */
export function joinBroken(lines: string[]): string {
  return lines.map((line) => line.trim()).filter((line) => line !== '').join('');
}
