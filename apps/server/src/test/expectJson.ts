import { expect } from 'vitest';
import type { JsonBody, TestResponse } from './startTestServer';

/**
 * The JSON body of `response`, after checking its status; a wrong status fails with the body as
 * the message, which says why far better than the status alone.
 */
export async function expectJson(response: TestResponse, status: number): Promise<JsonBody> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body;
}
