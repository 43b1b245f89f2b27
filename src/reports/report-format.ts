import { CompletionLikelihood, WarningLight } from './report-data';

const YUAN_PER_WAN = 10_000;

const twoDecimals = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function toWanYuan(yuan: number | null): number | null {
  return yuan === null ? null : yuan / YUAN_PER_WAN;
}

/** 执行率 = 执行数 / 全年预算数 as a fraction; null when the budget is missing or zero (domain.md §4.2). */
export function executionRate(executed: number | null, annualBudget: number | null): number | null {
  return executed === null || annualBudget === null || annualBudget <= 0 ? null : executed / annualBudget;
}

export function formatWanYuan(yuan: number): string {
  return twoDecimals.format(yuan / YUAN_PER_WAN);
}

export function formatPercent(fraction: number): string {
  return `${twoDecimals.format(fraction * 100)}%`;
}

export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

export function monthRangeLabel(throughMonth: number): string {
  return throughMonth === 1 ? '1月' : `1-${throughMonth}月`;
}

export const LIKELIHOOD_LABELS: Record<CompletionLikelihood, string> = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
};

export const WARNING_LIGHTS: Record<WarningLight, { label: string; color: string }> = {
  green: { label: '绿灯', color: 'C6EFCE' },
  yellow: { label: '黄灯', color: 'FFEB9C' },
  red: { label: '红灯', color: 'FFC7CE' },
  blue: { label: '蓝灯', color: 'BDD7EE' },
};
