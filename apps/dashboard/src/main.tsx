import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './styles.css';
import { createQueryClient } from '@sigap/dashboard/data-access';
import { initI18n } from '@sigap/dashboard/ui';
import { App } from './app/app';

initI18n();
const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
