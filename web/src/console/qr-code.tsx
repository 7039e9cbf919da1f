import qrcode from 'qrcode-generator';

/**
 * The link as a QR code, drawn as SVG from the encoder's modules: no
 * canvas, no data: URL, nothing the CSP has to allow. Dark on light with a
 * four-module quiet zone in either colour scheme, as scanners expect.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const margin = 4;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (qr.isDark(row, col))
        path += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
  }
  const full = size + margin * 2;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${full} ${full}`}
      shape-rendering="crispEdges"
    >
      <rect width={full} height={full} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
