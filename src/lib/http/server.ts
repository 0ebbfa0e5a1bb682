import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '../logging/logger';
import type { HealthReport } from './health';
import type { Metrics } from './metrics';

export interface HttpServerOptions {
  port: number;
  host?: string;
  health: () => Promise<HealthReport>;
  metrics: Metrics;
}

/** Serves GET /health (200 only when everything is up, else 503) and GET /metrics. */
export async function startHttpServer({ port, host = '0.0.0.0', health, metrics }: HttpServerOptions): Promise<Server> {
  const server = createServer((request, response) => {
    const route = `${request.method} ${request.url?.split('?')[0]}`;
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const handle = async () => {
      if (route === 'GET /health') {
        const report = await health();
        return send(report.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(report));
      }
      if (route === 'GET /metrics') return send(200, metrics.registry.contentType, await metrics.registry.metrics());
      return send(404, 'application/json', JSON.stringify({ error: 'not found', routes: ['/health', '/metrics'] }));
    };
    handle().catch((error: unknown) => {
      logger.error(`HTTP ${route} failed`, { error });
      send(500, 'application/json', JSON.stringify({ error: 'internal error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  logger.info(`Health and metrics on http://${host}:${(server.address() as AddressInfo).port}`);
  return server;
}
