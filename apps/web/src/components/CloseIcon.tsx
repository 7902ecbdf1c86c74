import { StrokeIcon } from './StrokeIcon';

/** A cross, for buttons that close a panel. */
export function CloseIcon() {
  return (
    <StrokeIcon strokeWidth={1.6}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </StrokeIcon>
  );
}
