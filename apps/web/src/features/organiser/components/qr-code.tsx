import { useMemo } from 'react';
import { encode } from 'uqr';

/** The blank margin a reader needs around the symbol: four modules, as the QR standard asks. */
export const QUIET_ZONE = 4;

/**
 * One SVG path for the dark modules, a row's consecutive dark modules drawn as one rectangle:
 * a version 5 code is a few hundred short commands instead of a thousand elements.
 */
export function modulesPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

interface QrCodeProps {
  /** What a camera reads: here, a juror's invitation link. */
  text: string;
  /** The image's accessible name (the link itself is secret and long: name whose code it is). */
  label: string;
  className?: string;
}

/**
 * A QR code drawn by React from uqr's module matrix (no generated markup injected), black on
 * white with its quiet zone, at medium error correction (a printed sheet may get creased). It
 * scales to its box: the size is the stylesheet's.
 */
export function QrCode({ text, label, className }: QrCodeProps) {
  const { size, path } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 0 });
    return { size: qr.size, path: modulesPath(qr.data) };
  }, [text]);
  const box = size + 2 * QUIET_ZONE;
  return (
    <svg
      className={className}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
