import type { ParsedProject } from '../parsed-document';
import type { SourceDocument } from '../read/source-document';

/** A document layout that recognises itself; `name` is stable and accepted by `--layout`. */
export interface Layout {
  name: string;
  detect(document: SourceDocument): boolean;
  parse(document: SourceDocument): ParsedProject[];
}

export function emptyProject(name: string): ParsedProject {
  return {
    unitCode: null,
    unitName: null,
    parentProject: null,
    name,
    category: null,
    amount: null,
    funding: null,
    goal: null,
    goalReference: null,
    indicators: [],
  };
}

/** Joins text that a PDF extraction broke over lines: no separator between CJK fragments. */
export function joinBroken(lines: string[]): string {
  return lines.map((line) => line.trim()).filter((line) => line !== '').join('');
}
