import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Logger, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type Redis from 'ioredis';

const logger = new Logger('RateLimit');

/**
 * The Redis counters, shared by every instance, and while Redis is away this
 * instance's own in-memory counters: limits keep applying (per instance,
 * counted afresh) and a login never fails because of Redis. ioredis keeps
 * reconnecting in the background; once it is ready, counting goes back to
 * Redis. One warning per outage, one line when it ends.
 */
export class FallbackRateLimitStorage
  implements ThrottlerStorage, OnModuleDestroy, OnApplicationShutdown
{
  private inOutage = false;
  private connecting?: Promise<void>;

  constructor(
    readonly shared: ThrottlerStorageRedisService,
    private readonly local = new ThrottlerStorageService(),
  ) {
    this.connection.on('error', (error: Error) => this.outage(error.message));
    this.connection.on('ready', () => {
      if (!this.inOutage) return;
      this.inOutage = false;
      logger.log('Redis for rate limits reachable again: counting there again');
    });
  }

  /** The ioredis client (a single node: REDIS_URL names one). */
  get redis(): Redis {
    return this.shared.redis as Redis;
  }

  private get connection(): Redis {
    return this.redis;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // 'wait': lazyConnect, never connected; the first counted request
    // connects (bounded by connectTimeout). Any other state but 'ready' is
    // an outage: ioredis reconnects by itself meanwhile.
    if (this.connection.status === 'wait') {
      // One connection attempt for all the requests that arrive meanwhile.
      this.connecting ??= this.connection
        .connect()
        .catch((error: Error) => this.outage(error.message))
        .finally(() => (this.connecting = undefined));
      await this.connecting;
    }
    const status = this.connection.status;
    if (status === 'ready') {
      try {
        return await this.shared.increment(
          key,
          ttl,
          limit,
          blockDuration,
          throttlerName,
        );
      } catch (error) {
        this.outage(error instanceof Error ? error.message : String(error));
      }
    } else {
      this.outage(`connection ${status}`);
      // Closed for good (no more retries): start again from here.
      if (status === 'end') this.connection.connect().catch(() => undefined);
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  private outage(reason: string): void {
    if (this.inOutage) return;
    this.inOutage = true;
    logger.warn(
      `Redis for rate limits unreachable (${reason}): limiting with this instance's in-memory counters until it is back`,
    );
  }

  onModuleDestroy(): void {
    this.shared.onModuleDestroy();
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
