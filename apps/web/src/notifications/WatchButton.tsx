import type { PageWatch } from '@lore/api';
import { useState } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { notificationsApi } from './notificationsApi';
import './notifications.css';

/** Watch or unwatch a page (hear of its changes and comments). */
export function WatchButton({ pageId }: { pageId: string }) {
  const watch = useApiQuery(['pages', pageId, 'watch'], () => notificationsApi.pageWatch(pageId));
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const state: PageWatch | null = watch.data;
  if (!state) return null;
  const toggle = async () => {
    setBusy(true);
    setFailed(false);
    try {
      watch.setData(
        await (state.watching
          ? notificationsApi.unwatchPage(pageId)
          : notificationsApi.watchPage(pageId)),
      );
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const hint = state.viaSpace && !state.watching ? 'You watch its space already.' : undefined;
  return (
    <button
      type="button"
      className="button button--secondary button--small watch-button"
      aria-pressed={state.watching}
      disabled={busy}
      title={failed ? 'That did not work. Try again.' : hint}
      onClick={toggle}
    >
      {state.watching ? 'Unwatch' : 'Watch'}
    </button>
  );
}

/** Watch or unwatch a whole space. */
export function SpaceWatchButton({ space }: { space: { id: string; slug: string } }) {
  const watching = useApiQuery(['watching'], () => notificationsApi.watching());
  const [busy, setBusy] = useState(false);
  if (!watching.data) return null;
  const on = watching.data.spaces.some((entry) => entry.space.id === space.id);
  const toggle = async () => {
    setBusy(true);
    try {
      await (on
        ? notificationsApi.unwatchSpace(space.slug)
        : notificationsApi.watchSpace(space.slug));
    } finally {
      setBusy(false);
      watching.reload();
    }
  };
  return (
    <button
      type="button"
      className="button button--secondary button--small watch-button"
      aria-pressed={on}
      disabled={busy}
      onClick={toggle}
    >
      {on ? 'Unwatch space' : 'Watch space'}
    </button>
  );
}
