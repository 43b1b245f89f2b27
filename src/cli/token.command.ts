import { type Command, Option } from 'commander';
import type { TokensService } from '../auth/tokens.service';

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
  const token = program.command('token').description('管理 API 访问令牌');
  token
    .command('create')
    .description('创建访问令牌并只显示这一次（库中仅存其 sha256）')
    .addOption(new Option('--role <role>', '角色').choices(['admin', 'reviewer', 'unit']).makeOptionMandatory())
    .option('--unit <codeOrName>', '单位令牌可访问的预算单位（编码或名称，可重复）', collect, [])
    .option('--department <codeOrName>', '审核令牌可访问的部门（编码或名称，可重复；不填为全部部门）', collect, [])
    .option('--name <name>', '令牌名称，写入审计日志')
    .option('--days <days>', '有效天数（不填为长期有效）')
    .action((options: TokenOptions) =>
      withTokens(async (tokens) => {
        const { token, row } = await tokens.create({
          role: options.role,
          name: options.name,
          unitIds: await Promise.all(options.unit.map((unit) => tokens.unitId(unit))),
          departmentIds: await Promise.all(options.department.map((department) => tokens.departmentId(department))),
          expiresAt: options.days ? new Date(Date.now() + Number(options.days) * DAY_MS) : null,
        });
        console.error(`令牌 ${row.name}（${row.id}，角色 ${row.role}）已创建，请妥善保存，之后无法再次查看：`);
        console.log(token);
      }),
    );
  token
    .command('list')
    .description('列出令牌（不含令牌本身）：编号、名称、角色、范围、创建/到期/最近使用/吊销时间')
    .action(() =>
      withTokens(async (tokens) => {
        for (const row of await tokens.list()) {
          const scope = row.role === 'unit' ? row.unitIds.join(',') : row.role === 'reviewer' ? row.departmentIds.join(',') || '全部部门' : '全部';
          const state = row.revokedAt ? `已吊销 ${row.revokedAt.toISOString()}` : row.expiresAt && row.expiresAt < new Date() ? '已过期' : '有效';
          console.log([row.id, row.name, row.role, scope, row.createdAt.toISOString(), row.expiresAt?.toISOString() ?? '长期', row.lastUsedAt?.toISOString() ?? '未使用', state].join('\t'));
        }
      }),
    );
  token
    .command('revoke <id>')
    .description('吊销令牌：之后使用它的请求一律返回 401')
    .action((id: string) =>
      withTokens(async (tokens) => {
        const row = await tokens.revoke(id);
        console.error(`令牌 ${row.name}（${row.id}）已于 ${row.revokedAt!.toISOString()} 吊销`);
      }),
    );
}

async function withTokens(work: (tokens: TokensService) => Promise<void>): Promise<void> {
  const [{ NestFactory }, { CliModule }, tokensModule] = await Promise.all([
    import('@nestjs/core'),
    import('./cli.module'),
    import('../auth/tokens.service'),
  ]);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    await work(app.get(tokensModule.TokensService));
  } finally {
    await app.close();
  }
}
