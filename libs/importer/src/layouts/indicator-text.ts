import { parseTarget, resolveLevel1, resolveLevel2, trimTrailingPunctuation, type ResolvedLevel, type Target } from '@app/domain';
import type { ParsedIndicator } from '../parsed-document';

const SYMBOL_COMPARATOR = /[≥≤><=≧≦＞＜＝]/;
const WORD_COMPARATOR = /(大于等于|小于等于|不低于|不少于|不超过|不高于|不小于|不大于|高于|低于|大于|小于|至少|超过|不足)\s*[\d０-９零一两二三四五六七八九十]/;

/** A target the document marks as qualitative (`定性`), whatever numbers it contains. */
export function qualitativeTarget(text: string): Target {
  const target = parseTarget(text);
  if (target.kind !== 'quantitative') return target;
  return { raw: target.raw, kind: 'qualitative', comparator: null, value: null, unit: null, per: null };
}

export function indicator(fields: Partial<ParsedIndicator> & Pick<ParsedIndicator, 'name'>): ParsedIndicator {
  const { seq = null, level1 = null, level2 = null, periodTarget = null, annualTarget = null } = fields;
  const written = trimTrailingPunctuation(fields.name);
  const key = written[0] === '★' || written[0] === '☆';
  const name = key ? written.slice(1).trim() : written;
  return { seq, level1, level2, name, key, periodTarget, annualTarget };
}

/** `名称≥90%`, `名称定性有所提升`, `名称不低于30篇`, `名称：≥90%`: one item as an indicator with its single target. */
export function inlineIndicator(item: string, level: ResolvedLevel, seq: number | null): ParsedIndicator | null {
  let nameEnd = item.search(SYMBOL_COMPARATOR);
  let target: Target;
  if (nameEnd > 0) target = parseTarget(item.slice(nameEnd));
  else if ((nameEnd = item.indexOf('定性')) > 0) target = qualitativeTarget(item.slice(nameEnd + 2));
  else if ((nameEnd = item.search(WORD_COMPARATOR)) > 0) target = parseTarget(item.slice(nameEnd));
  else (nameEnd = valueSeparatorAt(item)), (target = parseTarget(item.slice(nameEnd + 1)));
  const written = isColonOrSpace(item.charCodeAt(nameEnd - 1)) ? withoutTrailingColon(item.slice(0, nameEnd)) : item.slice(0, nameEnd);
  if (/^[★☆\s]*$/.test(written)) return null;
  // Paths stand in for labels: an item under a label has its levels already.
  const path = level.level1 === null && level.level2 === null ? levelPath(written) : null;
  if (!path) return indicator({ seq, level1: level.level1, level2: level.level2, name: written, annualTarget: target });
  return indicator({ seq, level1: path.level1, level2: path.level2, name: path.name, annualTarget: target });
}

const COLON = 0x3a;
const FULL_WIDTH_COLON = 0xff1a;

/**
 * `合格率：良好`, `培训人数 100人`: with no comparator, a value follows the first colon, or a number follows the
 * last space; else the item is all name (the length). Character codes, not one-character strings, on this hot path.
 */
function valueSeparatorAt(item: string): number {
  let lastSpace = -1;
  for (let index = 1; index < item.length; index++) {
    const code = item.charCodeAt(index);
    if (code === COLON || code === FULL_WIDTH_COLON) return index;
    if (code === 0x20) lastSpace = index;
  }
  const next = item.charCodeAt(lastSpace + 1);
  return lastSpace > 0 && next >= 0x30 && next <= 0x39 ? lastSpace : item.length;
}

function isColonOrSpace(code: number): boolean {
  return code === COLON || code === FULL_WIDTH_COLON || code === 0x20;
}

function withoutTrailingColon(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) === 0x20) end--;
  const last = name.charCodeAt(end - 1);
  return last === COLON || last === FULL_WIDTH_COLON ? name.slice(0, end - 1) : name;
}

