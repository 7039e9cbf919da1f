import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration';
import { InvitesService } from './invites.service';

/**
 * With INVITES_CLEANUP_INTERVAL > 0, deletes expired and used-up invites at
 * that interval (Zipline's CORE_INVITES_INTERVAL). Off by default: deleting
 * an invite forgets which users registered with it. Several instances may
 * run it at once; the DELETE is idempotent.
 */
@Injectable()
export class InvitesCleanupService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('InvitesCleanup');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly invites: InvitesService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.get('invites', {
      infer: true,
    }).cleanupIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; failures (the database being away) are logged and retried next time. */
  async runOnce(): Promise<number> {
    try {
      const deleted = await this.invites.deleteSpent();
      if (deleted > 0)
        this.logger.log(`deleted ${deleted} expired or used-up invites`);
      return deleted;
    } catch (error) {
      this.logger.warn(
        `cleanup failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 0;
    }
  }
}
