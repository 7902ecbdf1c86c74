// @vitest-environment happy-dom
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Principal } from './Principal';
import { PrincipalPicker } from './PrincipalPicker';
import { RoleSelect } from './RoleSelect';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const everyone: Principal[] = [
  { kind: 'group', id: 'g1', name: 'Growth team' },
  { kind: 'user', id: 'u1', name: 'Grace Hopper', email: 'grace@example.com' },
  { kind: 'user', id: 'u2', name: 'Ada Lovelace', email: 'ada@example.com' },
  { kind: 'user', id: 'u3', name: 'Greta Guest', guest: true },
];

const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
});

function mount(element: ReactElement) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(element));
  return container;
}

function type(input: HTMLInputElement, text: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(target: HTMLElement, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

const optionNames = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('[role="option"]')).map(
    (option) => option.querySelector('.principal-picker__name')?.firstChild?.textContent,
  );

describe('PrincipalPicker', () => {
  it('suggests as you type, moves with the arrows and picks with Enter', () => {
    const picked: Principal[] = [];
    const container = mount(
      <PrincipalPicker
        label="Person or group"
        principals={everyone}
        exclude={new Set(['user:u3'])}
        onPick={(principal) => picked.push(principal)}
      />,
    );
    const input = container.querySelector<HTMLInputElement>('[role="combobox"]');
    if (!input) throw new Error('no combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');

    type(input, 'gr');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    // Greta is already chosen, so only the group and Grace are offered.
    expect(optionNames(container)).toEqual(['Growth team', 'Grace Hopper']);
    const active = () => document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    expect(active()?.textContent).toContain('Growth team');

    press(input, 'ArrowDown');
    expect(active()?.getAttribute('aria-selected')).toBe('true');
    expect(active()?.textContent).toContain('Grace Hopper');

    press(input, 'Enter');
    expect(picked.map((p) => p.id)).toEqual(['u1']);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('says when nothing matches, and Escape closes the list without reaching a dialog around it', () => {
    const container = mount(
      <PrincipalPicker label="Add" principals={everyone} kinds={['user']} onPick={() => {}} />,
    );
    const input = container.querySelector<HTMLInputElement>('[role="combobox"]');
    if (!input) throw new Error('no combobox');
    type(input, 'growth');
    expect(container.textContent).toContain('No person matches “growth”.');

    type(input, 'ada');
    let reachedOutside = false;
    const outside = new AbortController();
    document.addEventListener(
      'keydown',
      () => {
        reachedOutside = true;
      },
      { signal: outside.signal },
    );
    const closing = press(input, 'Escape');
    outside.abort();
    expect(closing.defaultPrevented).toBe(true);
    expect(reachedOutside).toBe(false);
    expect(input.getAttribute('aria-expanded')).toBe('false');

    // A second Escape, with the list closed, is the dialog's to handle.
    expect(press(input, 'Escape').defaultPrevented).toBe(false);
  });
});

describe('RoleSelect', () => {
  const options = (container: HTMLElement) =>
    Array.from(container.querySelectorAll('option')).map((option) => ({
      value: option.value,
      disabled: option.disabled,
    }));

  it('shows roles above your own, and admin for a guest, but does not let you pick them', () => {
    const editor = mount(
      <RoleSelect id="a" value="viewer" ownRole="editor" guest={false} onChange={() => {}} />,
    );
    expect(options(editor)).toEqual([
      { value: 'viewer', disabled: false },
      { value: 'commenter', disabled: false },
      { value: 'editor', disabled: false },
      { value: 'admin', disabled: true },
    ]);
    const forGuest = mount(
      <RoleSelect id="b" value="editor" ownRole="admin" guest onChange={() => {}} />,
    );
    expect(options(forGuest).find((o) => o.value === 'admin')?.disabled).toBe(true);
    expect(forGuest.textContent).toContain('guests can be editors at most');
  });
});
