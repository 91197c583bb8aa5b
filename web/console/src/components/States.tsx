import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function ErrorMessage({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** Loading, error and empty states around a list or panel, in one place so every page says them the same way. */
export function Guard<T>({
  what,
  loadable,
  isEmpty,
  empty,
  children,
}: {
  what: string;
  loadable: { data: T | null; error: string | null; loading: boolean; reload: () => void };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (loadable.error && !loadable.data) return <ErrorMessage message={loadable.error} onRetry={loadable.reload} />;
  if (!loadable.data) return <Loading what={what} />;
  return (
    <>
      {loadable.error && <ErrorMessage message={loadable.error} onRetry={loadable.reload} />}
      {isEmpty?.(loadable.data) ? <Empty>{empty}</Empty> : children(loadable.data)}
    </>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status.replace(/([a-z])([A-Z])/g, '$1 $2')}</span>;
}
