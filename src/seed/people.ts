import { taxCheckDigit } from '../modules/sellers/validators.js';
import type { Random } from './random.js';

/**
 * Made-up but well-formed Vietnamese people and their numbers: names with the usual
 * frequencies of family names, mobile numbers of the current ranges, personal identification
 * numbers (Circular 59/2021/TT-BCA) and tax codes with their check digit. None belongs to anyone.
 */

// Family names roughly by how common they are.
const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Huỳnh', 5],
  ['Phan', 4],
  ['Võ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Hồ', 1.5],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lương', 0.6],
  ['Trương', 0.8],
  ['Đàng', 0.4],
  ['Cao', 0.5],
  ['Mai', 0.5],
  ['Tạ', 0.3],
];
const MIDDLE = {
  male: ['Văn', 'Hữu', 'Minh', 'Quốc', 'Đức', 'Thanh', 'Công', 'Ngọc'],
  female: ['Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh', 'Hồng', 'Bích'],
};
const GIVEN = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Hải',
    'Hùng',
    'Khoa',
    'Long',
    'Nam',
    'Phong',
    'Quang',
    'Sơn',
    'Tâm',
    'Thắng',
    'Trung',
    'Tuấn',
    'Vinh',
    'Lộc',
    'Phúc',
    'Tài',
    'Đạt',
    'Hiếu',
  ],
  female: [
    'Anh',
    'Châu',
    'Dung',
    'Hạnh',
    'Hoa',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Nga',
    'Nhung',
    'Oanh',
    'Phương',
    'Thảo',
    'Trang',
    'Tuyết',
    'Vân',
    'Yến',
    'Hằng',
    'Diệu',
    'Liên',
    'Loan',
  ],
};

export interface Person {
  fullName: string;
  given: string;
  female: boolean;
  birthYear: number;
}

export function person(rng: Random, now: Date): Person {
  const female = rng.chance(0.55);
  const sex = female ? 'female' : 'male';
  const given = rng.pick(GIVEN[sex]);
  return {
    fullName: `${rng.weighted(FAMILY, (f) => f[1])[0]} ${rng.pick(MIDDLE[sex])} ${given}`,
    given,
    female,
    birthYear: now.getUTCFullYear() - rng.int(24, 66),
  };
}

/** How neighbours call a shopkeeper: "Cô Ba", "Chú Tư", or just the given name. */
export function nickname(rng: Random, p: Person): string {
  const order = rng.pick(['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Út']);
  const title = rng.pick(p.female ? ['Cô', 'Bà', 'Dì', 'Chị'] : ['Chú', 'Ông', 'Anh']);
  return `${title} ${rng.chance(0.5) ? order : p.given}`;
}

const MOBILE = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '032',
  '033',
  '035',
  '036',
  '038',
  '039',
  '070',
  '076',
  '077',
  '079',
  '081',
  '083',
  '085',
  '056',
  '058',
];
export const mobilePhone = (rng: Random) =>
  `${rng.pick(MOBILE)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;

/**
 * Personal identification number: "0" + the pre-2025 province of birth registration, a digit
 * for century and sex, the year of birth, six random digits.
 */
export function personalId(rng: Random, p: Person, formerProvince: string): string {
  const centurySex = (p.birthYear >= 2000 ? 2 : 0) + (p.female ? 1 : 0);
  return `0${formerProvince}${centurySex}${String(p.birthYear % 100).padStart(2, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/** First two digits of the tax codes a former province's tax department issued. */
const TAX_PREFIX: Record<string, string> = {
  '48': '04',
  '49': '40',
  '51': '43',
  '52': '41',
  '54': '44',
  '56': '42',
  '58': '45',
  '60': '34',
  '62': '61',
  '64': '59',
  '66': '60',
  '67': '64',
  '68': '58',
};

/** A 10-digit enterprise tax code of a former province, with its check digit. */
export function enterpriseTaxCode(rng: Random, formerProvince: string): string {
  const prefix = TAX_PREFIX[formerProvince] ?? formerProvince;
  for (;;) {
    const first9 = `${prefix}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const check = taxCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

const STREETS = [
  'Trần Phú',
  'Lê Lợi',
  'Nguyễn Huệ',
  'Hùng Vương',
  'Quang Trung',
  'Lê Duẩn',
  'Thống Nhất',
  'Nguyễn Trãi',
  'Hai Bà Trưng',
  'Phan Chu Trinh',
  'Lý Thường Kiệt',
  'Trần Hưng Đạo',
  '2 Tháng 4',
];
const HAMLETS = [
  'Tân Hòa',
  'Phú Bình',
  'Mỹ Thành',
  'Đông',
  'Tây',
  'Trung',
  'Bắc',
  'Nam',
  'Tân Lập',
  'Phước Lý',
  'Hòa Bình',
  'Xuân Sơn',
  'An Ninh',
  'Vĩnh Phú',
];

/** A street address inside a commune: a house on a street in a ward, a hamlet in a rural commune. */
export function street(rng: Random, communeName: string): string {
  if (communeName.startsWith('Phường')) return `${rng.int(1, 250)} ${rng.pick(STREETS)}`;
  return rng.chance(0.4) ? `Thôn ${rng.int(1, 9)}` : `Thôn ${rng.pick(HAMLETS)}`;
}

/** Banks (VietQR BINs) most sellers of the region are paid at. */
const BANK_BINS = ['970436', '970405', '970418', '970415', '970422', '970407', '970403', '970416'];
export const bankAccount = (rng: Random) => ({
  bankBin: rng.pick(BANK_BINS),
  bankAccountNo: String(rng.int(1, 9)) + String(rng.int(0, 999_999_999_999)).padStart(12, '0'),
});
