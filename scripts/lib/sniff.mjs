// Recognises, by their first bytes, the file types Zendesk refuses in a package.
// `zendesk` says whether Zendesk's own content check (marcel's magic numbers, compared as
// text) recognises the type too; for the others it goes by the file name only.

const startsWith = (buf, bytes, at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s) => [...Buffer.from(s, 'latin1')];

/** @returns {{type: string, zendesk: boolean} | null} */
export function sniffBlockedType(buf) {
  if (startsWith(buf, ascii('PK\x03\x04')) || startsWith(buf, ascii('PK\x05\x06')) || startsWith(buf, ascii('PK\x07\x08'))) {
    return { type: 'zip', zendesk: true };
  }
  if (buf.subarray(0, 1024).includes('%PDF-')) return { type: 'PDF', zendesk: true };
  if (startsWith(buf, ascii('ID3'))) return { type: 'MP3', zendesk: true };
  if (buf.length > 1 && buf[0] === 0xff && [0xe3, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xfa, 0xfb, 0xfc, 0xfd].includes(buf[1])) {
    return { type: 'MPEG audio', zendesk: false };
  }
  if (startsWith(buf, [0, 0, 1, 0xba]) || startsWith(buf, [0, 0, 1, 0xb3])) return { type: 'MPEG video', zendesk: false };
  if (startsWith(buf, [0x1f, 0x8b])) return { type: 'gzip', zendesk: false };
  if (startsWith(buf, ascii('Rar!\x1a\x07'))) return { type: 'RAR', zendesk: false };
  if (startsWith(buf, ascii('7z\xbc\xaf\x27\x1c'))) return { type: '7z', zendesk: false };
  if (/^BZh[1-9]/.test(buf.subarray(0, 4).toString('latin1'))) return { type: 'bzip2', zendesk: false };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { type: 'Microsoft Office (doc, xls, ppt)', zendesk: false };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('AVI '), 8)) return { type: 'AVI', zendesk: false };
  const firstLine = buf.subarray(0, 128).toString('latin1').split('\n')[0];
  if (/^#!\s*\S*\/(env\s+)?(ba|c|tc|z|k|da)?sh\b/.test(firstLine)) return { type: 'shell script', zendesk: false };
  return null;
}

// File name endings Zendesk refuses (validations/mime.rb), compared without case here.
export const BLOCKED_EXTENSIONS = [
  'rar', 'zip', 'gzip', 'pdf', 'doc', 'docx', 'avi', 'bin', 'bz', 'bz2', 'csh', 'sh', 'jar',
  'mp3', 'mpeg', 'odt', 'pptx', 'ppt', 'xls', 'xlsx', '7z',
];
