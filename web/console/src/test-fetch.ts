import { vi } from 'vitest';

/** A fetch stand-in answering GraphQL operations by name, recording what was sent: for component tests only. */
export function fakeGraphQL(answers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url !== '/graphql') return new Response('not found', { status: 404 });
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:query|mutation|subscription)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
    sent.push({ operation, variables: body.variables });
    const answer = answers[operation];
    if (!answer)
      return Response.json({ errors: [{ message: `Cannot query ${operation}.`, extensions: { code: 'BAD_REQUEST' } }] }, { status: 400 });
    return Response.json({ data: answer(body.variables) });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent, fetchMock };
}
