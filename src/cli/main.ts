import { Command } from 'commander';
import { registerEvaluateCommand } from './evaluate.command';
import { registerHealthCommand } from './health.command';
import { registerImportCommand } from './import.command';
import { registerMigrateCommand } from './migrate.command';
import { registerParseCommand } from './parse.command';
import { registerStartCommand } from './start.command';
import { registerTokenCommand } from './token.command';

/** Each command registers itself; commands that need Nest/TypeORM/BullMQ import them lazily inside their action. */
const program = new Command('jixiao').description('绩效目标：解析、填报、评分与报告');
registerParseCommand(program);
registerMigrateCommand(program);
registerImportCommand(program);
registerStartCommand(program);
registerHealthCommand(program);
registerEvaluateCommand(program);
registerTokenCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
