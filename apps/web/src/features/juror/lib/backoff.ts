const BASE_DELAY_MS = 1_000;
/** Changes waiting never wait longer than this for the next attempt (issue 14, point 4). */
export const MAX_DELAY_MS = 5_000;

/** Delay before the next attempt while changes wait: 1, 2, 4, then 5 s at most. */
export const backoffDelay = (failures: number) => Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