const PATH_SEPARATOR = /[-－—]/;
// A level label (`可持续影响指标`, `31-服务对象满意度指标`) is short: its separator comes early in the item.
const LONGEST_LABEL = 14;

/** Scans only the first characters, by code: on the path of every inline item, a regex or includes() costs more. */
function hasEarlyPathSeparator(written: string): boolean {
  const end = Math.min(written.length, LONGEST_LABEL + 1);
  for (let index = 1; index < end; index++) {
    const code = written.charCodeAt(index);
    if (code === 0x2d || code === 0xff0d || code === 0x2014) return true;
  }
  return false;
}

/** `产出指标-数量指标-培训人数`: levels written as a path before the name; null when the name has none. */
function levelPath(written: string): (ResolvedLevel & { name: string }) | null {
  if (!hasEarlyPathSeparator(written)) return null;
  const parts = written.split(PATH_SEPARATOR);
  const isLabel = (part: string) => /[\u4e00-\u9fff]/.test(part);
  let at = 0;
  let level1: string | null = isLabel(parts[0]) ? resolveLevel1(parts[0]) : null;
  let level2: string | null = null;
  if (level1) at++;
  const asLevel2 = parts.length > at + 1 && isLabel(parts[at]) ? resolveLevel2(parts[at]) : null;
  if (asLevel2) (level2 = asLevel2.level2), (level1 ??= asLevel2.level1), at++;
  if (at === 0 || at >= parts.length) return null;
  const nameAt = parts.slice(0, at).reduce((length, part) => length + part.length + 1, 0);
  return { name: written.slice(nameAt), level1, level2 };
}

// Item numbers that open an item after punctuation or at the start: （1） (1) ① 1. 1、 １、 and sections 一、 （一）
const ITEM_NUMBER = /(^|[;；，,。\s])(?:[（(]([\d０-９]{1,2})[）)]|([\u2460-\u2473])|([\d０-９]{1,2})[、.．](?![\d０-９])|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])/g;
// Numbered text opens with its first number, perhaps after a level label: checked at the start only, in O(1).
const OPENS_NUMBERED = /^\s*(?:[^;；，,。\s:：]{1,12}[:：]\s*)?(?:[（(][\d０-９]{1,2}[）)]|[\u2460-\u2473]|[\d０-９]{1,2}[、.．](?![\d０-９])|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])/;
const FULL_WIDTH_DIGIT = /[０-９]/g;

/** `１、` → `1、`: item numbers and values in full-width digits read like ASCII ones; other characters stay as written. */
export function withAsciiDigits(text: string): string {
  return text.search(FULL_WIDTH_DIGIT) < 0 ? text : text.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** Each numbered item's text and its number (null for `一、` sections and unnumbered text before the first). */
function numberedPieces(text: string): Array<{ seq: number | null; text: string }> {
  if (!OPENS_NUMBERED.test(text)) return [{ seq: null, text }];
  const pieces: Array<{ seq: number | null; text: string }> = [];
  let start = 0;
  let seq: number | null = null;
  ITEM_NUMBER.lastIndex = 0;
  for (let match = ITEM_NUMBER.exec(text); match; match = ITEM_NUMBER.exec(text)) {
    pieces.push({ seq, text: text.slice(start, match.index + match[1].length) });
    const written = match[2] ?? match[4];
    seq = written !== undefined ? Number(withAsciiDigits(written)) : match[3] !== undefined ? match[3].charCodeAt(0) - 0x245f : null;
    start = match.index + match[0].length;
  }
  pieces.push({ seq, text: text.slice(start) });
  return pieces;
}

/** Where the next of two characters occurs from a position on; each indexOf reruns only once the scan passes it. */
function nextOfEither(text: string, first: string, second: string): (from: number) => number {
  let firstAt = -2;
  let secondAt = -2;
  return (from) => {
    if (firstAt !== -1 && firstAt < from) firstAt = text.indexOf(first, from);
    if (secondAt !== -1 && secondAt < from) secondAt = text.indexOf(second, from);
    return firstAt < 0 ? secondAt : secondAt < 0 ? firstAt : Math.min(firstAt, secondAt);
  };
}

// Character codes rather than one-character strings: indexing a CJK string allocates a new string per character.
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}

