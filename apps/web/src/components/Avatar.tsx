import { initialsOf } from '../user/initialsOf';
import { readableTextColor } from '../user/readableTextColor';
import './Avatar.css';

interface AvatarProps {
  name: string;
  color: string;
  size?: 'small' | 'large';
}

/** A colored circle with a person's initials; decorative, so the name must be shown beside it. */
export function Avatar({ name, color, size = 'small' }: AvatarProps) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ backgroundColor: color, color: readableTextColor(color) }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
