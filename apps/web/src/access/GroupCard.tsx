import type { Group } from '@lore/api';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { accessApi } from './accessApi';
import { GroupMembers } from './GroupMembers';
import { loadSpacesGrantedTo } from './loadSpacesGrantedTo';
import { spaceRoleLabels } from './spaceRoleLabels';

interface GroupCardProps {
  group: Group;
  /** Opens the member list at once, e.g. for a group just created. */
  startOpen: boolean;
  onRenamed(group: Group): void;
  onDeleted(): void;
}

/** One group: its name, rename and delete, and its members behind a disclosure button. */
export function GroupCard({ group, startOpen, onRenamed, onDeleted }: GroupCardProps) {
  const [open, setOpen] = useState(startOpen);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  useEffect(() => {
    if (!renaming && wasRenaming.current) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  return (
    <li className="group-card" aria-labelledby={titleId}>
      <div className="group-card__header">
        {renaming ? (
          <RenameForm
            group={group}
            onDone={(renamed) => {
              if (renamed) onRenamed(renamed);
              setRenaming(false);
            }}
          />
        ) : (
          <>
            <h3 className="group-card__name" id={titleId}>
              {group.name}
            </h3>
            <div className="group-card__actions">
              <button
                type="button"
                className="button button--secondary button--small"
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => setOpen(!open)}
              >
                {open ? 'Hide members' : 'Members'}
                <span className="visually-hidden"> of {group.name}</span>
              </button>
              <button
                ref={renameButton}
                type="button"
                className="button button--secondary button--small"
                aria-label={`Rename ${group.name}`}
                onClick={() => setRenaming(true)}
              >
                Rename
              </button>
              <button
                type="button"
                className="button button--danger button--small"
                aria-label={`Delete ${group.name}`}
                onClick={() => setDeleting(true)}
              >
                Delete
              </button>
            </div>
          </>
        )}
      </div>
      <div id={panelId} hidden={!open} className="group-card__panel">
        {open && <GroupMembers groupId={group.id} groupName={group.name} />}
      </div>
      {deleting && (
        <ConfirmDialog
          title={`Delete the group ${group.name}?`}
          confirmLabel="Delete group"
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            await accessApi.deleteGroup(group.id);
            setDeleting(false);
            onDeleted();
          }}
        >
          <DeleteConsequences group={group} />
        </ConfirmDialog>
      )}
    </li>
  );
}

function RenameForm({ group, onDone }: { group: Group; onDone(renamed: Group | null): void }) {
  const [name, setName] = useState(group.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === group.name) return onDone(null);
    setBusy(true);
    setError(null);
    try {
      onDone((await accessApi.renameGroup(group.id, name.trim())).group);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The group could not be renamed.');
      setBusy(false);
    }
  };

  return (
    <form
      className="form group-card__rename"
      aria-label={`Rename ${group.name}`}
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(null);
        }
      }}
    >
      <div className="form form--inline">
        <TextField
          label="New name"
          required
          maxLength={100}
          autoComplete="off"
          autoFocus
          value={name}
          onChange={setName}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}

function DeleteConsequences({ group }: { group: Group }) {
  const grants = useApiQuery(queryKeys.groupSpaceGrants(group.id), () =>
    loadSpacesGrantedTo(group.id),
  );
  return (
    <>
      <p>
        Its members keep their own accounts, but lose what the group gave them. This cannot be
        undone.
      </p>
      {grants.data === null && !grants.error && <p>Looking for the spaces it grants…</p>}
      {grants.error && <p>The spaces it grants could not be listed: {grants.error.message}</p>}
      {grants.data?.length === 0 && <p>It has no role in any space.</p>}
      {grants.data && grants.data.length > 0 && (
        <>
          <p>It gives its members a role in these spaces, which goes with it:</p>
          <ul>
            {grants.data.map((grant) => (
              <li key={grant.spaceId}>
                <Link to={`/spaces/${grant.spaceSlug}/settings`}>{grant.spaceName}</Link> —{' '}
                {spaceRoleLabels[grant.role]}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>Page restrictions that name it no longer do.</p>
    </>
  );
}
