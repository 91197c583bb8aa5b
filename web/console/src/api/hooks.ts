import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribe } from './graphql';

export interface Loadable<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `key` changes and on reload(); keeps the last data while reloading so pages do not flicker. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loadable<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => current && setState((s) => ({ data: s.data, error: error.message, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/**
 * Keeps a view live: a GraphQL subscription calls `onEvent` for each change; when the schema or transport offers no
 * subscription, `onEvent` runs every `pollMs` instead. Returns how the view is being kept live, for the status line.
 */
export function useLive<T>(query: string | null, variables: Record<string, unknown>, onEvent: (data: T | null) => void, pollMs: number): string {
  const [mode, setMode] = useState('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const variablesKey = JSON.stringify(variables);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const poll = () => {
      setMode(`refreshing every ${pollMs / 1000} s`);
      timer = setInterval(() => handler.current(null), pollMs);
    };
    if (!query) {
      poll();
      return () => clearInterval(timer);
    }
    setMode('live');
    const subscription = subscribe<T>(query, JSON.parse(variablesKey), (data) => handler.current(data), poll);
    return () => {
      subscription.close();
      clearInterval(timer);
    };
  }, [query, variablesKey, pollMs]);
  return mode;
}

/** The current time, ticking every second, for countdowns. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
