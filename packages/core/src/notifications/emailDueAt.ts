import type { EmailDigestMode } from './NotificationSettings';

/** When emails go out: the instant window, and the hour and time zone of digests. */
export interface EmailTiming {
  /**
   * How long an `instant` email waits after its notification was made, so that a burst goes as
   * one message and what was read in the app meanwhile is not sent.
   */
  readonly batchMs: number;
  /** The hour of the day (0–23) daily and weekly (Monday) digests go out. */
  readonly digestHour: number;
  /** The IANA time zone of that hour (`Europe/Paris`). */
  readonly timeZone: string;
}

const dayMs = 86_400_000;

/**
 * When email waiting since `oldestAt` is due in `mode`: `batchMs` later for `instant`; else the
 * first digest time after it, at `digestHour` in `timeZone` each day (`daily`) or each Monday
 * (`weekly`), daylight-saving changes included.
 */
export function emailDueAt(oldestAt: number, mode: EmailDigestMode, timing: EmailTiming): number {
  if (mode === 'instant') return oldestAt + timing.batchMs;
  const local = wallClock(oldestAt, timing.timeZone);
  // Days are counted on the calendar of the zone (noon UTC avoids any date-line doubt).
  let day = Date.UTC(local.year, local.month - 1, local.day, 12);
  for (let step = 0; step < 9; step++, day += dayMs) {
    const date = new Date(day);
    if (mode === 'weekly' && date.getUTCDay() !== 1) continue;
    const due = zonedTime(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      timing.digestHour,
      timing.timeZone,
    );
    if (due > oldestAt) return due;
  }
  throw new Error('No digest time within nine days.');
}

/** Whether `timeZone` is one this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The date and time on a wall clock in `timeZone` at `at`. */
function wallClock(at: number, timeZone: string): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(at).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds (whole minutes). */
function offsetAt(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(at / 60_000) * 60_000;
}

/**
 * The instant the wall clock in `timeZone` shows `hour`:00 on that date. An hour skipped by a
 * daylight-saving change gives the instant just after the jump.
 */
function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string) {
  const asUtc = Date.UTC(year, month - 1, day, hour);
  let at = asUtc - offsetAt(asUtc, timeZone);
  // The offset at the first guess may be the one before a change: correct once with the other.
  const corrected = asUtc - offsetAt(at, timeZone);
  if (corrected !== at && wallClock(corrected, timeZone).hour === hour) at = corrected;
  return at;
}
