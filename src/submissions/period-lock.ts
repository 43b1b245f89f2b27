import { AppError } from '../common/app-error';
import type { SubmissionStatus } from '../database/entities';

/** Entries of a unit's period are frozen while its submission waits for review and after approval. */
export const LOCKED_STATUSES: readonly SubmissionStatus[] = ['submitted', 'approved'];

export function assertPeriodOpen(status: SubmissionStatus | null, period: string): void {
  if (status && LOCKED_STATUSES.includes(status)) {
    const why = status === 'submitted' ? '已报送、等待审核' : '已审核通过，如需修改请审核人员先重新打开';
    throw new AppError('PERIOD_LOCKED', `期间 ${period} 的填报${why}，不能修改`, { period, status });
  }
}
