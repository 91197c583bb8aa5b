import { loadSession } from './session';
import { parseSse } from './sse';

export interface GraphQLErrorItem {
  message: string;
  extensions?: { code?: string };
}

/** A GraphQL answer with errors, or a transport failure, told in words a person can act on. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = loadSession()?.token;
  return { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
}

/** What a GraphQL-over-HTTP client accepts: the GraphQL response type, whose 4xx bodies are GraphQL errors (ADR 0024). */
const graphQLResponse = 'application/graphql-response+json, application/json;q=0.9';

/** Runs a query or mutation against the gateway's public GraphQL API. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: headers({ Accept: graphQLResponse }),
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The gateway cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401) throw new ApiError('Your session has expired: sign in again.', ['UNAUTHENTICATED']);
  if (response.status === 429) throw new ApiError('Too many requests: wait a moment and try again.', ['RATE_LIMITED']);
  let body: { data?: T; errors?: GraphQLErrorItem[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The gateway answered ${response.status} without a GraphQL result.`);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join(' '), body.errors.map((e) => e.extensions?.code ?? ''));
  }
  if (!body.data) throw new ApiError('The gateway answered without data.');
  return body.data;
}

export interface Subscription {
  close(): void;
}

/**
 * A GraphQL subscription over Server-Sent Events (POST /graphql, Accept: text/event-stream). When the schema has no
 * such subscription or the stream cannot be opened, `onFallback` is called and the caller polls instead; a stream
 * that ends is reopened after a pause.
 */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  onNext: (data: T) => void,
  onFallback: (reason: string) => void,
): Subscription {
  const controller = new AbortController();
  let closed = false;

  const run = async () => {
    while (!closed) {
      try {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: headers({ Accept: 'text/event-stream' }),
          body: JSON.stringify({ query, variables }),
          signal: controller.signal,
        });
        const type = response.headers.get('content-type') ?? '';
        if (!response.ok || !type.includes('text/event-stream') || !response.body) {
          onFallback(`subscription unavailable (HTTP ${response.status})`);
          return;
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + value);
          buffer = parsed.rest;
          for (const event of parsed.events) {
            if (event.event !== 'next') continue;
            const result = JSON.parse(event.data) as { data?: T; errors?: GraphQLErrorItem[] };
            if (result.data) onNext(result.data);
          }
        }
      } catch (error) {
        if (closed) return;
        if (!(error instanceof TypeError)) {
          onFallback(String(error));
          return;
        }
      }
      if (!closed) await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
  return {
    close() {
      closed = true;
      controller.abort();
    },
  };
}
