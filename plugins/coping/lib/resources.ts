import type { APIEmbedField } from 'discord.js';
import type { ReplyContent } from 'mellow';
import { type CrisisLine, content } from './content';

const { countries, international } = content.crisisLines;

export const EMERGENCY_LINE = 'If you are in immediate danger, call your local emergency number.';

export const countryCodes = () => Object.keys(countries);
export const countryName = (code: string) => countries[code]?.name ?? code;

/** A country code from "GB", "uk", "United Kingdom"…; null when the input names no country we know. */
export function resolveCountry(input: string | null | undefined): string | null {
  const wanted = (input ?? '').trim().toUpperCase();
  if (!wanted) return null;
  for (const [code, country] of Object.entries(countries)) {
    if (code === wanted || country.name.toUpperCase() === wanted || country.aliases.includes(wanted)) return code;
  }
  return null;
}

/** Any two-letter code: one we have lines for, or another country that gets the international directory. */
export const looksLikeCountryCode = (input: string) => /^[A-Za-z]{2}$/.test(input.trim());

const lineField = (line: CrisisLine): APIEmbedField => ({
  name: line.name,
  value: `${line.contact}\n${line.url}`,
});

/** Crisis lines for a country (a code we may not have: then the international directories). */
export function resourcesReply(code: string | null): ReplyContent {
  const country = code ? countries[code] : undefined;
  const lines = country ? country.lines : international.lines;
  const where = country ? country.name : 'your country';
  const emergency = country
    ? `If you are in immediate danger, call **${country.emergency}** (your local emergency number).`
    : EMERGENCY_LINE;
  const intro = country
    ? `You don't have to go through this alone. These services are free and confidential, and the people there want to listen.`
    : `${code ? `I don't have a list for ${code} yet, but these` : 'These'} directories can find a free, confidential helpline near you.`;
  const others = country ? '\nOther countries: `/resources country:<code>`, or findahelpline.com.' : '';
  return {
    outcome: 'info',
    title: `Support in ${where}`,
    description: `${emergency}\n\n${intro}${others}`,
    extra: {
      embeds: [
        {
          fields: [...lines.map(lineField), ...(country ? [lineField(international.lines[0]!)] : [])].slice(0, 25),
          footer: {
            text: `Last verified ${lines[0]!.lastVerified}. Numbers change: if one doesn't work, findahelpline.com has the current list.`,
          },
        },
      ],
    },
  };
}

/** The lines as plain text, for a DM where every word should be easy to read. */
export function resourcesText(code: string | null): string {
  const country = code ? countries[code] : undefined;
  const lines = (country ? country.lines : international.lines).map((line) => `• **${line.name}**: ${line.contact}`);
  const emergency = country
    ? `If you are in immediate danger, call **${country.emergency}** (your local emergency number).`
    : EMERGENCY_LINE;
  return [emergency, ...lines, country ? '• Elsewhere: https://findahelpline.com' : ''].filter(Boolean).join('\n');
}
