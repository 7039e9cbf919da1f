import type { Readable } from 'node:stream';
import { passwordProblem } from './parse-args';

/** The first line of `input` (what `echo pw | cli … --password-stdin` sends). */
export async function readPasswordFromStdin(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const password = text.split(/\r?\n/)[0];
  if (password === '') throw new Error('no password on standard input');
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  return password;
}

interface Terminal {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

/**
 * Asks for a password on the terminal without echoing it, twice. Empty
 * means "generate one" (undefined).
 */
export async function promptPassword(
  terminal: Terminal = { input: process.stdin, output: process.stderr },
): Promise<string | undefined> {
  const first = await readHidden(
    terminal,
    'New password (empty: generate one): ',
  );
  if (first === '') return undefined;
  const problem = passwordProblem(first);
  if (problem) throw new Error(problem);
  const second = await readHidden(terminal, 'Repeat the password: ');
  if (second !== first) throw new Error('the passwords do not match');
  return first;
}

/** One line in raw mode, so nothing typed reaches the screen. */
function readHidden(
  { input, output }: Terminal,
  question: string,
): Promise<string> {
  output.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') {
          return finish(new Error('interrupted'));
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
