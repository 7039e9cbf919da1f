import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
} from 'prom-client';
import { DataSource } from 'typeorm';
import { poolOf } from '../database/pg-internals';
import type { ResponseObserver } from '../http/response-observer';

const HTTP_LABELS = ['method', 'route', 'status'] as const;
const HTTP_DURATION = 'http_request_duration_seconds';

/**
 * The service's Prometheus metrics, on a registry of its own (not
 * prom-client's global one, so two apps in one process do not collide).
 * Counters are public fields: `metrics.invitesCreated.inc(n)`.
 */
@Injectable()
export class Metrics implements ResponseObserver {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: HTTP_DURATION,
    help: 'HTTP request latency by method, route template and status',
    labelNames: HTTP_LABELS,
    buckets: [
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ],
    registers: [this.registry],
  });

  /**
   * The histogram's counts, read off it at each scrape: a response is
   * counted once, not twice on the path of every request.
   */
  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: HTTP_LABELS,
    registers: [this.registry],
    collect: async () => {
      const counts = (await this.httpDuration.get()).values.filter(
        ({ metricName }) => metricName === `${HTTP_DURATION}_count`,
      );
      this.httpRequests.reset();
      for (const { labels, value } of counts) {
        this.httpRequests.inc(labels, value);
      }
    },
  });

  readonly invitesCreated = this.counter(
    'invites_created_total',
    'Invites created',
  );
  readonly invitesRedeemed = this.counter(
    'invites_redeemed_total',
    'Invite uses consumed by registrations',
  );
  readonly invitesRevoked = this.counter(
    'invites_revoked_total',
    'Invites revoked',
  );
  readonly registrations = this.counter(
    'registrations_total',
    'Users registered',
  );
  readonly rateLimitRefusals = this.counter(
    'rate_limit_refusals_total',
    'Requests refused with 429',
  );

  readonly webhookDeliveries = new Counter({
    name: 'webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (delivered, failed, abandoned)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    // Every outcome is exported from the start, so a rate() has a zero to begin from.
    for (const outcome of ['delivered', 'failed', 'abandoned']) {
      this.webhookDeliveries.inc({ outcome }, 0);
    }
    const pool = () => poolOf(dataSource);
    new Gauge({
      name: 'db_pool_connections_in_use',
      help: 'Database connections checked out of the pool',
      registers: [this.registry],
      collect() {
        this.set(pool().totalCount - pool().idleCount);
      },
    });
    new Gauge({
      name: 'db_pool_waiting',
      help: 'Requests waiting for a database connection',
      registers: [this.registry],
      collect() {
        this.set(pool().waitingCount);
      },
    });
  }

  /** Called by the HTTP platform once each response is sent. */
  observeResponse(
    method: string,
    route: string,
    status: number,
    seconds: number,
  ): void {
    this.httpDuration.observe(
      { method, route, status: String(status) },
      seconds,
    );
    if (status === 429) this.rateLimitRefusals.inc();
  }

  private counter(name: string, help: string): Counter {
    return new Counter({ name, help, registers: [this.registry] });
  }
}
