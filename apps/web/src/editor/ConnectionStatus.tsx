import type { ConnectionState } from './CollabSession';

const labels: Record<ConnectionState, string> = {
  connected: 'Connected',
  syncing: 'Syncing…',
  offline: 'Offline — changes are saved on this device',
  closed: 'Disconnected',
};

/** A dot and a word for the page's connection, announced politely when it changes. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <p className="connection-status" data-state={state} role="status">
      <span className="connection-status__dot" aria-hidden="true" />
      <span className="connection-status__label">{labels[state]}</span>
    </p>
  );
}
