import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseDocument } from './parse-document';

const shared = resolve(__dirname, '../../..', '..', 'shared');

describe('parsing the seed documents against the gold answers', () => {
  let predictions: string;

  beforeAll(async () => {
    predictions = mkdtempSync(join(tmpdir(), 'jixiao-parse-'));
    for (const file of readdirSync(join(shared, 'seeds'))) {
      const { layout: _layout, ...document } = await parseDocument({ fileName: file, content: readFileSync(join(shared, 'seeds', file)) });
      writeFileSync(join(predictions, `${basename(file, extname(file))}.json`), JSON.stringify(document));
    }
  });

  afterAll(() => rmSync(predictions, { recursive: true, force: true }));

  it('finds all 48 projects, at least 215 of 217 indicators exact and 99% of fields', () => {
    const output = execFileSync(
      process.execPath,
      [join(shared, 'tools', 'score-parse.mjs'), '--gold', join(shared, 'gold'), '--pred', predictions, '--json'],
      { encoding: 'utf8' },
    );
    const summary = JSON.parse(output.split('\n').find((line) => line.startsWith('{')) ?? '{}');
    expect(summary).toMatchObject({ projectsMatched: 48, projectsGold: 48, indicatorsGold: 217 });
    expect(summary.indicatorsExact).toBeGreaterThanOrEqual(215);
    expect(summary.fieldAccuracy).toBeGreaterThanOrEqual(0.99);
  });
});
