export const LEVELS = ['safe', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

export const rank = (level: Level): number => LEVELS.indexOf(level);
export const atLeast = (level: Level, floor: Level): boolean => rank(level) >= rank(floor);
export const lower = (level: Level, steps: number): Level => LEVELS[Math.max(0, rank(level) - steps)]!;
export const cap = (level: Level, ceiling: Level): Level => (rank(level) > rank(ceiling) ? ceiling : level);
export const highest = (levels: Level[]): Level => levels.reduce((a, b) => (rank(b) > rank(a) ? b : a), 'safe');
