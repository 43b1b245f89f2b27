import { type Command, Option } from 'commander';

const DAY_MS = 24 * 60 * 60 * 1000;

interface TokenOptions {
  role: 'admin' | 'reviewer' | 'unit';
  unit: string[];
  department: string[];
  name?: string;
  days?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('管理 API 访问令牌')
    .command('create')
    .description('创建访问令牌并只显示这一次（库中仅存其 sha256）')
    .addOption(new Option('--role <role>', '角色').choices(['admin', 'reviewer', 'unit']).makeOptionMandatory())
    .option('--unit <codeOrName>', '单位令牌可访问的预算单位（编码或名称，可重复）', collect, [])
    .option('--department <codeOrName>', '审核令牌可访问的部门（编码或名称，可重复；不填为全部部门）', collect, [])
    .option('--name <name>', '令牌名称，写入审计日志')
    .option('--days <days>', '有效天数（不填为长期有效）')
    .action(async (options: TokenOptions) => {
      const [{ NestFactory }, { CliModule }, { TokensService }] = await Promise.all([
        import('@nestjs/core'),
        import('./cli.module'),
        import('../auth/tokens.service'),
      ]);
      const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
      try {
        const tokens = app.get(TokensService);
        const { token, row } = await tokens.create({
          role: options.role,
          name: options.name,
          unitIds: await Promise.all(options.unit.map((unit) => tokens.unitId(unit))),
          departmentIds: await Promise.all(options.department.map((department) => tokens.departmentId(department))),
          expiresAt: options.days ? new Date(Date.now() + Number(options.days) * DAY_MS) : null,
        });
        console.error(`令牌 ${row.name}（${row.id}，角色 ${row.role}）已创建，请妥善保存，之后无法再次查看：`);
        console.log(token);
      } finally {
        await app.close();
      }
    });
}