function isComma(code: number): boolean {
  return code === 0xff0c || code === 0x2c;
}

/**
 * The inline layout (湖州): `数量指标: 资金支付率≥90%; 社会效益: 认知度定性有所提升`. A level2 label applies to
 * every item after it until the next label; a label may also follow a space without a `;` before it. Items may
 * also be numbered (`（1）…，（2）…`, `①…`) or stand on their own lines.
 */
export function parseInlineIndicators(text: string): ParsedIndicator[] {
  const indicators: ParsedIndicator[] = [];
  let level: ResolvedLevel = { level1: null, level2: null };
  let seq: number | null = null;
  const addItem = (piece: string, from: number, to: number): void => {
    const parsed = inlineIndicator(piece.slice(from, to).trim(), level, seq);
    if (parsed) indicators.push(parsed), (seq = null);
  };
  for (const numbered of numberedPieces(text)) {
    const piece = numbered.text.includes('\n') ? numbered.text.replace(/\n/g, ';') : numbered.text;
    const nextSemicolon = nextOfEither(piece, ';', '；');
    const nextColon = nextOfEither(piece, ':', '：');
    seq = numbered.seq;
    let itemStart = 0;
    for (let itemEnd = nextSemicolon(0); itemStart <= piece.length; itemEnd = nextSemicolon(itemStart)) {
      if (itemEnd < 0) itemEnd = piece.length;
      for (let colon = nextColon(itemStart); colon >= 0 && colon < itemEnd; colon = nextColon(colon + 1)) {
        let wordEnd = colon;
        while (wordEnd > itemStart && isSpace(piece.charCodeAt(wordEnd - 1))) wordEnd--;
        let wordStart = wordEnd;
        // A label may also follow a comma: `培训人数≥100人，质量指标：合格率≥95%`.
        while (wordStart > itemStart && !isSpace(piece.charCodeAt(wordStart - 1)) && !isComma(piece.charCodeAt(wordStart - 1))) wordStart--;
        const word = piece.slice(wordStart, wordEnd);
        const label = resolveLevel2(word) ?? levelOneLabel(word);
        if (!label) continue;
        addItem(piece, itemStart, wordStart);
        level = label;
        itemStart = colon + 1;
      }
      addItem(piece, itemStart, itemEnd);
      itemStart = itemEnd + 1;
    }
  }
  return indicators;
}

/** `产出指标：` as a label: its items' level2 is unknown until a level2 label follows. */
function levelOneLabel(word: string): ResolvedLevel | null {
  const level1 = resolveLevel1(word);
  return level1 ? { level1, level2: null } : null;
}

const PERIOD_LABEL = '实施周期指标值';
// Exports with one value per item call it 指标值 or 目标值; tried only after the specific wordings.
const ANNUAL_LABELS = ['年度指标值', '年度目标值', '指标值', '目标值'];

/** Where `实施周期指标值:` (or another label and its colon) starts and where its value starts, else null. */
function findMark(body: string, label: string): { index: number; valueAt: number } | null {
  for (let index = body.indexOf(label); index >= 0; index = body.indexOf(label, index + 1)) {
    let colon = index + label.length;
    while (body[colon] === ' ') colon++;
    if (body[colon] === ':' || body[colon] === '：') return { index, valueAt: colon + 1 };
  }
  return null;
}

const ITEM_BOUNDARY = /[。；;.\s>]/;

