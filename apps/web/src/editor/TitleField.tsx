import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { untitled } from '../spaces/displayTitle';
import { mapIndexThroughDelta, type TextDeltaOp } from './mapIndexThroughDelta';
import { textChange } from './textChange';

interface TitleFieldProps {
  id: string;
  /** The page's shared title. */
  text: Y.Text;
  readOnly: boolean;
  /** Focus the field and select its text (once the title has arrived from the server). */
  autoFocus: boolean;
  /** Called with the title whenever it changes, locally or remotely. */
  onChange(title: string): void;
  /** Enter, or ArrowDown at the end: the person wants to write the body. */
  onLeave(): void;
}

/** Marks the title edits made here, so they are not echoed back into the field. */
const localOrigin = Symbol('title field');

/** Browsers that size the field to its text with CSS need no help. */
const sizesItself = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

function fitHeight(field: HTMLTextAreaElement) {
  if (sizesItself) return;
  field.style.height = 'auto';
  field.style.height = `${field.scrollHeight}px`;
}

/**
 * The page title, edited in place and shared live: each keystroke becomes the smallest change
 * to the Y.Text, so people renaming a page together merge instead of overwriting each other,
 * and changes from others move the caret along with the text instead of resetting it.
 * A textarea so long titles wrap; line breaks are never part of a title.
 */
export function TitleField({ id, text, readOnly, autoFocus, onChange, onLeave }: TitleFieldProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    element.value = text.toString();
    fitHeight(element);
    onChangeRef.current(element.value);

    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const value = text.toString();
      onChangeRef.current(value);
      if (transaction.origin === localOrigin || element.value === value) return;
      const focused = document.activeElement === element;
      const { selectionStart, selectionEnd, selectionDirection } = element;
      const delta = event.delta as TextDeltaOp[];
      element.value = value;
      fitHeight(element);
      if (focused) {
        element.setSelectionRange(
          mapIndexThroughDelta(selectionStart, delta),
          mapIndexThroughDelta(selectionEnd, delta),
          selectionDirection,
        );
      }
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  // A page just created is called "Untitled" by the server: select that so typing replaces it.
  useLayoutEffect(() => {
    if (!autoFocus) return;
    field.current?.focus();
    field.current?.select();
  }, [autoFocus]);

  const onInput = () => {
    const element = field.current;
    if (!element) return;
    if (/[\r\n]/.test(element.value)) {
      const caret = element.selectionStart;
      const before = element.value.slice(0, caret).replace(/\s*[\r\n]+\s*/g, ' ');
      element.value = element.value.replace(/\s*[\r\n]+\s*/g, ' ');
      element.setSelectionRange(before.length, before.length);
    }
    fitHeight(element);
    const change = textChange(text.toString(), element.value);
    if (!change) return;
    text.doc?.transact(() => {
      if (change.deleteCount > 0) text.delete(change.index, change.deleteCount);
      if (change.insert) text.insert(change.index, change.insert);
    }, localOrigin);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const element = event.currentTarget;
    const atEnd =
      element.selectionStart === element.value.length &&
      element.selectionEnd === element.value.length;
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onLeave();
    } else if (event.key === 'ArrowDown' && atEnd && !event.shiftKey) {
      event.preventDefault();
      onLeave();
    }
  };

  return (
    <textarea
      ref={field}
      id={id}
      className="page-title"
      aria-label="Page title"
      placeholder={untitled}
      rows={1}
      spellCheck
      readOnly={readOnly}
      onInput={onInput}
      onKeyDown={onKeyDown}
    />
  );
}
