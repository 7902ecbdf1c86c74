import { QueryClient } from '@tanstack/react-query';

/**
 * The cache every `useApiQuery` shares. Screens load when they open and again when they say so,
 * as they did before there was a cache: no retries, no reloads on focus or reconnect unless a
 * screen asks, and nothing kept once no screen shows it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Offline, a request still goes out and fails: screens explain an unreachable server
        // (and pages kept on this device open) instead of waiting for the network to return.
        networkMode: 'always',
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        gcTime: 0,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
