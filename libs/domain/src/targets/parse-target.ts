import type { Comparator, Target, TargetPer } from './target';

const PLACEHOLDER = /^(待单位补充|待补充|待填报?|待定|暂无|[xX×]+|\*+|_+|—+|-+|－+|\/|无)(\.{0,6}|…*)$/;
const TRAILING_PUNCTUATION = /[。；;，,\s]+$/;

const PREFIX_COMPARATORS: ReadonlyArray<[RegExp, Comparator]> = [
  [/(≥|>=|大于等于|大于或等于|不低于|不少于|不小于|至少|达到|不少)$/, 'gte'],
  [/(≤|<=|小于等于|小于或等于|不高于|不超过|不多于|不大于|最多)$/, 'lte'],
  [/(>|高于|超过|大于|多于)$/, 'gt'],
  [/(<|低于|不足|小于|少于)$/, 'lt'],
  [/(=|等于)$/, 'eq'],
];
const SUFFIX_COMPARATORS: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(及以上|以上)/, 'gte'],
  [/^(及以下|以下|以内|之内|内|以前|之前|前)/, 'lte'],
];
const NUMBER = /(\d+(?:\.\d+)?)\s*(万|亿)?/g;
const LEADING_NUMBER = /^(\d+(?:\.\d+)?)\s*(万|亿)?/;
const UNIT = /^(%|‰|[^\s\d，,。；;、:：（）()【】[\]"“”'‘’]{0,10})/;
const UNIT_STOP = /(及以上|以上|及以下|以下|以内|之内|以前|之前|即|且|并|的|或|和|完成|达标|得分|前|内)/;
const SCORING_CLAUSE = /不得分|扣分|不达标/;
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function target(raw: string, kind: Target['kind']): Target {
  return { raw, kind, comparator: null, value: null, unit: null, per: null };
}

/** Text normalized for matching only: full-width forms folded, `≧`/`>=` spelled `≥`, thousands separators dropped. */
function normalizeForMatching(raw: string): string {
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
}

function readNumberAt(text: string, match: RegExpExecArray): NumberReading {
  const before = text.slice(0, match.index);
  const value = scale(Number(match[1]), match[2]);
  let rest = text.slice(match.index + match[0].length);
  let upper: number | null = null;
  const range = /^(%|‰)?[-~～至到](\d+(?:\.\d+)?)(万|亿)?/.exec(rest);
  if (range) {
    upper = scale(Number(range[2]), range[3]);
    rest = rest.slice(range[0].length);
    if (range[1] && !rest.startsWith(range[1])) rest = range[1] + rest;
  }
  let unit = UNIT.exec(rest)?.[1] ?? '';
  const stop = UNIT_STOP.exec(unit);
  if (stop) unit = unit.slice(0, stop.index);
  const after = rest.slice(unit.length);
  let comparator = PREFIX_COMPARATORS.find(([pattern]) => pattern.test(before))?.[1] ?? null;
  comparator ??= SUFFIX_COMPARATORS.find(([pattern]) => pattern.test(after))?.[1] ?? null;
  if (before.endsWith('±')) return { comparator: 'gte', value: -value, upper: value, unit: unit || null };
  if (upper !== null) comparator = 'gte';
  return { comparator, value, upper, unit: unit || null };
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

/** `78个`, `100%`, `一个指挥部`: the whole text is one number and its unit. */
function readBareNumber(text: string): NumberReading | null {
  const chinese = /^([一两二三四五六七八九十])([个次项家人名场期篇台辆件批所].{0,6})$/.exec(text);
  if (chinese) return { comparator: 'eq', value: CHINESE_DIGITS[chinese[1]], upper: null, unit: chinese[2] };
  const match = LEADING_NUMBER.exec(text);
  if (!match) return null;
  const reading = readNumberAt(text, match);
  const consumed = new RegExp(`^[\\d.]+(万|亿)?([%‰]?[-~～至到][\\d.]+(万|亿)?)?${escape(reading.unit ?? '')}`).exec(text);
  const leftover = consumed ? text.slice(consumed[0].length) : text;
  return leftover === '' || SUFFIX_COMPARATORS.some(([pattern]) => pattern.test(leftover)) ? reading : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Reads a 指标值 as written into a Target (shared/spec/parsed-document.md): comparator symbols and words,
 * 万/亿 multipliers, units, ranges (`80%-90%`, `±3%以内`: `value` is the lower bound, `upper` the upper),
 * per-period targets (每月/每季度/每年), qualitative text and placeholders. Never throws.
 */
export function parseTarget(text: string | null | undefined): Target {
  const raw = (text ?? '').trim().replace(TRAILING_PUNCTUATION, '');
  if (raw === '') return target('', 'missing');
  const normalized = normalizeForMatching(raw);
  if (PLACEHOLDER.test(normalized) || /^待(单位)?补充/.test(normalized)) return target(raw, 'placeholder');
  const per = perOf(normalized);
  const clauses = normalized.split(/[，,；;]/).filter((clause) => clause !== '');
  for (const clause of clauses.filter((candidate) => !SCORING_CLAUSE.test(candidate))) {
    const withoutAsides = clause.replace(/[（(][^）)]*[）)]/g, '');
    for (const match of withoutAsides.matchAll(NUMBER)) {
      const reading = readNumberAt(withoutAsides, match as RegExpExecArray);
      if (reading.comparator) return quantitative(raw, reading, per);
    }
  }
  const bare = readBareNumber(normalized.replace(/^=/, ''));
  if (bare) return quantitative(raw, bare, per);
  return target(raw, 'qualitative');
}
