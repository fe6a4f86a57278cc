// The package's files as files: links, blocked types, the banner, the logos, the zip's size.
import path from 'node:path';
import { readPngSize } from '../png.mjs';
import { BLOCKED_EXTENSIONS, sniffBlockedType } from '../sniff.mjs';
import { createZip } from '../zip.mjs';

export const LOGOS = [
  { file: 'assets/logo.png', width: 320, height: 320 },
  { file: 'assets/logo-small.png', width: 128, height: 128 },
];
const BANNER = 'assets/banner.png';
const BANNER_SIZES = [[830, 200], [1660, 400]];
export const MAX_PRIVATE_ZIP_BYTES = 2 * 1024 * 1024;

/** @param {{withLogos: boolean}} opts no logo checks when there is no app to speak of (no root manifest) */
export function checkFiles(ctx, { withLogos }) {
  for (const e of ctx.entries) {
    if (e.kind === 'symlink') ctx.error(e.path, 'is a symlink; Zendesk refuses packages that hold any (copy the file instead)', 'symlink_in_zip');
    else if (e.kind === 'other') ctx.error(e.path, 'is not a regular file');
  }
  for (const f of ctx.files) checkType(ctx, f.path);
  checkBanner(ctx);
  if (withLogos) checkLogos(ctx);
  checkZipSize(ctx);
}

function checkType(ctx, rel) {
  const ext = path.posix.extname(rel).slice(1).toLowerCase();
  const sniffed = sniffBlockedType(ctx.read(rel));
  if (BLOCKED_EXTENSIONS.includes(ext)) {
    const content = sniffed ? ` (its content is ${sniffed.type})` : '';
    ctx.error(rel, `.${ext} files are refused by Zendesk${content}: remove it from the package`, 'unsupported_mime_type_detected');
  } else if (sniffed?.zendesk) {
    ctx.error(rel, `holds ${sniffed.type} data whatever its name says; Zendesk refuses that type: remove it from the package`, 'unsupported_mime_type_detected');
  } else if (sniffed) {
    ctx.stricter(rel, `holds ${sniffed.type} data, a type Zendesk refuses; remove it from the package`,
      `Zendesk's own check goes by the file name for this type and lets the content through`);
  }
}

function checkBanner(ctx) {
  if (!ctx.has(BANNER)) return;
  const size = readPngSize(ctx.read(BANNER));
  if (!size) {
    ctx.error(BANNER, 'is not a PNG file', 'banner.invalid_format');
  } else if (!BANNER_SIZES.some(([w, h]) => size.width === w && size.height === h)) {
    ctx.error(BANNER, `is ${size.width}x${size.height}; Zendesk wants 830x200 or 1660x400`, 'banner.invalid_size');
  }
}

function checkLogos(ctx) {
  for (const logo of LOGOS) {
    const want = `${logo.width}x${logo.height}`;
    if (!ctx.has(logo.file)) {
      ctx.stricter(logo.file, `not found: expected a ${want} PNG (node scripts/make-logos.mjs draws it)`,
        "Zendesk's validator accepts an app without logos and shows a placeholder; Tagwise ships its own");
      continue;
    }
    const size = readPngSize(ctx.read(logo.file));
    if (!size) {
      ctx.stricter(logo.file, `is not a PNG file (expected a ${want} PNG)`, "Zendesk's validator does not look at logos");
    } else if (size.width !== logo.width || size.height !== logo.height) {
      ctx.stricter(logo.file, `is ${size.width}x${size.height}, expected ${want}`,
        "Zendesk's validator does not check logo sizes, but Admin Center and the Marketplace show them at that size");
    }
  }
}

// Only zipped when the files could come near the limit: zipping costs time, listing does not.
function checkZipSize(ctx) {
  const raw = ctx.files.reduce((n, f) => n + ctx.read(f.path).length, 0);
  if (raw <= MAX_PRIVATE_ZIP_BYTES * 0.9) return;
  const zipped = createZip(ctx.files.map((f) => ({ name: f.path, data: ctx.read(f.path), mtime: 0 }))).length;
  if (zipped <= MAX_PRIVATE_ZIP_BYTES) return;
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  ctx.stricter('(package)', `zips to ${mb(zipped)}; Zendesk refuses a private app over ${mb(MAX_PRIVATE_ZIP_BYTES)} on upload`,
    'the validator Zendesk runs does not measure the zip, but its upload does');
}
