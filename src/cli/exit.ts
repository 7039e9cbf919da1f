export const EXIT_OK = 0;
/** The command failed, e.g. an unknown user or an unreachable database. */
export const EXIT_FAILED = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
