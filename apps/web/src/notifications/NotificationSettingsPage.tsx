import type {
  NotificationJson,
  NotificationSettingsChange,
  NotificationSettingsJson,
} from '@lore/api';
import { useState } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { notificationsApi } from './notificationsApi';
import './notifications.css';

type Kind = NotificationJson['kind'];

const kindLabels: Record<Kind, string> = {
  mentioned: 'Someone mentions you',
  thread_reply: 'Replies in threads you take part in',
  page_comment: 'Comments on pages you watch or created',
  page_changed: 'Changes to pages and spaces you watch',
  page_shared: 'A page or space is shared with you',
  thread_resolved: 'Your threads are resolved',
};

const channels = [
  ['in_app', 'In Lore'],
  ['email', 'Email'],
] as const;

/** Which notifications arrive where, the email digest, and automatic watching. */
export function NotificationSettingsPage() {
  const settings = useApiQuery(['notifications', 'settings'], () => notificationsApi.settings());
  const [error, setError] = useState<string | null>(null);
  const save = async (change: NotificationSettingsChange) => {
    setError(null);
    try {
      settings.setData(await notificationsApi.updateSettings(change));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The setting could not be saved.');
    }
  };
  const data: NotificationSettingsJson | null = settings.data;

  return (
    <div className="page">
      <title>Notification settings · Lore</title>
      <h1 className="page__title">Notification settings</h1>
      <FormError message={error ?? settings.error?.message ?? null} />
      {data === null ? (
        !settings.error && <p className="muted">Loading…</p>
      ) : (
        <>
          <table className="settings-table">
            <caption className="visually-hidden">Where each kind of notification arrives</caption>
            <thead>
              <tr>
                <th scope="col">Notify me when</th>
                {channels.map(([, label]) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(Object.keys(kindLabels) as Kind[]).map((kind) => (
                <tr key={kind}>
                  <th scope="row">{kindLabels[kind]}</th>
                  {channels.map(([channel, label]) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={`${kindLabels[kind]}: ${label}`}
                        checked={data.channels[kind][channel]}
                        onChange={(event) =>
                          save({ channels: { [kind]: { [channel]: event.target.checked } } })
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <label className="field">
            <span className="field__label">Email</span>
            <select
              value={data.emailDigest}
              onChange={(event) =>
                save({ emailDigest: event.target.value as NotificationSettingsJson['emailDigest'] })
              }
            >
              <option value="instant">Each email at once</option>
              <option value="daily">One digest a day</option>
              <option value="weekly">One digest a week</option>
            </select>
          </label>
          <label className="field">
            <span>
              <input
                type="checkbox"
                checked={data.autoWatch}
                onChange={(event) => save({ autoWatch: event.target.checked })}
              />{' '}
              Watch pages I create, edit or comment on
            </span>
          </label>
          <p className="muted">
            A page you stop watching stays unwatched, even when you edit or comment on it later.
          </p>
        </>
      )}
    </div>
  );
}
