import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  canonicalZone,
  describeRule,
  nextOccurrence,
  parseWhen,
  searchZones,
  type RecurrenceRule,
  type WhenErrorCode,
} from '../../../src/lib/time';

/** `now` and expectations are local ISO times with their offset, as a user in that zone reads a clock. */
interface Row {
  zone: string;
  now: string;
  text: string;
  expect: string | WhenErrorCode;
}

const once: Row[] = [
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'in 10 minutes',
    expect: '2026-06-10T12:10:00+02:00',
  },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'in 2h', expect: '2026-06-10T14:00:00+02:00' },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'tomorrow at 9am',
    expect: '2026-06-11T09:00:00+02:00',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'friday 18:30',
    expect: '2026-06-12T18:30:00+02:00',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: '2026-12-01 08:00',
    expect: '2026-12-01T08:00:00+01:00',
  },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'friday', expect: '2026-06-12T09:00:00+02:00' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'at 9am', expect: '2026-06-11T09:00:00+02:00' },
  {
    zone: 'America/New_York',
    now: '2026-06-10T12:00:00-04:00',
    text: 'tomorrow at 9am',
    expect: '2026-06-11T09:00:00-04:00',
  },
  { zone: 'Asia/Kolkata', now: '2026-06-10T12:00:00+05:30', text: 'tomorrow 9am', expect: '2026-06-11T09:00:00+05:30' },
  { zone: 'Australia/Sydney', now: '2026-06-10T12:00:00+10:00', text: 'dec 25', expect: '2026-12-25T09:00:00+11:00' },
  // Relative times are real elapsed time, even across a clock change.
  { zone: 'Europe/Berlin', now: '2026-03-29T01:30:00+01:00', text: 'in 2 hours', expect: '2026-03-29T04:30:00+02:00' },
  {
    zone: 'America/New_York',
    now: '2026-11-01T00:30:00-04:00',
    text: 'in 2 hours',
    expect: '2026-11-01T01:30:00-05:00',
  },
  // Wall-clock times take the offset of their own date.
  {
    zone: 'Europe/Berlin',
    now: '2026-03-28T12:00:00+01:00',
    text: 'tomorrow at 9am',
    expect: '2026-03-29T09:00:00+02:00',
  },
  {
    zone: 'Australia/Sydney',
    now: '2026-04-04T12:00:00+11:00',
    text: 'tomorrow at 9am',
    expect: '2026-04-05T09:00:00+10:00',
  },
  {
    zone: 'Australia/Sydney',
    now: '2026-10-03T12:00:00+10:00',
    text: 'tomorrow at 9am',
    expect: '2026-10-04T09:00:00+11:00',
  },
  // A time that doesn't exist moves past the gap; one that happens twice takes the first.
  {
    zone: 'Europe/Berlin',
    now: '2026-03-28T12:00:00+01:00',
    text: 'tomorrow 2:30am',
    expect: '2026-03-29T03:30:00+02:00',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-10-24T12:00:00+02:00',
    text: 'tomorrow 2:30am',
    expect: '2026-10-25T02:30:00+02:00',
  },
  {
    zone: 'America/New_York',
    now: '2026-10-31T12:00:00-04:00',
    text: 'tomorrow 1:30am',
    expect: '2026-11-01T01:30:00-04:00',
  },
  // Bad input.
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: '', expect: 'empty' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: '   ', expect: 'empty' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'x'.repeat(10_000), expect: 'too-long' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'in -5 minutes', expect: 'past' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'yesterday at 9am', expect: 'past' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'in 6 years', expect: 'too-far' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: 'banana', expect: 'unparsed' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: '🍌 ünïcödé', expect: 'unparsed' },
  { zone: 'Europe/Berlin', now: '2026-06-10T12:00:00+02:00', text: '@everyone tomorrow', expect: 'unparsed' },
  { zone: 'Mars/Olympus_Mons', now: '2026-06-10T12:00:00+02:00', text: 'tomorrow', expect: 'bad-zone' },
];

