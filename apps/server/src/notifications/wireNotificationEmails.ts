import type {
  AccessPolicy,
  AccountStore,
  Clock,
  DiscussionStore,
  NotificationService,
  NotificationStore,
  PageStore,
  SpaceStore,
  TimeSlicer,
} from '@lore/core';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { MailServices } from '../mail/MailServices';
import type { LoreModule } from '../runtime/LoreModule';
import { NotificationEmailSender } from './NotificationEmailSender';

export interface WireNotificationEmailsOptions {
  readonly config: Config;
  readonly mail: MailServices;
  readonly store: NotificationStore;
  readonly notifications: NotificationService;
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly spaces: Pick<SpaceStore, 'findSpaceById'>;
  readonly discussion: Pick<DiscussionStore, 'findComment'>;
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  readonly slicer: TimeSlicer;
  readonly logger: Logger;
}

/**
 * The sending of notification emails (when email is on): the sender, and the module that runs
 * a pass every `LORE_EMAIL_POLL_SECONDS` in the background. Every process of a cluster runs
 * one; leases keep each email with one of them.
 */
export function wireNotificationEmails(options: WireNotificationEmailsOptions): {
  module: LoreModule;
  sender: NotificationEmailSender | null;
} {
  const { config, mail } = options;
  const publicUrl = config.publicUrl;
  if (!mail.mailer || !publicUrl) return { module: { name: 'notification-emails' }, sender: null };
  const sender = new NotificationEmailSender({
    store: options.store,
    notifications: options.notifications,
    people: options.people,
    pages: options.pages,
    spaces: options.spaces,
    discussion: options.discussion,
    policy: options.policy,
    mail,
    mailer: mail.mailer,
    publicUrl,
    timing: config.notifications.emailTiming,
    retryMs: config.notifications.emailRetryMs,
    clock: options.clock,
    slicer: options.slicer,
    logger: options.logger,
  });
  let timer: NodeJS.Timeout | null = null;
  return {
    sender,
    module: {
      name: 'notification-emails',
      start: () => {
        sender.tick();
        timer = setInterval(() => sender.tick(), config.notifications.emailPollMs);
        timer.unref();
      },
      close: async () => {
        if (timer) clearInterval(timer);
        await sender.idle();
      },
    },
  };
}
