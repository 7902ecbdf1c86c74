import type { Space, SpaceVisibility } from '@lore/api';
import { type FormEvent, useEffect, useState } from 'react';
import { FormError } from '../components/FormError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useSpaces } from '../spaces/useSpaces';
import { accessApi } from './accessApi';
import { spaceRoleDescriptions, spaceRoleLabels, visibilityLabels } from './spaceRoleLabels';
import { VisibilityChoice } from './VisibilityChoice';

type DefaultRole = Space['defaultRole'];

const defaultRoles: readonly DefaultRole[] = ['viewer', 'commenter', 'editor'];
const defaultRoleOptions = defaultRoles.map((role) => ({
  value: role,
  label: `${spaceRoleLabels[role]} — ${spaceRoleDescriptions[role]}`,
}));

interface SpaceGeneralSectionProps {
  space: Space;
  onSaved(space: Space): void;
}

/**
 * A space's name, description, visibility and default role: a form for its admins, the same
 * facts as text for everyone else.
 */
export function SpaceGeneralSection({ space, onSaved }: SpaceGeneralSectionProps) {
  const canManage = space.role === 'admin';
  return (
    <section className="section" aria-labelledby="space-general-title">
      <div className="section__header">
        <h2 className="section__title" id="space-general-title">
          General
        </h2>
        <p className="section__description">
          {canManage
            ? 'What the space is called, what it is for, and who can see it.'
            : 'Only the space’s admins can change these settings.'}
        </p>
      </div>
      <div className="section__body">
        {canManage ? (
          <SpaceGeneralForm space={space} onSaved={onSaved} />
        ) : (
          <SpaceFacts space={space} />
        )}
      </div>
    </section>
  );
}

function SpaceFacts({ space }: { space: Space }) {
  return (
    <dl className="definition-list">
      <dt>Name</dt>
      <dd>{space.name}</dd>
      <dt>Description</dt>
      <dd>{space.description || <span className="muted">None</span>}</dd>
      <dt>Visibility</dt>
      <dd>
        {visibilityLabels[space.visibility].label}: {visibilityLabels[space.visibility].description}
      </dd>
      {space.visibility === 'open' && (
        <>
          <dt>Default role</dt>
          <dd>
            {spaceRoleLabels[space.defaultRole]}: {spaceRoleDescriptions[space.defaultRole]}
          </dd>
        </>
      )}
      <dt>Your role</dt>
      <dd>
        {spaceRoleLabels[space.role]}: {spaceRoleDescriptions[space.role]}
      </dd>
    </dl>
  );
}

function SpaceGeneralForm({ space, onSaved }: SpaceGeneralSectionProps) {
  const { refresh } = useSpaces();
  const [name, setName] = useState(space.name);
  const [description, setDescription] = useState(space.description);
  const [visibility, setVisibility] = useState<SpaceVisibility>(space.visibility);
  const [defaultRole, setDefaultRole] = useState<DefaultRole>(space.defaultRole);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // Another tab or person may have changed the space: show what the server has.
  useEffect(() => {
    setName(space.name);
    setDescription(space.description);
    setVisibility(space.visibility);
    setDefaultRole(space.defaultRole);
  }, [space]);

  const changed =
    name.trim() !== space.name ||
    description.trim() !== space.description ||
    visibility !== space.visibility ||
    (visibility === 'open' && defaultRole !== space.defaultRole);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { space: updated } = await accessApi.updateSpace(space.id, {
        name: name.trim(),
        description: description.trim(),
        visibility,
        ...(visibility === 'open' ? { defaultRole } : {}),
      });
      onSaved(updated);
      setSaved(true);
      await refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The settings could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" aria-label="Space settings" onSubmit={save}>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={100}
        autoComplete="off"
        value={name}
        onChange={(value) => {
          setName(value);
          setSaved(false);
        }}
      />
      <TextField
        label="Description"
        name="description"
        maxLength={1000}
        autoComplete="off"
        hint="What belongs in this space, shown on its overview."
        value={description}
        onChange={(value) => {
          setDescription(value);
          setSaved(false);
        }}
      />
      <VisibilityChoice
        value={visibility}
        onChange={(value) => {
          setVisibility(value);
          setSaved(false);
        }}
      />
      {space.visibility === 'open' && visibility === 'private' && (
        <p className="field__hint" role="note">
          Once saved, only the members listed below (and workspace admins) can see this space;
          everyone else loses access at once, including pages they have open.
        </p>
      )}
      {visibility === 'open' ? (
        <SelectField
          label="Default role"
          name="defaultRole"
          value={defaultRole}
          options={defaultRoleOptions}
          onChange={(value) => {
            setDefaultRole(value);
            setSaved(false);
          }}
        />
      ) : (
        <p className="field__hint">
          Private spaces have no default role: only members get in, with the role they are given.
        </p>
      )}
      <FormError message={error} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy || !changed}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <span className="success-note" role="status">
          {saved && !changed && <p>Saved.</p>}
        </span>
      </div>
    </form>
  );
}
