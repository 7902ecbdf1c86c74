import type { Page } from 'playwright-core';
import type { Credentials } from './seedAdmin';

/** Signs in through the login page and waits until the app shell shows the user. */
export async function logIn(page: Page, who: Credentials): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: who.displayName }).waitFor();
}
