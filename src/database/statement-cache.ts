import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

interface Statement {
  sql: string;
  /** The parameter behind each `$n`, in order. */
  parameterNames: string[];
}

/**
 * The SQL a query builder writes, kept per shape of query: which clauses it
 * has, not their values. TypeORM writes a statement's text anew on every
 * call, a twentieth of a busy list's CPU time; here each shape is written
 * once. At most `capacity` shapes are kept, the oldest dropped first.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly capacity: number) {}

  /**
   * [sql, values], as build().getQueryAndParameters() would give them.
   * `shape` must tell apart every query whose SQL text differs; `parameters`
   * holds every named parameter the builder may use (scalar values; unused
   * ones may be undefined). `build` runs for a shape met for the first time.
   */
  statement(
    shape: string,
    parameters: Record<string, unknown>,
    build: () => SelectQueryBuilder<ObjectLiteral>,
  ): [string, unknown[]] {
    let statement = this.statements.get(shape);
    if (!statement) {
      statement = prepare(build(), Object.keys(parameters));
      if (this.statements.size >= this.capacity) {
        const oldest = this.statements.keys().next().value as string;
        this.statements.delete(oldest);
      }
      this.statements.set(shape, statement);
    }
    const names = statement.parameterNames;
    return [statement.sql, names.map((name) => parameters[name])];
  }

  get size(): number {
    return this.statements.size;
  }
}

function prepare(
  builder: SelectQueryBuilder<ObjectLiteral>,
  names: string[],
): Statement {
  // With each parameter's value set to its own name, the driver's numbering
  // ($1, $2, …) hands back the names in their order.
  const [sql, order] = builder.connection.driver.escapeQueryWithParameters(
    builder.getQuery(),
    Object.fromEntries(names.map((name) => [name, name])),
    {},
  );
  return { sql, parameterNames: order as string[] };
}
