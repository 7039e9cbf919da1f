/**
 * The parameters of a statement assembled from parts (a change and the
 * CTEs that record it): each add() appends a value and returns its `$n`.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
