import { join } from 'node:path';
import { definePlugin } from 'mellow';
import { Reminder } from './entities/Reminder';
import { ReminderGuild } from './entities/ReminderGuild';
import { ReminderNotice } from './entities/ReminderNotice';
import { ReminderUser } from './entities/ReminderUser';
import { configSchema, type RemindersConfig } from './lib/config';
import { describeGuild } from './lib/describeGuild';
import { notices } from './lib/notices';
import { reconcileReminders } from './lib/reconcile';
import { deleteUserData, exportUserData } from './lib/userData';

export default definePlugin<RemindersConfig>({
  name: 'reminders',
  version: '1.0.0',
  description: 'Time-zone aware reminders (one-off and repeating), channel reminders and gentle check-ins',
  core: '^0.1.0',
  entities: [Reminder, ReminderUser, ReminderGuild, ReminderNotice],
  migrations: join(__dirname, 'migrations'),
  config: configSchema,
  permissions: ['ViewChannel', 'SendMessages', 'EmbedLinks', 'ReadMessageHistory'],
  dataCollected:
    'your reminders (text, time, where they go), your time zone and delivery choice, your check-in interval, and notes about reminders that could not reach you',
  hooks: {
    async reconcile(context) {
      await reconcileReminders(context.em(), context.config);
      await notices.refresh(context.em());
    },
    async guildEnable(guildId, context) {
      // Channel reminders that came due while the plugin was off here are sent now, saying why they're late.
      await context
        .em()
        .nativeUpdate(
          Reminder,
          { guildId, target: { $ne: 'dm' }, state: 'pending', dueAt: { $lt: new Date() } },
          { lateReason: 'disabled' },
        );
      await reconcileReminders(context.em(), context.config, guildId);
    },
    exportUserData: (userId, context) => exportUserData(context.em(), userId),
    deleteUserData: (userId, context) => deleteUserData(context.em(), userId),
    describeGuild: (guildId, context) => describeGuild(context.em(), guildId),
  },
});
