import { INDICATOR_LEVELS, LEVEL1 } from './indicator-levels';

/** A level label resolved to canonical names; `level1` is null only when the label names nothing known. */
export interface ResolvedLevel {
  level1: string | null;
  level2: string | null;
}

const EXTRA_LEVEL2_ALIASES: Record<string, string> = {
  环境效益: '生态效益指标',
  环境效益指标: '生态效益指标',
  进度指标: '时效指标',
  时间指标: '时效指标',
  社会公众或服务对象满意度: '服务对象满意度指标',
  社会公众或服务对象满意度指标: '服务对象满意度指标',
  满意度: '服务对象满意度指标',
  服务对象满意度: '服务对象满意度指标',
  可持续影响: '可持续影响指标',
};

const level1ByCode = new Map<string, string>();
const level2ByCode = new Map<string, ResolvedLevel>();
const level1ByName = new Map<string, string>();
const level2ByName = new Map<string, ResolvedLevel>();

for (const level1 of INDICATOR_LEVELS) {
  level1ByCode.set(level1.code, level1.name);
  level1ByName.set(level1.name, level1.name);
  level1ByName.set(withoutSuffix(level1.name), level1.name);
  for (const level2 of level1.level2) {
    const resolved = { level1: level1.name, level2: level2.name };
    level2ByCode.set(level2.code, resolved);
    // 成本指标 is both a level1 (4) and a level2 of 产出指标 (14); as a level2 label it means the latter.
    if (!level2ByName.has(level2.name)) {
      level2ByName.set(level2.name, resolved);
      level2ByName.set(withoutSuffix(level2.name), resolved);
    }
  }
}
for (const [alias, canonical] of Object.entries(EXTRA_LEVEL2_ALIASES)) {
  const resolved = level2ByName.get(canonical);
  if (resolved) level2ByName.set(alias, resolved);
}

function withoutSuffix(name: string): string {
  return name.replace(/指标$/, '');
}

// Outline numbers (`（一）`, `二、`) and points (`（20分）`) that forms write around a level label.
const OUTLINE_NUMBER = /^\(?[一二三四五六七八九十]{1,2}[)、.]/;
const POINTS = /\([\d.]+分?\)$/;

function normalizeLabel(label: string): string {
  return label.normalize('NFKC').replace(/[\s★*]+/g, '').replace(OUTLINE_NUMBER, '').replace(POINTS, '');
}

// Documents repeat a handful of labels thousands of times; the cap bounds memory on hostile input.
const MAX_REMEMBERED_LABELS = 10_000;

function remembered<T>(resolve: (label: string) => T): (label: string) => T {
  const known = new Map<string, T>();
  return (label) => {
    if (known.has(label)) return known.get(label) as T;
    const resolved = resolve(label);
    if (known.size < MAX_REMEMBERED_LABELS) known.set(label, resolved);
    return resolved;
  };
}

/**
 * Resolves a 二级指标 label (`22-社会效益`, `社会效益`, `社会效益指标`, `环境效益`, `进度指标`, …) to canonical
 * names, filling level1 from it. Returns null for text that is not a level label.
 */
export const resolveLevel2 = remembered((label: string): ResolvedLevel | null => {
  const text = normalizeLabel(label);
  const coded = /^(\d{2})(?:[-－—.、](.*))?$/.exec(text);
  if (coded) return (coded[2] ? level2ByName.get(coded[2]) : undefined) ?? level2ByCode.get(coded[1]) ?? null;
  const numbered = /^\d[.、](.+)$/.exec(text);
  return level2ByName.get(numbered ? numbered[1] : text) ?? null;
});

/** Resolves a 一级指标 label (`1-产出指标`, `产出`, `效益指标`, …) to its canonical name, else null. */
export const resolveLevel1 = remembered((label: string): string | null => {
  const text = normalizeLabel(label);
  const coded = /^(\d)(?:[-－—.、](.*))?$/.exec(text);
  if (coded) return (coded[2] ? level1ByName.get(coded[2]) : undefined) ?? level1ByCode.get(coded[1]) ?? null;
  return level1ByName.get(text) ?? (text === '满意度' ? LEVEL1.satisfaction : null);
});
