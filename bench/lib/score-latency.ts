export interface ScoreProbe {
  origin: string;
  headers: Record<string, string>;
  period: string;
  /** Indicators to write to, with their projects; one is taken at random per sample. */
  targets: { indicatorId: string; projectId: string }[];
}

const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

/**
 * Milliseconds from sending `PUT /indicators/:id/actuals/:period` to the first `GET /projects/:id/score` that shows
 * a score computed after the write and no newer change waiting, sampled one write at a time until `until` resolves.
 */
export async function probeScoreLatency(probe: ScoreProbe, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    latencies.push(await sample(probe));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return latencies;
}

async function sample({ origin, headers, period, targets }: ScoreProbe): Promise<number> {
  const { indicatorId, projectId } = targets[Math.floor(Math.random() * targets.length)];
  const started = performance.now();
  const written = await fetch(`${origin}/indicators/${indicatorId}/actuals/${period}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ value: Math.floor(Math.random() * 1_000) }),
  });
  if (!written.ok) throw new Error(`probe PUT answered ${written.status}: ${await written.text()}`);
  const { updatedAt } = (await written.json()) as { updatedAt: string };
  const writtenAt = new Date(updatedAt).getTime();
  for (;;) {
    const response = await fetch(`${origin}/projects/${projectId}/score?period=${period}`, { headers });
    const score = (await response.json()) as { computedAt: string | null; stale: boolean };
    if (!score.stale && score.computedAt !== null && new Date(score.computedAt).getTime() >= writtenAt) return performance.now() - started;
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`project ${projectId} not re-scored within ${GIVE_UP_MS} ms of a write`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
