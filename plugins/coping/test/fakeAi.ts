import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeAiMode = 'ok' | 'down' | 'slow' | 'malformed';

/**
 * A local OpenAI-compatible endpoint whose behaviour tests switch: `ok` answers `reply`, `down`
 * answers 503, `slow` never answers before the client's timeout, `malformed` answers a body that is
 * not a chat completion. It records each request's body, so tests can see what a prompt held.
 */
class FakeAi {
  public mode: FakeAiMode = 'ok';
  /** The assistant message content `ok` returns. */
  public reply = '';
  public readonly requests: { authorization: string | undefined; body: { messages: { content: string }[] } }[] = [];
  private server: Server | null = null;
  private readonly stalled = new Set<() => void>();

  public async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.requests.push({ authorization: request.headers.authorization, body: JSON.parse(body || '{}') });
        if (this.mode === 'down') return void response.writeHead(503).end('unavailable');
        if (this.mode === 'slow') {
          // Hold the request open; the client gives up at AI_TIMEOUT_MS and the socket closes.
          const release = () => response.destroy();
          this.stalled.add(release);
          response.on('close', () => this.stalled.delete(release));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        if (this.mode === 'malformed') return void response.end('{"choices": "not what you expected"');
        response.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: this.reply } }] }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  public reset(): void {
    this.mode = 'ok';
    this.reply = '';
    this.requests.length = 0;
    for (const release of this.stalled) release();
  }

  public async stop(): Promise<void> {
    this.reset();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

export const fakeAi = new FakeAi();
