import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { definePlugin } from 'mellow';
import { CopingCrisisEvent } from './entities/CopingCrisisEvent';
import { CopingDmCooldown } from './entities/CopingDmCooldown';
import { CopingGuildSettings } from './entities/CopingGuildSettings';
import { CopingOptOut } from './entities/CopingOptOut';
import { CopingPlan } from './entities/CopingPlan';
import { CopingToolboxItem } from './entities/CopingToolboxItem';
import { type CopingConfig, configSchema } from './lib/config';
import { pruneEvents } from './lib/events';
import { guildSettings } from './lib/guildSettings';
import { resealAll } from './lib/reseal';
import { countryName } from './lib/resources';
import { bindDetectionState, detectionState } from './lib/state';
import { deleteCopingData, exportCopingData } from './lib/userData';

export default definePlugin<CopingConfig>({
  name: 'coping',
  version: '1.0.0',
  description:
    'Coping tools, a personal toolbox and plan, crisis resources, and opt-in crisis detection with human follow-up',
  core: '^0.1.0',
  entities: [CopingToolboxItem, CopingPlan, CopingGuildSettings, CopingOptOut, CopingDmCooldown, CopingCrisisEvent],
  migrations: join(__dirname, 'migrations'),
  config: configSchema,
  permissions: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks],
  dataCollected:
    'your coping toolbox and plan (encrypted), whether you opted out of crisis detection, when you last got a check-in DM, and crisis events about your messages (encrypted, without the text unless the server keeps it)',
  hooks: {
    load: (context) => bindDetectionState(context),
    async reconcile(context) {
      // No jobs to re-create; this runs at ready and after Redis returns, a fine time to tidy.
      await pruneEvents(context.em(), context.config.COPING_EVENT_RETENTION_DAYS);
      await detectionState.reload();
    },
    exportUserData: (userId, context) => exportCopingData(context.em(), userId),
    deleteUserData: (userId, context) => deleteCopingData(context.em(), userId),
    resealSecrets: (context) => resealAll(context.em),
    async describeGuild(guildId, context) {
      const settings = await guildSettings(context.em(), guildId);
      return {
        settings: {
          'crisis detection': settings.detection,
          country: settings.country
            ? `${countryName(settings.country)} (${settings.country})`
            : 'not set (international directory)',
          'keep message text in crisis events': settings.retainText,
        },
        channels: [
          {
            label: 'crisis alert channel',
            channelId: settings.alertChannelId,
            permissions: [
              PermissionFlagsBits.ViewChannel,
              PermissionFlagsBits.SendMessages,
              PermissionFlagsBits.EmbedLinks,
            ],
          },
        ],
      };
    },
  },
});
