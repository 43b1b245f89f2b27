import { execFileSync } from 'node:child_process';

/** pdfjs-dist ships ESM only, which jest's CommonJS runtime cannot import, so the text is read in a child node. */
const EXTRACT_SCRIPT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const content = await (await pdf.getPage(number)).getTextContent();
  pages.push(content.items.map((item) => item.str ?? '').join(''));
}
process.stdout.write(JSON.stringify(pages));
`;

/** The text of each page, with the pieces of a page joined without separators. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', EXTRACT_SCRIPT], {
    input: pdf,
    cwd: __dirname,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.toString('utf8')) as string[];
}
