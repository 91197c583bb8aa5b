import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { loadSession } from '../api/session';

// The IDE of the gateway's GraphQL API (Development only). It reuses the console's sign-in: sign in at /console first,
// or add an Authorization header in the headers pane.
const token = loadSession()?.token;
const fetcher = createGraphiQLFetcher({ url: '/graphql' });
const defaultHeaders = JSON.stringify(token ? { Authorization: `Bearer ${token}` } : { Authorization: 'Bearer <token from /console or POST /dev/token/alice>' }, null, 2);
const defaultQuery = `# ClientRequests GraphQL. Sign in at /console to fill the token in the headers below.
{
  me { id roles departments }
  requests(first: 5) { nodes { title status workItems { departmentCode status } } }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultHeaders={defaultHeaders} defaultQuery={defaultQuery} shouldPersistHeaders={false} />,
);
