/** Renderer entry: picks the transport, provides the Api, renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi, selectTransport } from './api.ts';
import { ApiProvider } from './api-context.tsx';
import { App } from './app.tsx';
import './styles/tokens.css';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

let content;
try {
  content = (
    <ApiProvider api={createApi(selectTransport())}>
      <App />
    </ApiProvider>
  );
} catch (error) {
  content = (
    <p className="fatal" role="alert" data-app-state="error">
      {error instanceof Error ? error.message : 'TrialLedger could not start.'}
    </p>
  );
}

createRoot(container).render(<StrictMode>{content}</StrictMode>);
