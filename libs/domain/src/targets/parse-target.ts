import type { Comparator, Target, TargetPer } from './target';

const PLACEHOLDER = /^(待单位补充|待补充|待填报?|待定|暂无|[xX×]+|\*+|_+|—+|-+|－+|\/|无)(\.{0,6}|…*)$/;

const PREFIX_COMPARATORS: ReadonlyArray<[RegExp, Comparator]> = [
  [/(≥|>=|大于等于|大于或等于|不低于|不少于|不小于|至少|达到|不少|增长|提高|提升|增加)$/, 'gte'],
  [/(≤|<=|小于等于|小于或等于|不高于|不超过|不多于|不大于|最多)$/, 'lte'],
  [/(>|高于|超过|大于|多于)$/, 'gt'],
  [/(<|低于|不足|小于|少于)$/, 'lt'],
  [/(=|等于)$/, 'eq'],
];
const SUFFIX_COMPARATORS: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(及以上|以上)/, 'gte'],
  // `10月底前`: a deadline reads as its last calendar part, like `每月5日前` (lte 5 日).
  [/^(及以下|以下|以内|之内|内|以前|之前|前|[底末](以前|之前|前))/, 'lte'],
];
const NUMBER = /(-?\d+(?:\.\d+)?)\s*(万|亿)?/g;
const LEADING_NUMBER = /^(-?\d+(?:\.\d+)?)\s*(万|亿)?/;
const RANGE = /^(%|‰)?[-~～至到—–](\d+(?:\.\d+)?)(万|亿)?/;
const UNIT = /^(%|‰|[^\s\d，,。；;、:：（）()【】[\]"“”'‘’]{0,10})/;
const UNIT_STOP = /(及以上|以上|及以下|以下|以内|之内|以前|之前|即|且|并|的|或|和|完成|达标|得分|前|内|[底末](以前|之前|前))/;
const SCORING_CLAUSE = /不得分|扣分|不达标/;
const CHINESE_DIGITS: Record<string, number> = { 零: 0, 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const TRAILING_PUNCTUATION = new Set(['。', '；', ';', '，', ',', ' ', '\t', '\n', '\r', '\u3000']);

/** Trims spaces and drops a trailing `。`/`；`/`，` (a regex anchored at the end costs a scan from every position). */
export function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(text[end - 1])) end--;
  return text.slice(0, end).trim();
}

function target(raw: string, kind: Target['kind']): Target {
  return { raw, kind, comparator: null, value: null, unit: null, per: null };
}

const NEEDS_NORMALIZING = /[\u2460-\u24ff\u3000\uff00-\uffef≧≦<>=,\s]/;

/** Text normalized for matching only: full-width forms folded, `≧`/`>=` spelled `≥`, thousands separators dropped. */
function normalizeForMatching(raw: string): string {
  // The common case (`≥90%`, `有所提升`) needs none of this, and it is most of parseTarget's cost.
  if (!NEEDS_NORMALIZING.test(raw)) return raw;
  return raw
    .normalize('NFKC')
    .replace(/≧/g, '≥')
    .replace(/≦/g, '≤')
    .replace(/>=|=>/g, '≥')
    .replace(/<=|=</g, '≤')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/\s+/g, '');
}

function perOf(text: string): TargetPer | null {
  if (!text.includes('每')) return null;
  if (/每(个)?月/.test(text)) return 'month';
  if (/每(个)?季/.test(text)) return 'quarter';
  if (/每(一)?年/.test(text)) return 'year';
  return null;
}

function scale(value: number, multiplier: string | undefined): number {
  const factor = multiplier === '万' ? 1e4 : multiplier === '亿' ? 1e8 : 1;
  return Math.round(value * factor * 1e6) / 1e6;
}

interface NumberReading {
  comparator: Comparator | null;
  value: number;
  upper: number | null;
  unit: string | null;
  /** Index in the text just after the number, range and unit. */
  end: number;
}

function comparatorAround(before: string, after: string): Comparator | null {
  // The longest comparator word (大于或等于) has five characters.
  const near = before.slice(-5);
  const prefix = near === '' ? undefined : PREFIX_COMPARATORS.find(([pattern]) => pattern.test(near));
  if (prefix) return prefix[1];
  const suffix = after === '' ? undefined : SUFFIX_COMPARATORS.find(([pattern]) => pattern.test(after));
  return suffix ? suffix[1] : null;
}

function readNumberAt(text: string, match: RegExpExecArray): NumberReading {
  const before = text.slice(0, match.index);
  let value = scale(Number(match[1]), match[2]);
  let restAt = match.index + match[0].length;
  let rest = text.slice(restAt);
  let upper: number | null = null;
  let rangeUnit = '';
  const range = RANGE.exec(rest);
  if (range) {
    upper = scale(Number(range[2]), range[3]);
    // `5～10万元`: a multiplier written once, after the upper bound, applies to both.
    if (range[3] && !match[2]) value = scale(Number(match[1]), range[3]);
    restAt += range[0].length;
    rest = text.slice(restAt);
    if (range[1] && !rest.startsWith(range[1])) rangeUnit = range[1];
  }
  let unit = rangeUnit || (UNIT.exec(rest)?.[1] ?? '');
  const stop = UNIT_STOP.exec(unit);
  if (stop) unit = unit.slice(0, stop.index);
  const end = restAt + (rangeUnit ? 0 : unit.length);
  if (before.endsWith('±')) return { comparator: 'gte', value: -value, upper: value, unit: unit || null, end };
  const comparator = upper !== null ? 'gte' : comparatorAround(before, text.slice(end));
  return { comparator, value, upper, unit: unit || null, end };
}

