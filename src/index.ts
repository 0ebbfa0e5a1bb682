import { runFromEnvironment } from './lib/runtime/runFromEnvironment';

void runFromEnvironment();
