import type { ParsedProject } from '../parsed-document';
import { cleanCell, type SourceDocument } from '../read/source-document';
import { readAmount } from './header-columns';
import { joinBroken, newProject, type Layout } from './layout';

const HEADING = /^(.+?)(?:项目经费情况说明|项目情况说明|情况说明)$/;
const SECTION = /^[一二三四五六七八九十]+、\s*(.+)$/;
const POINTER = /^(详见.*?)[。.]?$/;

/**
 * Project descriptions (上海 项目经费情况说明): a heading per project, then numbered sections; the goal section
 * often only points to another table.
 */
function parseReference(document: SourceDocument): ParsedProject[] {
  const lines = document.rows.map((row) => cleanCell(row.cells.join(' ')).replace(/^#+\s*/, '')).filter((line) => line !== '');
  const projects: ParsedProject[] = [];
  let index = 0;
  while (index < lines.length) {
    const heading = HEADING.exec(lines[index]);
    if (!heading || SECTION.test(lines[index]) || /^[-*]/.test(lines[index])) {
      index++;
      continue;
    }
    const sections = new Map<string, string[]>();
    let current: string[] | null = null;
    let end = index + 1;
    for (; end < lines.length && !(HEADING.test(lines[end]) && !SECTION.test(lines[end])); end++) {
      const section = SECTION.exec(lines[end]);
      if (section) sections.set(section[1].trim(), (current = []));
      else current?.push(lines[end]);
    }
    const text = (title: RegExp): string => joinBroken([...sections].find(([name]) => title.test(name))?.[1] ?? []);
    const unitName = text(/实施主体|实施单位/);
    if (unitName !== '') {
      const goal = text(/绩效目标/);
      const pointer = POINTER.exec(goal);
      const amount = /([\d,]+(?:\.\d+)?)\s*(万元|元)/.exec(text(/预算安排|预算|资金/));
      projects.push(
        newProject(heading[1].trim(), {
          unitName,
          amount: amount ? readAmount(amount[1], amount[2] === '万元' ? 1e4 : 1) : null,
          goal: pointer ? null : goal || null,
          goalReference: pointer ? pointer[1] : null,
        }),
      );
    }
    index = end;
  }
  return projects;
}

export const referenceLayout: Layout = {
  name: 'reference',
  detect: (document) => parseReference(document).length > 0,
  parse: parseReference,
};
