import type { LogLevel } from '@nestjs/common';
import { InvalidEnvironmentError } from './env.validation';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** `log` → fatal, error, warn, log. */
export function logLevels(level: string): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level as LogLevel) + 1);
}

/** Runs a process entry point; a bad environment ends it with the message alone, not a stack trace. */
export function runProcess(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof InvalidEnvironmentError ? error.message : error);
    process.exit(1);
  });
}
