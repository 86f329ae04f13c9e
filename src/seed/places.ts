import type { Place } from './kind-types.js';

/**
 * Places the demo products come from, by the name people use for them, each placed in its
 * commune of the 2025 units (a village or former district now inside a merged commune:
 * Hòn Khói in Đông Ninh Hòa, Thái An in Vĩnh Hải, Thi Phổ in Long Phụng, ...).
 * src/seed/products.test.ts checks every code against data/reference/admin-units-2025.json.
 */
const p = (commune: string, label: string): Place => ({ commune, label });

/** Khánh Hòa (56), with the former Ninh Thuận. */
export const KH = {
  nhaTrang: p('22366', 'Nha Trang'),
  honNoi: p('22402', 'Hòn Nội'),
  honMun: p('22366', 'Hòn Mun'),
  bacNhaTrang: p('22333', 'Nha Trang'),
  namNhaTrang: p('22402', 'Nha Trang'),
  khanhHoa: p('22366', 'Khánh Hòa'),
  camLam: p('22453', 'Cam Lâm'),
  camAn: p('22465', 'Cam An'),
  camHiep: p('22435', 'Cam Lâm'),
  camRanh: p('22420', 'Cam Ranh'),
  bacCamRanh: p('22411', 'Cam Ranh'),
  binhBa: p('22480', 'Bình Ba'),
  vanNinh: p('22489', 'Vạn Ninh'),
  daiLanh: p('22504', 'Đại Lãnh'),
  ninhHoa: p('22528', 'Ninh Hòa'),
  honKhoi: p('22561', 'Hòn Khói'),
  namNinhHoa: p('22597', 'Ninh Hòa'),
  khanhVinh: p('22609', 'Khánh Vĩnh'),
  trungKhanhVinh: p('22612', 'Khánh Vĩnh'),
  tayKhanhVinh: p('22624', 'Khánh Vĩnh'),
  honBa: p('22648', 'Hòn Bà'),
  dienKhanh: p('22651', 'Diên Khánh'),
  khanhSon: p('22714', 'Khánh Sơn'),
  tayKhanhSon: p('22720', 'Khánh Sơn'),
  dongKhanhSon: p('22732', 'Khánh Sơn'),
  phanRang: p('22759', 'Phan Rang'),
  ninhThuan: p('22759', 'Ninh Thuận'),
  ninhChu: p('22834', 'Ninh Chử'),
  vinhHy: p('22846', 'Vĩnh Hy'),
  thaiAn: p('22846', 'Thái An'),
  ninhHai: p('22852', 'Ninh Hải'),
  bacAi: p('22795', 'Bác Ái'),
  ninhSon: p('22810', 'Ninh Sơn'),
  bauTruc: p('22870', 'Bàu Trúc'),
  myNghiep: p('22870', 'Mỹ Nghiệp'),
  ninhPhuoc: p('22870', 'Ninh Phước'),
  phuocHuu: p('22891', 'Ninh Phước'),
  thuanNam: p('22897', 'Thuận Nam'),
  caNa: p('22909', 'Cà Ná'),
};

/** Quảng Ngãi (51), with the former Kon Tum. */
export const QNg = {
  lySon: p('21548', 'Lý Sơn'),
  traBong: p('21115', 'Trà Bồng'),
  tayTraBong: p('21157', 'Trà Bồng'),
  dongTraBong: p('21127', 'Trà Bồng'),
  quangNgai: p('21025', 'Quảng Ngãi'),
  thiPho: p('21409', 'Thi Phổ'),
  saHuynh: p('21478', 'Sa Huỳnh'),
  baTo: p('21484', 'Ba Tơ'),
  ngocLinh: p('23365', 'Ngọc Linh'),
  xop: p('23356', 'Ngọc Linh'),
  tuMoRong: p('23425', 'Tu Mơ Rông'),
  mangDen: p('23473', 'Măng Đen'),
  konPlong: p('23476', 'Kon Plông'),
  konTum: p('23293', 'Kon Tum'),
};

