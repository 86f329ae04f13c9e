/** Shared by this module's tests: a complete application and sample files. */

export const files = {
  pdf: {
    filename: 'dang-ky-kinh-doanh.pdf',
    data: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
    type: 'application/pdf',
  },
  png: {
    filename: 'cccd-mat-truoc.png',
    data: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
    type: 'image/png',
  },
  /** A text file renamed .pdf: refused by content. */
  fakePdf: {
    filename: 'giay-phep.pdf',
    data: Buffer.from('Đây chỉ là văn bản, không phải PDF.'),
    type: 'application/pdf',
  },
};

/** Every field of a complete cooperative application (tax codes differ per call). */
export function completeForm(taxCode = '4201234566'): Record<string, string | string[]> {
  return {
    legalForm: 'cooperative',
    shopName: 'Hợp tác xã Yến sào Cam Lâm',
    description: 'Yến sào khai thác tự nhiên tại Cam Lâm, Khánh Hòa.',
    categories: ['food', 'herbal'],
    taxCode,
    businessRegNo: taxCode,
    businessRegDate: '2019-05-20',
    repName: 'Nguyễn Văn An',
    repCitizenId: '056085012345',
    provinceCode: '56',
    communeCode: '22453',
    street: 'Thôn Tân Hải',
    phone: '0258 3822 222',
    email: 'htx.yensao@example.vn',
    bankBin: '970436',
    bankAccountNo: '0071 0001 23456',
    bankAccountName: 'Hợp tác xã Yến sào Cam Lâm',
  };
}

export const documentUploads = {
  'upload.business_registration': files.pdf,
  'upload.citizen_id_front': files.png,
  'upload.citizen_id_back': files.png,
};
