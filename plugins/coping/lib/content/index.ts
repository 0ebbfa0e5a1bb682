/**
 * The curated library. Every text users see comes from the JSON files beside this one, so each
 * entry can be reviewed in one place. They are validated when the plugin loads: a bad edit fails
 * the plugin with the reason instead of surfacing as a broken reply.
 */
import { z } from 'zod';
import affirmationsJson from './affirmations.json';
import breathingJson from './breathing.json';
import challengesJson from './challenges.json';
import crisisLinesJson from './crisis-lines.json';
import distractionsJson from './distractions.json';
import groundingJson from './grounding.json';
import musicJson from './music.json';
import suggestionsJson from './suggestions.json';

export const FEELINGS = ['anxious', 'sad', 'stressed', 'lonely', 'angry', 'overwhelmed', 'tired', 'panicky'] as const;
export type Feeling = (typeof FEELINGS)[number];

export const TECHNIQUES = ['box', '4-7-8', 'coherent'] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const GOALS = ['general', 'sleep', 'anxiety', 'stress', 'mood', 'focus', 'lonely', 'anger'] as const;
export type Goal = (typeof GOALS)[number];

export const PLAN_SECTIONS = ['warningSigns', 'selfCare', 'people', 'help', 'professionals'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

const text = z.string().trim().min(1).max(300);
const texts = z.array(text).min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const breathingSchema = z.object({
  techniques: z.record(
    z.enum(TECHNIQUES),
    z.object({
      name: text,
      summary: text,
      steps: texts,
      phases: z.array(z.object({ label: text, seconds: z.number().positive().max(20) })).min(2),
    }),
  ),
  forFeeling: z.record(z.string(), z.enum(TECHNIQUES)),
  encouragements: texts,
});

const groundingSchema = z.object({
  intro: text,
  steps: z.array(z.object({ count: z.number().int(), sense: text, prompts: texts })).length(5),
  outro: texts,
});

const planSchema = z.object(
  Object.fromEntries(PLAN_SECTIONS.map((section) => [section, texts])) as Record<PlanSection, typeof texts>,
);

const suggestionsSchema = z.object({
  goals: z.record(z.enum(GOALS), z.object({ label: text, toolbox: texts, plan: planSchema })),
});

const lineSchema = z.object({
  name: text,
  contact: text,
  url: z.url(),
  source: z.url(),
  lastVerified: isoDate,
});

const crisisLinesSchema = z.object({
  compiled: isoDate,
  international: z.object({ name: text, lines: z.array(lineSchema).min(1) }),
  countries: z.record(
    z.string().regex(/^[A-Z]{2}$/),
    z.object({ name: text, emergency: text, aliases: z.array(z.string()), lines: z.array(lineSchema).min(1) }),
  ),
});

const musicSchema = z.array(z.object({ title: text, artist: text, mood: text, note: text })).min(10);

export const content = {
  affirmations: z
    .record(z.enum(['general', ...FEELINGS.filter((f) => f !== 'panicky')]), texts)
    .parse(affirmationsJson),
  breathing: breathingSchema.parse(breathingJson),
  challenges: texts.parse(challengesJson),
  crisisLines: crisisLinesSchema.parse(crisisLinesJson),
  distractions: texts.parse(distractionsJson),
  grounding: groundingSchema.parse(groundingJson),
  music: musicSchema.parse(musicJson),
  suggestions: suggestionsSchema.parse(suggestionsJson),
};

export type CrisisLine = z.output<typeof lineSchema>;
export type MusicPick = z.output<typeof musicSchema>[number];
export type PlanSuggestion = z.output<typeof planSchema>;
