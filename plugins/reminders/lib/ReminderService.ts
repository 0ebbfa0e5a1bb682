import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { ACTIVE_STATES, Reminder, type ReminderTarget } from '../entities/Reminder';
import type { RemindersConfig } from './config';
import { fail, ok, type Result } from './result';
import { scheduleReminder, tryToSchedule, unscheduleReminder } from './schedule';
import { defaultDelivery, zoneFor } from './settings';
import { nextOccurrence, parseWhen, resolveWallClock, type When } from 'mellow';

export interface NewReminder {
  userId: string;
  /** Where the command was used: null guild and channel in DMs. */
  guildId: string | null;
  channelId: string | null;
  /** Absent: the user's default delivery. */
  target?: ReminderTarget;
  /** For "channel" reminders. */
  targetChannelId?: string;
  roleId?: string | null;
  when: string;
  text: string;
}

export type SnoozeChoice = '10m' | '1h' | 'tomorrow';

export const PAGE_SIZE = 5;

/** The rules of reminders: limits, parsing, ownership and state changes. Discord-free; jobs follow rows. */
export class ReminderService {
  public constructor(
    private readonly em: EntityManager,
    private readonly config: RemindersConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  public async create(input: NewReminder): Promise<Result<Reminder>> {
    const text = this.checkText(input.text);
    if (!text.ok) return text;
    const when = await this.parse(input.when, input.userId, input.guildId);
    if (!when.ok) return when;
    const target = await this.targetFor(input);
    const created = await this.withinLimits(input.userId, target === 'channel' ? input.guildId : null, (em) =>
      em.create(Reminder, {
        userId: input.userId,
        guildId: input.guildId,
        originChannelId: input.channelId,
        target,
        channelId: target === 'channel' ? (input.targetChannelId ?? null) : null,
        roleId: target === 'channel' ? (input.roleId ?? null) : null,
        text: text.value,
        ...this.timing(when.value),
        createdAt: this.now(),
      }),
    );
    if (!created.ok) return created;
    const reminder = created.value;
    await tryToSchedule(() => scheduleReminder(reminder), `reminder ${reminder.id}`);
    return ok(reminder);
  }

  /**
   * Counts and inserts in one transaction holding advisory locks on the user (and the guild, for
   * channel reminders), so parallel creates can't all pass the count and overshoot a limit. The
   * user's lock is always taken first: no two creates wait on each other in opposite orders.
   */
  private async withinLimits(
    userId: string,
    channelGuildId: string | null,
    insert: (em: EntityManager) => Reminder,
  ): Promise<Result<Reminder>> {
    return this.em.transactional(async (em) => {
      const sql = em as SqlEntityManager;
      await sql.execute('select pg_advisory_xact_lock(hashtext(?))', [`reminders:user:${userId}`]);
      if (channelGuildId)
        await sql.execute('select pg_advisory_xact_lock(hashtext(?))', [`reminders:guild:${channelGuildId}`]);
      const limit = await this.checkLimits(em, userId, channelGuildId);
      if (!limit.ok) return limit;
      const reminder = insert(em);
      await em.flush();
      return ok(reminder);
    });
  }

  /** Active reminders of a user (pending, sending, paused), soonest first, a page at a time. */
  public async list(
    userId: string,
    page: number,
  ): Promise<{ userId: string; items: Reminder[]; page: number; pages: number; total: number }> {
    const total = await this.em.count(Reminder, { userId, state: { $in: ACTIVE_STATES } });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const current = Math.min(Math.max(0, page), pages - 1);
    const items = await this.em.find(
      Reminder,
      { userId, state: { $in: ACTIVE_STATES } },
      { orderBy: { dueAt: 'asc', id: 'asc' }, limit: PAGE_SIZE, offset: current * PAGE_SIZE },
    );
    return { userId, items, page: current, pages, total };
  }

  /** For autocomplete: the user's own active reminders whose text or id matches. */
  public async search(userId: string, query: string, limit = 25): Promise<Reminder[]> {
    const trimmed = query.trim().replace(/^#/, '');
    const filter = /^\d+$/.test(trimmed)
      ? { $or: [{ id: Number(trimmed) }, { text: { $ilike: `%${trimmed}%` } }] }
      : trimmed
        ? { text: { $ilike: `%${trimmed.replace(/[\\%_]/g, '\\$&')}%` } }
        : {};
    return this.em.find(
      Reminder,
      { userId, state: { $in: ACTIVE_STATES }, ...filter },
      { orderBy: { dueAt: 'asc' }, limit },
    );
  }

  /** A reminder the user may manage: their own. Others' ids look the same as unknown ones. */
  public async own(userId: string, id: number, states = ACTIVE_STATES): Promise<Result<Reminder>> {
    const reminder = Number.isSafeInteger(id) ? await this.em.findOne(Reminder, { id, userId }) : null;
    if (!reminder || !states.includes(reminder.state)) {
      return fail(
        'Reminder not found',
        'You have no active reminder with that id. Use `/remind list` to see yours; ids appear as `#12`.',
      );
    }
    return ok(reminder);
  }

  public async delete(userId: string, id: number): Promise<Result<Reminder>> {
    const found = await this.own(userId, id);
    if (!found.ok) return found;
    const reminder = found.value;
    await this.em.removeAndFlush(reminder);
    await tryToSchedule(() => unscheduleReminder(reminder.id, reminder.dueAt), `removal of reminder ${id}`);
    return found;
  }

  public async edit(
    userId: string,
    id: number,
    changes: { when?: string | null; what?: string | null },
  ): Promise<Result<Reminder>> {
    if (!changes.when && !changes.what) {
      return fail('Nothing to change', 'Give a new `when`, a new `what`, or both.');
    }
    const found = await this.own(userId, id);
    if (!found.ok) return found;
    const reminder = found.value;
    if (changes.what) {
      const text = this.checkText(changes.what);
      if (!text.ok) return text;
      reminder.text = text.value;
    }
    const previousDue = reminder.dueAt;
    if (changes.when) {
      const when = await this.parse(changes.when, userId, reminder.guildId);
      if (!when.ok) return when;
      Object.assign(reminder, this.timing(when.value), { state: 'pending', attempts: 0, lateReason: null });
    }
    await this.em.flush();
    if (reminder.dueAt.getTime() !== previousDue.getTime()) await this.reschedule(reminder, previousDue);
    return ok(reminder);
  }

  public async pause(userId: string, id: number): Promise<Result<Reminder>> {
    const found = await this.own(userId, id);
    if (!found.ok) return found;
    const reminder = found.value;
    if (!reminder.rule)
      return fail('Only repeating reminders pause', 'Delete a one-off reminder instead, or edit its time.');
    if (reminder.state === 'paused') return fail('Already paused', `Resume it with \`/remind resume id:${id}\`.`);
    reminder.state = 'paused';
    await this.em.flush();
    await tryToSchedule(() => unscheduleReminder(reminder.id, reminder.dueAt), `pause of reminder ${id}`);
    return ok(reminder);
  }

  public async resume(userId: string, id: number): Promise<Result<Reminder>> {
    const found = await this.own(userId, id);
    if (!found.ok) return found;
    const reminder = found.value;
    if (!reminder.rule || reminder.state !== 'paused') {
      return fail(
        'Not paused',
        'Only a paused repeating reminder can be resumed. `/remind list` shows which are paused.',
      );
    }
    Object.assign(reminder, { state: 'pending', dueAt: nextOccurrence(reminder.rule, this.now()), attempts: 0 });
    await this.em.flush();
    await tryToSchedule(() => scheduleReminder(reminder), `reminder ${id}`);
    return ok(reminder);
  }

  /**
   * Brings a delivered reminder back later. A one-off comes back itself; a repeating one gets a one-off copy,
   * so its own schedule never moves. Each occurrence has its own copy: snoozing the same occurrence again
   * moves that copy, never another occurrence's.
   */
  public async snooze(
    userId: string,
    id: number,
    choice: SnoozeChoice,
    occurrence: Date | null = null,
  ): Promise<Result<Reminder>> {
    const found = await this.delivered(userId, id);
    if (!found.ok) return found;
    const reminder = found.value;
    if (reminder.state === 'done') {
      return fail('That reminder is gone', 'It was dismissed. Set a new one with `/remind me`.');
    }
    const dueAt = await this.snoozeTime(userId, reminder.guildId, choice);
    if (!reminder.rule) {
      if (reminder.state === 'sending') {
        return fail('Busy', 'That reminder is being delivered right now. Try again in a moment.');
      }
      const previousDue = reminder.dueAt;
      Object.assign(reminder, { state: 'pending', dueAt, attempts: 0, lateReason: null, deliveredAt: null });
      await this.em.flush();
      await this.reschedule(reminder, previousDue);
      return ok(reminder);
    }
    const existing = await this.em.findOne(Reminder, {
      snoozeOf: reminder.id,
      userId,
      state: 'pending',
      snoozedOccurrence: occurrence,
    });
    if (existing) {
      const previousDue = existing.dueAt;
      existing.dueAt = dueAt;
      await this.em.flush();
      await this.reschedule(existing, previousDue);
      return ok(existing);
    }
    const created = await this.withinLimits(userId, reminder.target === 'channel' ? reminder.guildId : null, (em) =>
      em.create(Reminder, {
        userId,
        guildId: reminder.guildId,
        originChannelId: reminder.originChannelId,
        target: reminder.target,
        channelId: reminder.channelId,
        roleId: reminder.roleId,
        text: reminder.text,
        dueAt,
        snoozeOf: reminder.id,
        snoozedOccurrence: occurrence,
        createdAt: this.now(),
      }),
    );
    if (!created.ok) return created;
    const copy = created.value;
    await tryToSchedule(() => scheduleReminder(copy), `reminder ${copy.id}`);
    return ok(copy);
  }

  /** Dismisses a delivered reminder: a one-off ends; a repeating one carries on, and its snoozed copy goes. */
  public async done(userId: string, id: number): Promise<Result<Reminder>> {
    const found = await this.delivered(userId, id);
    if (!found.ok) return found;
    const reminder = found.value;
    if (reminder.state === 'sending') {
      return fail('Busy', 'That reminder is being delivered right now. Try again in a moment.');
    }
    // A snoozed one-off is pending again: "Done" ends it too, and its snooze job goes.
    const endsItself = !reminder.rule && reminder.state !== 'done';
    const unscheduleOwn = endsItself && reminder.state === 'pending';
    if (endsItself) reminder.state = 'done';
    const copies = await this.em.find(Reminder, { snoozeOf: reminder.id, userId, state: 'pending' });
    for (const copy of copies) copy.state = 'done';
    await this.em.flush();
    if (unscheduleOwn)
      await tryToSchedule(() => unscheduleReminder(reminder.id, reminder.dueAt), `removal of ${reminder.id}`);
    for (const copy of copies)
      await tryToSchedule(() => unscheduleReminder(copy.id, copy.dueAt), `removal of ${copy.id}`);
    return ok(reminder);
  }

  /** A reminder whose delivered message's buttons were pressed: only its creator may act on it. */
  private async delivered(userId: string, id: number): Promise<Result<Reminder>> {
    const reminder = Number.isSafeInteger(id) ? await this.em.findOne(Reminder, id) : null;
    if (!reminder) return fail('That reminder is gone', 'It was deleted. Set a new one with `/remind me`.');
    if (reminder.userId !== userId) {
      return fail(
        'Not your reminder',
        'Only the person who set it can snooze or dismiss it. Set your own with `/remind me`.',
      );
    }
    return ok(reminder);
  }

  private async reschedule(reminder: Reminder, previousDue: Date): Promise<void> {
    await tryToSchedule(async () => {
      await unscheduleReminder(reminder.id, previousDue);
      if (reminder.state === 'pending') await scheduleReminder(reminder);
    }, `reminder ${reminder.id}`);
  }

  private async snoozeTime(userId: string, guildId: string | null, choice: SnoozeChoice): Promise<Date> {
    const now = this.now();
    if (choice === '10m') return new Date(now.getTime() + 10 * 60_000);
    if (choice === '1h') return new Date(now.getTime() + 60 * 60_000);
    const { zone } = await zoneFor(this.em, userId, guildId);
    const tomorrow = DateTime.fromJSDate(now, { zone }).plus({ days: 1 });
    return resolveWallClock(
      { year: tomorrow.year, month: tomorrow.month, day: tomorrow.day },
      { hour: 9, minute: 0 },
      zone,
    ).toJSDate();
  }

  private timing(when: When): Pick<Reminder, 'dueAt' | 'rule'> {
    return when.kind === 'once' ? { dueAt: when.at, rule: null } : { dueAt: when.first, rule: when.rule };
  }

  private async targetFor(input: NewReminder): Promise<ReminderTarget> {
    const target = input.target ?? (await defaultDelivery(this.em, input.userId));
    // "Here" means nothing in DMs: a DM is already here.
    return target === 'here' && !input.guildId ? 'dm' : target;
  }

  private async parse(text: string, userId: string, guildId: string | null): Promise<Result<When>> {
    const { zone } = await zoneFor(this.em, userId, guildId);
    const parsed = parseWhen(text, {
      zone,
      now: this.now(),
      minIntervalMinutes: this.config.REMINDERS_MIN_INTERVAL_MINUTES,
      maxAheadYears: this.config.REMINDERS_MAX_AHEAD_YEARS,
    });
    return parsed.ok ? ok(parsed.when) : fail("I can't use that time", parsed.error);
  }

  private checkText(raw: string | null | undefined): Result<string> {
    const text = (raw ?? '').trim();
    if (!text) return fail('What should I remind you of?', 'Add some text, for example `what: stretch your legs`.');
    const max = this.config.REMINDERS_MAX_TEXT_LENGTH;
    if (text.length > max) {
      return fail(
        'That text is too long',
        `Keep it to ${max.toLocaleString('en')} characters (it has ${text.length.toLocaleString('en')}).`,
      );
    }
    return ok(text);
  }

  private async checkLimits(em: EntityManager, userId: string, channelGuildId: string | null): Promise<Result<true>> {
    const mine = await em.count(Reminder, { userId, state: { $in: ACTIVE_STATES } });
    const maxMine = this.config.REMINDERS_MAX_ACTIVE_PER_USER;
    if (mine >= maxMine) {
      return fail(
        'Too many reminders',
        `You have ${mine} active reminders, the most allowed is ${maxMine}. Delete one with \`/remind delete\` first.`,
      );
    }
    if (channelGuildId) {
      const inGuild = await em.count(Reminder, {
        guildId: channelGuildId,
        target: 'channel',
        state: { $in: ACTIVE_STATES },
      });
      const maxGuild = this.config.REMINDERS_MAX_CHANNEL_PER_GUILD;
      if (inGuild >= maxGuild) {
        return fail(
          'This server has too many channel reminders',
          `It has ${inGuild}, the most allowed is ${maxGuild}. Ask whoever set them to delete some.`,
        );
      }
    }
    return ok(true);
  }
}
