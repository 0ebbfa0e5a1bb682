import { runFromEnvironment } from '../../src/lib/runtime/runFromEnvironment';
import { BENCH_CLIENT_OPTIONS } from './clientOptions';
import { countPgQueries } from './pgCounter';
import { serveProbe } from './probe';

/**
 * The full Mellow bot exactly as `npm start` runs it, except that the client gets the benchmark's
 * REST settings (the same ones the bare bot gets).
 */
serveProbe(countPgQueries());
void runFromEnvironment({ client: BENCH_CLIENT_OPTIONS });
