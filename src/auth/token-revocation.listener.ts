import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import type { AppConfig } from '../config/config.module';
import { TOKEN_REVOKED_CHANNEL, TokensService } from './tokens.service';

const RECONNECT_MS = 1_000;

/**
 * Makes a revocation take effect in this API process at once, not when its cached token runs out: `revoke` notifies
 * on commit, and the listener drops the token from the cache. While the listening connection is down, the cache's
 * own lifetime (TOKEN_CACHE_MS) still bounds how long a revoked token is served.
 */
@Injectable()
export class TokenRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TokenRevocationListener.name);
  private client: Client | null = null;
  private stopped = false;

  constructor(
    private readonly tokens: TokensService,
    @Inject(ConfigService) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.get('DATABASE_URL', { infer: true }), application_name: 'jixiao-token-revocations' });
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`令牌吊销通知连接中断（${reason}），${RECONNECT_MS} ms 后重连；其间吊销在缓存过期后生效`);
      setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on('notification', ({ payload }) => payload && this.tokens.forget(payload));
    client.on('error', (error) => onLost(error.message));
    client.on('end', () => onLost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${TOKEN_REVOKED_CHANNEL}`);
      this.client = client;
    } catch (error) {
      onLost((error as Error).message);
    }
  }
}
