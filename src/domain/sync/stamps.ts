/**
 * Whether the screen's stamp can stand for the server's after our write: it must differ from
 * the one we wrote with, and not be older (a screen still catching up would cost a certain 409).
 * Stamps that are not dates are compared as opaque tokens.
 */
export function newerStamp(seen: string | undefined, wrote: string | undefined): boolean {
  if (!seen || seen === wrote) return false;
  const a = Date.parse(seen);
  const b = wrote === undefined ? NaN : Date.parse(wrote);
  return Number.isNaN(a) || Number.isNaN(b) || a > b;
}
