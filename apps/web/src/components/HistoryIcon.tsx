import { StrokeIcon } from './StrokeIcon';

/** A clock with an arrow turning back, for the page history. */
export function HistoryIcon() {
  return (
    <StrokeIcon strokeWidth={1.5}>
      <path d="M2.75 8a5.25 5.25 0 1 0 1.54-3.71" />
      <path d="M2.5 2.5v2.25h2.25" />
      <path d="M8 5v3.25l2 1.25" />
    </StrokeIcon>
  );
}
