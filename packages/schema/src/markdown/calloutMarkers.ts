import type { CalloutKind } from '../extensions/Callout';

/** GitHub alert label → callout kind. `IMPORTANT` has no kind of its own and reads as info. */
export const ALERT_TO_CALLOUT: Record<string, CalloutKind> = {
  NOTE: 'info',
  IMPORTANT: 'info',
  TIP: 'success',
  WARNING: 'warning',
  CAUTION: 'danger',
};

/** Callout kind → GitHub alert label written on export. */
export const CALLOUT_TO_ALERT: Record<CalloutKind, string> = {
  info: 'NOTE',
  success: 'TIP',
  warning: 'WARNING',
  danger: 'CAUTION',
};

/** `[!NOTE]` at the start of a blockquote, alone on its line or followed by text. */
export const ALERT_MARKER = /^\[!(NOTE|IMPORTANT|TIP|WARNING|CAUTION)\](?:[ \t]*\r?\n|[ \t]+|$)/i;
