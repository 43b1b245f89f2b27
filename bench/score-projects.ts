/**
 * Pure scoring throughput: scores 100 000 projects × 10 indicators (actuals with one decimal) with
 * scoreProject, explanations included, and as the baseline in the same run the bare §4.7 formula.
 * Run: npm run build && node dist/bench/score-projects.js [projects]
 */
import { type Actual, type IndicatorForScoring, type Target, scoreProject } from '@app/domain';

const PROJECTS = Number(process.argv[2] ?? 100_000);
const LEVEL2S = ['数量指标', '数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '可持续影响指标', '社会效益指标', '服务对象满意度指标'];

/** Deterministic pseudo-random numbers (mulberry32) so every run scores the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BenchProject {
  indicators: IndicatorForScoring[];
  actuals: Actual[];
  budget: number;
  spent: number;
}

function makeProjects(count: number): BenchProject[] {
  const next = random(42);
  return Array.from({ length: count }, () => {
    const indicators = LEVEL2S.map((level2, index): IndicatorForScoring => {
      const qualitative = index === 8;
      const comparator = index === 4 || index === 3 ? 'lte' : 'gte';
      const value = Math.round(next() * 500) + 1;
      const annualTarget: Target = qualitative
        ? { raw: '有所提升', kind: 'qualitative', comparator: null, value: null, unit: null, per: null }
        : { raw: `${comparator === 'lte' ? '≤' : '≥'}${value}个`, kind: 'quantitative', comparator, value, unit: '个', per: null };
      return { level1: null, level2, name: `指标${index}`, annualTarget };
    });
    const actuals = indicators.map((indicator): Actual =>
      indicator.annualTarget?.kind === 'qualitative'
        ? { grade: 'partial' }
        : { value: Math.round((indicator.annualTarget?.value ?? 1) * (0.5 + next()) * 10) / 10 },
    );
    return { indicators, actuals, budget: 1_000_000, spent: 1_000_000 * next() };
  });
}

/** The §4.7 sketch with no weights, explanations or statuses: the floor any scorer pays. */
function bareFormula(project: BenchProject): number {
  let total = 0;
  project.indicators.forEach((indicator, index) => {
    const A = indicator.annualTarget?.value ?? 0;
    const B = project.actuals[index].value ?? 0;
    const positive = indicator.annualTarget?.comparator === 'gte';
    const share = positive ? Math.min(1, B / A) : B <= A ? 1 : A / B;
    total += Math.round(share * 900) / 100;
  });
  return total;
}

function measure(label: string, run: () => number): void {
  const started = process.hrtime.bigint();
  const checksum = run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const indicators = PROJECTS * LEVEL2S.length;
  console.log(`${label.padEnd(34)} ${(indicators / seconds).toFixed(0).padStart(12)} indicators/s  (${seconds.toFixed(2)} s, checksum ${checksum.toFixed(0)})`);
}

const projects = makeProjects(PROJECTS);
console.log(`${PROJECTS} projects × ${LEVEL2S.length} indicators, node ${process.version}`);
measure('baseline: bare §4.7 formula', () => projects.reduce((sum, project) => sum + bareFormula(project), 0));
measure('scoreProject (weights, explanations)', () => projects.reduce((sum, project) => sum + (scoreProject(project).total ?? 0), 0));
