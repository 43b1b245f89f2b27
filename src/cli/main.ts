import { Command } from 'commander';
import { registerParseCommand } from './parse.command';

/** Each command registers itself; commands that need Nest/TypeORM/BullMQ import them lazily inside their action. */
const program = new Command('jixiao').description('绩效目标：解析、填报、评分与报告');
registerParseCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
