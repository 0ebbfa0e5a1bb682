/**
 * Precision and recall per level of the crisis classifier over the labelled table in
 * plugins/coping/test/classifier-table.json. Run with `npm run coping:classifier`.
 * `--misses` also lists every message rated differently from its label.
 */
import { evaluate, holdout, labelled, type LabelledMessage } from '../test/classifierTable';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

function report(title: string, messages: LabelledMessage[]) {
  const { results, scores } = evaluate(messages);
  console.log(`\n${title}: ${results.length} labelled messages\n`);
  console.log('level      labelled  rated  precision  recall');
  for (const { level, support, predicted, precision, recall } of scores) {
    console.log(
      `${level.padEnd(10)} ${String(support).padStart(8)} ${String(predicted).padStart(6)}  ${pct(precision)}  ${pct(recall)}`,
    );
  }
  const exact = results.filter((r) => r.expected === r.actual).length;
  console.log(`\nexact level: ${pct(exact / results.length)}`);

  const alerting = (level: string) => level === 'high' || level === 'critical';
  const truthAlerts = results.filter((r) => alerting(r.expected));
  const raisedAlerts = results.filter((r) => alerting(r.actual));
  const correctAlerts = results.filter((r) => alerting(r.expected) && alerting(r.actual)).length;
  console.log(
    `alerts (high or critical): precision ${pct(correctAlerts / raisedAlerts.length)}, recall ${pct(correctAlerts / truthAlerts.length)}`,
  );

  if (process.argv.includes('--misses')) {
    console.log('\nMisses (label → rating):');
    for (const r of results.filter((row) => row.expected !== row.actual)) {
      console.log(`  ${r.expected} → ${r.actual}  [${r.tag}] ${JSON.stringify(r.text)}  (${r.why})`);
    }
  }
}

report('Development table (the rules were tuned on it)', labelled);
report('Held-out table (written after the rules were frozen)', holdout);
