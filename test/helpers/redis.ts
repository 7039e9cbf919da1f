import { connect } from 'node:net';

/** The machine's Redis, or TEST_REDIS_URL. */
export const TEST_REDIS_URL =
  process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Set by the global setup for the test workers: "1" when Redis answered. */
const AVAILABLE_VARIABLE = 'INVITE_SERVICE_TEST_REDIS_AVAILABLE';

/**
 * Asks Redis for a PONG (global setup only). Without REQUIRE_REDIS=1 a
 * missing Redis only skips the specs that need it; with it, the run fails.
 */
export async function probeRedis(): Promise<void> {
  const available = await answersPing(TEST_REDIS_URL);
  if (!available && process.env.REQUIRE_REDIS === '1') {
    throw new Error(
      `REQUIRE_REDIS=1 but Redis does not answer at ${TEST_REDIS_URL}`,
    );
  }
  process.env[AVAILABLE_VARIABLE] = available ? '1' : '0';
}

export function redisAvailable(): boolean {
  return process.env[AVAILABLE_VARIABLE] === '1';
}

/** `it`, or `it.skip` with one printed line when Redis is not there. */
export function itWithRedis(name: string, test: () => Promise<void>): void {
  if (redisAvailable()) {
    it(name, test);
    return;
  }
  console.log(`skipped (no Redis at ${TEST_REDIS_URL}): ${name}`);
  it.skip(name, test);
}

/** `describe`, or `describe.skip` with one printed line when Redis is not there. */
export function describeWithRedis(name: string, suite: () => void): void {
  if (redisAvailable()) {
    describe(name, suite);
    return;
  }
  console.log(`skipped (no Redis at ${TEST_REDIS_URL}): ${name}`);
  describe.skip(name, suite);
}

function answersPing(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
