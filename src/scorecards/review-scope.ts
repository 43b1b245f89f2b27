import { createParamDecorator } from '@nestjs/common';
import type { DepartmentScope } from './scorecards.repository';

export interface Reviewer {
  /** Recorded as `overriddenBy` and in audit_log. */
  actor: string;
  scope: DepartmentScope;
}

/** The caller as a reviewer: who it is and which departments it may see. */
export const CurrentReviewer = createParamDecorator((): Reviewer => ({ actor: 'anonymous', scope: null }));
