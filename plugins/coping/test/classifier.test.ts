import assert from 'node:assert/strict';
import { classify, explain } from '../lib/classifier';
import { evaluate, holdout, labelled } from './classifierTable';

const alerting = (level: string) => level === 'high' || level === 'critical';

describe('coping classifier', () => {
  it('GIVEN the labelled table THEN it holds at least 200 messages of every kind the issue names', () => {
    assert.ok(labelled.length >= 200, `only ${labelled.length} labelled messages`);
    for (const tag of ['negation', 'quote', 'hyperbole', 'lyrics', 'gaming', 'typo', 'caps', 'emoji']) {
      assert.ok(labelled.filter((row) => row.tag === tag).length >= 5, `fewer than 5 ${tag} examples`);
    }
  });

  it('GIVEN everyday exaggeration, lyrics, gaming talk or quotes THEN none of it would alert moderators', () => {
    for (const rows of [labelled, holdout]) {
      const { results } = evaluate(rows);
      const wrongAlerts = results.filter(
        (r) =>
          ['hyperbole', 'lyrics', 'gaming', 'quote', 'everyday'].includes(r.tag) &&
          r.expected === 'safe' &&
          alerting(r.actual),
      );
      assert.deepEqual(
        wrongAlerts.map((r) => r.text),
        [],
      );
    }
  });

  it('GIVEN critical messages THEN recall is high enough to trust (≥ 90% on the development table, ≥ 60% held out)', () => {
    // A missed critical message still gets the check-in DM when rated medium or high, but it must
    // not slip to safe; the held-out bar is lower because those phrasings were never tuned for.
    const dev = evaluate(labelled).scores.find((s) => s.level === 'critical')!;
    const held = evaluate(holdout).scores.find((s) => s.level === 'critical')!;
    assert.ok(dev.recall >= 0.9, `critical recall ${dev.recall}`);
    assert.ok(held.recall >= 0.6, `held-out critical recall ${held.recall}`);
  });

  it('GIVEN messages needing a check-in (medium and above) THEN most of them get one, and few safe ones do', () => {
    for (const [rows, floor] of [
      [labelled, 0.95],
      [holdout, 0.75],
    ] as const) {
      const { results } = evaluate(rows);
      const needing = results.filter((r) => ['medium', 'high', 'critical'].includes(r.expected));
      const reached = needing.filter((r) => ['medium', 'high', 'critical'].includes(r.actual));
      assert.ok(reached.length / needing.length >= floor, `check-in recall ${reached.length}/${needing.length}`);
      const safe = results.filter((r) => r.expected === 'safe');
      const bothered = safe.filter((r) => ['medium', 'high', 'critical'].includes(r.actual));
      assert.ok(bothered.length / safe.length <= 0.05, `safe messages sent a check-in: ${bothered.map((r) => r.text)}`);
    }
  });

  it('GIVEN a negation THEN the same words are not read as intent', () => {
    assert.equal(classify("I'm going to hurt myself").level, 'high');
    assert.equal(classify("I'm not going to hurt myself").level, 'safe');
    assert.deepEqual(classify("I'm not going to kill myself").ignored, [{ rule: 'high.end-life', why: 'negated' }]);
  });

  it('GIVEN “I won’t be here tomorrow” THEN it is a warning sign, unless an everyday absence explains it', () => {
    assert.equal(classify("I won't be here tomorrow").level, 'medium');
    assert.equal(classify('no, i wont be around much longer').level, 'medium', 'its own negation is the point');
    assert.equal(classify("I won't be here tomorrow, I have a dentist appointment").level, 'safe');
    assert.equal(classify("i won't be here tomorrow, back on monday").level, 'safe');
  });

  it('GIVEN someone worried about another person THEN it is a concern, not their own crisis', () => {
    const friend = classify('my friend wants to kill herself, what do i do');
    assert.equal(friend.level, 'low');
    assert.equal(friend.concern, true);
    assert.equal(classify('i want to kill myself').concern, false);
    assert.equal(classify('this homework is killing me').concern, false);
  });

  it('GIVEN a match THEN the result names the rule and a reason, never the message', () => {
    const result = classify('i want to kill myself tonight');
    assert.equal(result.level, 'critical');
    assert.ok(result.matches.some((m) => m.rule === 'high.intent' && m.adjustments.includes('intent with a time')));
    const why = explain(result);
    assert.match(why, /end their life/);
    assert.doesNotMatch(why, /kill myself/);
  });

  it('GIVEN all caps, typos, leetspeak or emoji THEN they read like the plain message', () => {
    for (const text of ['I WANT TO DIE', 'i wanna kil myslef', 'i want to d1e', 'i want to die 😔']) {
      assert.equal(classify(text).level, 'high', text);
    }
    assert.equal(classify('i want to die 💀').level, 'medium', 'laughing lowers it one step');
  });
});
