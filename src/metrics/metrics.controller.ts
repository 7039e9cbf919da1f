import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OutsideApiPrefix } from '../common/routing/route-table';

/** Not under /api, so a load balancer can keep it private (API.md, "Operations"). */
export const METRICS_PATH = 'metrics';
import { Public } from '../common/decorators/public.decorator';
import { Metrics } from './metrics.service';

/**
 * `GET /metrics`, outside /api (app.setup.ts excludes it from the prefix)
 * so a load balancer can keep it private. Public: Prometheus scrapers do
 * not log in; the network is what guards it.
 */
@ApiExcludeController()
@Public()
@OutsideApiPrefix()
@Controller(METRICS_PATH)
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
