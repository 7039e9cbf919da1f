import { DynamicModule, Global, Module } from '@nestjs/common';
import { RESPONSE_OBSERVER } from '../http/response-observer';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics.service';

/** Global: any service may count through Metrics. Without METRICS_ENABLED the route is absent. */
@Global()
@Module({})
export class MetricsModule {
  static register(enabled: boolean): DynamicModule {
    return {
      module: MetricsModule,
      controllers: enabled ? [MetricsController] : [],
      providers: [
        Metrics,
        ...(enabled
          ? [{ provide: RESPONSE_OBSERVER, useExisting: Metrics }]
          : []),
      ],
      exports: [Metrics],
    };
  }
}
