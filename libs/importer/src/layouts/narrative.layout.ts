import type { ParsedProject } from '../parsed-document';
import { cleanCell, type SourceDocument } from '../read/source-document';
import { findDepartment } from './document-meta';
import { readAmount } from './header-columns';
import { joinBroken, newProject, type Layout } from './layout';

const HEADER = /项目名称\s*金额\s*(?:\(万元\)|（万元）)?\s*绩效目标\s*$/;
const AMOUNT_AT_END = /^(.*?)\s*(-?[\d,]+\.\d+|-?\d+)$/;
const TABLE_END = /^表\s*\d+|^注[:：]/;

function lines(document: SourceDocument): string[] {
  return document.rows.map((row) => cleanCell(row.cells.join(' '))).filter((line) => line !== '');
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Narrative-goal tables whose PDF extraction put every cell on its own broken lines (杭州 表11):
 * unit-name lines, project-name lines ending in the amount, then goal lines, for each project.
 */
function parseNarrative(document: SourceDocument): ParsedProject[] {
  const all = lines(document);
  const start = all.findIndex((line) => HEADER.test(compact(line)));
  if (start < 0) return [];
  const body: string[] = [];
  for (const line of all.slice(start + 1)) {
    if (TABLE_END.test(line)) break;
    body.push(line);
  }
  const unit = findDepartment(document);
  const startsUnit = (index: number): number => {
    if (!unit) return 0;
    let joined = '';
    for (let end = index; end < body.length; end++) {
      joined += compact(body[end]);
      if (joined === compact(unit)) return end - index + 1;
      if (!compact(unit).startsWith(joined)) return 0;
    }
    return 0;
  };
  const projects: ParsedProject[] = [];
  let index = 0;
  while (index < body.length) {
    const unitLines = startsUnit(index);
    if (unitLines === 0) {
      index++;
      continue;
    }
    index += unitLines;
    const nameLines: string[] = [];
    let amount: number | null = null;
    while (index < body.length) {
      const match = AMOUNT_AT_END.exec(body[index++]);
      if (match) {
        nameLines.push(match[1]);
        amount = readAmount(match[2], 1e4);
        break;
      }
      nameLines.push(body[index - 1]);
    }
    const goalLines: string[] = [];
    while (index < body.length && startsUnit(index) === 0) goalLines.push(body[index++]);
    projects.push(newProject(joinBroken(nameLines), { unitName: unit, amount, goal: joinBroken(goalLines) || null }));
  }
  return projects;
}

export const narrativeLayout: Layout = {
  name: 'narrative',
  detect: (document) => parseNarrative(document).length > 0,
  parse: parseNarrative,
};
