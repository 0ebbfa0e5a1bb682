export interface ComponentHealth {
  up: boolean;
  latencyMs?: number;
  detail?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  uptimeSeconds: number;
  gateway: ComponentHealth;
  database: ComponentHealth;
  scheduler: ComponentHealth;
}

export interface HealthProbes {
  gateway(): ComponentHealth;
  database(): Promise<number>;
  scheduler(): Promise<number>;
}

async function probe(check: () => Promise<number>): Promise<ComponentHealth> {
  try {
    return { up: true, latencyMs: Math.round((await check()) * 10) / 10 };
  } catch (error) {
    return { up: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Checks every component the bot depends on. `ok` only when all of them are up. */
export async function checkHealth(probes: HealthProbes, startedAt: number): Promise<HealthReport> {
  const [database, scheduler] = await Promise.all([probe(probes.database), probe(probes.scheduler)]);
  const gateway = probes.gateway();
  return {
    status: gateway.up && database.up && scheduler.up ? 'ok' : 'degraded',
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    gateway,
    database,
    scheduler,
  };
}
