// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, Component, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { createQueryClient } from './createQueryClient';
import { type ApiQuery, useApiQuery } from './useApiQuery';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

class Boundary extends Component<{ children: ReactNode }, { caught: unknown }> {
  override state = { caught: null as unknown };
  static getDerivedStateFromError(caught: unknown) {
    return { caught };
  }
  override render() {
    return this.state.caught ? <p>crashed: {String(this.state.caught)}</p> : this.props.children;
  }
}

/** Lets pending answers arrive and the cache tell its observers (it batches on a timer). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
});

/** Renders probes under one query client and returns what each probe last saw. */
async function render(probes: (seen: ApiQuery<string>[]) => ReactNode) {
  const seen: ApiQuery<string>[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  await act(async () =>
    root.render(
      <QueryClientProvider client={createQueryClient()}>
        <Boundary>{probes(seen)}</Boundary>
      </QueryClientProvider>,
    ),
  );
  await settle();
  return { seen, container };
}

function Probe(props: { load: () => Promise<string>; seen: ApiQuery<string>[]; at: number }) {
  props.seen[props.at] = useApiQuery(['probe'], props.load);
  return null;
}

describe('useApiQuery', () => {
  it('returns an API failure for the screen to show, and the answer once a reload succeeds', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError(404, 'page_not_found', 'No such page.'))
      .mockResolvedValueOnce('the page');
    const { seen, container } = await render((seen) => <Probe load={load} seen={seen} at={0} />);
    expect(seen[0]?.data).toBeNull();
    expect(seen[0]?.error?.code).toBe('page_not_found');
    expect(container.textContent).not.toMatch(/crashed/);
    // Not retried: one failure is one request.
    expect(load).toHaveBeenCalledTimes(1);

    await act(async () => seen[0]?.reload());
    await settle();
    expect(seen[0]?.data).toBe('the page');
    expect(seen[0]?.error).toBeNull();
  });

  it('throws any other failure to the nearest error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = () => Promise.reject(new TypeError('a bug'));
    const { container } = await render((seen) => <Probe load={load} seen={seen} at={0} />);
    expect(container.textContent).toBe('crashed: TypeError: a bug');
    vi.restoreAllMocks();
  });

  it('shares one answer between screens showing the same key, and setData changes it for both', async () => {
    const load = vi.fn(() => Promise.resolve('first'));
    const { seen } = await render((seen) => (
      <>
        <Probe load={load} seen={seen} at={0} />
        <Probe load={load} seen={seen} at={1} />
      </>
    ));
    expect(load).toHaveBeenCalledTimes(1);
    expect(seen.map((query) => query.data)).toEqual(['first', 'first']);

    await act(async () => seen[0]?.setData((current) => `${current} edited`));
    await settle();
    expect(seen.map((query) => query.data)).toEqual(['first edited', 'first edited']);
  });
});
