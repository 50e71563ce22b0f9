/**
 * Runs `task` at the browser's next idle moment (at the latest after `timeoutMs`), or soon where
 * there is no `requestIdleCallback`. Returns a function that cancels it.
 */
export function whenIdle(task: () => void, timeoutMs = 1_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 50);
  return () => clearTimeout(id);
}
