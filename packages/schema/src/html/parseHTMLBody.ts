/// <reference lib="dom" />

import { Window } from 'happy-dom';

let window: Window | undefined;

/**
 * Parses an HTML string into an inert document body, without a browser: scripts never run and
 * nothing is fetched. (The browser build of this module uses the native DOMParser instead.)
 */
export function parseHTMLBody(html: string): HTMLElement {
  window ??= new Window({
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
