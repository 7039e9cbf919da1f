export const EXIT_OK = 0;
/** The command failed, e.g. an unknown user or an unreachable database. */
export const EXIT_FAILED = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The first sentence of an error's message: Node's parseArgs appends advice about "--" that only confuses here. */
export function firstSentence(error: unknown): string {
  // Not `instanceof Error`: under Jest, Node's errors come from another realm.
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : String(error);
  return message.split(/\.\s/)[0].replace(/\.$/, '');
}
