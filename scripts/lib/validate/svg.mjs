// assets/**/*.svg: Zendesk accepts any SVG but sanitises it on upload (loofah's safe list) and
// rewrites the file when that changes anything; an <image> swaps the whole icon for its
// placeholder. Zendesk then serves an icon nobody tested. So an SVG here must already be what
// the sanitiser leaves alone, and an icon keeps to plain shapes with a viewBox (the nav bar
// shows it at 18x18), with a symbol id="default" when it is made of symbols.
import { tokenizeXml } from '../xml-tokens.mjs';

export const ICON_ELEMENTS = ['svg', 'g', 'path', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'rect', 'symbol', 'use', 'defs', 'title', 'desc'];
// Elements the sanitiser keeps (a fact about loofah's SVG safe list plus Zendesk's 'symbol').
const KEPT_BY_ZENDESK = new Set([
  ...ICON_ELEMENTS, 'a', 'animate', 'animateColor', 'animateMotion', 'animateTransform', 'clipPath', 'feGaussianBlur',
  'filter', 'font-face', 'font-face-name', 'font-face-src', 'foreignObject', 'glyph', 'hkern', 'linearGradient', 'marker',
  'mask', 'metadata', 'missing-glyph', 'mpath', 'radialGradient', 'set', 'stop', 'switch', 'text', 'textPath', 'tspan',
]);
export const ICON_ATTRIBUTES = new Set([
  'id', 'class', 'viewBox', 'width', 'height', 'xmlns', 'xmlns:xlink', 'version', 'preserveAspectRatio', 'xml:space', 'xml:lang',
  'x', 'y', 'cx', 'cy', 'r', 'rx', 'ry', 'x1', 'y1', 'x2', 'y2', 'd', 'points', 'transform', 'pathLength',
  'fill', 'fill-rule', 'fill-opacity', 'clip-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color', 'visibility', 'display',
  'href', 'xlink:href', 'aria-hidden', 'aria-label', 'role',
]);
const URL_VALUED = new Set(['fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end']);
const REWRITE = 'Zendesk accepts the file but rewrites it on upload, so it would serve another icon than the one tested';

export function checkSvgs(ctx) {
  for (const f of ctx.files) {
    if (f.path.startsWith('assets/') && f.path.endsWith('.svg')) checkSvg(ctx, f.path, ctx.text(f.path));
  }
}

function checkSvg(ctx, file, text) {
  const found = new Map(); // message -> {line, count, why}
  const add = (message, line, why = REWRITE) => {
    const seen = found.get(message);
    if (seen) seen.count++;
    else found.set(message, { line, count: 1, why });
  };
  let tokens;
  try {
    tokens = tokenizeXml(text);
  } catch (err) {
    ctx.error(file, `is not well-formed XML (${err.message}); Zendesk cannot sanitise it`, 'dirty_svg');
    return;
  }
  const depth0 = tokens.filter((t) => t.type === 'open' && t.depth === 0);
  if (depth0.length === 0 || depth0[0].name !== 'svg') {
    ctx.error(file, 'has no <svg> root element', 'dirty_svg');
    return;
  }
  if (depth0.length > 1 || tokens.some((t) => t.type === 'text' && t.depth === 0 && t.after && t.value.trim())) {
    add('holds content after </svg>: Zendesk drops it', depth0[1]?.line ?? 1);
  }
  const root = depth0[0];
  if (!('viewBox' in root.attributes)) {
    add('the <svg> has no viewBox', root.line, 'Zendesk serves it as it is, but without a viewBox it cannot scale to the 18x18 the nav bar shows');
  }
  const symbols = [];
  for (const t of tokens) {
    if (t.type === 'comment') add('holds a comment: Zendesk strips comments', t.line);
    else if (t.type === 'doctype') add('holds a DOCTYPE: Zendesk strips it', t.line);
    else if (t.type === 'pi' && !(t.name === 'xml' && t === tokens.find((x) => x.type !== 'text'))) {
      add(`holds a <?${t.name}?> instruction: Zendesk strips it`, t.line);
    } else if (t.type === 'open') checkElement(t, add, symbols);
  }
  if (symbols.length && !symbols.some((s) => s.attributes.id === 'default')) {
    add('is made of <symbol>s but none has id="default"', symbols[0].line, 'Zendesk shows the symbol with id="default" as the icon');
  }
  for (const [message, { line, count, why }] of found) {
    const where = count > 1 ? `line ${line}, and ${count - 1} more` : `line ${line}`;
    ctx.stricter(file, `${message} (${where})`, why);
  }
}

function checkElement(t, add, symbols) {
  const el = `<${t.name}>`;
  if (t.name === 'image') {
    add(`${el}: Zendesk replaces the whole icon with its placeholder when an SVG holds a bitmap`, t.line);
    return;
  }
  if (!KEPT_BY_ZENDESK.has(t.name)) {
    add(`${el}: Zendesk strips this element${t.name === 'style' ? ' (use presentation attributes such as fill)' : ''}`, t.line);
    return;
  }
  if (!ICON_ELEMENTS.includes(t.name)) {
    add(`${el} is not one of the shapes an icon may use here (${ICON_ELEMENTS.join(' ')})`, t.line,
      'keeping to plain shapes keeps the icon what Zendesk serves and what the nav bar can draw at 18x18');
    return;
  }
  if (t.name === 'symbol') symbols.push(t);
  for (const [name, value] of Object.entries(t.attributes)) {
    const at = `${el} ${name}`;
    if (/^on/i.test(name)) add(`${at}: Zendesk strips event handlers`, t.line);
    else if (name === 'focusable') add(`${at}: Zendesk strips focusable (use aria-hidden="true")`, t.line);
    else if (name === 'style') add(`${at}: Zendesk rewrites style attributes; use presentation attributes such as fill`, t.line);
    else if (/^data-/.test(name)) continue;
    else if (!ICON_ATTRIBUTES.has(name)) {
      add(`${at} is not one of the presentation attributes an icon may use here`, t.line,
        'Zendesk strips attributes outside its safe list; this list keeps to the ones it is known to keep');
    } else if (value.trim() === '') add(`${at} is empty: Zendesk removes empty attributes`, t.line);
    else if ((name === 'href' || name === 'xlink:href') && !value.trim().startsWith('#')) {
      add(`${at}="${value}": Zendesk strips links that leave the file (only "#id" is kept)`, t.line);
    } else if (URL_VALUED.has(name) && /url\(\s*(?!['"]?#)/i.test(value)) {
      add(`${at}="${value}": Zendesk strips references that leave the file (only url(#id) is kept)`, t.line);
    }
  }
}
