import type { ClientSpec } from '../../clients/ClientSpec';
import type { ProtocolTypist } from '../../clients/ProtocolTypist';

/** Parent → load-generator process. Times are `monotonicMs()` values. */
export type FanoutCommand =
  | {
      readonly type: 'connect';
      /** `protocolOnly`: a {@link ProtocolTypist}; otherwise the server's stock provider. */
      readonly clients: readonly { spec: ClientSpec; protocolOnly: boolean }[];
    }
  | {
      readonly type: 'type';
      readonly seed: number;
      readonly keystrokesPerSecond: number;
      /** Typing starts here (each client at a random phase of its interval)… */
      readonly from: number;
      /** …CPU and event-loop lag are measured from here… */
      readonly windowStart: number;
      /** …and typing and measuring stop here. */
      readonly windowEnd: number;
    }
  | { readonly type: 'state' }
  | { readonly type: 'report' };

/** Load-generator process → parent. */
export type FanoutReply =
  | { readonly type: 'ready' }
  | { readonly type: 'typed' }
  | {
      readonly type: 'state';
      /** Keystrokes this process's clients typed, in and out of the measured window. */
      readonly typed: number;
      /** Per stock-provider client: its state vector and a hash and length of its body text. */
      readonly clients: readonly {
        stateVector: Uint8Array;
        textHash: string;
        textLength: number;
      }[];
    }
  | {
      readonly type: 'report';
      /** Per local client: send time of each keystroke, indexed by the keystroke's clock (NaN: none). */
      readonly sends: readonly { clientId: number; times: Float64Array }[];
      /** Every remote keystroke received from `windowStart` on: who, which clock, when. */
      readonly deliveries: { sender: Float64Array; clock: Float64Array; at: Float64Array };
      /** User + system CPU seconds during the window. */
      readonly cpuSeconds: number;
      readonly lagP99Ms: number;
      /** Why clients lost their connection during the run (protocol typists do not reconnect). */
      readonly lostConnections: readonly string[];
    };
