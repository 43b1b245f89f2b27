import { GenerateReportData, generateReportJob, REPORT_JOB_ATTEMPTS, ReportJobName, reportJobKey, runScheduleTemplate, schedulerId } from './reports.queue';

const data: GenerateReportData = {
  kind: 'self_evaluation',
  unitId: '6f1c2f0e-3d7a-4c55-9a43-0a4bd3a1f0c2',
  period: '2025',
  formats: ['xlsx'],
  scheduleId: null,
};

describe(generateReportJob.name, () => {
  it('keys a job by kind, unit and period, whatever the formats or who asked', () => {
    expect(reportJobKey(data)).toBe(`report-self_evaluation-${data.unitId}-2025`);
    expect(generateReportJob({ ...data, formats: ['pdf'], scheduleId: 's' }).opts.deduplication?.id).toBe(reportJobKey(data));
  });

  it.each([
    ['kind', { kind: 'monitoring' as const }],
    ['unit', { unitId: '7f1c2f0e-3d7a-4c55-9a43-0a4bd3a1f0c2' }],
    ['period', { period: '2025-H1' }],
  ])('gives another %s another key', (_field, change) => {
    expect(reportJobKey({ ...data, ...change })).not.toBe(reportJobKey(data));
  });

  it('runs once more after an active job instead of dropping a request made meanwhile', () => {
    expect(generateReportJob(data).opts).toMatchObject({ deduplication: { keepLastIfActive: true } });
    expect(generateReportJob(data).opts.jobId).toBeUndefined();
  });

  it('retries with backoff and keeps no finished job (the rows hold the outcome)', () => {
    const { name, opts } = generateReportJob(data);
    expect(name).toBe(ReportJobName.GenerateReport);
    expect(opts).toMatchObject({ attempts: REPORT_JOB_ATTEMPTS, backoff: { type: 'exponential' }, removeOnComplete: true, removeOnFail: true });
  });
});

describe(runScheduleTemplate.name, () => {
  it('names the schedule in the job and in a scheduler id BullMQ accepts', () => {
    expect(runScheduleTemplate('abc')).toMatchObject({ name: ReportJobName.RunSchedule, data: { scheduleId: 'abc' } });
    expect(schedulerId('abc')).toBe('schedule-abc');
    expect(schedulerId('abc')).not.toMatch(/:/);
  });
});
