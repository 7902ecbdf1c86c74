import type { GlossaryTerm } from '@lore/api';
import type { EditorState, PluginView } from '@tiptap/pm/state';
import type { DecorationSet, EditorView } from '@tiptap/pm/view';
import { glossaryTermClass } from './glossaryDecorations';

/** What the tooltip reads from the glossary plugin's state. */
export interface GlossaryTooltipSource {
  term(id: string): GlossaryTerm | undefined;
  decorations(): DecorationSet | undefined;
}

/** Why the tooltip is showing; the caret keeps it open only while it stays in a term. */
type Reason = 'hover' | 'focus' | 'caret';

const showDelayMs = 250;
const hideDelayMs = 150;
const gap = 6;
const margin = 8;

/** The smallest box around the given rectangles. */
function unionRect(rects: DOMRect[]): DOMRect {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}

/**
 * The floating explanation of a glossary term. One element per editor, outside the editable
 * DOM, filled with text only (never HTML). It follows the pointer's term, the focused term on
 * read-only pages, and the term holding the caret while editing; Escape dismisses it.
 */
export class GlossaryTooltip implements PluginView {
  readonly #view: EditorView;
  readonly #source: GlossaryTooltipSource;
  readonly #element: HTMLDivElement;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #reason: Reason | null = null;
  #shownId: string | null = null;
  /** The term range Escape dismissed; the caret must leave it before it shows again. */
  #dismissedAt: number | null = null;

  constructor(view: EditorView, tooltipId: string, source: GlossaryTooltipSource) {
    this.#view = view;
    this.#source = source;
    const element = document.createElement('div');
    element.id = tooltipId;
    element.className = 'glossary-tooltip';
    element.setAttribute('role', 'tooltip');
    element.hidden = true;
    element.addEventListener('mouseenter', this.#cancelTimer);
    element.addEventListener('mouseleave', this.#scheduleHide);
    document.body.append(element);
    this.#element = element;

    view.dom.addEventListener('mouseover', this.#onMouseOver);
    view.dom.addEventListener('mouseout', this.#onMouseOut);
    view.dom.addEventListener('focusin', this.#onFocusIn);
    view.dom.addEventListener('focusout', this.#onFocusOut);
    view.dom.addEventListener('keydown', this.#onKeyDown);
    window.addEventListener('scroll', this.#onScroll, true);
  }

  update(view: EditorView, previous: EditorState): void {
    if (view.state.selection.eq(previous.selection) && view.state.doc.eq(previous.doc)) return;
    this.#followCaret();
  }

  destroy(): void {
    this.#cancelTimer();
    const dom = this.#view.dom;
    dom.removeEventListener('mouseover', this.#onMouseOver);
    dom.removeEventListener('mouseout', this.#onMouseOut);
    dom.removeEventListener('focusin', this.#onFocusIn);
    dom.removeEventListener('focusout', this.#onFocusOut);
    dom.removeEventListener('keydown', this.#onKeyDown);
    window.removeEventListener('scroll', this.#onScroll, true);
    this.#element.remove();
  }

  #termElement(target: EventTarget | null): HTMLElement | null {
    if (!(target instanceof Element)) return null;
    const term = target.closest<HTMLElement>(`.${glossaryTermClass}`);
    return term && this.#view.dom.contains(term) ? term : null;
  }

  readonly #onMouseOver = (event: MouseEvent) => {
    const term = this.#termElement(event.target);
    if (!term) return;
    const id = term.dataset.glossaryId ?? '';
    this.#cancelTimer();
    if (this.#shownId === id && !this.#element.hidden) return;
    this.#timer = setTimeout(
      () => this.#show(id, term.getBoundingClientRect(), 'hover'),
      showDelayMs,
    );
  };

  readonly #onMouseOut = (event: MouseEvent) => {
    if (!this.#termElement(event.target)) return;
    if (
      this.#termElement(event.relatedTarget) ||
      this.#element.contains(event.relatedTarget as Node)
    )
      return;
    if (this.#reason === 'hover' || this.#element.hidden) this.#scheduleHide();
  };

  readonly #onFocusIn = (event: FocusEvent) => {
    const term = this.#termElement(event.target);
    if (!term) return;
    this.#cancelTimer();
    this.#show(term.dataset.glossaryId ?? '', term.getBoundingClientRect(), 'focus');
  };

  readonly #onFocusOut = () => {
    if (this.#reason === 'focus' || this.#reason === 'caret') this.#hide();
  };

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || this.#element.hidden) return;
    this.#dismissedAt = this.#reason === 'caret' ? this.#view.state.selection.from : null;
    this.#hide();
  };

  readonly #onScroll = () => {
    if (!this.#element.hidden) this.#hide();
  };

  readonly #scheduleHide = () => {
    this.#cancelTimer();
    this.#timer = setTimeout(() => this.#hide(), hideDelayMs);
  };

  readonly #cancelTimer = () => {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  };

  /** Shows the term around an empty selection while the editor has the focus. */
  #followCaret(): void {
    const view = this.#view;
    const { selection } = view.state;
    const found =
      selection.empty && view.hasFocus()
        ? this.#source
            .decorations()
            ?.find(selection.from, selection.from, (spec) => typeof spec.glossaryId === 'string')[0]
        : undefined;
    if (!found) {
      this.#dismissedAt = null;
      if (this.#reason === 'caret') this.#hide();
      return;
    }
    if (
      this.#dismissedAt !== null &&
      this.#dismissedAt >= found.from &&
      this.#dismissedAt <= found.to
    ) {
      return;
    }
    this.#dismissedAt = null;
    const id = (found.spec as { glossaryId: string }).glossaryId;
    try {
      const rect = unionRect([
        DOMRect.fromRect(view.coordsAtPos(found.from, 1) as DOMRectInit),
        DOMRect.fromRect(view.coordsAtPos(found.to, -1) as DOMRectInit),
      ]);
      this.#cancelTimer();
      this.#show(id, rect, 'caret');
    } catch {
      // Positions can be briefly out of date while a remote change lands; skip this update.
    }
  }

  #show(id: string, anchor: DOMRect, reason: Reason): void {
    const term = this.#source.term(id);
    if (!term) return;
    this.#reason = reason;
    this.#shownId = id;
    const title = document.createElement('strong');
    title.className = 'glossary-tooltip__term';
    title.textContent = term.term;
    const parts: Node[] = [title];
    if (term.expansions.length > 0) {
      const also = document.createElement('span');
      also.className = 'glossary-tooltip__expansions';
      also.textContent = ` · ${term.expansions.join(', ')}`;
      parts.push(also);
    }
    const meaning = document.createElement('p');
    meaning.className = 'glossary-tooltip__meaning';
    meaning.textContent = term.meaning;
    parts.push(meaning);
    this.#element.replaceChildren(...parts);
    this.#element.hidden = false;

    const box = this.#element.getBoundingClientRect();
    const below = anchor.bottom + gap + box.height <= window.innerHeight - margin;
    const top = below ? anchor.bottom + gap : Math.max(margin, anchor.top - gap - box.height);
    const left = Math.min(Math.max(margin, anchor.left), window.innerWidth - box.width - margin);
    this.#element.style.top = `${Math.round(top)}px`;
    this.#element.style.left = `${Math.round(Math.max(margin, left))}px`;
  }

  #hide(): void {
    this.#cancelTimer();
    this.#element.hidden = true;
    this.#reason = null;
    this.#shownId = null;
  }
}
