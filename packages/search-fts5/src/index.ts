export * from './Fts5SearchIndex';
export * from './relevance/evaluateRelevance';
export * from './relevance/handbookQuestions';
export * from './relevance/loadHandbook';
export * from './relevance/newHireQuestions';
