import { createAppLogger } from './app-logger';

function captureStdout(work: () => void): string {
  const chunks: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe('createAppLogger', () => {
  it('writes one JSON object per line in production', () => {
    const output = captureStdout(() =>
      createAppLogger('production').log('service started', 'Bootstrap'),
    );
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

  it('writes readable text in development', () => {
    const output = captureStdout(() =>
      createAppLogger('development').log('service started', 'Bootstrap'),
    );
    expect(output).toContain('[Bootstrap] service started');
    expect(() => JSON.parse(output) as unknown).toThrow();
  });
});
