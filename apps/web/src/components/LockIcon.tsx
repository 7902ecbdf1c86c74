import { StrokeIcon } from './StrokeIcon';

/** A padlock, for what only some people can see. */
export function LockIcon() {
  return (
    <StrokeIcon strokeWidth={1.5}>
      <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </StrokeIcon>
  );
}
