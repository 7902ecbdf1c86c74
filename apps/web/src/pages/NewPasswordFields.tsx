import { useState } from 'react';
import { TextField } from '../components/TextField';

/** The server's minimum password length (see the API contract). */
export const minPasswordLength = 10;

export interface NewPassword {
  readonly value: string;
  readonly confirmation: string;
  setValue(value: string): void;
  setConfirmation(value: string): void;
  /** What is wrong with the two entries, or null when they can be sent. */
  problem(): string | null;
}

/** A new password typed twice. */
export function useNewPassword(): NewPassword {
  const [value, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return {
    value,
    confirmation,
    setValue,
    setConfirmation,
    problem: () =>
      value.length < minPasswordLength
        ? `The password needs at least ${minPasswordLength} characters.`
        : value !== confirmation
          ? 'The two passwords do not match.'
          : null,
  };
}

/** The "Password" and "Confirm password" inputs of a {@link useNewPassword}. */
export function NewPasswordFields({
  password,
  label = 'Password',
  autoFocus = false,
}: {
  password: NewPassword;
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        autoFocus={autoFocus}
        minLength={minPasswordLength}
        value={password.value}
        onChange={password.setValue}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <TextField
        label="Confirm password"
        type="password"
        name="confirmPassword"
        autoComplete="new-password"
        required
        value={password.confirmation}
        onChange={password.setConfirmation}
      />
    </>
  );
}
