import { pageTitleField } from '@lore/schema';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { offlinePageStoreName } from '../offline/offlinePageStoreName';

/**
 * How the page's connection to the server stands, as the editor shows it:
 * `connected` (in sync), `syncing` (connecting or catching up), `offline` (changes stay on this
 * device until the connection returns) or `closed` (the server refused the page for good).
 */
export type ConnectionState = 'connected' | 'syncing' | 'offline' | 'closed';

/** Why the server ended the session for good: a 44xx close code and its reason. */
export interface TerminalClose {
  code: number;
  reason: string;
}

export interface CollabSnapshot {
  connection: ConnectionState;
  /** The copy kept on this device has been read (it may have been empty). */
  loadedLocally: boolean;
  /** The document has been in sync with the server at least once in this session. */
  syncedOnce: boolean;
  terminal: TerminalClose | null;
}

/** Close codes after which this device's copy of the page must not be kept. */
const forgetOnClose = new Set([4403, 4404]);

/**
 * One open page: its Y.Doc, kept on this device in IndexedDB and synchronised with the server
 * through the stock y-websocket provider. It follows the browser's online state, so edits made
 * offline are saved locally and sent when the connection returns, and it stops for good when
 * the server closes with a 44xx code.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly #persistence: IndexeddbPersistence;
  #snapshot: CollabSnapshot;
  #failedSinceSync = false;
  #destroyed = false;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #listeners = new Set<() => void>();

  constructor(readonly pageId: string) {
    this.#persistence = new IndexeddbPersistence(offlinePageStoreName(pageId), this.doc);
    const wsOrigin = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
    // The provider never connects by itself: each (re)connect first fetches a single-use
    // ticket (`#connect`), so no long-lived secret travels in the socket's URL.
    this.provider = new WebsocketProvider(`${wsOrigin}/collab`, pageId, this.doc, {
      disableBc: true,
      connect: false,
    });
    this.#snapshot = {
      connection: navigator.onLine ? 'syncing' : 'offline',
      loadedLocally: false,
      syncedOnce: false,
      terminal: null,
    };

    this.#persistence.on('synced', this.#onLocalLoad);
    this.provider.on('status', this.#update);
    this.provider.on('sync', this.#onSync);
    this.provider.on('connection-close', this.#onConnectionClose);
    this.provider.on('connection-error', this.#onFailure);
    this.provider.on('closed', this.#onClosed);
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    if (navigator.onLine) void this.#connect();
  }

  /** The Y.Text of the page title. */
  get title(): Y.Text {
    return this.doc.getText(pageTitleField);
  }

  get snapshot(): CollabSnapshot {
    return this.#snapshot;
  }

  /** For `useSyncExternalStore`: calls `listener` whenever {@link snapshot} changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  destroy(): void {
    this.#destroyed = true;
    clearTimeout(this.#reconnectTimer);
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#listeners.clear();
    this.provider.destroy();
    void this.#persistence.destroy();
    this.doc.destroy();
  }

  #onLocalLoad = () => {
    this.#set({ loadedLocally: true });
  };

  #onSync = (synced: boolean) => {
    if (synced) this.#failedSinceSync = false;
    this.#set(synced ? { syncedOnce: true } : {});
  };

  #onFailure = () => {
    this.#failedSinceSync = true;
    this.#update();
  };

  // The provider would reconnect with the ticket it already used; take over instead.
  #onConnectionClose = () => {
    this.provider.shouldConnect = false;
    this.#onFailure();
    clearTimeout(this.#reconnectTimer);
    const delay = Math.min(2 ** (this.provider.wsUnsuccessfulReconnects + 1) * 100, 2500);
    this.#reconnectTimer = setTimeout(() => void this.#connect(), delay);
  };

  #connect = async (): Promise<void> => {
    if (this.#destroyed || this.#snapshot.terminal || !navigator.onLine) return;
    let params: Record<string, string> = {};
    try {
      params = { ticket: (await api.collabTicket()).ticket };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.#onClosed({ code: 4401, reason: 'sign in first' });
        return;
      }
      // Unreachable or refused for another reason: try with the session cookie, which the
      // socket door also accepts; a failure there is retried like any other.
    }
    if (this.#destroyed || this.#snapshot.terminal || !navigator.onLine) return;
    this.provider.params = params;
    this.provider.connect();
  };

  #onClosed = (close: TerminalClose) => {
    this.provider.shouldConnect = false;
    this.provider.disconnect();
    if (forgetOnClose.has(close.code)) void this.#persistence.clearData();
    this.#set({ terminal: close });
  };

  // The socket may linger for a while after the network goes; say "offline" at once and stop
  // trying, then reconnect the moment the browser is back online.
  #onOffline = () => {
    this.provider.disconnect();
    this.#update();
  };

  #onOnline = () => {
    void this.#connect();
    this.#update();
  };

  #update = () => {
    this.#set({});
  };

  #connection(terminal: TerminalClose | null): ConnectionState {
    if (terminal) return 'closed';
    if (!navigator.onLine) return 'offline';
    if (this.provider.wsconnected) return this.provider.synced ? 'connected' : 'syncing';
    return this.#failedSinceSync ? 'offline' : 'syncing';
  }

  #set(change: Partial<CollabSnapshot>): void {
    const merged = { ...this.#snapshot, ...change };
    const next = { ...merged, connection: this.#connection(merged.terminal) };
    const current = this.#snapshot;
    if (
      next.connection === current.connection &&
      next.loadedLocally === current.loadedLocally &&
      next.syncedOnce === current.syncedOnce &&
      next.terminal === current.terminal
    ) {
      return;
    }
    this.#snapshot = next;
    for (const listener of this.#listeners) listener();
  }
}
