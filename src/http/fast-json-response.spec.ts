import { compileJson, compileJsonBytes } from './fast-json-response';

describe('compileJsonBytes', () => {
  const schema = {
    type: 'array',
    items: {
      type: 'object',
      properties: { id: { type: 'integer' }, note: { type: 'string' } },
    },
  } as const;
  const rows = [
    { id: 1, note: 'ünïcödé "quoted"' },
    { id: 2, note: '✓' },
  ];

  it('gives the UTF-8 bytes of the text compileJson writes', () => {
    const bytes = compileJsonBytes<typeof rows>(schema)(rows);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.toString('utf8')).toBe(compileJson<typeof rows>(schema)(rows));
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(rows);
  });
});
