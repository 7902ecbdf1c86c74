import type { ClientSpec } from '../../clients/ClientSpec';

/** Parent → opener process. */
export type OpenCommand =
  | {
      /** The body text every following open must end with. */
      readonly type: 'expect';
      readonly text: string;
    }
  | {
      /** Open the page with a fresh client and time it until its body equals the expected text. */
      readonly type: 'open';
      readonly spec: ClientSpec;
      readonly timeoutMs: number;
    };

/** Opener process → parent. */
export type OpenReply =
  | { readonly type: 'expecting' }
  | {
      readonly type: 'opened';
      readonly ms: number;
      /** Until the first message reached the client (y-websocket clients; NaN for others). */
      readonly firstMessageMs: number;
    };
