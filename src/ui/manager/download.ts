/** Offers `text` as a file download from inside the app's frame (the sandbox allows downloads). */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark, so that spreadsheets read the UTF-8 tag names right.
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
