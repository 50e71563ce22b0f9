import './styles/global.css';
import { whenShellCatalogsLoaded } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/providers';
import { router } from './app/router';
import { beforeFirstRender } from './app/routes/juror-routes';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

void Promise.all([beforeFirstRender(window.location.pathname), whenShellCatalogsLoaded()]).then(() =>
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
