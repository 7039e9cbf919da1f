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
 * an invite forgets which users registered with it. Revoked invites stay:
 * revoking is how an administrator keeps that history. Several instances
 * may run it at once; the DELETE is idempotent.
 */
@Injectable()
export class InvitesCleanupService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('InvitesCleanup');
  private timer?: NodeJS.Timeout;
  private readonly waitingForRun = new Set<(deleted: number) => void>();

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

  /** Whether passes run on their own (INVITES_CLEANUP_INTERVAL > 0). */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** Resolves with the number deleted when the next pass, scheduled or not, ends. */
  nextRun(): Promise<number> {
    return new Promise((resolve) => this.waitingForRun.add(resolve));
  }

  /** One pass; failures (the database being away) are logged and retried next time. */
  async runOnce(): Promise<number> {
    let deleted = 0;
    try {
      deleted = await this.invites.deleteSpent();
      if (deleted > 0)
        this.logger.log(`deleted ${deleted} expired or used-up invites`);
    } catch (error) {
      this.logger.warn(
        `cleanup failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const waiting = [...this.waitingForRun];
    this.waitingForRun.clear();
    for (const resolve of waiting) resolve(deleted);
    return deleted;
  }
}
