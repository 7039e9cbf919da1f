import express, { type Express, type Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import request from 'supertest';
import { ExpressJsonAdapter } from './express-json-adapter';

/** An Express app whose one route answers through the adapter's reply. */
function appReplying(
  answer: (adapter: ExpressJsonAdapter, response: Response) => void,
) {
  const adapter = new ExpressJsonAdapter();
  const app = express();
  app.all('/', (_request, response) => answer(adapter, response));
  return app;
}

describe('ExpressJsonAdapter.reply', () => {
  const items = Array.from({ length: 60 }, (_, id) => ({
    id,
    note: 'ünïcödé',
  }));

  it('writes an object as one JSON string with its byte length, beyond 1,000 characters too', async () => {
    const written: unknown[] = [];
    const app = appReplying((adapter, response) => {
      const end = response.end.bind(response) as (chunk?: unknown) => void;
      response.end = ((chunk?: unknown) => {
        written.push(chunk);
        end(chunk);
      }) as typeof response.end;
      adapter.reply(response, items, 201);
    });
    const answer = await request(app).get('/').expect(201);
    // Express's own send would have copied it into a Buffer.
    expect(written).toEqual([JSON.stringify(items)]);
    expect(answer.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    const text = JSON.stringify(items);
    expect(text.length).toBeGreaterThan(1000);
    expect(answer.text).toBe(text);
    expect(Number(answer.headers['content-length'])).toBe(
      Buffer.byteLength(text),
    );
  });

  it('writes a string as it is when the route set the JSON content type', async () => {
    const app = appReplying((adapter, response) => {
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      adapter.reply(response, '{"a":"é"}');
    });
    const answer = await request(app).get('/').expect(200);
    expect(answer.text).toBe('{"a":"é"}');
    expect(answer.headers['content-length']).toBe('10');
  });

  it('writes JSON bytes as they are when the route set the JSON content type', async () => {
    const bytes = Buffer.from('{"a":"é"}');
    const app = appReplying((adapter, response) => {
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      adapter.reply(response, bytes);
    });
    const answer = await request(app).get('/').expect(200);
    expect(answer.text).toBe('{"a":"é"}');
    expect(answer.headers['content-length']).toBe('10');
    expect(answer.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
  });

  it('answers HEAD with the length and no body', async () => {
    const app = appReplying((adapter, response) =>
      adapter.reply(response, items),
    );
    const answer = await request(app).head('/').expect(200);
    expect(Number(answer.headers['content-length'])).toBe(
      Buffer.byteLength(JSON.stringify(items)),
    );
    expect(answer.text).toBeUndefined();
  });

  it("leaves other answers to Express: a plain string, 204's empty body", async () => {
    const text = appReplying((adapter, response) =>
      adapter.reply(response, 'plain'),
    );
    const plain = await request(text).get('/').expect(200);
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.text).toBe('plain');

    const empty = appReplying((adapter, response) =>
      adapter.reply(response, { ignored: true }, 204),
    );
    const noContent = await request(empty).get('/').expect(204);
    expect(noContent.text).toBe('');
    expect(noContent.headers['content-length']).toBeUndefined();
  });
});

describe('ExpressJsonAdapter.initHttpServer', () => {
  it("creates requests and responses that already have the app's prototypes", async () => {
    const adapter = new ExpressJsonAdapter();
    adapter.initHttpServer({});
    const app = adapter.getInstance<Express>();
    const server = adapter.getHttpServer() as Server;
    app.get('/', (_request, response) => {
      response.json({ ok: true });
    });
    const seen: { request: unknown; response: unknown }[] = [];
    // Before Express's own listener, which would set the prototypes itself.
    server.prependListener(
      'request',
      (request: IncomingMessage, response: ServerResponse) => {
        seen.push({
          request: Object.getPrototypeOf(request),
          response: Object.getPrototypeOf(response),
        });
      },
    );
    const answer = await request(server).get('/').expect(200);
    expect(answer.body).toEqual({ ok: true });
    expect(seen).toEqual([{ request: app.request, response: app.response }]);
  });
});
