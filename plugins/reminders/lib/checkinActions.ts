import { container } from '@sapphire/framework';
import { type CommandTarget, discordTime, respond } from 'mellow';
import { userIdOf } from './actions';
import { startCheckins, stopCheckins } from './checkins';

/** What `/checkin reminders …` does. */
export async function checkinsOn(target: CommandTarget, hours: number) {
  const started = await startCheckins(container.mellow.orm.em.fork(), userIdOf(target), hours, target.guildId);
  if (!started.ok) return respond(target, { outcome: 'error', title: started.title, description: started.description });
  return respond(target, {
    outcome: 'success',
    title: `Check-ins every ${hours} h`,
    description: `I'll DM you a gentle "how are you doing?" ${discordTime(started.value, 'R')}, then every ${hours} h. Stop any time with \`/checkin reminders off\` or the button on a check-in.`,
  });
}

export async function checkinsOff(target: CommandTarget) {
  const wasOn = await stopCheckins(container.mellow.orm.em.fork(), userIdOf(target));
  return respond(target, {
    outcome: wasOn ? 'success' : 'info',
    title: wasOn ? 'Check-ins are off' : 'Check-ins were already off',
    description: 'Turn them on with `/checkin reminders on interval:<hours>`.',
  });
}
