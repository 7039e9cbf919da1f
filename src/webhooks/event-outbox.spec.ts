import type { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import type { InviteRow } from '../invites/invite-response';
import type { JobQueue, NewJob } from '../jobs/job-queue';
import { EventOutbox } from './event-outbox';
import type { DeliveryJob, FanoutJob } from './webhook-events';

const FIRST: InviteRow = {
  id: 41,
  code: 'firstCode001',
  created_at: '2026-12-02 00:00:00.123+00',
  expires_at: null,
  uses: 0,
  max_uses: 1,
  created_by_id: 1,
  note: 'batch',
  revoked_at: null,
  last_used_at: null,
  valid: true,
};

const JOB: FanoutJob = {
  events: [],
  created: {
    createdAt: '2026-12-02T00:00:00.200Z',
    first: FIRST,
    ids: [41, 42],
    codes: ['firstCode001', 'otherCode002'],
  },
  firstAt: 1,
};

/** Fans JOB out as job `jobId` to one webhook; the delivery jobs it inserts. */
async function fanOut(jobId: string): Promise<DeliveryJob[]> {
  const inserted: NewJob[] = [];
  const jobs = {
    insertIn: (_manager: unknown, batch: NewJob[]) => {
      inserted.push(...batch);
      return Promise.resolve();
    },
  } as unknown as JobQueue;
  const config = {
    get: () => ({ publicUrl: 'https://invites.example.com' }),
  } as unknown as ConfigService<AppConfig, true>;
  const manager = {
    query: () => Promise.resolve([{ id: 7, events: ['invite.created'] }]),
  } as unknown as EntityManager;
  await new EventOutbox(jobs, config).fanOut(manager, jobId, JOB);
  return inserted.map((job) => job.data as DeliveryJob);
}

describe('EventOutbox.fanOut of a created batch', () => {
  it('renders one invite.created per invite, each as the API answers it', async () => {
    const deliveries = await fanOut('job-1');
    expect(deliveries.map((d) => d.event.data)).toEqual([
      expect.objectContaining({
        id: 41,
        code: 'firstCode001',
        createdAt: '2026-12-02T00:00:00.123Z',
        note: 'batch',
        url: 'https://invites.example.com/invite/firstCode001',
      }),
      expect.objectContaining({
        id: 42,
        code: 'otherCode002',
        url: 'https://invites.example.com/invite/otherCode002',
      }),
    ]);
    expect(deliveries.map((d) => [d.webhookId, d.event.type])).toEqual([
      [7, 'invite.created'],
      [7, 'invite.created'],
    ]);
  });

  it('repeats the same event ids when the same job runs again, and no other job gets them', async () => {
    const ids = (deliveries: DeliveryJob[]) =>
      deliveries.map((d) => d.event.id);
    const once = ids(await fanOut('job-1'));
    expect(new Set(once).size).toBe(2);
    for (const id of once) expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(ids(await fanOut('job-1'))).toEqual(once);
    const other = ids(await fanOut('job-2'));
    expect(other.filter((id) => once.includes(id))).toEqual([]);
  });
});
