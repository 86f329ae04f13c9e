import type { InvoiceDocument, InvoiceLine, Party } from './document.js';

/**
 * The invoice as XML in the structure of the tax authority's format: HDon > DLHDon (the signed
 * data, found by its Id) > TTChung (general information), NDHDon (seller NBan, buyer NMua, lines
 * DSHHDVu, totals TToan); then DSCKS > NBan, where the seller's signature goes (signing.ts).
 * Element order follows the technical standard; optional elements without a value are left out.
 */
export const DATA_ID = 'DLHDon';
/** The version of the technical standard the document follows (PBan). */
export const FORMAT_VERSION = '2.1.0';
/** LHDCLQuan: the related invoice is an e-invoice under Decree 123/2020/NĐ-CP. */
const RELATED_TYPE_DECREE_123 = 1;
/** TChat: a line of goods or services. */
const NATURE_GOODS = 1;

/** An element: its text, or its children (absent values are dropped). */
interface Node {
  tag: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: Node[];
}
type Value = string | number | null | undefined;

/** Characters XML 1.0 can carry (tab, line breaks, and from the space on, less two non-characters). */
const allowed = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);
};

const xmlText = (s: string) =>
  Array.from(s)
    .filter(allowed)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const leaf = (tag: string, v: Value): Node[] =>
  v === null || v === undefined || v === '' ? [] : [{ tag, text: String(v) }];
const node = (tag: string, ...children: Node[][]): Node => ({ tag, children: children.flat() });

function render(n: Node, indent: string): string {
  const attrs = Object.entries(n.attrs ?? {})
    .map(([k, v]) => ` ${k}="${xmlText(v)}"`)
    .join('');
  if (n.text !== undefined) return `${indent}<${n.tag}${attrs}>${xmlText(n.text)}</${n.tag}>`;
  if (!n.children?.length) return `${indent}<${n.tag}${attrs}></${n.tag}>`;
  const inner = n.children.map((c) => render(c, `${indent}  `)).join('\n');
  return `${indent}<${n.tag}${attrs}>\n${inner}\n${indent}</${n.tag}>`;
}

function general(doc: InvoiceDocument): Node {
  const r = doc.related;
  const info = (name: string, value: string) =>
    node('TTin', leaf('TTruong', name), leaf('KDLieu', 'string'), leaf('DLieu', value));
  return node(
    'TTChung',
    leaf('PBan', FORMAT_VERSION),
    leaf('THDon', doc.title),
    leaf('KHMSHDon', doc.form),
    leaf('KHHDon', doc.symbol),
    leaf('SHDon', doc.number),
    leaf('NLap', doc.issuedOn),
    leaf('HDCTTChinh', 0),
    leaf('DVTTe', 'VND'),
    leaf('TGia', 1),
    leaf('HTTToan', doc.paymentMethod),
    r
      ? [
          node(
            'TTHDLQuan',
            leaf('TCHDon', r.nature),
            leaf('LHDCLQuan', RELATED_TYPE_DECREE_123),
            leaf('KHMSHDCLQuan', r.form),
            leaf('KHHDCLQuan', r.symbol),
            leaf('SHDCLQuan', r.number),
            leaf('NLHDCLQuan', r.issuedOn),
            leaf('GChu', r.note),
          ),
        ]
      : [],
    [
      node(
        'TTKhac',
        [info('MaTraCuu', doc.lookupCode)],
        [info('URLTraCuu', doc.lookupUrl)],
        [info('MaDonHang', doc.orderCode)],
      ),
    ],
  );
}

/** A party to the invoice (NBan, NMua): name, tax code, address, phone, email, then what only it has. */
const party = (tag: string, p: Party, ...more: Node[][]) =>
  node(
    tag,
    leaf('Ten', p.name),
    leaf('MST', p.taxCode),
    leaf('DChi', p.address),
    leaf('SDThoai', p.phone),
    leaf('DCTDTu', p.email),
    ...more,
  );
const seller = (p: Party) => party('NBan', p);
const buyer = (p: InvoiceDocument['buyer']) => party('NMua', p, leaf('HVTNMHang', p.contact));
const line = (l: InvoiceLine) =>
  node(
    'HHDVu',
    leaf('TChat', NATURE_GOODS),
    leaf('STT', l.no),
    leaf('MHHDVu', l.code),
    leaf('THHDVu', l.name),
    leaf('DVTinh', l.unit),
    leaf('SLuong', l.quantity),
    leaf('DGia', l.unitPrice),
    leaf('ThTien', l.amount),
    leaf('TSuat', l.rate),
  );

function totals(doc: InvoiceDocument): Node {
  // A sales invoice (form 2) carries no VAT: only what is paid, in figures and in words.
  const vat =
    doc.form === '1'
      ? [
          node(
            'THTTLTSuat',
            doc.byRate.map((r) =>
              node('LTSuat', leaf('TSuat', r.rate), leaf('ThTien', r.amount), leaf('TThue', r.tax)),
            ),
          ),
          ...leaf('TgTCThue', doc.net),
          ...leaf('TgTThue', doc.tax),
        ]
      : [];
  return node('TToan', vat, leaf('TgTTTBSo', doc.total), leaf('TgTTTBChu', doc.totalInWords));
}

/** The XML of an invoice, unsigned: DSCKS > NBan is empty, ready for the seller's signature. */
export function invoiceXml(doc: InvoiceDocument): string {
  const data: Node = {
    tag: 'DLHDon',
    attrs: { Id: DATA_ID },
    children: [
      general(doc),
      node(
        'NDHDon',
        [seller(doc.seller), buyer(doc.buyer)],
        [node('DSHHDVu', doc.lines.map(line))],
        [totals(doc)],
      ),
    ],
  };
  const root = node('HDon', [data, node('DSCKS', [node('NBan')])]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

/** The tax authority's code (MCCQT) added after the signed data: the seller's signature stays valid. */
export function withTaxAuthorityCode(xml: string, code: string): string {
  return xml.replace('</DLHDon>', `</DLHDon>\n  <MCCQT Id="MCCQT">${xmlText(code)}</MCCQT>`);
}
