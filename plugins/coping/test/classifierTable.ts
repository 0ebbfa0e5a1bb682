import { classify, explain } from '../lib/classifier';
import { LEVELS, type Level } from '../lib/classifier/levels';
import holdoutTable from './classifier-holdout.json';
import table from './classifier-table.json';

export interface LabelledMessage {
  expected: Level;
  tag: string;
  text: string;
}

const rows = (source: unknown): LabelledMessage[] =>
  (source as [Level, string, string][]).map(([expected, tag, text]) => ({ expected, tag, text }));

/** The table the rules were written against. */
export const labelled = rows(table);
/** Written after the rules were frozen and never used to change them: the fairer estimate. */
export const holdout = rows(holdoutTable);

export interface LevelScore {
  level: Level;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
}

export function evaluate(messages: LabelledMessage[] = labelled) {
  const results = messages.map((row) => {
    const classification = classify(row.text);
    return { ...row, actual: classification.level, why: explain(classification) };
  });
  const scores: LevelScore[] = LEVELS.map((level) => {
    const support = results.filter((r) => r.expected === level).length;
    const predicted = results.filter((r) => r.actual === level).length;
    const correct = results.filter((r) => r.expected === level && r.actual === level).length;
    return {
      level,
      support,
      predicted,
      precision: predicted ? correct / predicted : 1,
      recall: support ? correct / support : 1,
    };
  });
  return { results, scores };
}
