import { LEVEL2_LABELS, type ResolvedLevel, parseTarget, resolveLevel1, resolveLevel2, type Target } from '@app/domain';
import type { ParsedIndicator } from '../parsed-document';

const LABEL = new RegExp(`(?:^|(?<=\\s))((?:\\d{2}[-－])?(?:${LEVEL2_LABELS.join('|')}))\\s*[:：]`, 'g');
const SYMBOL_COMPARATOR = /[≥≤><=≧≦＞＜＝]/;
const WORD_COMPARATOR = /(大于等于|小于等于|不低于|不少于|不超过|不高于|不小于|不大于|高于|低于|大于|小于|至少|超过|不足)\s*[\d０-９]/;
const TRAILING_PUNCTUATION = /[。；;，,\s]+$/;

/** A target the document marks as qualitative (`定性`), whatever numbers it contains. */
export function qualitativeTarget(text: string): Target {
  const target = parseTarget(text);
  if (target.kind !== 'quantitative') return target;
  return { raw: target.raw, kind: 'qualitative', comparator: null, value: null, unit: null, per: null };
}

export function indicator(fields: Partial<ParsedIndicator> & Pick<ParsedIndicator, 'name'>): ParsedIndicator {
  const { seq = null, level1 = null, level2 = null, periodTarget = null, annualTarget = null } = fields;
  const name = fields.name.replace(/^[★☆]\s*/, '').replace(TRAILING_PUNCTUATION, '').trim();
  return { seq, level1, level2, name, key: /^[★☆]/.test(fields.name.trim()), periodTarget, annualTarget };
}

/** `名称≥90%`, `名称定性有所提升`, `名称不低于30篇`: splits an item into name and its single target. */
function splitNameAndTarget(item: string): { name: string; target: Target } {
  const symbol = SYMBOL_COMPARATOR.exec(item);
  if (symbol && symbol.index > 0) return { name: item.slice(0, symbol.index), target: parseTarget(item.slice(symbol.index)) };
  const qualitativeMark = item.indexOf('定性');
  if (qualitativeMark > 0) {
    return { name: item.slice(0, qualitativeMark), target: qualitativeTarget(item.slice(qualitativeMark + 2)) };
  }
  const word = WORD_COMPARATOR.exec(item);
  if (word && word.index > 0) return { name: item.slice(0, word.index), target: parseTarget(item.slice(word.index)) };
  return { name: item, target: parseTarget('') };
}

/**
 * The inline layout (湖州): `数量指标: 资金支付率≥90%; 社会效益: 认知度定性有所提升`. A level2 label applies to
 * every item after it until the next label; a label may also follow a space without a `;` before it.
 */
export function parseInlineIndicators(text: string): ParsedIndicator[] {
  const indicators: ParsedIndicator[] = [];
  let level: { level1: string | null; level2: string | null } = { level1: null, level2: null };
  for (const piece of text.split(/[;；]/)) {
    let cursor = 0;
    const segments: Array<{ text: string; label?: string }> = [];
    for (const match of piece.matchAll(LABEL)) {
      segments.push({ text: piece.slice(cursor, match.index) });
      segments.push({ text: '', label: match[1] });
      cursor = match.index + match[0].length;
    }
    segments.push({ text: piece.slice(cursor) });
    for (const segment of segments) {
      if (segment.label) level = resolveLevel2(segment.label) ?? level;
      const item = segment.text.trim();
      if (item === '') continue;
      const { name, target } = splitNameAndTarget(item);
      if (name.replace(/[★☆\s]/g, '') === '') continue;
      indicators.push(indicator({ ...level, name: name.trim(), annualTarget: target }));
    }
  }
  return indicators;
}

const PERIOD_MARK = /实施周期指标值\s*[:：]/;
const ANNUAL_MARK = /年度指标值\s*[:：]/;

/** Splits `1、…2、…` into items, taking only the next expected number after punctuation as a boundary. */
export function splitNumberedItems(text: string): Array<{ seq: number; body: string }> {
  const starts: Array<{ seq: number; at: number; bodyAt: number }> = [];
  let seq = 1;
  let from = 0;
  for (;;) {
    const pattern = new RegExp(`(?:^|(?<=[。；;.\\s>]))${seq}\\s*(?:、|[.．](?!\\d))`, 'g');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) break;
    starts.push({ seq, at: match.index, bodyAt: match.index + match[0].length });
    from = match.index + match[0].length;
    seq++;
  }
  return starts.map((start, index) => ({
    seq: start.seq,
    body: text.slice(start.bodyAt, starts[index + 1]?.at ?? text.length).trim(),
  }));
}

function parseNumberedItem(seq: number, body: string): ParsedIndicator {
  const period = PERIOD_MARK.exec(body);
  const annual = ANNUAL_MARK.exec(body);
  const headEnd = Math.min(period?.index ?? body.length, annual?.index ?? body.length);
  const parts = body.slice(0, headEnd).split(/[；;]/).map((part) => part.trim());
  let level1: string | null = null;
  let level2: string | null = null;
  while (parts.length > 1) {
    const asLevel2: ResolvedLevel | null = level2 === null ? resolveLevel2(parts[0]) : null;
    const asLevel1: string | null = level1 === null && level2 === null && !asLevel2 ? resolveLevel1(parts[0]) : null;
    if (asLevel1) level1 = asLevel1;
    else if (asLevel2) (level2 = asLevel2.level2), (level1 ??= asLevel2.level1);
    else break;
    parts.shift();
  }
  const periodText = period ? body.slice(period.index + period[0].length, annual && annual.index > period.index ? annual.index : body.length) : null;
  const annualText = annual ? body.slice(annual.index + annual[0].length, period && period.index > annual.index ? period.index : body.length) : null;
  return indicator({
    seq,
    level1,
    level2,
    name: parts.filter((part) => part !== '').join('；'),
    periodTarget: periodText === null ? null : parseTarget(periodText),
    annualTarget: annualText === null ? null : parseTarget(annualText),
  });
}

/** The numbered layout (广州): `1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥390；年度指标值:≥390。2、…`. */
export function parseNumberedIndicators(text: string): ParsedIndicator[] {
  return splitNumberedItems(text).map(({ seq, body }) => parseNumberedItem(seq, body));
}

export function isNumberedIndicatorText(text: string): boolean {
  return /(^|[>\s])1\s*[、.．]/.test(text) && ANNUAL_MARK.test(text) || PERIOD_MARK.test(text);
}
