import type { Page } from 'playwright-core';

/**
 * Collects what should never happen in a page: uncaught exceptions and console errors such as
 * Content-Security-Policy violations. HTTP error statuses are expected (a 401 before login) and
 * Chromium reports them as "Failed to load resource", so those are left out.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource')) return;
    problems.push(`console: ${message.text()}`);
  });
  return problems;
}
