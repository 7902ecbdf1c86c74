import type { SpaceVisibility } from '@lore/api';
import { useId } from 'react';
import { visibilityLabels } from './spaceRoleLabels';

interface VisibilityChoiceProps {
  value: SpaceVisibility;
  onChange(visibility: SpaceVisibility): void;
  disabled?: boolean;
}

const order: readonly SpaceVisibility[] = ['open', 'private'];

/** Open or private, as two radio buttons each with the sentence that explains it. */
export function VisibilityChoice({ value, onChange, disabled }: VisibilityChoiceProps) {
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend>Who can see this space</legend>
      {order.map((visibility) => (
        <label key={visibility} className="choice">
          <input
            type="radio"
            name={name}
            value={visibility}
            checked={value === visibility}
            disabled={disabled}
            onChange={() => onChange(visibility)}
          />
          <span>
            <span className="choice__label">{visibilityLabels[visibility].label}</span>
            <span className="choice__description">{visibilityLabels[visibility].description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
