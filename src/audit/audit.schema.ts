import type { SchemaObject } from '@nestjs/swagger';

const NULLABLE_INT = { type: 'integer', nullable: true } as const;
const NULLABLE_STRING = { type: 'string', nullable: true } as const;

export const AUDIT_ENTRY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['id', 'at', 'action', 'actor', 'target', 'requestId', 'ip'],
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    action: { type: 'string', example: 'invite.created' },
    actor: {
      type: 'object',
      properties: { userId: NULLABLE_INT, apiKeyId: NULLABLE_INT },
    },
    target: {
      type: 'object',
      properties: { type: NULLABLE_STRING, id: NULLABLE_STRING },
    },
    requestId: NULLABLE_STRING,
    ip: NULLABLE_STRING,
  },
};
