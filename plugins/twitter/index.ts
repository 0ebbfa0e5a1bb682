import { join } from 'node:path';
import { definePlugin } from 'mellow';
import { TwitterAccount } from './entities/TwitterAccount';
import { TwitterConnectRequest } from './entities/TwitterConnectRequest';
import { TwitterPost } from './entities/TwitterPost';
import { TwitterRecurring } from './entities/TwitterRecurring';
import { TwitterSettings } from './entities/TwitterSettings';
import { resealSecrets } from './lib/accounts';
import { type TwitterConfig, configSchema } from './lib/config';
import { describeGuild } from './lib/describeGuild';
import { deleteUserData, exportUserData } from './lib/privacy';
import { dropAbandoned, reconcileJobs } from './lib/schedule';

export default definePlugin<TwitterConfig>({
  name: 'twitter',
  version: '1.0.0',
  description: 'Post to X from Discord: previews, approval, scheduling, recurring tips and clear diagnostics',
  core: '^0.1.0',
  entities: [TwitterSettings, TwitterAccount, TwitterConnectRequest, TwitterPost, TwitterRecurring],
  migrations: join(__dirname, 'migrations'),
  config: configSchema,
  permissions: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
  dataCollected:
    'posts you write for X (text, image, times, outcome), your approvals and rejections, and which X account you connected',
  hooks: {
    async reconcile(context) {
      await dropAbandoned(context.em());
      await reconcileJobs(context.em());
    },
    guildEnable: (guildId, context) => reconcileJobs(context.em(), guildId),
    exportUserData: (userId, context) => exportUserData(context.em(), userId),
    deleteUserData: (userId, context) => deleteUserData(context.em(), userId),
    resealSecrets: (context) => resealSecrets(context.em()),
    describeGuild: (guildId, context) => describeGuild(context.em(), guildId),
  },
});
