/**
 * Words people type in questions that say nothing about the page they want ("how do I …").
 * They are ignored when a query has other words, and matched when it has nothing else.
 */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an and are as at be by can could did do does for from get had has have how i if in into ' +
    'is it its me my of on or our should so than that the their them then there these they this ' +
    'to us was we were what when where which who whom why will with would you your'
  ).split(' '),
);
