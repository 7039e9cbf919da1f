/**
 * Collects whole lines and hands them to `write` together, once per turn of
 * the event loop (setImmediate), instead of one write per line. Writes to
 * a file or pipe are synchronous system calls in Node; one per request was
 * about a tenth of the CPU time of a GET list(100). Lines keep their order;
 * `flush()` writes at once (the logger calls it when the process exits, so
 * a crash's last lines are kept).
 */
export class LineBatcher {
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly write: (text: string) => void) {}

  add(line: string): void {
    this.pending.push(line);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.write(text);
  }
}
