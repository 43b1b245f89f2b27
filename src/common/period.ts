import { type Period, PeriodError, isWithinYear, parsePeriod } from '@app/domain';
import { AppError } from './app-error';

/** A period from a URL, as the domain reads it, inside the budget year when one is given. */
export function periodOf(text: string, year?: number | null): Period {
  let period: Period;
  try {
    period = parsePeriod(text);
  } catch (error) {
    if (error instanceof PeriodError) throw new AppError('PERIOD_INVALID', error.message, { ...error.details, reason: error.code });
    throw error;
  }
  if (year != null && !isWithinYear(period, year)) {
    throw new AppError('PERIOD_INVALID', `期间“${period.text}”不在项目的预算年度 ${year} 内`, { period: period.text, year });
  }
  return period;
}
