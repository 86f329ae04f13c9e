import { createRequire } from 'node:module';
import path from 'node:path';
import type { InvoiceDocument } from './document.js';

/** DejaVu Sans covers Vietnamese; the fonts are embedded (subset) in every PDF. */
const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

export interface PdfExtras {
  kindLabel: string | null;
  replaced: boolean;
  taxAuthorityCode: string | null;
  signer: string;
  /** Tests read the PDF's text objects uncompressed. */
  compress?: boolean;
}

const money = (v: string) => {
  const [int, frac] = v.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
};
const dmy = (d: string) => {
  const [y, m, day] = d.split('-');
  return `ngày ${day} tháng ${m} năm ${y}`;
};

/**
 * The invoice as a printable A4 PDF (the "bản thể hiện" of the e-invoice): seller, title and
 * series, buyer, lines, totals per rate, the total in words, the signature and the look-up code.
 * pdfkit loads on first use: most requests never make a PDF.
 */
export async function invoicePdf(doc: InvoiceDocument, x: PdfExtras): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 40,
    font: REGULAR,
    compress: x.compress ?? true,
    info: { Title: `${doc.title} ${doc.symbol} ${doc.number}`, Author: doc.seller.name },
    lang: 'vi-VN',
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.registerFont('regular', REGULAR);
  pdf.registerFont('bold', BOLD);
  const left = 40;
  const width = pdf.page.width - 80;

  // The seller, and the series in the corner.
  pdf
    .font('bold')
    .fontSize(11)
    .text(doc.seller.name, left, 40, { width: width - 150 });
  pdf.font('regular').fontSize(8.5);
  for (const [label, value] of [
    ['Mã số thuế', doc.seller.taxCode],
    ['Địa chỉ', doc.seller.address],
    ['Điện thoại', doc.seller.phone],
  ] as const)
    if (value) pdf.text(`${label}: ${value}`, { width: width - 150 });
  pdf
    .fontSize(8.5)
    .text(`Mẫu số: ${doc.form}\nKý hiệu: ${doc.symbol}\nSố: ${doc.number}`, left + width - 140, 40, {
      width: 140,
      align: 'right',
    });

  pdf.moveDown(2).font('bold').fontSize(14).text(doc.title.toUpperCase(), left, Math.max(pdf.y, 110), {
    width,
    align: 'center',
  });
  pdf.font('regular').fontSize(9);
  if (x.kindLabel) pdf.text(`(${x.kindLabel})`, { width, align: 'center' });
  pdf.text(dmy(doc.issuedOn).replace(/^n/, 'N'), { width, align: 'center' });
  if (doc.related) {
    const r = doc.related;
    const what = r.nature === 1 ? 'Thay thế' : 'Điều chỉnh';
    pdf.text(
      `${what} cho hóa đơn mẫu số ${r.form}, ký hiệu ${r.symbol}, số ${r.number}, ${dmy(r.issuedOn)}`,
      {
        width,
        align: 'center',
      },
    );
    if (r.note) pdf.text(r.note, { width, align: 'center' });
  }
  if (x.replaced)
    pdf.font('bold').text('HÓA ĐƠN NÀY ĐÃ BỊ THAY THẾ', { width, align: 'center' }).font('regular');

  pdf.moveDown().fontSize(9);
  const b = doc.buyer;
  for (const [label, value] of [
    ['Họ tên người mua hàng', b.contact],
    ['Tên đơn vị', b.taxCode && b.name !== b.contact ? b.name : null],
    ['Mã số thuế', b.taxCode],
    ['Địa chỉ', b.address],
    ['Hình thức thanh toán', doc.paymentMethod],
  ] as const)
    if (value) pdf.text(`${label}: ${value}`, left, pdf.y, { width });

  // The lines.
  const vat = doc.form === '1';
  const cols: [string, number, 'left' | 'right' | 'center'][] = [
    ['STT', 26, 'center'],
    ['Tên hàng hóa, dịch vụ', vat ? 175 : 215, 'left'],
    ['ĐVT', 40, 'center'],
    ['Số lượng', 45, 'right'],
    ['Đơn giá', 80, 'right'],
    ['Thành tiền', 90, 'right'],
    ...(vat ? ([['Thuế suất', 40, 'center']] as [string, number, 'center'][]) : []),
  ];
  const row = (cells: string[], bold = false) => {
    const top = pdf.y + 4;
    pdf.font(bold ? 'bold' : 'regular').fontSize(8.5);
    let colX = left;
    let bottom = top;
    cells.forEach((c, i) => {
      const [, w, align] = cols[i];
      pdf.text(c, colX + 2, top, { width: w - 4, align });
      bottom = Math.max(bottom, pdf.y);
      colX += w;
    });
    pdf
      .moveTo(left, bottom + 2)
      .lineTo(left + width, bottom + 2)
      .lineWidth(0.5)
      .stroke();
    pdf.y = bottom + 2;
    if (pdf.y > pdf.page.height - 120) pdf.addPage();
  };
  pdf.moveDown();
  row(
    cols.map((c) => c[0]),
    true,
  );
  for (const l of doc.lines)
    row([
      String(l.no),
      l.name,
      l.unit,
      money(String(l.quantity)),
      money(l.unitPrice),
      money(l.amount),
      ...(vat ? [l.rate ?? ''] : []),
    ]);

  // Totals, per rate on a VAT invoice.
  pdf.moveDown(0.5).fontSize(9);
  const total = (label: string, value: string, bold = false) => {
    const y = pdf.y;
    pdf.font(bold ? 'bold' : 'regular').text(label, left, y, { width: width - 130 });
    const after = pdf.y;
    pdf.text(value, left + width - 120, y, { width: 120, align: 'right' });
    pdf.y = Math.max(after, pdf.y);
  };
  if (vat) {
    for (const r of doc.byRate)
      total(`Thuế suất ${r.rate}: tiền hàng ${money(r.amount)}, tiền thuế`, money(r.tax));
    total('Cộng tiền hàng', money(doc.net));
    total('Tiền thuế GTGT', money(doc.tax));
  }
  total('Tổng tiền thanh toán (đồng)', money(doc.total), true);
  pdf.font('regular').text(`Số tiền viết bằng chữ: ${doc.totalInWords}`, left, pdf.y + 4, { width });

  // Signature and look-up.
  pdf.moveDown(2).fontSize(8.5);
  pdf.text(`Ký bởi: ${x.signer}`, { width });
  pdf.text(`Mã tra cứu: ${doc.lookupCode}. Tra cứu hóa đơn và kiểm tra chữ ký số tại ${doc.lookupUrl}`, {
    width,
  });
  if (x.taxAuthorityCode) pdf.text(`Mã của cơ quan thuế: ${x.taxAuthorityCode}`, { width });
  pdf.text(`Đơn hàng ${doc.orderCode}`, { width });
  pdf.end();
  return done;
}
