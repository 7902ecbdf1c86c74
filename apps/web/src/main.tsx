// Global styles first, so that component styles come later in the bundle and win ties.
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/page.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { createRouter } from './router';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={createRouter()} />
  </StrictMode>,
);

registerServiceWorker();
