import { indicatorColumnsLayout } from './indicator-columns.layout';
import type { Layout } from './layout';
import { narrativeLayout } from './narrative.layout';
import { goalsLayout, inlineLayout, numberedLayout } from './project-table.layout';
import { referenceLayout } from './reference.layout';

/** In detection order: the most specific table shapes first, the narrative fallbacks last. */
export const LAYOUTS: readonly Layout[] = [
  indicatorColumnsLayout,
  numberedLayout,
  inlineLayout,
  goalsLayout,
  narrativeLayout,
  referenceLayout,
];
