/** Dates as the reader's locale writes them, with the time. */
export function formatDate(iso: string | null, never = 'never'): string {
  if (!iso) return never;
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** `datetime-local` input value (local time, minutes) → ISO string in UTC. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** ISO → the `datetime-local` value for the same instant in local time. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
