import type { SpaceVisibility } from '@lore/api';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { VisibilityChoice } from '../access/VisibilityChoice';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/FormError';
import { TextField } from '../components/TextField';
import { useSpaces } from '../spaces/useSpaces';

/**
 * Asks for a name, a description and whether the space is open or private, creates it (the
 * creator becomes its admin) and opens it.
 */
export function NewSpaceDialog({ onClose }: { onClose(): void }) {
  const { createSpace } = useSpaces();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<SpaceVisibility>('open');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const space = await createSpace({
        name: name.trim(),
        description: description.trim(),
        visibility,
      });
      onClose();
      navigate(`/spaces/${space.slug}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The space could not be created.');
      setBusy(false);
    }
  };

  return (
    <Dialog title="New space" onCancel={onClose}>
      <form className="form" onSubmit={submit}>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={100}
          autoComplete="off"
          autoFocus
          value={name}
          onChange={setName}
        />
        <TextField
          label="Description"
          name="description"
          maxLength={1000}
          autoComplete="off"
          hint="Optional: what belongs in this space."
          value={description}
          onChange={setDescription}
        />
        <VisibilityChoice value={visibility} onChange={setVisibility} />
        <FormError message={error} />
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create space'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
