import { createHash } from 'node:crypto';
import { categoryName, topOf } from '../catalog/index.js';
import { commune, province } from '../geo/index.js';
import type { SearchDoc } from './documents.js';

/**
 * About 150 documents as the catalog would write them for the local products of Khánh Hòa
 * (with the former Ninh Thuận) and a few neighbours: the quality suite's world. Each has a
 * short key; ids are derived from it so a failing case names what it missed.
 */

export const idOf = (key: string) => {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const sellers = {
  yenCL: 'Hợp tác xã Yến sào Cam Lâm',
  yenKH: 'Công ty Yến sào Khánh Hòa',
  yenNT: 'Hộ kinh doanh Yến Nha Trang Xanh',
  mamCN: 'Cơ sở Nước mắm Cà Ná Hồng Phát',
  mamNT: 'Công ty Nước mắm 584 Nha Trang',
  mamVN: 'Hợp tác xã Thủy sản Vạn Ninh',
  toiLS: 'Hợp tác xã Tỏi Lý Sơn',
  queTB: 'Hợp tác xã Quế Trà Bồng',
  samNL: 'Công ty Sâm Ngọc Linh Kon Tum',
  xoaiCL: 'Hợp tác xã Xoài Cam Thành Nam',
  nhoNT: 'Hợp tác xã Nho Thái An',
  vangPR: 'Công ty Vang Phan Rang',
  kho: 'Cơ sở Hải sản khô Bà Tám',
  gom: 'Hợp tác xã Gốm Bàu Trúc',
  tcam: 'Hợp tác xã Dệt thổ cẩm Mỹ Nghiệp',
  mat: 'Trại ong Khánh Sơn',
  cafe: 'Hợp tác xã Cà phê Khánh Vĩnh',
  stay: 'Hộ kinh doanh Homestay Biển Xanh',
  tour: 'Công ty Du lịch Hòn Bà',
  nem: 'Cơ sở Nem Ninh Hòa Bà Hai',
  banh: 'Cơ sở Bánh tráng Suối Dầu',
  tram: 'Công ty Trầm hương Khánh Hòa',
  trai: 'Hợp tác xã Nông nghiệp Khánh Sơn',
  muoi: 'Hợp tác xã Muối Cà Ná',
  moc: 'Xưởng mỹ nghệ Diên Khánh',
} as const;
type SellerKey = keyof typeof sellers;
export const sellerId = (k: SellerKey) => idOf(`seller:${k}`);

/**
 * One product a line: key | name | category | commune | seller | OCOP stars (- for none) |
 * units sold | price in đồng | unit | flags ("expires yyyy-mm-dd": a certificate that has
 * expired since the document was written; "key": a key product of the province).
 */
const table = `
yen-cl-tinh-che | Yến sào Cam Lâm tinh chế hộp 100g | food.bird_nest | 22453 | yenCL | 4 | 420 | 3200000 | hộp
yen-cl-tho | Yến sào thô Cam Lâm 50g | food.bird_nest | 22453 | yenCL | 4 | 150 | 1500000 | hộp
yen-kh-nuoc | Nước yến sào Khánh Hòa đường phèn lốc 6 lọ | food.bird_nest | 22366 | yenKH | 5 | 2600 | 180000 | hộp
yen-kh-tinh-che | Yến sào Khánh Hòa tinh chế cao cấp 100g | food.bird_nest | 22366 | yenKH | 5 | 900 | 3900000 | hộp
to-yen-nt | Tổ yến nguyên tổ Nha Trang 50g | food.bird_nest | 22390 | yenNT | - | 60 | 1700000 | hộp
to-yen-rut-long | Tổ yến rút lông Vạn Ninh 100g | food.bird_nest | 22489 | yenNT | 3 | 35 | 3000000 | hộp
yen-chung | Yến chưng hạt sen táo đỏ | food.bird_nest | 22366 | yenNT | - | 300 | 45000 | lọ
yen-sao-expired | Yến sào đảo Hòn Nội 100g | food.bird_nest | 22411 | yenKH | 5 | 10 | 4500000 | hộp | expires 2024-01-31
yen-baby | Yến sào cho bé Cam Lâm vị dâu | food.bird_nest | 22453 | yenCL | - | 80 | 210000 | hộp
yen-qua | Hộp quà yến sào Tết Khánh Hòa | food.bird_nest | 22366 | yenKH | 4 | 120 | 1250000 | hộp
yen-vun | Yến vụn tinh chế 50g | food.bird_nest | 22402 | yenNT | - | 45 | 650000 | hộp
mam-ca-na | Nước mắm Cà Ná cá cơm 40 độ đạm chai 500ml | food.fish_sauce | 22909 | mamCN | 4 | 1200 | 95000 | chai
mam-ca-na-nhi | Nước mắm nhĩ Cà Ná thượng hạng | food.fish_sauce | 22909 | mamCN | 3 | 400 | 160000 | chai
mam-nt-584 | Nước mắm Nha Trang 584 loại đặc biệt | food.fish_sauce | 22333 | mamNT | 5 | 3100 | 120000 | chai
mam-nt-chay | Nước mắm chay Nha Trang | food.fish_sauce | 22333 | mamNT | - | 90 | 55000 | chai
mam-van-ninh | Nước mắm truyền thống Vạn Ninh can 2 lít | food.fish_sauce | 22489 | mamVN | - | 210 | 240000 | lít
mam-ruoc | Mắm ruốc Khánh Hòa hũ 500g | food.fish_sauce | 22528 | mamVN | - | 75 | 65000 | hũ
mam-nem | Mắm nêm pha sẵn Nha Trang | food.fish_sauce | 22402 | mamNT | - | 130 | 35000 | chai
muoi-ot-xanh | Muối ớt xanh Nha Trang chấm hải sản | food.fish_sauce | 22366 | mamNT | - | 800 | 45000 | chai
muoi-ca-na | Muối hột Cà Ná sạch túi 1kg | food.fish_sauce | 22909 | muoi | - | 330 | 15000 | túi
muoi-tom | Muối tôm Cà Ná | food.fish_sauce | 22909 | muoi | - | 95 | 40000 | hũ
toi-ly-son | Tỏi Lý Sơn loại 1 túi 500g | fresh_produce.vegetable | 21548 | toiLS | 4 | 1500 | 120000 | túi
toi-co-don | Tỏi cô đơn Lý Sơn 250g | fresh_produce.vegetable | 21548 | toiLS | 4 | 700 | 150000 | túi
toi-den | Tỏi đen Lý Sơn lên men hũ 250g | fresh_produce.vegetable | 21548 | toiLS | - | 260 | 280000 | hũ
toi-ngam | Tỏi ngâm mật ong Lý Sơn | fresh_produce.vegetable | 21548 | toiLS | - | 40 | 190000 | hũ
hanh-ly-son | Hành tím Lý Sơn 1kg | fresh_produce.vegetable | 21548 | toiLS | - | 55 | 80000 | kg
banh-trang-toi-oi | Bánh tráng Tôi Ơi vị phô mai | food.dried | 22708 | banh | - | 4000 | 25000 | gói
mang-tay | Măng tây xanh Ninh Hải | fresh_produce.vegetable | 22852 | trai | - | 20 | 90000 | kg
que-tra-bong | Quế Trà Bồng thanh cuộn 500g | herbal.cinnamon | 21115 | queTB | 4 | 350 | 110000 | túi
que-bot | Bột quế Trà Bồng nguyên chất | herbal.cinnamon | 21115 | queTB | - | 180 | 60000 | hũ
tinh-dau-que | Tinh dầu quế Trà Bồng 10ml | herbal.essential_oil | 21157 | queTB | 3 | 220 | 85000 | chai
que-ong | Quế ống Tây Trà xuất khẩu | herbal.cinnamon | 21154 | queTB | - | 30 | 140000 | kg
sam-ngoc-linh | Sâm Ngọc Linh củ tươi loại 100g | herbal.ginseng | 23365 | samNL | 5 | 45 | 12000000 | cái
sam-ngam | Sâm Ngọc Linh ngâm mật ong hũ 500ml | herbal.ginseng | 23365 | samNL | 4 | 65 | 2800000 | hũ
tra-sam | Trà sâm Ngọc Linh túi lọc | beverages.tea | 23365 | samNL | - | 300 | 250000 | hộp
ruou-sam | Rượu sâm Ngọc Linh | beverages.wine_liquor | 23473 | samNL | - | 25 | 1900000 | chai
tinh-dau-sa | Tinh dầu sả chanh Khánh Vĩnh | herbal.essential_oil | 22609 | cafe | - | 150 | 70000 | chai
tinh-dau-tram | Tinh dầu trầm hương nguyên chất 5ml | herbal.essential_oil | 22651 | tram | 4 | 70 | 950000 | chai
tram-nhang | Nhang trầm hương Khánh Hòa không hóa chất | herbal.agarwood | 22651 | tram | 4 | 900 | 180000 | hộp
tram-vong | Vòng tay trầm hương tự nhiên | herbal.agarwood | 22651 | tram | - | 140 | 1200000 | chiếc
tram-nu | Nụ trầm hương xông nhà | herbal.agarwood | 22651 | tram | - | 260 | 150000 | hộp
tram-tuong | Tượng gỗ trầm hương Di Lặc | crafts.wood | 22651 | tram | - | 5 | 15000000 | cái
xoai-uc-cl | Xoài Úc Cam Lâm thùng 5kg | fresh_produce.fruit | 22453 | xoaiCL | 3 | 640 | 250000 | thùng
xoai-cat-cl | Xoài cát Cam Lâm loại 1 | fresh_produce.fruit | 22453 | xoaiCL | - | 310 | 60000 | kg
xoai-say | Xoài sấy dẻo Cam Lâm | food.confectionery | 22453 | xoaiCL | 3 | 780 | 75000 | gói
xoai-keo | Xoài keo Cam Ranh | fresh_produce.fruit | 22420 | xoaiCL | - | 90 | 30000 | kg
nho-xanh | Nho xanh Ninh Thuận NH01-48 | fresh_produce.fruit | 22870 | nhoNT | 4 | 1100 | 70000 | kg
nho-do | Nho đỏ Phan Rang | fresh_produce.fruit | 22759 | nhoNT | - | 500 | 55000 | kg
nho-say | Nho sấy khô Ninh Thuận 500g | food.confectionery | 22870 | nhoNT | 3 | 600 | 95000 | gói
vang-nho | Rượu vang nho Phan Rang đỏ 750ml | beverages.wine_liquor | 22759 | vangPR | 4 | 420 | 180000 | chai
siro-nho | Siro nho Ninh Thuận | beverages.juice | 22870 | nhoNT | - | 85 | 65000 | chai
mut-nho | Mứt nho Thái An | food.confectionery | 22870 | nhoNT | - | 60 | 55000 | hộp
sau-rieng-ks | Sầu riêng Khánh Sơn Ri6 | fresh_produce.fruit | 22714 | trai | 3 | 980 | 95000 | kg
sau-rieng-kem | Kem sầu riêng Khánh Sơn | food.confectionery | 22714 | trai | - | 45 | 30000 | hộp
buoi-da-xanh | Bưởi da xanh Khánh Sơn | fresh_produce.fruit | 22732 | trai | - | 220 | 50000 | kg
thanh-long | Thanh long ruột đỏ Ninh Sơn | fresh_produce.fruit | 22810 | trai | - | 130 | 35000 | kg
hoa-qua-say | Hoa quả sấy thập cẩm Khánh Hòa | food.confectionery | 22366 | trai | - | 340 | 120000 | hộp
chuoi-say | Chuối sấy giòn Khánh Vĩnh | food.confectionery | 22609 | trai | - | 70 | 40000 | gói
mang-cau | Mãng cầu Bà Đen | fresh_produce.fruit | 22852 | trai | - | 10 | 45000 | kg
muc-mot-nang | Mực một nắng Nha Trang loại đặc biệt | seafood.dried | 22333 | kho | 4 | 1300 | 650000 | kg
muc-kho | Mực khô câu Cam Ranh | seafood.dried | 22420 | kho | - | 600 | 1100000 | kg
muc-rim | Mực rim me Nha Trang | seafood.processed | 22333 | kho | - | 870 | 95000 | hũ
ca-chi-vang | Cá chỉ vàng khô tẩm gia vị | seafood.dried | 22402 | kho | - | 430 | 280000 | kg
ca-thu-kho | Cá thu một nắng Nha Trang | seafood.dried | 22402 | kho | - | 210 | 380000 | kg
ca-bo-kho | Cá bò khô Phan Rang | seafood.dried | 22759 | kho | - | 150 | 320000 | kg
tom-kho | Tôm khô Cà Ná loại 1 | seafood.dried | 22909 | kho | 3 | 380 | 900000 | kg
ca-com-kho | Cá cơm khô Vạn Ninh | seafood.dried | 22489 | mamVN | - | 260 | 180000 | kg
tom-hum | Tôm hùm bông Bình Ba tươi sống | seafood.fresh | 22480 | kho | - | 120 | 1600000 | kg
oc-huong | Ốc hương Vạn Ninh tươi | seafood.fresh | 22489 | mamVN | - | 95 | 450000 | kg
cha-ca-nt | Chả cá Nha Trang chiên | seafood.processed | 22366 | kho | 3 | 1900 | 180000 | kg
cha-ca-thu | Chả cá thu hấp Nha Trang | seafood.processed | 22366 | kho | - | 320 | 220000 | kg
sua-tuoi | Sứa tươi Nha Trang làm gỏi | seafood.fresh | 22333 | kho | - | 30 | 60000 | kg
nem-chua-nh | Nem chua Ninh Hòa lá vông 20 cái | food.meat | 22528 | nem | 3 | 1700 | 60000 | gói
nem-nuong-nh | Nem nướng Ninh Hòa kèm bánh tráng | food.meat | 22528 | nem | - | 2300 | 85000 | suất
nem-chua-ran | Nem chua rán Nha Trang | food.meat | 22366 | nem | - | 140 | 70000 | gói
cha-lua | Chả lụa Diên Khánh | food.meat | 22651 | nem | - | 180 | 150000 | kg
banh-trang-phoi-suong | Bánh tráng phơi sương Suối Dầu | food.dried | 22708 | banh | - | 520 | 35000 | gói
banh-trang-me | Bánh tráng mè đen nướng Ninh Hòa | food.dried | 22528 | banh | - | 610 | 30000 | gói
banh-trang-dua | Bánh tráng dừa Diên Khánh | food.dried | 22651 | banh | - | 210 | 28000 | gói
banh-can | Bánh căn khô Nha Trang ăn liền | food.confectionery | 22366 | banh | - | 95 | 45000 | gói
banh-xeo | Bột bánh xèo Diên Khánh | food.dried | 22651 | banh | - | 40 | 25000 | gói
banh-it | Bánh ít lá gai Phan Rang | food.confectionery | 22759 | banh | - | 65 | 50000 | hộp
hat-dieu | Hạt điều rang muối Diên Khánh | food.dried | 22651 | banh | - | 480 | 220000 | hũ
mat-ong-rung | Mật ong rừng Khánh Sơn nguyên chất 500ml | food.honey | 22714 | mat | 4 | 850 | 320000 | chai
mat-ong-cafe | Mật ong hoa cà phê Khánh Vĩnh | food.honey | 22609 | mat | - | 300 | 180000 | chai
mat-ong-nhan | Mật ong hoa nhãn Diên Khánh | food.honey | 22651 | mat | - | 120 | 200000 | chai
sap-ong | Sáp ong Khánh Sơn | food.honey | 22714 | mat | - | 15 | 90000 | hũ
cafe-robusta | Cà phê robusta rang xay Khánh Vĩnh 500g | beverages.coffee | 22609 | cafe | 3 | 700 | 150000 | gói
cafe-arabica | Cà phê arabica Khánh Sơn hạt rang | beverages.coffee | 22714 | cafe | 4 | 260 | 280000 | gói
cafe-phin | Cà phê phin giấy Nha Trang | beverages.coffee | 22366 | cafe | - | 400 | 95000 | hộp
cafe-bmt | Cà phê Buôn Ma Thuột nguyên chất | beverages.coffee | 24133 | cafe | - | 1500 | 170000 | gói
cafe-da-lat | Cà phê Cầu Đất Đà Lạt | beverages.coffee | 24778 | cafe | - | 350 | 210000 | gói
tra-atiso | Trà atiso Đà Lạt | beverages.tea | 24781 | cafe | - | 200 | 90000 | hộp
tra-la-sen | Trà lá sen Diên Khánh | beverages.tea | 22651 | cafe | - | 60 | 70000 | hộp
nuoc-dua | Nước dừa tươi Cam Ranh đóng chai | beverages.juice | 22420 | trai | - | 500 | 20000 | chai
ruou-sim | Rượu sim rừng Khánh Vĩnh | beverages.wine_liquor | 22615 | cafe | - | 110 | 160000 | chai
ruou-nep | Rượu nếp than Ninh Sơn | beverages.wine_liquor | 22810 | vangPR | - | 90 | 120000 | chai
gom-bau-truc-binh | Bình gốm Bàu Trúc men đất nung | crafts.pottery | 22870 | gom | 4 | 160 | 450000 | cái | key
gom-bau-truc-tuong | Tượng vũ nữ Chăm gốm Bàu Trúc | crafts.pottery | 22870 | gom | 4 | 85 | 650000 | cái
gom-chum | Chum gốm Bàu Trúc cỡ lớn | crafts.pottery | 22870 | gom | - | 20 | 1500000 | cái
gom-den | Đèn gốm trang trí | crafts.pottery | 22870 | gom | - | 40 | 380000 | cái
tho-cam-khan | Khăn thổ cẩm Chăm Mỹ Nghiệp | textiles.brocade | 22870 | tcam | 3 | 300 | 250000 | chiếc
tho-cam-tui | Túi xách thổ cẩm dệt tay | textiles.brocade | 22870 | tcam | - | 210 | 350000 | chiếc
tho-cam-vay | Váy thổ cẩm Raglai Khánh Sơn | textiles.brocade | 22714 | tcam | - | 40 | 900000 | chiếc
tho-cam-vi | Ví thổ cẩm mini | textiles.brocade | 22870 | tcam | - | 90 | 120000 | chiếc
lua-khan | Khăn lụa tơ tằm Bảo Lộc | textiles.silk | 24823 | tcam | - | 75 | 480000 | chiếc
ao-dai-lua | Áo dài lụa Nha Trang | textiles.garment | 22366 | tcam | - | 12 | 2200000 | bộ
gio-may | Giỏ mây đan tay Diên Khánh | crafts.rattan_sedge | 22651 | moc | - | 110 | 180000 | cái
chieu-coi | Chiếu cói Ninh Hòa | crafts.rattan_sedge | 22528 | moc | - | 70 | 320000 | chiếc
tranh-cat | Tranh cát Nha Trang quà lưu niệm | crafts.souvenir | 22366 | moc | - | 240 | 150000 | cái
mo-hinh-thuyen | Mô hình thuyền buồm gỗ | crafts.wood | 22651 | moc | - | 55 | 550000 | cái
moc-khoa | Móc khóa vỏ ốc Nha Trang | crafts.souvenir | 22366 | moc | - | 600 | 20000 | cái
homestay-bien | Homestay view biển Nha Trang phòng đôi | tourism.homestay | 22333 | stay | - | 420 | 650000 | đêm
homestay-hon-ba | Homestay nhà gỗ chân núi Hòn Bà | tourism.homestay | 22453 | tour | - | 90 | 800000 | đêm
homestay-ninh-van | Homestay làng chài Ninh Vân | tourism.homestay | 22528 | stay | - | 60 | 550000 | đêm
homestay-da-lat | Homestay Đà Lạt đồi thông | tourism.homestay | 24787 | stay | - | 300 | 500000 | đêm
nha-nghi-cam-ranh | Nhà nghỉ Bãi Dài Cam Ranh | tourism.homestay | 22480 | stay | - | 30 | 400000 | phòng
tour-hon-ba | Tour Hòn Bà 1 ngày săn mây | tourism.tour | 22453 | tour | 3 | 520 | 750000 | người | key
tour-hon-ba-2n | Tour Hòn Bà 2 ngày 1 đêm cắm trại | tourism.tour | 22453 | tour | - | 140 | 1450000 | người
tour-dao | Tour 4 đảo vịnh Nha Trang | tourism.tour | 22366 | tour | - | 3500 | 350000 | người
tour-binh-ba | Tour đảo Bình Ba ăn tôm hùm | tourism.tour | 22480 | tour | - | 410 | 890000 | người
tour-lan-bien | Lặn biển ngắm san hô Hòn Mun | tourism.experience | 22366 | tour | - | 700 | 950000 | người
tam-bun | Vé tắm bùn khoáng nóng Nha Trang | tourism.experience | 22390 | tour | - | 1800 | 300000 | vé
tour-vinh-hy | Tour vịnh Vĩnh Hy Ninh Thuận | tourism.tour | 22852 | tour | - | 380 | 650000 | người
tour-lang-gom | Trải nghiệm làm gốm làng Bàu Trúc | tourism.experience | 22870 | gom | - | 150 | 200000 | người
gao-ninh-hoa | Gạo Ninh Hòa ST25 túi 5kg | fresh_produce.rice | 22528 | trai | - | 900 | 160000 | túi
gao-lut | Gạo lứt đỏ Diên Khánh | fresh_produce.rice | 22651 | trai | - | 150 | 45000 | kg
dua-xiem | Dừa xiêm Cam Lâm | fresh_produce.fruit | 22453 | xoaiCL | - | 260 | 15000 | quả
rau-muong | Rau muống sạch Diên Khánh | fresh_produce.vegetable | 22651 | trai | - | 35 | 20000 | bó
ot-xiem | Ớt xiêm rừng Khánh Vĩnh | fresh_produce.vegetable | 22609 | trai | - | 25 | 120000 | kg
ca-phe-sua | Cà phê sữa đá lon Nha Trang | beverages.coffee | 22366 | cafe | - | 640 | 15000 | chai
tinh-bot-nghe | Tinh bột nghệ Khánh Sơn | herbal.ginseng | 22714 | mat | - | 190 | 250000 | hũ
la-xong | Lá xông thảo dược Khánh Vĩnh | herbal.ginseng | 22609 | mat | - | 50 | 40000 | gói
keo-dua | Kẹo dừa Cam Ranh | food.confectionery | 22420 | banh | - | 330 | 35000 | gói
banh-pia | Bánh pía sầu riêng Khánh Sơn | food.confectionery | 22714 | banh | - | 210 | 65000 | hộp
kho-ca-dua | Khô cá dứa Cà Ná | seafood.dried | 22909 | kho | - | 160 | 420000 | kg
ca-ngu | Cá ngừ đại dương Vạn Ninh cắt khúc | seafood.fresh | 22489 | mamVN | - | 75 | 260000 | kg
tom-su | Tôm sú Cam Ranh tươi | seafood.fresh | 22420 | kho | - | 140 | 380000 | kg
sa-te-tom | Sa tế tôm Nha Trang | food.fish_sauce | 22366 | mamNT | - | 230 | 40000 | hũ
yen-ninh-hoa | Yến sào Ninh Hòa nguyên tổ | food.bird_nest | 22528 | yenKH | - | 20 | 2900000 | hộp
mam-tom-chua | Mắm tôm chua Diên Khánh | food.fish_sauce | 22651 | mamVN | - | 50 | 55000 | hũ
cha-ca-mieng | Chả cá miếng chiên Ninh Hòa | seafood.processed | 22528 | kho | - | 110 | 160000 | kg
rong-nho | Rong nho biển Cam Ranh | seafood.fresh | 22420 | kho | - | 2500 | 90000 | hộp
mang-cut | Măng cụt Khánh Vĩnh | fresh_produce.fruit | 22609 | trai | - | 70 | 60000 | kg
dong-trung | Đông trùng hạ thảo Đà Lạt sấy khô | herbal.ginseng | 24781 | samNL | - | 140 | 1200000 | hộp
dau-phong | Đậu phộng rang tỏi ớt | food.dried | 22651 | banh | - | 900 | 45000 | hũ
dua-hau | Dưa hấu Ninh Phước | fresh_produce.fruit | 22870 | trai | - | 100 | 15000 | kg
nuoc-sam | Nước sâm bí đao Nha Trang | beverages.juice | 22366 | samNL | - | 700 | 12000 | chai
bo-kho | Bò khô Phan Rang sợi | food.dried | 22759 | kho | - | 330 | 450000 | kg
non-la | Nón lá Diên Khánh | crafts.souvenir | 22651 | moc | - | 180 | 60000 | chiếc
`;

interface Row {
  key: string;
  name: string;
  category: string;
  communeCode: string;
  seller: SellerKey;
  stars: number | null;
  expires: string | null;
  sales: number;
  price: bigint;
  unit: string;
  isKey: boolean;
}

const rows: Row[] = table
  .trim()
  .split('\n')
  .map((line) => {
    const [key, name, category, communeCode, seller, stars, sales, price, unit, flags = ''] = line
      .split('|')
      .map((c) => c.trim());
    if (!(seller in sellers)) throw new Error(`fixture ${key}: unknown seller ${seller}`);
    return {
      key,
      name,
      category,
      communeCode,
      seller: seller as SellerKey,
      stars: stars === '-' ? null : Number(stars),
      // Valid well beyond the tests unless the line says otherwise.
      expires: stars === '-' ? null : (/expires (\S+)/.exec(flags)?.[1] ?? '2099-12-31'),
      sales: Number(sales),
      price: BigInt(price),
      unit,
      isKey: /\bkey\b/.test(flags),
    };
  });

/** Keywords as the catalog writes them: category names, origin, OCOP while valid, key product. */
function keywordsOf(r: Row, valid: boolean) {
  const c = commune(r.communeCode);
  return [
    categoryName(r.category, 'vi'),
    topOf(r.category)?.vi ?? '',
    c?.name ?? '',
    province(c?.provinceCode)?.name ?? '',
    ...(r.stars && valid ? ['OCOP'] : []),
    r.isKey ? 'sản phẩm chủ lực' : '',
  ].filter(Boolean);
}

const NOW = Date.parse('2026-03-01T00:00:00Z');

export const fixtures: (SearchDoc & { key: string })[] = rows.map((r, i) => {
  const c = commune(r.communeCode);
  if (!c) throw new Error(`fixture ${r.key}: unknown commune ${r.communeCode}`);
  return {
    key: r.key,
    productId: idOf(r.key),
    sellerId: sellerId(r.seller),
    sellerName: sellers[r.seller],
    slug: r.key,
    name: r.name,
    description: `${r.name}. Sản phẩm của ${sellers[r.seller]}, ${c.name}. Đóng gói cẩn thận, giao hàng toàn quốc.`,
    category: r.category,
    keywords: keywordsOf(r, !!r.expires && r.expires >= '2026-01-01'),
    originProvinceCode: c.provinceCode,
    originCommuneCode: r.communeCode,
    ocopStars: r.stars,
    ocopExpiresOn: r.expires,
    isKeyProduct: r.isKey,
    priceMin: r.price,
    unit: r.unit,
    image: { alt: r.name, renditions: [320, 640].map((w) => ({ width: w, key: `p/${r.key}-${w}.webp` })) },
    salesCount: r.sales,
    publishedAt: new Date(NOW - i * 86_400_000),
  };
});

export const keyOf = new Map(fixtures.map((f) => [f.productId, f.key]));
