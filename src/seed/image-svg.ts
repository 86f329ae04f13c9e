import type { ProductKind, Shape } from './kind-types.js';

/**
 * The picture of a kind of product, drawn as SVG: a background colour of its category, a
 * simple shape in the kind's colour, and the kind's name. Made locally, no network.
 */

export const IMAGE_SIZE = 1024;

const BACKGROUND: Record<string, string> = {
  food: '#fbf1dc',
  beverages: '#f1e4d6',
  herbal: '#e5f0dc',
  textiles: '#f7e1e1',
  crafts: '#f5e6d8',
  fresh_produce: '#e6f4de',
  seafood: '#dceefa',
  tourism: '#dff1f4',
  other: '#ececec',
};

/** The colour darkened by `f` (0..1), for outlines and text. */
function darken(hex: string, f: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const c = [n >> 16, (n >> 8) & 255, n & 255].map((x) => Math.round(x * (1 - f)));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** Each shape drawn around (512, 420), about 480 px across. */
function shape(s: Shape, fill: string, line: string): string {
  const st = `fill="${fill}" stroke="${line}" stroke-width="14" stroke-linejoin="round"`;
  switch (s) {
    case 'nest':
      return `<path d="M272 380 Q512 700 752 380 Z" ${st}/><path d="M300 400 Q512 520 724 400 M320 440 Q512 560 704 440 M360 500 Q512 600 664 500" fill="none" stroke="${line}" stroke-width="10"/>`;
    case 'bottle':
      return `<rect x="452" y="170" width="120" height="110" rx="16" ${st}/><rect x="392" y="270" width="240" height="400" rx="60" ${st}/><rect x="440" y="400" width="144" height="140" rx="12" fill="#fff" opacity="0.7"/>`;
    case 'jar':
      return `<rect x="362" y="230" width="300" height="70" rx="20" fill="${line}"/><rect x="332" y="290" width="360" height="380" rx="70" ${st}/><rect x="392" y="420" width="240" height="120" rx="14" fill="#fff" opacity="0.7"/>`;
    case 'bulb':
      return `<path d="M512 190 C500 260 330 330 330 480 C330 610 420 670 512 670 C604 670 694 610 694 480 C694 330 524 260 512 190 Z" ${st}/><path d="M512 250 L512 660 M430 330 Q400 520 450 655 M594 330 Q624 520 574 655" fill="none" stroke="${line}" stroke-width="10"/>`;
    case 'fruit':
      return `<circle cx="512" cy="450" r="220" ${st}/><path d="M512 232 Q560 150 650 170 Q600 250 512 232 Z" fill="#4c9a2a" stroke="#2f6b1a" stroke-width="10"/>`;
    case 'grapes':
      return [
        [512, 300],
        [440, 360],
        [584, 360],
        [370, 430],
        [512, 430],
        [654, 430],
        [440, 500],
        [584, 500],
        [512, 570],
        [512, 640],
      ]
        .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="68" ${st}/>`)
        .join('');
    case 'bean':
      return [
        [420, 360, -30],
        [600, 350, 25],
        [510, 480, 5],
        [390, 560, 40],
        [630, 560, -35],
      ]
        .map(
          ([x, y, r]) =>
            `<g transform="rotate(${r} ${x} ${y})"><ellipse cx="${x}" cy="${y}" rx="95" ry="65" ${st}/><path d="M${x - 70} ${y} Q${x} ${y - 25} ${x + 70} ${y}" fill="none" stroke="${line}" stroke-width="8"/></g>`,
        )
        .join('');
    case 'leaf':
      return `<path d="M300 640 C300 380 460 220 740 200 C720 480 560 640 300 640 Z" ${st}/><path d="M300 640 Q520 440 700 240" fill="none" stroke="${line}" stroke-width="10"/>`;
    case 'fish':
      return `<ellipse cx="480" cy="440" rx="240" ry="130" ${st}/><path d="M700 440 L820 330 L820 550 Z" ${st}/><circle cx="340" cy="410" r="22" fill="${line}"/>`;
    case 'squid':
      return `<path d="M512 170 L650 420 L374 420 Z" ${st}/><rect x="394" y="410" width="236" height="90" rx="30" ${st}/><path d="M420 500 Q400 600 430 680 M470 500 Q460 620 480 690 M512 500 L512 700 M554 500 Q564 620 544 690 M604 500 Q624 600 594 680" fill="none" stroke="${line}" stroke-width="16" stroke-linecap="round"/>`;
    case 'vase':
      return `<path d="M452 190 L572 190 L560 260 C700 320 720 520 620 650 L404 650 C304 520 324 320 464 260 Z" ${st}/><path d="M380 420 L644 420 M370 470 L654 470" stroke="${line}" stroke-width="10"/>`;
    case 'cloth':
      return `<rect x="282" y="220" width="460" height="440" rx="10" ${st}/><path d="M282 300 L742 300 M282 580 L742 580" stroke="${line}" stroke-width="12"/><path d="M300 440 L350 390 L400 440 L450 390 L500 440 L550 390 L600 440 L650 390 L700 440" fill="none" stroke="#f4d03f" stroke-width="18"/><path d="M300 510 L350 460 L400 510 L450 460 L500 510 L550 460 L600 510 L650 460 L700 510" fill="none" stroke="#1f5f8b" stroke-width="14"/>`;
    case 'basket':
      return `<path d="M292 360 L732 360 L672 660 L352 660 Z" ${st}/><path d="M322 430 L702 430 M337 500 L687 500 M352 570 L672 570 M412 360 L432 660 M512 360 L512 660 M612 360 L592 660" stroke="${line}" stroke-width="9"/><path d="M362 360 Q512 160 662 360" fill="none" stroke="${line}" stroke-width="18"/>`;
    case 'stick':
      return [-24, -12, 0, 12, 24]
        .map(
          (r) =>
            `<rect x="492" y="190" width="40" height="480" rx="18" transform="rotate(${r} 512 660)" ${st}/>`,
        )
        .join('');
    case 'mountain':
      return `<circle cx="720" cy="260" r="70" fill="#f4b942"/><path d="M212 660 L432 300 L572 520 L662 400 L842 660 Z" ${st}/><path d="M392 365 L432 300 L472 365 Z" fill="#fff"/>`;
    case 'wave':
      return `<circle cx="512" cy="330" r="110" fill="#f4b942"/><path d="M212 470 Q287 410 362 470 T512 470 T662 470 T812 470 L812 660 L212 660 Z" ${st}/><path d="M212 560 Q287 500 362 560 T512 560 T662 560 T812 560" fill="none" stroke="#fff" stroke-width="14"/>`;
    case 'house':
      return `<path d="M262 420 L512 220 L762 420 Z" fill="${line}"/><rect x="322" y="410" width="380" height="260" ${st}/><rect x="462" y="520" width="100" height="150" fill="#fff" opacity="0.8"/><rect x="360" y="460" width="70" height="70" fill="#fff" opacity="0.8"/><rect x="594" y="460" width="70" height="70" fill="#fff" opacity="0.8"/>`;
    case 'drop':
      return `<path d="M512 190 C580 330 680 420 680 520 C680 620 600 680 512 680 C424 680 344 620 344 520 C344 420 444 330 512 190 Z" ${st}/><path d="M430 520 Q430 600 500 620" fill="none" stroke="#fff" stroke-width="16" opacity="0.7"/>`;
    case 'lantern':
      return `<rect x="432" y="210" width="160" height="40" rx="10" fill="${line}"/><ellipse cx="512" cy="440" rx="190" ry="200" ${st}/><path d="M400 290 Q360 440 400 590 M512 240 L512 640 M624 290 Q664 440 624 590" fill="none" stroke="${line}" stroke-width="9"/><rect x="432" y="630" width="160" height="40" rx="10" fill="${line}"/><path d="M512 670 L512 740" stroke="${line}" stroke-width="12"/>`;
    default:
      return `<rect x="312" y="300" width="400" height="340" rx="16" ${st}/><path d="M512 300 L512 640 M312 420 L712 420" stroke="${line}" stroke-width="18"/><path d="M512 300 Q430 200 400 280 Q440 320 512 300 Q594 200 624 280 Q584 320 512 300" fill="${line}"/>`;
  }
}

/** The SVG of a kind's picture, `IMAGE_SIZE` pixels square. */
export function kindSvg(k: ProductKind): string {
  const bg = BACKGROUND[k.category.split('.')[0]] ?? BACKGROUND.other;
  const line = darken(k.image.color, 0.45);
  const fontSize = Math.min(96, Math.floor(1500 / k.label.length));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" viewBox="0 0 1024 1024">
<rect width="1024" height="1024" fill="${bg}"/>
<circle cx="512" cy="440" r="330" fill="#ffffff" opacity="0.55"/>
${shape(k.image.shape, k.image.color, line)}
<text x="512" y="880" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" font-weight="bold" font-size="${fontSize}" text-anchor="middle" fill="${darken(k.image.color, 0.7)}">${escapeXml(k.label)}</text>
</svg>`;
}
