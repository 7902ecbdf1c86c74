export * from './evaluateRelevance';
export * from './handbookQuestions';
export * from './loadHandbook';
export * from './newHireQuestions';