function quantitative(raw: string, reading: NumberReading, per: TargetPer | null): Target {
  const parsed: Target = {
    raw,
    kind: 'quantitative',
    comparator: reading.comparator ?? 'eq',
    value: reading.value,
    unit: reading.unit,
    per,
  };
  if (reading.upper !== null) parsed.upper = reading.upper;
  return parsed;
}

// A count in a Chinese numeral only where a measure word follows it (`两次`, `一个指挥部`), or `零` (`零投诉`).
const CHINESE_COUNT = /([一两二三四五六七八九十])(?=[个次项家人名场期篇台辆件批所起例])|^零(?=\S)/;
// Words before a bare number that leave it a plain count: `每季度1次`, `全年12期`, `确保100%`.
const LEADING_QUALIFIER = /^(=|每(个)?(月|季度?|年|半年|周)|全年度?|年度|确保|累计|共计?|约)/;
const ACHIEVED = /^(完成|达成|达标|覆盖)$/;

/** `78个`, `100%`, `100%完成`: the whole text is one number and its unit. */
function readBareNumber(text: string): NumberReading | null {
  const match = LEADING_NUMBER.exec(text);
  if (!match) return null;
  const reading = readNumberAt(text, match);
  const leftover = text.slice(reading.end);
  return leftover === '' || ACHIEVED.test(leftover) || SUFFIX_COMPARATORS.some(([pattern]) => pattern.test(leftover)) ? reading : null;
}

/** `≥80%且≤90%`, `不低于80%并不高于90%`: two opposite bounds make a range. */
function boundedRange(text: string): NumberReading | null {
  const bounds = text.split(/且|并且|并/);
  if (bounds.length !== 2) return null;
  const [first, second] = bounds.map(firstComparedNumber);
  if (!first || !second) return null;
  const isLower = (reading: NumberReading) => reading.comparator === 'gte' || reading.comparator === 'gt';
  if (isLower(first) === isLower(second)) return null;
  const [lower, upper] = isLower(first) ? [first, second] : [second, first];
  return { comparator: 'gte', value: lower.value, upper: upper.value, unit: lower.unit ?? upper.unit, end: text.length };
}

function firstComparedNumber(text: string): NumberReading | null {
  for (const clause of /[，,；;]/.test(text) ? text.split(/[，,；;]/) : [text]) {
    if (clause === '' || SCORING_CLAUSE.test(clause)) continue;
    const withoutAsides = /[（(]/.test(clause) ? clause.replace(/[（(][^）)]*[）)]/g, '') : clause;
    NUMBER.lastIndex = 0;
    for (let match = NUMBER.exec(withoutAsides); match; match = NUMBER.exec(withoutAsides)) {
      const reading = readNumberAt(withoutAsides, match);
      if (reading.comparator) return reading;
    }
  }
  return null;
}

/**
 * Reads a 指标值 as written into a Target (shared/spec/parsed-document.md): comparator symbols and words,
 * 万/亿 multipliers, units, ranges (`80%-90%`, `±3%以内`: `value` is the lower bound, `upper` the upper),
 * per-period targets (每月/每季度/每年), qualitative text and placeholders. Never throws.
 */
export function parseTarget(text: string | null | undefined): Target {
  const written = text ?? '';
  const known = recentTargets.get(written);
  if (known) return copyOf(known);
  const parsed = readTarget(written);
  if (recentTargets.size >= MAX_REMEMBERED_TARGETS) recentTargets.clear();
  recentTargets.set(written, parsed);
  return copyOf(parsed);
}

/** Explicit fields: object spread is several times slower here, on the hot path of every import. */
function copyOf(known: Target): Target {
  const copy: Target = { raw: known.raw, kind: known.kind, comparator: known.comparator, value: known.value, unit: known.unit, per: known.per };
  if (known.upper !== undefined) copy.upper = known.upper;
  return copy;
}

// Documents repeat the same few hundred target texts (≥90%, 100%, 有所提升…) across thousands of rows.
const MAX_REMEMBERED_TARGETS = 20_000;
const recentTargets = new Map<string, Target>();

function readTarget(text: string): Target {
  const raw = trimTrailingPunctuation(text);
  if (raw === '') return target('', 'missing');
  const normalized = normalizeForMatching(raw);
  if (PLACEHOLDER.test(normalized) || /^待(单位)?补充/.test(normalized)) return target(raw, 'placeholder');
  const numeric = /\d/.test(normalized) ? normalized : withChineseCount(normalized);
  if (numeric === null) return target(raw, 'qualitative');
  const range = numeric.includes('且') || numeric.includes('并') ? boundedRange(numeric) : null;
  const reading = range ?? firstComparedNumber(numeric) ?? readBareNumber(numeric.replace(LEADING_QUALIFIER, ''));
  return reading ? quantitative(raw, reading, perOf(normalized)) : target(raw, 'qualitative');
}

/** `不少于两次` → `不少于2次`; null when the text holds no number at all. */
function withChineseCount(text: string): string | null {
  const count = CHINESE_COUNT.exec(text);
  if (!count) return null;
  const digit = count[1] ?? '零';
  return text.slice(0, count.index) + CHINESE_DIGITS[digit] + text.slice(count.index + 1);
}
