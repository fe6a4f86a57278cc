// JSON.parse keeps the last of two equal keys without a word; Zendesk refuses a manifest or
// requirements.json that has them. This reader parses JSON and reports every duplicated key
// with the path of the object that holds it.

/**
 * @param {string} text
 * @returns {{value: unknown, duplicates: {key: string, at: string}[]} | {error: string}}
 */
export function parseJsonStrict(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  const duplicates = [];
  findDuplicates(text.replace(/^\uFEFF/, ''), duplicates);
  return { value, duplicates };
}

// A walk over text that JSON.parse already accepted, so it can assume valid syntax.
function findDuplicates(text, duplicates) {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const readString = () => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const readValue = (at) => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set();
      skipSpace();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        skipSpace();
        const key = readString();
        if (seen.has(key)) duplicates.push({ key, at: at || '(top level)' });
        seen.add(key);
        skipSpace();
        i++; // colon
        readValue(at ? `${at}.${key}` : key);
        skipSpace();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') { i++; return; }
      for (let n = 0; ; n++) {
        readValue(`${at}[${n}]`);
        skipSpace();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') { readString(); return; }
    while (i < text.length && !',]} \t\n\r'.includes(text[i])) i++;
  };
  readValue('');
}
