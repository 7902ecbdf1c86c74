// Global styles first, so that component styles come later in the bundle and win ties.
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/page.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/createQueryClient';
import { registerServiceWorker } from './offline/registerServiceWorker';
import { createRouter } from './router';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={createRouter()} />
    </QueryClientProvider>
  </StrictMode>,
);

registerServiceWorker();
