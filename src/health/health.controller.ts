import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  SchemaObject,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ApiErrorResponses } from '../common/decorators/api-error-responses.decorator';
import { Public } from '../common/decorators/public.decorator';

/** Terminus's result, keyed by check name (here only `database`). */
const CHECKS_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', example: 'up' } },
    additionalProperties: true,
  },
};

/** The 200 body; a failed check answers 503 `database unavailable` instead. */
const HEALTH_OK_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: CHECKS_SCHEMA,
    error: CHECKS_SCHEMA,
    details: CHECKS_SCHEMA,
  },
  example: {
    status: 'ok',
    info: { database: { status: 'up' } },
    error: {},
    details: { database: { status: 'up' } },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** 200 `{ status: 'ok', ... }` when the database answers within 1.5 s, else 503. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the service and its database answer' })
  // Documented below: terminus's own 503 schema is not what the filter sends.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({
    description: 'The database answers',
    schema: HEALTH_OK_SCHEMA,
  })
  // 431: the one client error a GET without parameters can meet.
  @ApiErrorResponses([431, 'request header fields too large'], 500, 503)
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
    ]);
  }
}
