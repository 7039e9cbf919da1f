import { DataSource } from 'typeorm';
import { StatementCache } from './statement-cache';

// A driver, never connected: the builder only writes SQL here.
const dataSource = new DataSource({ type: 'postgres' });

interface Filters {
  code?: string;
  after?: number;
  limit?: number;
}

function query(filters: Filters) {
  const select = dataSource
    .createQueryBuilder()
    .select('id, code::text AS code')
    .from('invites', 'invite');
  if (filters.after !== undefined) select.andWhere('invite.id > :after');
  if (filters.code !== undefined)
    select.andWhere('(invite.code = :code OR invite.note = :code)');
  if (filters.limit !== undefined) select.limit(filters.limit);
  return select;
}

const shape = (f: Filters) =>
  [f.code !== undefined, f.after !== undefined, f.limit].join();

describe('StatementCache', () => {
  it('gives what the builder gives, for every shape and any values', () => {
    const cache = new StatementCache(10);
    const cases: Filters[] = [
      {},
      { code: 'abc' },
      { code: 'xyz' },
      { after: 3, code: 'abc' },
      { after: 9, code: 'q' },
      { after: 9, limit: 5 },
      { after: 1, limit: 6 },
    ];
    for (const filters of cases) {
      const expected = query(filters)
        .setParameters({ ...filters })
        .getQueryAndParameters();
      const got = cache.statement(shape(filters), { ...filters }, () =>
        query(filters),
      );
      expect(got).toEqual(expected);
    }
    expect(cache.size).toBe(5);
  });

  it('puts the values in the order of their $n, a repeated name once', () => {
    const cache = new StatementCache(10);
    const [sql, values] = cache.statement(
      'both',
      { code: 'c', after: 7, unused: undefined },
      () => query({ code: '', after: 0 }),
    );
    expect(sql).toContain('invite.id > $1');
    expect(sql).toContain('(invite.code = $2 OR invite.note = $2)');
    expect(sql).toContain('code::text');
    expect(values).toEqual([7, 'c']);
  });

  it('builds a shape once, then only orders the values', () => {
    const cache = new StatementCache(10);
    const build = jest.fn(() => query({ code: '' }));
    cache.statement('code', { code: 'a' }, build);
    const [, values] = cache.statement('code', { code: 'b' }, build);
    expect(build).toHaveBeenCalledTimes(1);
    expect(values).toEqual(['b']);
  });

  it('drops the oldest shape when full', () => {
    const cache = new StatementCache(2);
    const build = jest.fn(() => query({}));
    cache.statement('a', {}, build);
    cache.statement('b', {}, build);
    cache.statement('c', {}, build);
    expect(cache.size).toBe(2);
    cache.statement('b', {}, build);
    expect(build).toHaveBeenCalledTimes(3);
    cache.statement('a', {}, build);
    expect(build).toHaveBeenCalledTimes(4);
  });
});
