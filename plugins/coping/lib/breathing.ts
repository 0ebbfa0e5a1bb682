import { randomBytes } from 'node:crypto';
import { container } from '@sapphire/framework';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type APIEmbed,
  type ButtonInteraction,
  type InteractionEditReplyOptions,
} from 'discord.js';
import { Colors, noMentions } from 'mellow';
import { copingConfig } from './config';
import { type Technique, content } from './content';

export const BREATHING_STOP = 'coping.breathe.stop';

interface Phase {
  label: string;
  seconds: number;
  round: number;
}

interface Session {
  userId: string;
  interaction: ButtonInteraction;
  timer: NodeJS.Timeout | null;
  stopped: boolean;
  /** The edit being sent, so Stop can wait for it and have the last word. */
  editing: Promise<unknown>;
}

/** About `total` seconds of whole rounds of the technique's phases (at least one round). */
export function schedule(technique: Technique, total: number): Phase[] {
  const { phases } = content.breathing.techniques[technique];
  const roundSeconds = phases.reduce((sum, phase) => sum + phase.seconds, 0);
  const rounds = Math.max(1, Math.round(total / roundSeconds));
  return Array.from({ length: rounds }, (_, round) => phases.map((phase) => ({ ...phase, round: round + 1 }))).flat();
}

const stopRow = (id: string) =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`${BREATHING_STOP}:${id}`).setLabel('Stop').setStyle(ButtonStyle.Secondary),
  );

function phaseMessage(technique: Technique, phase: Phase, rounds: number, id: string): InteractionEditReplyOptions {
  const embed: APIEmbed = {
    color: Colors.info,
    title: `🫁 ${content.breathing.techniques[technique].name}`,
    description: `## ${phase.label}\nfor ${phase.seconds} seconds\n\nRound ${phase.round} of ${rounds}`,
  };
  return { content: '', embeds: [embed], components: [stopRow(id)], ...noMentions };
}

const ENDINGS = {
  done: {
    title: '🌿 Well done',
    description:
      'Session complete. Take a moment to notice how you feel now. `/grounding` is another tool if you want to keep going.',
  },
  stopped: {
    title: 'Stopped',
    description: 'Session stopped. Even a few slow breaths help. You can start again with `/breathing` any time.',
  },
  replaced: { title: 'Stopped', description: 'You started a new session, so this one stopped.' },
} as const;

export function endMessage(ending: keyof typeof ENDINGS): InteractionEditReplyOptions {
  return { content: '', embeds: [{ color: Colors.success, ...ENDINGS[ending] }], components: [], ...noMentions };
}

/**
 * Guided sessions that pace the phases by editing the message the user is looking at, through the
 * interaction's webhook (valid 15 minutes, well beyond a session). One session per user: starting
 * another stops the first. Timers are unref'd and every step checks the client is still up, so a
 * session never holds the process open at shutdown; `stopAll` ends them when the pieces unload.
 */
export class BreathingSessions {
  private readonly sessions = new Map<string, Session>();
  /** Length of one paced second; tests shorten it. Null: COPING_BREATHING_SECOND_MS. */
  public secondMs: number | null = null;

  public get active(): number {
    return this.sessions.size;
  }

  /** Call after the interaction was acknowledged; resolves once the first phase is shown. */
  public async start(interaction: ButtonInteraction, technique: Technique): Promise<string> {
    const userId = interaction.user.id;
    const previous = [...this.sessions].find(([, session]) => session.userId === userId);
    const id = randomBytes(6).toString('hex');
    const phases = schedule(technique, copingConfig().COPING_BREATHING_SESSION_SECONDS);
    const rounds = phases.at(-1)!.round;
    const session: Session = { userId, interaction, timer: null, stopped: false, editing: Promise.resolve() };
    // Registered before the old one stops, so a start racing this one finds and stops it.
    this.sessions.set(id, session);
    if (previous && (await this.stop(previous[0]))) {
      await previous[1].interaction.editReply(endMessage('replaced')).catch(() => undefined);
    }
    const unit = this.secondMs ?? copingConfig().COPING_BREATHING_SECOND_MS;

    const show = (index: number) => {
      if (session.stopped) return;
      if (!container.client.isReady()) return void this.sessions.delete(id);
      const phase = phases[index];
      const message = phase ? phaseMessage(technique, phase, rounds, id) : endMessage('done');
      session.editing = interaction.editReply(message).catch((error: unknown) => {
        // The message is gone or the token expired: nothing left to pace.
        container.logger.debug('coping: a breathing session could not edit its message', error);
        session.stopped = true;
      });
      if (!phase) return void this.sessions.delete(id);
      session.timer = setTimeout(() => show(index + 1), phase.seconds * unit);
      session.timer.unref();
    };
    show(0);
    await session.editing;
    return id;
  }

  /** Ends a session; resolves after any edit in flight, so the caller's message is the last one. */
  public async stop(id: string): Promise<boolean> {
    const session = this.sessions.get(id);
    if (!session) return false;
    session.stopped = true;
    if (session.timer) clearTimeout(session.timer);
    this.sessions.delete(id);
    await session.editing;
    return true;
  }

  public stopAll(): void {
    for (const id of [...this.sessions.keys()]) void this.stop(id);
  }
}

export const breathingSessions = new BreathingSessions();
