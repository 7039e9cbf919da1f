import { PassThrough, Readable } from 'node:stream';
import { promptPassword, readPasswordFromStdin } from './read-password';

/** A terminal whose keystrokes the test types, recording raw mode and output. */
function fakeTerminal() {
  const input = new PassThrough() as PassThrough & {
    setRawMode: (mode: boolean) => void;
    isRaw: boolean;
  };
  input.isRaw = false;
  input.setRawMode = (mode) => (input.isRaw = mode);
  input.setEncoding('utf8');
  let written = '';
  const output = { write: (text: string) => (written += text) };
  const terminal = {
    input: input as unknown as NodeJS.ReadStream,
    output: output as unknown as NodeJS.WriteStream,
  };
  return { terminal, input, written: () => written };
}

/** Types `text` once the prompt is waiting for it. */
async function type(input: PassThrough, text: string) {
  await new Promise(setImmediate);
  input.write(text);
}

describe('promptPassword', () => {
  it('reads the password twice in raw mode, never echoing it', async () => {
    const { terminal, input, written } = fakeTerminal();
    const answer = promptPassword(terminal);
    await type(input, 'a-secret-passx\u007f\r');
    await type(input, 'a-secret-pass\r');
    await expect(answer).resolves.toBe('a-secret-pass');
    expect(written()).not.toContain('secret');
    expect(written()).toContain('Repeat the password: ');
    expect(input.isRaw).toBe(false);
  });

  it('generates one when the first answer is empty', async () => {
    const { terminal, input } = fakeTerminal();
    const answer = promptPassword(terminal);
    await type(input, '\r');
    await expect(answer).resolves.toBeUndefined();
  });

  it('refuses two different answers', async () => {
    const { terminal, input } = fakeTerminal();
    const answer = promptPassword(terminal);
    await type(input, 'first-password\r');
    await type(input, 'other-password\r');
    await expect(answer).rejects.toThrow('the passwords do not match');
  });
});

describe('readPasswordFromStdin', () => {
  it('takes the first line only', async () => {
    await expect(
      readPasswordFromStdin(Readable.from(['a-long-password\r\nrest\n'])),
    ).resolves.toBe('a-long-password');
  });

  it.each([
    ['', 'no password on standard input'],
    ['short\n', 'the password must be 8 to 256 characters long'],
  ])('refuses %j', async (text, message) => {
    await expect(readPasswordFromStdin(Readable.from([text]))).rejects.toThrow(
      message,
    );
  });
});
