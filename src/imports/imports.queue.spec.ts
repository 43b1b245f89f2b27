import { IMPORT_JOB_ATTEMPTS, ImportJobName, processImportJob } from './imports.queue';

describe(processImportJob.name, () => {
  it('derives one job id per import, so a re-submitted document collapses onto its job', () => {
    const id = '6f1c2f0e-3d7a-4c55-9a43-0a4bd3a1f0c2';
    expect(processImportJob(id)).toEqual(processImportJob(id));
    expect(processImportJob(id).opts.jobId).toBe(`import-${id}`);
    expect(processImportJob(id).opts.jobId).not.toBe(processImportJob(id.replace('6f', '7f')).opts.jobId);
  });

  it('uses a job id BullMQ accepts (no colon, not all digits)', () => {
    const { jobId } = processImportJob('123').opts;
    expect(jobId).not.toMatch(/:/);
    expect(jobId).not.toMatch(/^\d+$/);
  });

  it('retries with backoff and bounds what Redis keeps', () => {
    const { name, opts } = processImportJob('x');
    expect(name).toBe(ImportJobName.ProcessImport);
    expect(opts.attempts).toBe(IMPORT_JOB_ATTEMPTS);
    expect(opts.backoff).toEqual(expect.objectContaining({ type: 'exponential' }));
    expect(opts.removeOnComplete).toEqual(expect.objectContaining({ count: expect.any(Number) }));
    expect(opts.removeOnFail).toEqual(expect.objectContaining({ count: expect.any(Number) }));
  });
});