const recurring: (Row & { describes: string })[] = [
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T22:00:00+02:00',
    text: 'every day at 21:00',
    expect: '2026-06-11T21:00:00+02:00',
    describes: 'every day at 21:00 (Europe/Berlin)',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'every monday 10:00',
    expect: '2026-06-15T10:00:00+02:00',
    describes: 'every Monday at 10:00 (Europe/Berlin)',
  },
  {
    zone: 'America/New_York',
    now: '2026-06-10T12:00:00-04:00',
    text: 'every monday and thursday at 6pm',
    expect: '2026-06-11T18:00:00-04:00',
    describes: 'every Monday and Thursday at 18:00 (America/New_York)',
  },
  {
    zone: 'Asia/Kolkata',
    now: '2026-06-13T12:00:00+05:30',
    text: 'every weekday at 8',
    expect: '2026-06-15T08:00:00+05:30',
    describes: 'every weekday at 08:00 (Asia/Kolkata)',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'every 2 hours',
    expect: '2026-06-10T14:00:00+02:00',
    describes: 'every 2 hours',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'hourly',
    expect: '2026-06-10T13:00:00+02:00',
    describes: 'every hour',
  },
  {
    zone: 'Australia/Sydney',
    now: '2026-06-10T12:00:00+10:00',
    text: 'every month on the 31st at 7:15',
    expect: '2026-06-30T07:15:00+10:00',
    describes: 'every month on the 31st at 07:15 (Australia/Sydney)',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'daily',
    expect: '2026-06-11T09:00:00+02:00',
    describes: 'every day at 09:00 (Europe/Berlin)',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'every other day at 9am',
    expect: '2026-06-11T09:00:00+02:00',
    describes: 'every 2 days at 09:00 (Europe/Berlin)',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'every 0 minutes',
    expect: 'interval-too-short',
    describes: '',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'every 4 minutes',
    expect: 'interval-too-short',
    describes: '',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'every 30 seconds',
    expect: 'interval-too-short',
    describes: '',
  },
  {
    zone: 'Europe/Berlin',
    now: '2026-06-10T12:00:00+02:00',
    text: 'every blue moon',
    expect: 'unparsed',
    describes: '',
  },
];

