export { classify, explain, shouldAlert, shouldCheckIn, type Classification, type RuleMatch } from './classify';
export { LEVELS, atLeast, type Level } from './levels';
