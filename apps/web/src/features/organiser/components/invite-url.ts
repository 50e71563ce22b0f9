/** A juror's invitation link, absolute, on the address this page was opened at. */
export const inviteUrl = (invitePath: string, origin: string = window.location.origin) => new URL(invitePath, origin).href;

/**
 * Whether an address only reaches this very computer: a link or QR code printed from
 * `localhost` sends every tablet to itself.
 * @example isLoopback('http://localhost:3000') // true
 */
export function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
