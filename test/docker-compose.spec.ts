import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Service {
  build?: string;
  image?: string;
  command?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = load(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service & { '<<'?: Service }>;
};
// js-yaml 5 leaves YAML merge keys (`<<: *app`) unresolved; Compose applies them, so apply them here too.
const services = Object.fromEntries(
  Object.entries(compose.services).map(([name, { '<<': base, ...own }]) => [name, { ...base, ...own } as Service]),
);

describe('docker-compose.yml', () => {
  it('runs postgres, redis, api and worker', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'api', 'worker']));
  });

  it.each(['postgres', 'redis', 'api', 'worker'])('gives %s a healthcheck', (name) => {
    expect(services[name].healthcheck?.test.length).toBeGreaterThan(1);
  });

  it('keeps Redis from evicting queue keys and persists them', () => {
    const command = services.redis.command!.join(' ');
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(command).toMatch(/--appendonly yes/);
  });

  it('builds api and worker from the one Dockerfile, with the entry points that exist', () => {
    expect(services.api.build).toBe('.');
    expect(services.worker.build).toBe('.');
    expect(services.api.image).toBe(services.worker.image);
    expect(services.api.command).toEqual(['node', 'dist/src/main.js']);
    expect(services.worker.command).toEqual(['node', 'dist/src/worker.js']);
  });

  it.each(['api', 'worker'])('starts %s only once Postgres and Redis are healthy and migrations ran', (name) => {
    expect(services[name].depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
  });
});
