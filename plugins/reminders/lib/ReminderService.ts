import type { EntityManager } from '@mikro-orm/core';
import { ACTIVE_STATES, type Reminder } from '../entities/Reminder';
import { deleteReminder, editReminder, pauseReminder, resumeReminder } from './changeReminder';
import type { RemindersConfig } from './config';
import { createReminder, type NewReminder } from './createReminder';
import { listReminders, ownReminder, type ReminderPage, searchReminders } from './findReminders';
import type { ReminderDeps } from './reminderInput';
import type { Result } from './result';
import { doneReminder, type SnoozeChoice, snoozeReminder } from './snoozeAndDone';

/** The rules of reminders: limits, parsing, ownership and state changes. Discord-free; jobs follow rows. */
export class ReminderService {
  private readonly deps: ReminderDeps;

  public constructor(em: EntityManager, config: RemindersConfig, now: () => Date = () => new Date()) {
    this.deps = { em, config, now };
  }

  public create(input: NewReminder): Promise<Result<Reminder>> {
    return createReminder(this.deps, input);
  }

  public list(userId: string, page: number): Promise<ReminderPage> {
    return listReminders(this.deps.em, userId, page);
  }

  public search(userId: string, query: string, limit = 25): Promise<Reminder[]> {
    return searchReminders(this.deps.em, userId, query, limit);
  }

  public own(userId: string, id: number, states = ACTIVE_STATES): Promise<Result<Reminder>> {
    return ownReminder(this.deps.em, userId, id, states);
  }

  public delete(userId: string, id: number): Promise<Result<Reminder>> {
    return deleteReminder(this.deps, userId, id);
  }

  public edit(
    userId: string,
    id: number,
    changes: { when?: string | null; what?: string | null },
  ): Promise<Result<Reminder>> {
    return editReminder(this.deps, userId, id, changes);
  }

  public pause(userId: string, id: number): Promise<Result<Reminder>> {
    return pauseReminder(this.deps, userId, id);
  }

  public resume(userId: string, id: number): Promise<Result<Reminder>> {
    return resumeReminder(this.deps, userId, id);
  }

  public snooze(
    userId: string,
    id: number,
    choice: SnoozeChoice,
    occurrence: Date | null = null,
  ): Promise<Result<Reminder>> {
    return snoozeReminder(this.deps, userId, id, choice, occurrence);
  }

  public done(userId: string, id: number): Promise<Result<Reminder>> {
    return doneReminder(this.deps, userId, id);
  }
}
