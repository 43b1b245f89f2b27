import { type Light, scoreExecution } from '@app/domain';
import { CompletionLikelihood } from './report-data';

const YUAN_PER_WAN = 10_000;

const twoDecimals = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function toWanYuan(yuan: number | null): number | null {
  return yuan === null ? null : yuan / YUAN_PER_WAN;
}

/** 执行率 as the evaluation rounds it, as a fraction; null when the budget is missing or zero. */
export function executionRate(executed: number | null, annualBudget: number | null): number | null {
  const { rate } = scoreExecution({ budget: annualBudget, spent: executed });
  return rate === null ? null : rate / 100;
}

export function formatWanYuan(yuan: number): string {
  return twoDecimals.format(yuan / YUAN_PER_WAN);
}

export function formatPercent(fraction: number): string {
  return `${twoDecimals.format(fraction * 100)}%`;
}

export function monthRangeLabel(throughMonth: number): string {
  return throughMonth === 1 ? '1月' : `1-${throughMonth}月`;
}

export const LIKELIHOOD_LABELS: Record<CompletionLikelihood, string> = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
};

export const WARNING_LIGHTS: Record<Light, { label: string; color: string }> = {
  green: { label: '绿灯', color: 'C6EFCE' },
  yellow: { label: '黄灯', color: 'FFEB9C' },
  red: { label: '红灯', color: 'FFC7CE' },
  blue: { label: '蓝灯', color: 'BDD7EE' },
};
