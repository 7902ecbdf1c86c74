/// <reference lib="dom" />

import { createRequire } from 'node:module';
import type { Window } from 'happy-dom';

let window: Window | undefined;

/**
 * happy-dom is loaded the first time HTML is parsed, not at start: it is large (tens of MiB
 * resident), and most processes parse HTML only when someone imports or pastes it.
 */
function loadHappyDom(): typeof import('happy-dom') {
  return createRequire(import.meta.url)('happy-dom') as typeof import('happy-dom');
}

/**
 * Parses an HTML string into an inert document body, without a browser: scripts never run and
 * nothing is fetched. (The browser build of this module uses the native DOMParser instead.)
 */
export function parseHTMLBody(html: string): HTMLElement {
  window ??= new (loadHappyDom().Window)({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return doc.body as unknown as HTMLElement;
}
