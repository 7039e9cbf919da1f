export interface ChartSeries {
  name: string;
  color: string;
}

export interface ChartRow {
  label: string;
  /** req/s by series name; absent when that server did not run the scenario. */
  values: Record<string, number | undefined>;
}

const WIDTH = 760;
const LEFT = 190;
const RIGHT = 90;
const TOP = 44;
const BAR = 14;
const GAP = 12;

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A hand-written SVG: one group of horizontal bars per scenario (one bar per
 * series: each platform, then the baseline) on a logarithmic axis, since
 * list(10,000) and /me differ by two orders of magnitude; each bar carries
 * its value.
 */
export function renderChart(series: ChartSeries[], rows: ChartRow[]): string {
  const values = rows.flatMap((r) =>
    series
      .map((s) => r.values[s.name])
      .filter((v): v is number => v !== undefined && v > 0),
  );
  const maxExp = Math.ceil(Math.log10(Math.max(10, ...values)));
  const minExp = Math.min(0, Math.floor(Math.log10(Math.min(1, ...values))));
  const plot = WIDTH - LEFT - RIGHT;
  const x = (v: number) =>
    ((Math.log10(Math.max(v, 10 ** minExp)) - minExp) / (maxExp - minExp)) *
    plot;
  const rowHeight = series.length * (BAR + 2) + GAP;
  const height = TOP + rows.length * rowHeight + 30;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="18" font-size="14" font-weight="bold">Throughput (req/s, log scale): service per platform vs raw baseline</text>`,
  ];
  let legendX = LEFT;
  for (const s of series) {
    out.push(
      `<rect x="${legendX}" y="26" width="10" height="10" fill="${s.color}"/><text x="${legendX + 14}" y="35">${escape(s.name)}</text>`,
    );
    legendX += 24 + 7 * s.name.length;
  }
  for (let e = minExp; e <= maxExp; e += 1) {
    const gx = LEFT + x(10 ** e);
    out.push(
      `<line x1="${gx}" y1="${TOP}" x2="${gx}" y2="${height - 26}" stroke="#e0e0e0"/>`,
      `<text x="${gx}" y="${height - 10}" text-anchor="middle" fill="#555">${(10 ** e).toLocaleString('en-US')}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = TOP + i * rowHeight + 6;
    out.push(
      `<text x="${LEFT - 8}" y="${y + (series.length * (BAR + 2)) / 2 + 4}" text-anchor="end">${escape(row.label)}</text>`,
    );
    series.forEach((s, j) => {
      const value = row.values[s.name];
      const by = y + j * (BAR + 2);
      if (value === undefined) {
        out.push(
          `<text x="${LEFT + 4}" y="${by + BAR - 3}" fill="#888" font-style="italic">${escape(s.name)}: not measured</text>`,
        );
        return;
      }
      const w = Math.max(1, x(value));
      out.push(
        `<rect x="${LEFT}" y="${by}" width="${w.toFixed(1)}" height="${BAR}" fill="${s.color}"/>`,
        `<text x="${(LEFT + w + 4).toFixed(1)}" y="${by + BAR - 3}">${Math.round(value).toLocaleString('en-US')}</text>`,
      );
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
