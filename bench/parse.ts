import { parseDocument } from '@app/importer';
import { syntheticDocument, type SyntheticLayout } from './lib/synthetic-document';

const TARGET_BYTES = 20 * 1024 * 1024;

function splitIntoCells(text: string): number {
  let cells = 0;
  for (const line of text.split('\n')) cells += line.split('\t').length;
  return cells;
}

async function timed(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function documentOfAtLeast(layout: SyntheticLayout, bytes: number): string {
  const sample = Buffer.byteLength(syntheticDocument({ layout, projects: 1000 }));
  return syntheticDocument({ layout, projects: Math.ceil((1000 * bytes) / sample) });
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const layout of ['numbered', 'inline'] as const) {
    const text = documentOfAtLeast(layout, TARGET_BYTES);
    const content = Buffer.from(text);
    const megabytes = content.length / 1024 / 1024;
    const baseline = await timed(() => splitIntoCells(content.toString('utf8')));
    let indicators = 0;
    const parse = await timed(async () => {
      const document = await parseDocument({ fileName: `synthetic-${layout}.tsv`, content });
      indicators = document.projects.reduce((sum, project) => sum + project.indicators.length, 0);
    });
    const ratio = (baseline / parse) * 100;
    rows.push(
      `| ${layout} | ${megabytes.toFixed(1)} | ${indicators} | ${(megabytes / baseline).toFixed(1)} | ${(megabytes / parse).toFixed(1)} | ${ratio.toFixed(1)}% |`,
    );
  }
  console.log('| layout | MB | indicators | baseline split MB/s | parse MB/s | parse / baseline |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

void main();
