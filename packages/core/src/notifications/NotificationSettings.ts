import type { NotificationChannel, NotificationKind } from './Notification';

/** How emails are sent: each at once, or gathered into one a day or a week. */
export const emailDigestModes = ['instant', 'daily', 'weekly'] as const;
export type EmailDigestMode = (typeof emailDigestModes)[number];

/** One person's choices: per kind and channel, the email digest, and automatic watching. */
export interface NotificationSettings {
  readonly channels: {
    readonly [K in NotificationKind]: { readonly [C in NotificationChannel]: boolean };
  };
  readonly emailDigest: EmailDigestMode;
  /** Watch pages one creates, edits or comments on. */
  readonly autoWatch: boolean;
}

/** What everyone has until they choose: everything in the app, email except for page changes. */
export const defaultNotificationSettings: NotificationSettings = {
  channels: {
    mentioned: { in_app: true, email: true },
    thread_reply: { in_app: true, email: true },
    page_comment: { in_app: true, email: true },
    page_changed: { in_app: true, email: false },
    page_shared: { in_app: true, email: true },
    thread_resolved: { in_app: true, email: false },
  },
  emailDigest: 'instant',
  autoWatch: true,
};

/** Settings with `changes` applied over them (absent kinds, channels and fields stay). */
export function mergeNotificationSettings(
  settings: NotificationSettings,
  changes: NotificationSettingsChanges,
): NotificationSettings {
  const channels = { ...settings.channels };
  for (const [kind, chosen] of Object.entries(changes.channels ?? {}) as [
    NotificationKind,
    Partial<Record<NotificationChannel, boolean>> | undefined,
  ][]) {
    if (chosen) channels[kind] = { ...channels[kind], ...chosen };
  }
  return {
    channels,
    emailDigest: changes.emailDigest ?? settings.emailDigest,
    autoWatch: changes.autoWatch ?? settings.autoWatch,
  };
}

/** A partial change of settings, as people send it. */
export interface NotificationSettingsChanges {
  readonly channels?: {
    readonly [K in NotificationKind]?: { readonly [C in NotificationChannel]?: boolean };
  };
  readonly emailDigest?: EmailDigestMode;
  readonly autoWatch?: boolean;
}
