// A small XML reader for icons: elements with their attributes, text, comments, processing
// instructions and DOCTYPEs, each with its line and nesting depth. Throws on XML that is not
// well-formed (unclosed or mismatched tags, bad attributes).

/**
 * @typedef {{type: 'open', name: string, attributes: Record<string, string>, depth: number, line: number}
 *   | {type: 'close', name: string, depth: number, line: number}
 *   | {type: 'text' | 'cdata', value: string, depth: number, line: number, after: boolean}
 *   | {type: 'comment' | 'doctype', depth: number, line: number}
 *   | {type: 'pi', name: string, depth: number, line: number}} XmlToken
 */

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

/** @returns {XmlToken[]} */
export function tokenizeXml(source) {
  const text = source.replace(/^\uFEFF/, '');
  const tokens = [];
  const stack = [];
  let rootClosed = false;
  let i = 0;
  const lineAt = (pos) => text.slice(0, pos).split('\n').length;
  const fail = (why, pos) => {
    throw new Error(`${why} at line ${lineAt(pos)}`);
  };
  const until = (end, pos, what) => {
    const j = text.indexOf(end, pos);
    if (j < 0) fail(`unclosed ${what}`, pos);
    return j;
  };
  while (i < text.length) {
    const depth = stack.length;
    const line = lineAt(i);
    if (text[i] !== '<') {
      const j = text.indexOf('<', i);
      const end = j < 0 ? text.length : j;
      tokens.push({ type: 'text', value: text.slice(i, end), depth, line, after: rootClosed });
      i = end;
    } else if (text.startsWith('<!--', i)) {
      i = until('-->', i + 4, 'comment') + 3;
      tokens.push({ type: 'comment', depth, line });
    } else if (text.startsWith('<![CDATA[', i)) {
      const j = until(']]>', i, 'CDATA section');
      tokens.push({ type: 'cdata', value: text.slice(i + 9, j), depth, line, after: rootClosed });
      i = j + 3;
    } else if (text.startsWith('<!', i)) {
      // <!DOCTYPE ...> possibly with an internal subset in [...]
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      const j = bracket >= 0 && bracket < close ? until('>', until(']', bracket, 'DOCTYPE'), 'DOCTYPE') : until('>', i, 'DOCTYPE');
      tokens.push({ type: 'doctype', depth, line });
      i = j + 1;
    } else if (text.startsWith('<?', i)) {
      const j = until('?>', i, 'processing instruction');
      tokens.push({ type: 'pi', name: (NAME.exec(text.slice(i + 2)) ?? [''])[0], depth, line });
      i = j + 2;
    } else if (text.startsWith('</', i)) {
      const m = NAME.exec(text.slice(i + 2));
      if (!m) fail('bad closing tag', i);
      const j = until('>', i, 'closing tag');
      if (text.slice(i + 2 + m[0].length, j).trim()) fail(`bad closing tag </${m[0]}>`, i);
      const open = stack.pop();
      if (open !== m[0]) fail(`</${m[0]}> closes <${open ?? 'nothing'}>`, i);
      tokens.push({ type: 'close', name: m[0], depth: stack.length, line });
      if (stack.length === 0) rootClosed = true;
      i = j + 1;
    } else {
      const m = NAME.exec(text.slice(i + 1));
      if (!m) fail('bad tag', i);
      let p = i + 1 + m[0].length;
      const attributes = {};
      for (;;) {
        const ws = /^\s*/.exec(text.slice(p))[0];
        p += ws.length;
        if (text.startsWith('/>', p) || text[p] === '>') break;
        if (!ws) fail(`attributes of <${m[0]}> need spaces between them`, p);
        const a = /^([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(p));
        if (!a) fail(`bad attribute in <${m[0]}>`, p);
        if (a[1] in attributes) fail(`attribute ${a[1]} given twice in <${m[0]}>`, p);
        attributes[a[1]] = a[3] ?? a[4];
        p += a[0].length;
      }
      const selfClosing = text.startsWith('/>', p);
      tokens.push({ type: 'open', name: m[0], attributes, depth, line });
      if (selfClosing) {
        tokens.push({ type: 'close', name: m[0], depth, line });
        if (depth === 0) rootClosed = true;
      } else stack.push(m[0]);
      i = p + (selfClosing ? 2 : 1);
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]}> is never closed`, text.length);
  return tokens;
}
