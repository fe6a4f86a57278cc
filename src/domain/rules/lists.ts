/**
 * The text of a multiline setting as a list of entries. Admins paste lists from many places,
 * so one per line and comma-separated both work, and blank lines are ignored.
 */

export interface ListEntry {
  readonly text: string;
  /** 1-based line of the setting the entry is on, for messages. */
  readonly line: number;
}

const ENTRY_SEPARATORS = /[,\n]/u;

export function splitEntries(text: string): ListEntry[] {
  const out: ListEntry[] = [];
  text.split(/\r\n|\r|\n/u).forEach((lineText, index) => {
    for (const piece of lineText.split(ENTRY_SEPARATORS)) {
      const trimmed = piece.trim();
      if (trimmed !== '') out.push({ text: trimmed, line: index + 1 });
    }
  });
  return out;
}
