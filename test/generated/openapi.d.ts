/**
 * Generated from openapi.json by `npm run openapi:types`: do not edit.
 * `npm run openapi:check` fails when this file is stale.
 */
export interface paths {
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first (paged) */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/invite': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List invites, newest first */
    get: operations['InvitesController_list'];
    put?: never;
    /** Create one invite, or `count` invites at once (all or nothing) */
    post: operations['InvitesController_create'];
    /** Delete an invite by its code */
    delete: operations['InvitesController_deleteByCode'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/invite/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one invite */
    get: operations['InvitesController_findOne'];
    put?: never;
    post?: never;
    /** Delete an invite by its id */
    delete: operations['InvitesController_deleteById'];
    options?: never;
    head?: never;
    /** Change an invite’s expiry, maximum uses or note */
    patch: operations['InvitesController_update'];
    trace?: never;
  };
  '/api/auth/invite/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke an invite: it keeps its history but cannot be redeemed */
    post: operations['InvitesController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/invite/{id}/unrevoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Undo a revocation */
    post: operations['InvitesController_unrevoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/invite/{id}/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The users who registered with an invite, newest first */
    get: operations['InvitesController_users'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (never their secrets), newest first */
    get: operations['ApiKeysController_list'];
    put?: never;
    /** Create an API key; the secret is in this answer only */
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete an API key: it stops working at once */
    delete: operations['ApiKeysController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in: a token for a username and password */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log out: end every session of this user */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in user */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register, with an invite code while invites are on */
    post: operations['AuthController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/register/invite': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Look up an invite code before registering with it */
    get: operations['InviteLookupController_lookup'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the service and its database answer */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhooks (never their secrets) */
    get: operations['WebhooksController_list'];
    put?: never;
    /** Subscribe a URL to events; the secret is in this answer only */
    post: operations['WebhooksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a webhook; pending deliveries to it are dropped */
    delete: operations['WebhooksController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook's delivery attempts, latest first (paged) */
    get: operations['WebhooksController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ApiKeyResponse: {
      /** @example 3 */
      id: number;
      /** @example billing backend */
      name: string;
      /**
       * @example [
       *       "invites:write"
       *     ]
       */
      scopes: ('invites:read' | 'invites:write' | 'users:read')[];
      /**
       * @description The key's first 8 characters
       * @example isk_3fZq
       */
      prefix: string;
      /** Format: date-time */
      createdAt: string;
      /** @example 1 */
      createdById: number;
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      lastUsedAt: string | null;
    };
    CreateApiKeyDto: {
      /** @example billing backend */
      name: string;
      /**
       * @example [
       *       "invites:write"
       *     ]
       */
      scopes: ('invites:read' | 'invites:write' | 'users:read')[];
      /**
       * @description As an invite's expiresAt: null/"never", an ISO-8601 date or a duration such as 90d.
       * @example 1y
       */
      expiresAt?: string | null;
    };
    CreateInviteBody: {
      /**
       * @description When the invite expires: null, absent or "never"; an ISO-8601 date; "date=<date>" (Zipline dashboard); or a duration from now such as 30min, 1h, 1.5h, 2 hours, 1d, 7d, 1w, 1y.
       * @example 7d
       */
      expiresAt?: string | null;
      /**
       * @description How many invites to create, 1..INVITES_MAX_COUNT (default 100); a number or a string of digits. More than 1 answers an array.
       * @example 1
       */
      count?: number;
      /**
       * @description Registrations each invite allows (default 1); null for unlimited.
       * @example 1
       */
      maxUses?: number | null;
      /**
       * @description A note for administrators, at most 500 characters; trimmed, and empty means null. The same note goes on every invite of a batch.
       * @example for the book club
       */
      note?: string | null;
    };
    CreateWebhookDto: {
      /** @example https://backend.example.com/hooks/invites */
      url: string;
      /**
       * @example [
       *       "invite.created"
       *     ]
       */
      events: (
        | 'invite.created'
        | 'invite.updated'
        | 'invite.revoked'
        | 'invite.unrevoked'
        | 'invite.deleted'
        | 'invite.redeemed'
        | 'user.registered'
      )[];
    };
    CreatedApiKeyResponse: {
      /** @example 3 */
      id: number;
      /** @example billing backend */
      name: string;
      /**
       * @example [
       *       "invites:write"
       *     ]
       */
      scopes: ('invites:read' | 'invites:write' | 'users:read')[];
      /**
       * @description The key's first 8 characters
       * @example isk_3fZq
       */
      prefix: string;
      /** Format: date-time */
      createdAt: string;
      /** @example 1 */
      createdById: number;
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      lastUsedAt: string | null;
      /**
       * @description The secret, shown this once
       * @example isk_3fZqP0aV9x2LmQ8rT1yU6wE4oI7pA5sD3fG1hJ0k
       */
      key: string;
    };
    CreatedWebhookResponse: {
      /** @example 1 */
      id: number;
      /** @example https://backend.example.com/hooks/invites */
      url: string;
      events: (
        | 'invite.created'
        | 'invite.updated'
        | 'invite.revoked'
        | 'invite.unrevoked'
        | 'invite.deleted'
        | 'invite.redeemed'
        | 'user.registered'
      )[];
      /** Format: date-time */
      createdAt: string;
      /** @example 1 */
      createdById: number | null;
      /**
       * @description The signing secret, shown this once
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
    };
    ErrorDetailDto: {
      /** @example username */
      field: string;
      /** @example invalid username */
      error: string;
    };
    ErrorResponseDto: {
      /** @example invites are disabled */
      error: string;
      /**
       * @description The HTTP status, repeated.
       * @example 400
       */
      code: number;
      /** @description Validation errors only: each failing field */
      details?: components['schemas']['ErrorDetailDto'][];
    };
    InviteLookupResponse: {
      /** @example ix8iFD */
      code: string;
      /**
       * Format: date-time
       * @example null
       */
      expiresAt: string | null;
      /**
       * @description Registrations left; null for unlimited
       * @example 1
       */
      remainingUses: number | null;
      inviter: components['schemas']['Inviter'];
    };
    InviteResponse: {
      /** @example 35 */
      id: number;
      /** @example ix8iFD */
      code: string;
      /**
       * Format: date-time
       * @example 2022-11-11T03:34:25.532Z
       */
      createdAt: string;
      /**
       * Format: date-time
       * @example null
       */
      expiresAt: string | null;
      /**
       * @description maxUses !== null && uses >= maxUses
       * @example false
       */
      used: boolean;
      /** @example 1 */
      createdById: number;
      /**
       * @description Registrations that redeemed this invite
       * @example 0
       */
      uses: number;
      /**
       * @description Redemptions allowed; null for unlimited
       * @example 1
       */
      maxUses: number | null;
      /**
       * @description The administrator’s note, at most 500 characters
       * @example null
       */
      note: string | null;
      /**
       * Format: date-time
       * @description When it was revoked; null while it is not
       * @example null
       */
      revokedAt: string | null;
      /**
       * Format: date-time
       * @description The last successful registration with it
       * @example null
       */
      lastUsedAt: string | null;
      /**
       * @description A registration could redeem it now: not used up, not expired, not revoked
       * @example true
       */
      valid: boolean;
      /**
       * @description The invite link, `<PUBLIC_URL>/invite/<code>`
       * @example http://localhost:3000/invite/ix8iFD
       */
      url: string;
    };
    Inviter: {
      /** @example administrator */
      username: string;
    };
    LoginDto: {
      /** @example administrator */
      username: string;
      /** @example correct horse battery staple */
      password: string;
      /** @description Zipline's two-factor code, which its login page always sends (null without one); accepted and ignored: there is no two-factor login here */
      code?: string | null;
    };
    RegisterDto: {
      /**
       * @description 1..64 characters of A-Z a-z 0-9 . _ -; unique ignoring case
       * @example alice
       */
      username: string;
      /** @example correct horse battery staple */
      password: string;
      /**
       * @description The invite code; required while invites are enabled, ignored otherwise
       * @example ix8iFD
       */
      code?: string;
    };
    SessionResponse: {
      /** @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9... */
      token: string;
      /**
       * Format: date-time
       * @example 2022-11-12T03:34:25.532Z
       */
      expiresAt: string;
      user: components['schemas']['UserResponse'];
    };
    UpdateInviteBody: {
      /**
       * @description When the invite expires: null, absent or "never"; an ISO-8601 date; "date=<date>" (Zipline dashboard); or a duration from now such as 30min, 1h, 1.5h, 2 hours, 1d, 7d, 1w, 1y.
       * @example 30d
       */
      expiresAt?: string | null;
      /**
       * @description Registrations allowed, at least the current uses; null for unlimited.
       * @example 5
       */
      maxUses?: number | null;
      /**
       * @description A note for administrators, at most 500 characters; trimmed, and empty means null.
       * @example for the book club
       */
      note?: string | null;
    };
    UserResponse: {
      /** @example 1 */
      id: number;
      /** @example administrator */
      username: string;
      /** @example true */
      administrator: boolean;
      /**
       * Format: date-time
       * @example 2022-11-11T03:34:25.532Z
       */
      createdAt: string;
      /**
       * @description The invite this user registered with.
       * @example null
       */
      inviteId: number | null;
    };
    WebhookDeliveryResponse: {
      id: number;
      /** @example msg_2b7c0c0e3f0d4a8e9b1f5c6d7e8f9a0b */
      eventId: string;
      /** @example invite.created */
      type: string;
      /** @example 1 */
      attempt: number;
      /** @enum {string} */
      status: 'delivered' | 'failed' | 'abandoned';
      /** @example 200 */
      responseCode: number | null;
      /** @example null */
      error: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
    };
    WebhookResponse: {
      /** @example 1 */
      id: number;
      /** @example https://backend.example.com/hooks/invites */
      url: string;
      events: (
        | 'invite.created'
        | 'invite.updated'
        | 'invite.revoked'
        | 'invite.unrevoked'
        | 'invite.deleted'
        | 'invite.redeemed'
        | 'user.registered'
      )[];
      /** Format: date-time */
      createdAt: string;
      /** @example 1 */
      createdById: number | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuditController_list: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description When more rows remain: `</api/audit?limit=…&cursor=…>; rel="next"` */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            /** Format: date-time */
            at: string;
            /** @example invite.created */
            action: string;
            actor: {
              userId?: number | null;
              apiKeyId?: number | null;
            };
            target: {
              type?: string | null;
              id?: string | null;
            };
            requestId: string | null;
            ip: string | null;
          }[];
        };
      };
      /** @description `invalid query` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_list: {
    parameters: {
      query?: {
        /** @description Only used-up (or only not used-up) invites */
        used?: 'true' | 'false';
        /** @description Only expired (or only unexpired) invites */
        expired?: 'true' | 'false';
        /** @description Only revoked (or only unrevoked) invites */
        revoked?: 'true' | 'false';
        /** @description Only invites a registration could redeem now (or only those it could not) */
        valid?: 'true' | 'false';
        /** @description Only invites this administrator created */
        createdById?: number;
        /** @description Only the invite with this exact code */
        code?: string;
        /** @description Page size; when more rows remain, a `Link: <…>; rel="next"` header points to the next page */
        limit?: number;
        /** @description Opaque cursor from a previous page’s Link header */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The invites (one page of them with `limit`) */
      200: {
        headers: {
          /** @description When more rows remain: `</api/auth/invite?limit=…&cursor=…>; rel="next"` */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          /**
           * @example [
           *       {
           *         "id": 35,
           *         "code": "ix8iFD",
           *         "createdAt": "2022-11-11T03:34:25.532Z",
           *         "expiresAt": null,
           *         "used": false,
           *         "createdById": 1,
           *         "uses": 0,
           *         "maxUses": 1,
           *         "note": null,
           *         "revokedAt": null,
           *         "lastUsedAt": null,
           *         "valid": true,
           *         "url": "http://localhost:3000/invite/ix8iFD"
           *       }
           *     ]
           */
          'application/json': components['schemas']['InviteResponse'][];
        };
      };
      /** @description `invites are disabled` | `invalid query` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description 1..255 printable ASCII characters (else 400 `invalid idempotency key`). The same key with the same body within 24 h replays the first answer with `Idempotent-Replayed: true`. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateInviteBody'];
      };
    };
    responses: {
      /** @description One invite when count is 1 or absent; an array of `count` invites otherwise */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['InviteResponse']
            | components['schemas']['InviteResponse'][];
        };
      };
      /** @description `invites are disabled` | `invalid date` | `invalid count` | `invalid maxUses` | `invalid note` | `unknown field: administrator` | `invalid json body` | `request body must be a json object` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `request in progress` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `payload too large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `unsupported content encoding` | `unsupported charset` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `idempotency key reused with a different request` */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` | `no unused invite codes left` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_deleteByCode: {
    parameters: {
      query: {
        /** @description The invite code */
        code: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deleted invite */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": 35,
           *       "code": "ix8iFD",
           *       "createdAt": "2022-11-11T03:34:25.532Z",
           *       "expiresAt": null,
           *       "used": false,
           *       "createdById": 1,
           *       "uses": 0,
           *       "maxUses": 1,
           *       "note": null,
           *       "revokedAt": null,
           *       "lastUsedAt": null,
           *       "valid": true,
           *       "url": "http://localhost:3000/invite/ix8iFD"
           *     }
           */
          'application/json': components['schemas']['InviteResponse'];
        };
      };
      /** @description `invites are disabled` | `no code` | `invalid query` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invite not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_findOne: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The invite’s id */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": 35,
           *       "code": "ix8iFD",
           *       "createdAt": "2022-11-11T03:34:25.532Z",
           *       "expiresAt": null,
           *       "used": false,
           *       "createdById": 1,
           *       "uses": 0,
           *       "maxUses": 1,
           *       "note": null,
           *       "revokedAt": null,
           *       "lastUsedAt": null,
           *       "valid": true,
           *       "url": "http://localhost:3000/invite/ix8iFD"
           *     }
           */
          'application/json': components['schemas']['InviteResponse'];
        };
      };
      /** @description `invites are disabled` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invite not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_deleteById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The invite’s id */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deleted invite */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": 35,
           *       "code": "ix8iFD",
           *       "createdAt": "2022-11-11T03:34:25.532Z",
           *       "expiresAt": null,
           *       "used": false,
           *       "createdById": 1,
           *       "uses": 0,
           *       "maxUses": 1,
           *       "note": null,
           *       "revokedAt": null,
           *       "lastUsedAt": null,
           *       "valid": true,
           *       "url": "http://localhost:3000/invite/ix8iFD"
           *     }
           */
          'application/json': components['schemas']['InviteResponse'];
        };
      };
      /** @description `invites are disabled` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invite not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The invite’s id */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateInviteBody'];
      };
    };
    responses: {
      /** @description The updated invite */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": 35,
           *       "code": "ix8iFD",
           *       "createdAt": "2022-11-11T03:34:25.532Z",
           *       "expiresAt": null,
           *       "used": false,
           *       "createdById": 1,
           *       "uses": 0,
           *       "maxUses": 1,
           *       "note": null,
           *       "revokedAt": null,
           *       "lastUsedAt": null,
           *       "valid": true,
           *       "url": "http://localhost:3000/invite/ix8iFD"
           *     }
           */
          'application/json': components['schemas']['InviteResponse'];
        };
      };
      /** @description `invites are disabled` | `invalid date` | `invalid maxUses` | `invalid note` | `unknown field: code` | `invalid json body` | `request body must be a json object` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invite not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `payload too large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `unsupported content encoding` | `unsupported charset` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The invite’s id */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The invite, `revokedAt` set (revoking again keeps the first) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": 35,
           *       "code": "ix8iFD",
           *       "createdAt": "2022-11-11T03:34:25.532Z",
           *       "expiresAt": null,
           *       "used": false,
           *       "createdById": 1,
           *       "uses": 0,
           *       "maxUses": 1,
           *       "note": null,
           *       "revokedAt": "2022-11-11T03:34:25.532Z",
           *       "lastUsedAt": null,
           *       "valid": true,
           *       "url": "http://localhost:3000/invite/ix8iFD"
           *     }
           */
          'application/json': components['schemas']['InviteResponse'];
        };
      };
      /** @description `invites are disabled` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invite not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_unrevoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The invite’s id */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The invite, `revokedAt` null */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": 35,
           *       "code": "ix8iFD",
           *       "createdAt": "2022-11-11T03:34:25.532Z",
           *       "expiresAt": null,
           *       "used": false,
           *       "createdById": 1,
           *       "uses": 0,
           *       "maxUses": 1,
           *       "note": null,
           *       "revokedAt": null,
           *       "lastUsedAt": null,
           *       "valid": true,
           *       "url": "http://localhost:3000/invite/ix8iFD"
           *     }
           */
          'application/json': components['schemas']['InviteResponse'];
        };
      };
      /** @description `invites are disabled` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invite not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InvitesController_users: {
    parameters: {
      query?: {
        /** @description Page size; when more rows remain, a `Link: <…>; rel="next"` header points to the next page */
        limit?: number;
        /** @description Opaque cursor from a previous page’s Link header */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description The invite’s id */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The users (one page of them with `limit`) */
      200: {
        headers: {
          /** @description When more rows remain: `</api/auth/invite/{id}/users?limit=…&cursor=…>; rel="next"` */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'][];
        };
      };
      /** @description `invites are disabled` | `invalid query` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invite not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ApiKeysController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyResponse'][];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKeyResponse'];
        };
      };
      /** @description `invalid name` | `invalid scopes` | `invalid date` | `unknown field: administrator` | `invalid json body` | `request body must be a json object` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ApiKeysController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyResponse'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `api key not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description Logged in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description `username and password are required` | `unknown field: remember` | `invalid json body` | `request body must be a json object` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invalid username or password` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `payload too large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `unsupported content encoding` | `unsupported charset` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `too many requests` */
      429: {
        headers: {
          /** @description seconds until the client may try again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` | `server busy` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Logged out: every token of this user issued so far stops working */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The logged-in user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  AuthController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterDto'];
      };
    };
    responses: {
      /** @description The new user, logged in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
           *       "expiresAt": "2022-11-12T03:40:02.114Z",
           *       "user": {
           *         "id": 2,
           *         "username": "alice",
           *         "administrator": false,
           *         "createdAt": "2022-11-11T03:40:02.114Z",
           *         "inviteId": 35
           *       }
           *     }
           */
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description `registration is disabled` | `invalid invite code` | `invalid username` | `invalid password` | `unknown field: administrator` | `invalid json body` | `request body must be a json object` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `username already exists` */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `payload too large` */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `unsupported content encoding` | `unsupported charset` */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `too many requests` */
      429: {
        headers: {
          /** @description seconds until the client may try again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` | `server busy` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  InviteLookupController_lookup: {
    parameters: {
      query: {
        /** @description The invite code */
        code: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The code could be redeemed now */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InviteLookupResponse'];
        };
      };
      /** @description `invites are disabled` | `no code` | `invalid query` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `invalid invite code` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `too many requests` */
      429: {
        headers: {
          /** @description seconds until the client may try again */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The database answers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
            info: {
              [key: string]: {
                /** @example up */
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
            error: {
              [key: string]: {
                /** @example up */
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
            details: {
              [key: string]: {
                /** @example up */
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description `request header fields too large` */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'][];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedWebhookResponse'];
        };
      };
      /** @description `invalid url` | `invalid events` | `unknown field: secret` | `invalid json body` | `request body must be a json object` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `webhook not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  WebhooksController_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description When more rows remain: `</api/webhooks/{id}/deliveries?limit=…&cursor=…>; rel="next"` */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryResponse'][];
        };
      };
      /** @description `invalid query` */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not logged in` */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `not an administrator` */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `webhook not found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `internal server error` */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description `database unavailable` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
}
