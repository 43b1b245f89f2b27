export type SyntheticLayout = 'numbered' | 'inline';

export interface SyntheticOptions {
  layout: SyntheticLayout;
  projects: number;
  /** Same seed, same document. */
  seed?: number;
  indicatorsPerProject?: number;
  /** The number of the document's first unit (default 1); a unit holds up to 1 000 of its projects. */
  firstUnit?: number;
}

export const PROJECTS_PER_UNIT = 1000;

// Indicator names of the lengths the seeds have (湖州/广州 names run from 4 to 50 characters).
const LEVELS: ReadonlyArray<[string, string, string, string]> = [
  ['1-产出指标', '11-数量指标', '数量指标', '会议（培训）参加人数'],
  ['1-产出指标', '11-数量指标', '数量指标', '开发使用指标管理系统，以周、月、季度等为周期定期更新对部门的指标进行动态监管，监管指标数量'],
  ['1-产出指标', '12-质量指标', '质量指标', '会议到会率（培训出勤率）'],
  ['1-产出指标', '13-时效指标', '时效指标', '驻镇帮镇扶村资金拨付及时率'],
  ['1-产出指标', '14-成本指标', '成本指标', '人均培训成本控制在预算标准以内'],
  ['2-效益指标', '21-经济效益', '经济效益', '带动对口地区产业投资额及新增就业岗位'],
  ['2-效益指标', '22-社会效益', '社会效益', '提升了认知度（影响力），发挥桥梁与纽带作用'],
  ['2-效益指标', '23-生态效益', '生态效益', '帮扶村人居环境整治与绿化覆盖率'],
  ['2-效益指标', '24-可持续影响', '可持续影响', '对口帮扶长效机制建设及成果巩固情况'],
  ['3-满意度指标', '31-服务对象满意度', '服务对象满意度', '参加培训学员及帮扶群众满意度'],
];
const GOAL =
  '通过安排工作经费，保障前方工作机构日常运转，开展沟通协调、宣传报道、干部培训等一系列对口帮扶活动，' +
  '推动帮扶项目按期落地见效，进一步巩固拓展脱贫攻坚成果，完成上级交办的各项工作任务。';
const TARGETS: ReadonlyArray<(n: number) => string> = [
  (n) => `≥${n}人`,
  (n) => `≥${n % 100}%`,
  (n) => `≤${n * 10}元/人`,
  (n) => `不低于${n}篇`,
  (n) => `${n}次以上`,
  (n) => `≥${(n / 10).toFixed(1)}万人`,
  (n) => `每月不少于${(n % 4) + 1}次`,
  (n) => `${n % 100}%`,
  () => '有所提升',
  () => '合规',
];

/** mulberry32: a small, fast, seedable PRNG so the document is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function numberedRows(next: () => number, project: number, indicators: number): string[] {
  const items = Array.from({ length: indicators }, (_, index) => {
    const [level1, level2, , name] = LEVELS[index % LEVELS.length];
    const target = TARGETS[Math.floor(next() * TARGETS.length)](1 + Math.floor(next() * 500));
    return `${index + 1}、${level1}；${level2}；${name}${index}；实施周期指标值:${target}；年度指标值:${target}。`;
  }).join('');
  const amount = (1 + Math.floor(next() * 99999) / 100).toFixed(2);
  const cells = [`对口帮扶协作第${project}号项目工作经费`, amount, amount, '', '', GOAL];
  // One project in twenty is split across a page break, as PDF and Excel exports do.
  if (next() < 0.05) {
    const cut = Math.floor(items.length / 2);
    return [[...cells, items.slice(0, cut)].join('\t'), ['', '', '', '', '', '', items.slice(cut)].join('\t')];
  }
  return [[...cells, items].join('\t')];
}

function inlineRow(next: () => number, project: number, unit: number, indicators: number): string {
  let label = '';
  const items = Array.from({ length: indicators }, (_, index) => {
    const [, , level2, name] = LEVELS[index % LEVELS.length];
    const target = TARGETS[Math.floor(next() * TARGETS.length)](1 + Math.floor(next() * 500));
    const prefix = level2 === label ? '' : `${(label = level2)}: `;
    const qualitative = !/\d/.test(target);
    return `${prefix}${next() < 0.1 ? '★' : ''}${name}${index}${qualitative ? '定性' : ''}${target}`;
  }).join('; ');
  const amount = (1 + Math.floor(next() * 99999) / 100).toFixed(2);
  return [String(619000 + unit), `某市第${unit}区域合作交流办公室`, '对口支援和区域合作交流', `对口帮扶协作第${project}号项目工作经费`, '特定目标类', amount, items].join('\t');
}

/**
 * Lines of a large document in a seed layout (广州-style numbered TSV or 湖州-style inline table), N projects of
 * ~10 indicators with varied targets. A generator, so callers can stream millions of projects to a file.
 */
export function* syntheticDocumentLines(options: SyntheticOptions): Generator<string> {
  const next = random(options.seed ?? 1);
  const indicators = options.indicatorsPerProject ?? 10;
  const unitOf = (project: number) => (options.firstUnit ?? 1) + Math.floor((project - 1) / PROJECTS_PER_UNIT);
  yield `${options.layout === 'numbered' ? '项目支出绩效目标表' : '2025年重点项目支出绩效明细表'}`;
  yield '部门名称：某市某局';
  yield '单位：万元';
  if (options.layout === 'numbered') {
    yield ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'].join('\t');
    for (let project = 1; project <= options.projects; project++) {
      if (project % PROJECTS_PER_UNIT === 1) yield [`某市某局第${unitOf(project)}单位`, '', '', '', '', '', ''].join('\t');
      yield* numberedRows(next, project, indicators);
    }
  } else {
    yield ['单位代码', '单位名称', '一级项目名称', '二级项目名称', '项目类别', '金额', '绩效指标'].join('\t');
    for (let project = 1; project <= options.projects; project++) yield inlineRow(next, project, unitOf(project), indicators);
  }
}

export function syntheticDocument(options: SyntheticOptions): string {
  return [...syntheticDocumentLines(options)].join('\n');
}
