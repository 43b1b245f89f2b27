import { ActualRevision } from './actual-revision.entity';
import { Actual } from './actual.entity';
import { ApiToken } from './api-token.entity';
import { AuditLogEntry } from './audit-log.entity';
import { Department } from './department.entity';
import { Evaluation } from './evaluation.entity';
import { Flag } from './flag.entity';
import { ImportFile } from './import-file.entity';
import { Import } from './import.entity';
import { Indicator } from './indicator.entity';
import { ProjectScore } from './project-score.entity';
import { Project } from './project.entity';
import { ReportSchedule } from './report-schedule.entity';
import { Report } from './report.entity';
import { Spending } from './spending.entity';
import { Submission } from './submission.entity';
import { Unit } from './unit.entity';

export * from './actual-entry.columns';
export * from './actual-revision.entity';
export * from './actual.entity';
export * from './api-token.entity';
export * from './audit-log.entity';
export * from './department.entity';
export * from './evaluation.entity';
export * from './flag.entity';
export * from './import-file.entity';
export * from './import.entity';
export * from './indicator.entity';
export * from './project-score.entity';
export * from './project.entity';
export * from './report-schedule.entity';
export * from './report.entity';
export * from './spending.entity';
export * from './submission.entity';
export * from './target.columns';
export * from './unit.entity';

export const ENTITIES = [
  Department, Unit, Import, ImportFile, Project, Indicator, Actual, ActualRevision, Spending, Submission,
  Evaluation, ProjectScore, Flag, ReportSchedule, Report, ApiToken, AuditLogEntry,
];
