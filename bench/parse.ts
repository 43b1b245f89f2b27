import { execFileSync } from 'node:child_process';
import { parseDocument } from '@app/importer';
import { syntheticDocument, type SyntheticLayout } from './lib/synthetic-document';

const TARGET_BYTES = 20 * 1024 * 1024;
const LAYOUTS: readonly SyntheticLayout[] = ['numbered', 'inline'];
const ROUNDS = 3;

function splitIntoCells(content: Buffer): number {
  let cells = 0;
  for (const line of content.toString('utf8').split('\n')) cells += line.split('\t').length;
  return cells;
}

async function timed(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function documentOfAtLeast(layout: SyntheticLayout, bytes: number): Buffer {
  const sample = Buffer.byteLength(syntheticDocument({ layout, projects: 1000 }));
  return Buffer.from(syntheticDocument({ layout, projects: Math.ceil((1000 * bytes) / sample) }));
}

async function parseAll(layout: SyntheticLayout, content: Buffer): Promise<number> {
  const document = await parseDocument({ fileName: `synthetic-${layout}.tsv`, content });
  return document.projects.reduce((sum, project) => sum + project.indicators.length, 0);
}

/**
 * One layout per process, so that each peak RSS is that layout's own. A small document warms the JIT first;
 * then the best of a few alternating rounds of each, as the machine is shared.
 */
async function measure(layout: SyntheticLayout): Promise<string> {
  await parseAll(layout, documentOfAtLeast(layout, TARGET_BYTES / 100));
  const content = documentOfAtLeast(layout, TARGET_BYTES);
  const megabytes = content.length / 1024 / 1024;
  let baseline = Infinity;
  let parse = Infinity;
  let indicators = 0;
  for (let round = 0; round < ROUNDS; round++) {
    baseline = Math.min(baseline, await timed(() => splitIntoCells(content)));
    parse = Math.min(parse, await timed(async () => (indicators = await parseAll(layout, content))));
  }
  const rss = process.resourceUsage().maxRSS / 1024;
  return [
    layout,
    megabytes.toFixed(1),
    indicators,
    (megabytes / baseline).toFixed(1),
    (megabytes / parse).toFixed(1),
    `${((baseline / parse) * 100).toFixed(1)}%`,
    rss.toFixed(0),
  ].join(' | ');
}

async function main(): Promise<void> {
  const layout = process.argv[2] as SyntheticLayout | undefined;
  if (layout) {
    console.log(await measure(layout));
    return;
  }
  console.log('| layout | MB | indicators | baseline split MB/s | parse MB/s | parse / baseline | peak RSS MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const each of LAYOUTS) {
    console.log(`| ${execFileSync(process.execPath, [__filename, each], { encoding: 'utf8' }).trim()} |`);
  }
}

void main();