/** `N、` (or `N.` not followed by a digit) after punctuation or at the start: where item N begins. */
function findItemStart(text: string, seq: number, from: number): { at: number; bodyAt: number } | null {
  const digits = String(seq);
  for (let at = text.indexOf(digits, from); at >= 0; at = text.indexOf(digits, at + 1)) {
    if (at > 0 && !ITEM_BOUNDARY.test(text[at - 1])) continue;
    let mark = at + digits.length;
    while (text[mark] === ' ' || text[mark] === '\u3000') mark++;
    if (text[mark] === '、' || ((text[mark] === '.' || text[mark] === '．') && !/\d/.test(text[mark + 1] ?? ''))) {
      return { at, bodyAt: mark + 1 };
    }
  }
  return null;
}

/** Splits `1、…2、…` into items, taking only the next expected number after punctuation as a boundary. */
function splitNumberedItems(text: string): Array<{ seq: number; body: string }> {
  const starts: Array<{ seq: number; at: number; bodyAt: number }> = [];
  for (let seq = 1, start = findItemStart(text, 1, 0); start; start = findItemStart(text, ++seq, start.bodyAt)) {
    starts.push({ seq, at: start.at, bodyAt: start.bodyAt });
  }
  return starts.map((start, index) => ({
    seq: start.seq,
    body: text.slice(start.bodyAt, starts[index + 1]?.at ?? text.length).trim(),
  }));
}

function findAnnualMark(body: string, period: { index: number } | null): { index: number; valueAt: number } | null {
  for (const label of ANNUAL_LABELS) {
    const mark = findMark(body, label);
    // `指标值` inside `实施周期指标值` is the period mark itself.
    if (mark && !(period && mark.index > period.index && mark.index < period.index + PERIOD_LABEL.length)) return mark;
  }
  return null;
}

function parseNumberedItem(seq: number, body: string): ParsedIndicator {
  const period = findMark(body, PERIOD_LABEL);
  const annual = findAnnualMark(body, period);
  const headEnd = Math.min(period?.index ?? body.length, annual?.index ?? body.length);
  const parts = body.slice(0, headEnd).split(/[；;]/);
  let level1: string | null = null;
  let level2: string | null = null;
  let nameAt = 0;
  for (; nameAt < parts.length - 1; nameAt++) {
    const part = parts[nameAt].trim();
    const asLevel2: ResolvedLevel | null = level2 === null ? resolveLevel2(part) : null;
    const asLevel1: string | null = level1 === null && level2 === null && !asLevel2 ? resolveLevel1(part) : null;
    if (asLevel1) level1 = asLevel1;
    else if (asLevel2) (level2 = asLevel2.level2), (level1 ??= asLevel2.level1);
    else break;
  }
  const nameParts = parts.slice(nameAt).map((part) => part.trim());
  const periodText = period ? body.slice(period.valueAt, annual && annual.index > period.index ? annual.index : body.length) : null;
  const annualText = annual ? body.slice(annual.valueAt, period && period.index > annual.index ? period.index : body.length) : null;
  return indicator({
    seq,
    level1,
    level2,
    name: nameParts.length === 1 ? nameParts[0] : nameParts.filter((part) => part !== '').join('；'),
    periodTarget: periodText === null ? null : parseTarget(periodText),
    annualTarget: annualText === null ? null : parseTarget(annualText),
  });
}

/** The numbered layout (广州): `1、1-产出指标；11-数量指标；培训人数；实施周期指标值:≥390；年度指标值:≥390。2、…`. */
export function parseNumberedIndicators(text: string): ParsedIndicator[] {
  // Items numbered in full-width digits (`１、`) split only once folded; folding every cell up front costs a scan.
  const items = splitNumberedItems(text);
  const folded = items.length === 0 ? withAsciiDigits(text) : text;
  return (folded === text ? items : splitNumberedItems(folded)).map(({ seq, body }) => parseNumberedItem(seq, body));
}

export function isNumberedIndicatorText(written: string): boolean {
  const text = withAsciiDigits(written);
  return findMark(text, PERIOD_LABEL) !== null || (/(^|[>\s])1\s*[、.．]/.test(text) && findAnnualMark(text, null) !== null);
}