/** Đắk Lắk (66), with the former Phú Yên. */
export const DL = {
  buonMaThuot: p('24133', 'Buôn Ma Thuột'),
  cuMgar: p('24280', 'Cư M’gar'),
  krongPac: p('24490', 'Krông Pắc'),
  eaKar: p('24373', 'Ea Kar'),
  krongNang: p('24343', 'Krông Năng'),
  buonDon: p('24235', 'Buôn Đôn'),
  dakLak: p('24133', 'Đắk Lắk'),
  lak: p('24580', 'Hồ Lắk'),
  drayNur: p('24561', 'Dray Nur'),
  tuyHoa: p('22015', 'Tuy Hòa'),
  phuYen: p('22240', 'Phú Yên'),
  oLoan: p('22147', 'Ô Loan'),
  hoaDa: p('22153', 'Hòa Đa'),
  ganhDaDia: p('22120', 'Gành Đá Đĩa'),
  songCau: p('22051', 'Sông Cầu'),
};

/** Lâm Đồng (68), with the former Bình Thuận and Đắk Nông. */
export const LD = {
  phanThiet: p('22945', 'Phan Thiết'),
  phuThuy: p('22924', 'Phan Thiết'),
  muiNe: p('22918', 'Mũi Né'),
  phanRi: p('22972', 'Phan Rí'),
  phuQuy: p('23272', 'Phú Quý'),
  hamThuanNam: p('23110', 'Hàm Thuận Nam'),
  hamThuanBac: p('23089', 'Hàm Thuận Bắc'),
  binhThuan: p('23059', 'Bình Thuận'),
  dalat: p('24778', 'Đà Lạt'),
  xuanHuong: p('24781', 'Đà Lạt'),
  langBiang: p('24846', 'Langbiang'),
  cauDat: p('24805', 'Cầu Đất'),
  lacDuong: p('24848', 'Lạc Dương'),
  donDuong: p('24931', 'Đơn Dương'),
  ducTrong: p('24958', 'Đức Trọng'),
  baoLoc: p('24829', 'Bảo Lộc'),
  baoLoc1: p('24823', 'Bảo Lộc'),
  buonChoah: p('24697', 'Buôn Choah'),
  dakMil: p('24670', 'Đắk Mil'),
};

/** Gia Lai (52), with the former Bình Định. */
export const GL = {
  quyNhon: p('21583', 'Quy Nhơn'),
  kyCo: p('21601', 'Kỳ Co'),
  tamQuan: p('21637', 'Tam Quan'),
  bauDa: p('21940', 'Bàu Đá'),
  deGi: p('21859', 'Đề Gi'),
  phuGia: p('21892', 'Phú Gia'),
  pleiku: p('23575', 'Pleiku'),
  bienHo: p('23590', 'Biển Hồ'),
  bauCan: p('23896', 'Bàu Cạn'),
  chuSe: p('23941', 'Chư Sê'),
  krongPa: p('24076', 'Krông Pa'),
  kbang: p('23638', 'Kbang'),
};

/** Đà Nẵng (48), with the former Quảng Nam. */
export const DN = {
  namO: p('20194', 'Nam Ô'),
  hoiAn: p('20410', 'Hội An'),
  kimBong: p('20410', 'Kim Bồng'),
  thanhHa: p('20401', 'Thanh Hà'),
  traQue: p('20401', 'Trà Quế'),
  bayMau: p('20413', 'Bảy Mẫu'),
  cuLaoCham: p('20434', 'Cù Lao Chàm'),
  maChau: p('20623', 'Mã Châu'),
  nonNuoc: p('20285', 'Non Nước'),
  camLe: p('20260', 'Cẩm Lệ'),
  baNa: p('20308', 'Bà Nà'),
  traMy: p('20900', 'Trà My'),
  namTraMy: p('20944', 'Nam Trà My'),
  traLinh: p('20950', 'Trà Linh'),
  daNang: p('20242', 'Đà Nẵng'),
  tayGiang: p('20455', 'Tây Giang'),
};
