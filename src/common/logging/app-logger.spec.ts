import { BatchedJsonLogger, createAppLogger } from './app-logger';

/** Records what is written to stdout (one entry per write) until restored. */
function recordStdout() {
  const writes: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
  return { writes, restore: () => spy.mockRestore() };
}

function captureStdout(work: () => void): string {
  const stdout = recordStdout();
  try {
    work();
  } finally {
    stdout.restore();
  }
  return stdout.writes.join('');
}

describe('createAppLogger', () => {
  it('writes one JSON object per line in production', () => {
    const output = captureStdout(() => {
      const logger = createAppLogger('production') as BatchedJsonLogger;
      logger.log('service started', 'Bootstrap');
      logger.flush();
    });
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual(
      expect.objectContaining({
        level: 'log',
        message: 'service started',
        context: 'Bootstrap',
      }),
    );
  });

  it('writes the lines logged in one turn of the event loop with one write, by the next turn', async () => {
    const { writes, restore } = recordStdout();
    try {
      const logger = createAppLogger('production');
      logger.log('first', 'HTTP');
      logger.log('second', 'HTTP');
      logger.warn('third', 'HTTP');
      expect(writes).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(writes).toHaveLength(1);
      const messages = writes[0]
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { message: string }).message);
      expect(messages).toEqual(['first', 'second', 'third']);
    } finally {
      restore();
    }
  });

  it('writes readable text in development', () => {
    const output = captureStdout(() =>
      createAppLogger('development').log('service started', 'Bootstrap'),
    );
    expect(output).toContain('[Bootstrap] service started');
    expect(() => JSON.parse(output) as unknown).toThrow();
  });
});
