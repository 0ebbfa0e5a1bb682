import { registerApplicationCommandRoutes } from './applicationCommands';
import { registerChannelRoutes } from './channels';
import { registerGuildRoutes } from './guilds';
import { registerInteractionRoutes } from './interactions';
import { Router } from './router';
import { registerThreadRoutes } from './threads';
import { registerUserRoutes } from './users';

/** Every REST route the emulator serves under /api/v10 (and /api/v9). */
export function createRouter(): Router {
  const router = new Router();
  registerUserRoutes(router);
  registerChannelRoutes(router);
  registerThreadRoutes(router);
  registerGuildRoutes(router);
  registerApplicationCommandRoutes(router);
  registerInteractionRoutes(router);
  return router;
}
