// One plain-text table: long values wrap inside their column so it stays readable in a terminal.
const COLUMNS = [
  ['figure', 'figure', 44],
  ['value', 'value', 64],
  ['budget', 'budget', 20],
  ['status', 'result', 6],
  ['reproduce', 'reproduce', 44],
];

function wrap(text, width) {
  const lines = [''];
  for (let word of String(text ?? '').split(/(?<=[\s,;/])/)) {
    if ((lines.at(-1) + word).trimEnd().length > width && lines.at(-1).length > 0) lines.push('');
    while (word.length > width) {
      lines[lines.length - 1] += word.slice(0, width);
      word = word.slice(width);
      lines.push('');
    }
    lines[lines.length - 1] += word;
  }
  return lines.map((l) => l.trimEnd());
}

/** @param {{ figure: string, value: string, budget: string, status: string, enforced: boolean, reproduce: string }[]} rows */
export function renderTable(rows) {
  const cells = rows.map((r) =>
    COLUMNS.map(([key, , width]) => wrap(key === 'budget' && r.enforced && r.budget ? `${r.budget} *` : r[key], width)),
  );
  const widths = COLUMNS.map(([, title, width], i) => Math.min(width, Math.max(title.length, ...cells.map((c) => Math.max(...c[i].map((l) => l.length))))));
  const line = (parts) => `| ${parts.map((p, i) => p.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const out = [line(COLUMNS.map(([, title]) => title)), rule];
  for (const c of cells) {
    const height = Math.max(...c.map((lines) => lines.length));
    for (let k = 0; k < height; k++) out.push(line(c.map((lines) => lines[k] ?? '')));
  }
  out.push('', '* enforced by `npm run bench:check`; other budgets are printed only. OVER = over budget.');
  return out.join('\n');
}
