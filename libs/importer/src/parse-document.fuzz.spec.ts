import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { DocumentError, parseDocument } from './parse-document';

const fixtures = resolve(__dirname, '../../../test/fixtures/import/ok');
const samples = readdirSync(fixtures).map((file) => readFileSync(join(fixtures, file), 'utf8'));

async function parsesOrRefuses(content: string | Uint8Array): Promise<void> {
  try {
    await parseDocument({ fileName: 'fuzz.txt', content: Buffer.from(content) });
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
  }
}

describe('parseDocument on damaged input', () => {
  const sample = fc.constantFrom(...samples);

  it('survives truncated documents', async () => {
    await fc.assert(fc.asyncProperty(sample, fc.nat(), (text, cut) => parsesOrRefuses(text.slice(0, cut % (text.length + 1)))), {
      numRuns: 200,
    });
  });

  it('survives shuffled lines', async () => {
    const shuffled = sample.chain((text) => fc.shuffledSubarray(text.split('\n'), { minLength: 0 }).map((lines) => lines.join('\n')));
    await fc.assert(fc.asyncProperty(shuffled, parsesOrRefuses), { numRuns: 200 });
  });

  it('survives garbage text spliced into a table', async () => {
    const spliced = fc.tuple(sample, fc.nat(), fc.string({ unit: 'binary', maxLength: 80 }));
    await fc.assert(
      fc.asyncProperty(spliced, ([text, at, garbage]) => {
        const index = at % (text.length + 1);
        return parsesOrRefuses(text.slice(0, index) + garbage + text.slice(index));
      }),
      { numRuns: 200 },
    );
  });

  it('survives random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), parsesOrRefuses), { numRuns: 200 });
  });
});
