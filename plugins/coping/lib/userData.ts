import type { EntityManager } from '@mikro-orm/core';
import { CopingCrisisEvent } from '../entities/CopingCrisisEvent';
import { CopingDmCooldown } from '../entities/CopingDmCooldown';
import { CopingOptOut } from '../entities/CopingOptOut';
import { CopingPlan } from '../entities/CopingPlan';
import { CopingToolboxItem } from '../entities/CopingToolboxItem';
import { messageLink } from './alerts';
import { eventDetails } from './events';
import { readPlan } from './plan';
import { detectionState } from './state';
import { readToolbox } from './toolbox';

const UNREADABLE = 'stored with an encryption key that is no longer configured, so it cannot be shown';

/** Everything the plugin keeps about one user, decrypted, for /privacy export. */
export async function exportCopingData(em: EntityManager, userId: string) {
  const [toolbox, plan, optOut, cooldown, events, handled] = await Promise.all([
    readToolbox(em, userId),
    readPlan(em, userId),
    em.findOne(CopingOptOut, { userId }),
    em.findOne(CopingDmCooldown, { userId }),
    em.find(CopingCrisisEvent, { userId }, { orderBy: { id: 'asc' } }),
    em.find(CopingCrisisEvent, { handledBy: userId }, { orderBy: { id: 'asc' } }),
  ]);
  return {
    toolbox: toolbox.tools.map(({ text, addedAt }) => ({ text, addedAt })),
    ...(toolbox.unreadable ? { toolboxUnreadable: `${toolbox.unreadable} tool(s) ${UNREADABLE}` } : {}),
    plan:
      plan.kind === 'plan'
        ? { ...plan.content, createdAt: plan.createdAt, updatedAt: plan.updatedAt }
        : plan.kind === 'unreadable'
          ? { note: `Your plan is ${UNREADABLE}` }
          : null,
    crisisDetection: { optedOut: optOut !== null, optedOutAt: optOut?.createdAt ?? null },
    lastCheckInMessageAt: cooldown?.lastSentAt ?? null,
    crisisEvents: events.map((event) => {
      const details = eventDetails(event);
      return {
        guildId: event.guildId,
        messageLink: messageLink(event),
        detectedAt: event.createdAt,
        level: details?.level ?? UNREADABLE,
        reason: details?.reason ?? null,
        ...(details?.text !== undefined ? { messageText: details.text } : {}),
        checkInMessage: event.dmStatus,
        moderatorResponse: event.outcome,
        respondedAt: event.handledAt,
      };
    }),
    alertsYouHandled: handled.map((event) => ({
      eventId: event.id,
      guildId: event.guildId,
      outcome: event.outcome,
      handledAt: event.handledAt,
    })),
  };
}

/**
 * Erases the user's toolbox, plan, opt-out, cooldown and the events about them. Alerts they handled
 * as a moderator stay (they are about someone else) but no longer say who handled them.
 */
export async function deleteCopingData(em: EntityManager, userId: string): Promise<number> {
  const counts = await Promise.all([
    em.nativeDelete(CopingToolboxItem, { userId }),
    em.nativeDelete(CopingPlan, { userId }),
    em.nativeDelete(CopingOptOut, { userId }),
    em.nativeDelete(CopingDmCooldown, { userId }),
    em.nativeDelete(CopingCrisisEvent, { userId }),
    em.nativeUpdate(CopingCrisisEvent, { handledBy: userId }, { handledBy: null }),
  ]);
  detectionState.applyOptOut(userId, false);
  return counts.reduce((sum, count) => sum + count, 0);
}
