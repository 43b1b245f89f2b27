export * from './targets/target';
export * from './taxonomy/indicator-levels';
export * from './review/finding';
export * from './targets/parse-target';
export * from './taxonomy/level-aliases';