function local(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

describe('time parsing (src/lib/time)', () => {
  for (const row of once) {
    it(`GIVEN "${row.text.slice(0, 30)}" in ${row.zone} at ${row.now} THEN ${row.expect}`, () => {
      const result = parseWhen(row.text, { zone: row.zone, now: new Date(row.now) });
      if (!result.ok) return assert.equal(result.code, row.expect, result.error);
      assert.equal(result.when.kind, 'once');
      if (result.when.kind === 'once') assert.equal(local(result.when.at, row.zone), row.expect);
    });
  }

  for (const row of recurring) {
    it(`GIVEN "${row.text}" in ${row.zone} at ${row.now} THEN ${row.expect}`, () => {
      const result = parseWhen(row.text, { zone: row.zone, now: new Date(row.now) });
      if (!result.ok) return assert.equal(result.code, row.expect, result.error);
      assert.equal(result.when.kind, 'recurring');
      if (result.when.kind !== 'recurring') return;
      assert.equal(local(result.when.first, row.zone), row.expect);
      assert.equal(describeRule(result.when.rule), row.describes);
    });
  }

  it('GIVEN errors THEN each says what to type instead', () => {
    const past = parseWhen('in -5 minutes', { zone: 'UTC' });
    assert.equal(past.ok, false);
    if (!past.ok) assert.match(past.error, /in the past.*Try/);
  });

  it('GIVEN recurring is not allowed THEN "every day" is refused', () => {
    const result = parseWhen('every day', { zone: 'UTC', allowRecurring: false });
    assert.equal(result.ok ? 'ok' : result.code, 'recurring-not-allowed');
  });
});

describe('recurrence across DST (nextOccurrence)', () => {
  const walk = (rule: RecurrenceRule, from: string, count: number): string[] => {
    const out: string[] = [];
    let at = new Date(from);
    for (let i = 0; i < count; i++) out.push(local((at = nextOccurrence(rule, at)), rule.zone));
    return out;
  };

  it('GIVEN every day at 09:00 in Berlin over spring-forward THEN 09:00 stays 09:00', () => {
    const rule: RecurrenceRule = {
      kind: 'daily',
      zone: 'Europe/Berlin',
      every: 1,
      time: { hour: 9, minute: 0 },
      anchorDate: '2026-03-27',
    };
    assert.deepEqual(walk(rule, '2026-03-27T10:00:00+01:00', 3), [
      '2026-03-28T09:00:00+01:00',
      '2026-03-29T09:00:00+02:00',
      '2026-03-30T09:00:00+02:00',
    ]);
  });

  it('GIVEN every day at 09:00 in New York over fall-back THEN 09:00 stays 09:00', () => {
    const rule: RecurrenceRule = {
      kind: 'daily',
      zone: 'America/New_York',
      every: 1,
      time: { hour: 9, minute: 0 },
      anchorDate: '2026-10-30',
    };
    assert.deepEqual(walk(rule, '2026-10-31T10:00:00-04:00', 2), [
      '2026-11-01T09:00:00-05:00',
      '2026-11-02T09:00:00-05:00',
    ]);
  });

  it('GIVEN 02:30 daily in Berlin THEN the missing 02:30 fires at 03:30 and the doubled one fires once', () => {
    const rule: RecurrenceRule = {
      kind: 'daily',
      zone: 'Europe/Berlin',
      every: 1,
      time: { hour: 2, minute: 30 },
      anchorDate: '2026-01-01',
    };
    assert.deepEqual(walk(rule, '2026-03-28T12:00:00+01:00', 2), [
      '2026-03-29T03:30:00+02:00',
      '2026-03-30T02:30:00+02:00',
    ]);
    assert.deepEqual(walk(rule, '2026-10-24T12:00:00+02:00', 2), [
      '2026-10-25T02:30:00+02:00',
      '2026-10-26T02:30:00+01:00',
    ]);
  });

  it('GIVEN every Sunday 08:00 in Sydney over both changes THEN 08:00 stays 08:00', () => {
    const rule: RecurrenceRule = {
      kind: 'weekly',
      zone: 'Australia/Sydney',
      every: 1,
      weekdays: [7],
      time: { hour: 8, minute: 0 },
      anchorDate: '2026-01-01',
    };
    assert.deepEqual(walk(rule, '2026-03-30T00:00:00+11:00', 2), [
      '2026-04-05T08:00:00+10:00',
      '2026-04-12T08:00:00+10:00',
    ]);
    assert.deepEqual(walk(rule, '2026-09-28T00:00:00+10:00', 2), [
      '2026-10-04T08:00:00+11:00',
      '2026-10-11T08:00:00+11:00',
    ]);
  });

  it('GIVEN every 2 hours over spring-forward THEN occurrences are 120 real minutes apart', () => {
    const rule: RecurrenceRule = {
      kind: 'interval',
      zone: 'Europe/Berlin',
      minutes: 120,
      anchor: '2026-03-28T23:00:00.000Z',
    };
    assert.deepEqual(walk(rule, '2026-03-29T00:30:00+01:00', 2), [
      '2026-03-29T03:00:00+02:00',
      '2026-03-29T05:00:00+02:00',
    ]);
  });

  it('GIVEN "every 2 weeks on monday" on a Wednesday THEN next Monday, then alternate Mondays', () => {
    const now = '2026-06-10T12:00:00+05:30';
    const parsed = parseWhen('every 2 weeks on monday at 9', { zone: 'Asia/Kolkata', now: new Date(now) });
    assert.ok(parsed.ok && parsed.when.kind === 'recurring');
    assert.deepEqual(walk(parsed.when.rule, now, 3), [
      '2026-06-15T09:00:00+05:30',
      '2026-06-29T09:00:00+05:30',
      '2026-07-13T09:00:00+05:30',
    ]);
  });

  it('GIVEN a bot that was offline for days THEN the next occurrence is after now, not a missed one', () => {
    const rule: RecurrenceRule = {
      kind: 'daily',
      zone: 'UTC',
      every: 1,
      time: { hour: 9, minute: 0 },
      anchorDate: '2026-01-01',
    };
    assert.equal(nextOccurrence(rule, new Date('2026-06-10T12:00:00Z')).toISOString(), '2026-06-11T09:00:00.000Z');
  });
});

describe('time zones', () => {
  it('GIVEN a city fragment THEN autocomplete lists the matching zones first', () => {
    assert.equal(searchZones('berlin')[0], 'Europe/Berlin');
    assert.equal(searchZones('new york')[0], 'America/New_York');
    assert.ok(searchZones('a', 25).length <= 25);
  });

  it('GIVEN loose spelling THEN it maps to the canonical zone, and junk maps to nothing', () => {
    assert.equal(canonicalZone('europe/berlin'), 'Europe/Berlin');
    assert.equal(canonicalZone('gmt'), 'UTC');
    assert.equal(canonicalZone('asia/calcutta'), 'Asia/Kolkata');
    assert.equal(canonicalZone('Asia/Kolkata'), 'Asia/Kolkata');
    assert.equal(searchZones('kolkata')[0], 'Asia/Kolkata');
    assert.equal(canonicalZone('+02:00'), null);
    assert.equal(canonicalZone('Mars/Olympus_Mons'), null);
  });
});
