/** The History button's element id, so the panel can give it the focus back when it closes. */
export const historyButtonId = 'page-history-button';

/** The history panel's element id, for `aria-controls`. */
export const historyPanelId = 'page-history-panel';

/** The panel heading's id: it takes the focus when the panel opens or returns to the list. */
export const historyPanelHeadingId = 'page-history-heading';
