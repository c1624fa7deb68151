-- A hub database as the hand-written migrations of November 2026 (20261122000000_Initial,
-- 20261122010000_Supervision, 20261122020000_LiveQueue) left it, with rows in every table: the demo
-- data, three tickets issued, called, served and rated, a counter paused, two alerts and a recording
-- view. Made by running that code and dumping the file (sqlite3 .dump), so the
-- upgrade test (SchemaUpgradeTests) can build such a database without the old migrations.

PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261122000000_Initial','10.0.14');
INSERT INTO __EFMigrationsHistory VALUES('20261122010000_Supervision','10.0.14');
INSERT INTO __EFMigrationsHistory VALUES('20261122020000_LiveQueue','10.0.14');
CREATE TABLE IF NOT EXISTS "Sites" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Sites" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "OpeningHours" TEXT NOT NULL,
    "LastSequence" INTEGER NOT NULL
);
INSERT INTO Sites VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','DEMO-BT','UBND phường Bến Thành (dữ liệu mẫu)','Số 1 đường Mẫu, phường Bến Thành, TP. Hồ Chí Minh (địa chỉ mẫu)','Asia/Ho_Chi_Minh','Mon-Fri 07:30-11:30,13:00-17:00; Sat 07:30-11:30',0);
CREATE TABLE IF NOT EXISTS "Services" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Services" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NULL,
    "Prefix" TEXT NOT NULL,
    "Digits" INTEGER NOT NULL,
    "RangeStart" INTEGER NOT NULL,
    "RangeEnd" INTEGER NOT NULL,
    "WaitTargetMinutes" INTEGER NOT NULL,
    "MaxWaitMinutes" INTEGER NOT NULL,
    "DefaultServiceSeconds" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_Services_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
);
INSERT INTO Services VALUES('01A23AE6-66CB-72D1-A9F6-B8E924AC4CDA','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','C','Địa chính - Xây dựng','Land and construction','C',3,1,999,20,45,600,3,1);
INSERT INTO Services VALUES('01A23AE6-66CB-7412-85FF-85A4268FF9E0','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','A','Tư pháp - Hộ tịch','Civil status','A',3,1,999,10,30,240,1,1);
INSERT INTO Services VALUES('01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','B','Chứng thực','Certification','B',3,1,999,10,25,180,2,1);
INSERT INTO Services VALUES('01A23AE6-66CB-7BC2-86C5-3160FCE3FE83','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','E','Kinh doanh (hộ kinh doanh)','Household business','E',3,1,999,15,40,480,5,1);
INSERT INTO Services VALUES('01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','D','Lao động - Thương binh và Xã hội','Labour, invalids and social affairs','D',3,1,999,15,40,420,4,1);
CREATE TABLE IF NOT EXISTS "Fields" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Fields" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NameEn" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Fields_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
);
INSERT INTO Fields VALUES('01A23AE6-66F3-711D-BC7D-DBB08620AF4F','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','HT','Tư pháp - Hộ tịch','Justice - Civil status',1);
INSERT INTO Fields VALUES('01A23AE6-66F3-7241-A958-202D1FCD977A','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','LDTBXH','Lao động - Thương binh và Xã hội','Labour, invalids and social affairs',4);
INSERT INTO Fields VALUES('01A23AE6-66F3-7261-8229-EB1E198E0BFC','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','KD','Kinh doanh','Business',5);
INSERT INTO Fields VALUES('01A23AE6-66F3-7C6E-8C43-2F5014EB5311','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','DCXD','Địa chính - Xây dựng','Land - Construction',3);
INSERT INTO Fields VALUES('01A23AE6-66F3-7E06-8D1D-C26FE146962A','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','CT','Chứng thực','Certification',2);
CREATE TABLE IF NOT EXISTS "Procedures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Procedures" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "FieldId" TEXT NOT NULL,
    "ServiceId" TEXT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Agency" TEXT NOT NULL,
    "ProcessingTime" TEXT NOT NULL,
    "Fees" TEXT NOT NULL,
    "DocumentsJson" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_Procedures_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Procedures_Fields_FieldId" FOREIGN KEY ("FieldId") REFERENCES "Fields" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Procedures_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE SET NULL
);
INSERT INTO Procedures VALUES('01A23AE6-671C-7DCD-ACDA-15D5D452F8CF','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','1.001193','Đăng ký khai sinh','Cấp xã','UBND phường Bến Thành (mẫu)','Ngay trong ngày tiếp nhận hồ sơ đủ giấy tờ','Miễn lệ phí (đăng ký đúng hạn)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng sinh","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',1,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-70A4-806B-BAAB5D44360D','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','MAU.HT.05','Cấp Giấy xác nhận tình trạng hôn nhân','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',8,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-71C8-B216-9B1E642AF7BB','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7E06-8D1D-C26FE146962A','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','MAU.CT.04','Chứng thực văn bản thỏa thuận phân chia di sản','Cấp xã','UBND phường Bến Thành (mẫu)','Tối đa 02 ngày làm việc','50.000 đồng/văn bản','[{"name":"D\u1EF1 th\u1EA3o v\u0103n b\u1EA3n th\u1ECFa thu\u1EADn","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',16,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-71E9-9715-B289D8C07B3E','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','MAU.HT.07','Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng sinh","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',10,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-725A-858B-79B1980B4170','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','MAU.HT.03','Đăng ký lại khai sinh','Cấp xã','UBND phường Bến Thành (mẫu)','05 ngày làm việc (mẫu)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',6,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-72C7-B3B3-64B16247E687','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7E06-8D1D-C26FE146962A','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','MAU.CT.03','Chứng thực di chúc','Cấp xã','UBND phường Bến Thành (mẫu)','Trong ngày (mẫu)','50.000 đồng/di chúc','[{"name":"D\u1EF1 th\u1EA3o di ch\u00FAc","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',15,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-737C-AA12-A5CB80D2FE56','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7C6E-8C43-2F5014EB5311','01A23AE6-66CB-72D1-A9F6-B8E924AC4CDA','MAU.XD.01','Cấp giấy phép xây dựng nhà ở riêng lẻ (tiếp nhận)','Cấp xã','UBND phường Bến Thành (mẫu)','15 ngày (mẫu)','75.000 đồng/giấy phép (mẫu)','[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB c\u1EA5p gi\u1EA5y ph\u00E9p","originals":1,"copies":0,"note":null},{"name":"B\u1EA3n v\u1EBD thi\u1EBFt k\u1EBF","originals":2,"copies":0,"note":null}]','Luật Xây dựng 2014 (mẫu)',20,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-73C1-8F6D-15654D8A4215','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7261-8229-EB1E198E0BFC','01A23AE6-66CB-7BC2-86C5-3160FCE3FE83','1.001612','Đăng ký hộ kinh doanh','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"Gi\u1EA5y \u0111\u1EC1 ngh\u1ECB \u0111\u0103ng k\u00FD h\u1ED9 kinh doanh","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 01/2021/NĐ-CP (mẫu)',26,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-76FC-800E-E48F5087E1F2','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7261-8229-EB1E198E0BFC','01A23AE6-66CB-7BC2-86C5-3160FCE3FE83','MAU.KD.02','Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Không thu phí (mẫu)','[{"name":"Th\u00F4ng b\u00E1o t\u1EA1m ng\u1EEBng","originals":1,"copies":0,"note":null}]','Nghị định 01/2021/NĐ-CP (mẫu)',28,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7705-A3C2-C5CDD32EB8AF','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7E06-8D1D-C26FE146962A','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','2.000815','Chứng thực bản sao từ bản chính giấy tờ, văn bản','Cấp xã','UBND phường Bến Thành (mẫu)','Trong ngày; ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ','2.000 đồng/trang; từ trang thứ 3 trở đi 1.000 đồng/trang; tối đa 200.000 đồng/bản','[{"name":"B\u1EA3n ch\u00EDnh gi\u1EA5y t\u1EDD","originals":1,"copies":0,"note":null},{"name":"B\u1EA3n sao c\u1EA7n ch\u1EE9ng th\u1EF1c","originals":0,"copies":1,"note":null}]','Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',11,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7840-8FFF-F792C2265C7E','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','MAU.HT.04','Cấp bản sao trích lục hộ tịch','Cấp xã','UBND phường Bến Thành (mẫu)','Ngay trong ngày (mẫu)','8.000 đồng/bản (mẫu)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',7,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-787B-A4FB-BBF873CE057C','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7E06-8D1D-C26FE146962A','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','MAU.CT.01','Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản','Cấp xã','UBND phường Bến Thành (mẫu)','Tối đa 02 ngày làm việc','50.000 đồng/hợp đồng','[{"name":"D\u1EF1 th\u1EA3o h\u1EE3p \u0111\u1ED3ng","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',13,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7910-86DC-E223C13967B2','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7261-8229-EB1E198E0BFC','01A23AE6-66CB-7BC2-86C5-3160FCE3FE83','MAU.KD.01','Đăng ký thay đổi nội dung đăng ký hộ kinh doanh','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"Th\u00F4ng b\u00E1o thay \u0111\u1ED5i","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 01/2021/NĐ-CP (mẫu)',27,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7969-A4F3-2DD1AC118958','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7241-A958-202D1FCD977A','01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD','MAU.LD.01','Xác nhận hộ nghèo, hộ cận nghèo','Cấp xã','UBND phường Bến Thành (mẫu)','07 ngày làm việc (mẫu)','Không thu phí','[{"name":"Gi\u1EA5y \u0111\u1EC1 ngh\u1ECB","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 07/2021/NĐ-CP (mẫu)',21,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-79DD-94A0-09A81A93BEC4','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7241-A958-202D1FCD977A','01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD','MAU.LD.04','Hỗ trợ chi phí mai táng','Cấp xã','UBND phường Bến Thành (mẫu)','05 ngày làm việc (mẫu)','Không thu phí','[{"name":"T\u1EDD khai \u0111\u1EC1 ngh\u1ECB h\u1ED7 tr\u1EE3 chi ph\u00ED mai t\u00E1ng","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng t\u1EED","originals":0,"copies":1,"note":null}]','Nghị định 20/2021/NĐ-CP (mẫu)',24,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7A09-A76F-E03EC400055E','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','MAU.HT.02','Đăng ký nhận cha, mẹ, con','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Ch\u1EE9ng c\u1EE9 ch\u1EE9ng minh quan h\u1EC7 cha, m\u1EB9, con","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',5,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7A75-A5A2-9BFA8AB6198D','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7241-A958-202D1FCD977A','01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD','MAU.LD.05','Xác nhận thông tin người có công với cách mạng','Cấp xã','UBND phường Bến Thành (mẫu)','05 ngày làm việc (mẫu)','Không thu phí','[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Pháp lệnh Ưu đãi người có công 2020 (mẫu)',25,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7AF2-BFCD-4ECEE1EA4962','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','MAU.HT.01','Đăng ký thay đổi, cải chính hộ tịch','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (thêm 03 ngày nếu cần xác minh)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',4,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7C54-8E0D-F8B058A0C7FB','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','MAU.HT.06','Đăng ký giám hộ','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Theo mức do HĐND tỉnh quy định (mẫu)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"V\u0103n b\u1EA3n c\u1EED ng\u01B0\u1EDDi gi\u00E1m h\u1ED9","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',9,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7C62-93AB-B82D1E63E96B','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7241-A958-202D1FCD977A','01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD','MAU.LD.02','Đăng ký trợ cấp xã hội hằng tháng','Cấp xã','UBND phường Bến Thành (mẫu)','10 ngày làm việc (mẫu)','Không thu phí','[{"name":"T\u1EDD khai \u0111\u1EC1 ngh\u1ECB tr\u1EE3 gi\u00FAp x\u00E3 h\u1ED9i","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 20/2021/NĐ-CP (mẫu)',22,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7CD0-AAB5-99D57BADC61A','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7E06-8D1D-C26FE146962A','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','2.000884','Chứng thực chữ ký trong giấy tờ, văn bản','Cấp xã','UBND phường Bến Thành (mẫu)','Trong ngày; ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ','10.000 đồng/trường hợp','[{"name":"Gi\u1EA5y t\u1EDD, v\u0103n b\u1EA3n c\u1EA7n ch\u1EE9ng th\u1EF1c ch\u1EEF k\u00FD","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',12,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7CD8-979F-05A81C753013','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7C6E-8C43-2F5014EB5311','01A23AE6-66CB-72D1-A9F6-B8E924AC4CDA','MAU.DC.01','Hòa giải tranh chấp đất đai','Cấp xã','UBND phường Bến Thành (mẫu)','45 ngày (mẫu)','Không thu phí','[{"name":"\u0110\u01A1n y\u00EAu c\u1EA7u h\u00F2a gi\u1EA3i","originals":1,"copies":0,"note":null}]','Luật Đất đai 2024 (mẫu)',18,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7CEC-9FDA-1CEF00A9F2A3','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','1.000894','Đăng ký kết hôn','Cấp xã','UBND phường Bến Thành (mẫu)','Ngay trong ngày; tối đa 05 ngày làm việc nếu cần xác minh','Miễn lệ phí (kết hôn trong nước)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',2,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7D42-AE44-7AFA12CACA2E','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-711D-BC7D-DBB08620AF4F','01A23AE6-66CB-7412-85FF-85A4268FF9E0','1.000656','Đăng ký khai tử','Cấp xã','UBND phường Bến Thành (mẫu)','Ngay trong ngày tiếp nhận hồ sơ đủ giấy tờ','Miễn lệ phí (đăng ký đúng hạn)','[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y b\u00E1o t\u1EED ho\u1EB7c gi\u1EA5y t\u1EDD thay th\u1EBF","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP',3,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7DFE-9E43-D898CD3B8D5C','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7241-A958-202D1FCD977A','01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD','MAU.LD.03','Xác định mức độ khuyết tật','Cấp xã','UBND phường Bến Thành (mẫu)','20 ngày làm việc (mẫu)','Không thu phí','[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB x\u00E1c \u0111\u1ECBnh m\u1EE9c \u0111\u1ED9 khuy\u1EBFt t\u1EADt","originals":1,"copies":0,"note":null}]','Luật Người khuyết tật 2010 (mẫu)',23,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7E1C-99CA-EDEF265B0D34','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7E06-8D1D-C26FE146962A','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','MAU.CT.02','Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất','Cấp xã','UBND phường Bến Thành (mẫu)','Tối đa 02 ngày làm việc','50.000 đồng/hợp đồng','[{"name":"D\u1EF1 th\u1EA3o h\u1EE3p \u0111\u1ED3ng","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng nh\u1EADn quy\u1EC1n s\u1EED d\u1EE5ng \u0111\u1EA5t","originals":1,"copies":1,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',14,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7E99-9421-B6596B4A7040','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7E06-8D1D-C26FE146962A','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','MAU.CT.05','Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch','Cấp xã','UBND phường Bến Thành (mẫu)','Tối đa 02 ngày làm việc','30.000 đồng/hợp đồng (mẫu)','[{"name":"H\u1EE3p \u0111\u1ED3ng \u0111\u00E3 ch\u1EE9ng th\u1EF1c","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC',17,1);
INSERT INTO Procedures VALUES('01A23AE6-6786-7F51-AFFD-DF98355534FF','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7C6E-8C43-2F5014EB5311','01A23AE6-66CB-72D1-A9F6-B8E924AC4CDA','MAU.DC.02','Xác nhận hiện trạng sử dụng đất','Cấp xã','UBND phường Bến Thành (mẫu)','05 ngày làm việc (mẫu)','Không thu phí (mẫu)','[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB x\u00E1c nh\u1EADn","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]','Luật Đất đai 2024 (mẫu)',19,1);
INSERT INTO Procedures VALUES('01A23AE6-6787-707F-82DE-063EA7EBF3BB','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66F3-7261-8229-EB1E198E0BFC','01A23AE6-66CB-7BC2-86C5-3160FCE3FE83','MAU.KD.03','Chấm dứt hoạt động hộ kinh doanh','Cấp xã','UBND phường Bến Thành (mẫu)','03 ngày làm việc (mẫu)','Không thu phí (mẫu)','[{"name":"Th\u00F4ng b\u00E1o ch\u1EA5m d\u1EE9t","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng nh\u1EADn \u0111\u0103ng k\u00FD h\u1ED9 kinh doanh","originals":1,"copies":0,"note":null}]','Nghị định 01/2021/NĐ-CP (mẫu)',29,1);
CREATE TABLE IF NOT EXISTS "Counters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Counters" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "PauseReason" TEXT NULL,
    "CurrentTicketId" TEXT NULL,
    "LedAddress" INTEGER NULL,
    "CameraId" TEXT NULL,
    "OfficerId" TEXT NULL,
    "StateChangedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Counters_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
);
INSERT INTO Counters VALUES('01A23AE6-6787-7265-B91F-B4974072A419','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',4,'Quầy 4 - Địa chính - Xây dựng',0,NULL,NULL,4,'cam2',NULL,'2026-11-23 02:00:00');
INSERT INTO Counters VALUES('01A23AE6-6787-77DA-B2F8-8860D744BE9A','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',6,'Quầy 6 - Kinh doanh',0,NULL,NULL,6,'cam2',NULL,'2026-11-23 02:00:00');
INSERT INTO Counters VALUES('01A23AE6-6787-7935-A07B-0329D95EF766','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',1,'Quầy 1 - Hộ tịch',1,'Nghỉ trưa','01A23AE6-7862-7D4E-83E8-15EACCD665FB',1,'cam1','01A23AE6-67E8-7183-9781-335924B804DA','2026-11-23 02:00:00');
INSERT INTO Counters VALUES('01A23AE6-6787-7A4B-A89F-9D4B79905EE3','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',5,'Quầy 5 - Lao động - TB&XH',0,NULL,NULL,5,'cam1',NULL,'2026-11-23 02:00:00');
INSERT INTO Counters VALUES('01A23AE6-6787-7DC2-B493-A73C87223F87','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',3,'Quầy 3 - Chứng thực',0,NULL,NULL,3,'cam1',NULL,'2026-11-23 02:00:00');
INSERT INTO Counters VALUES('01A23AE6-6787-7E4A-8344-914703605B52','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',2,'Quầy 2 - Hộ tịch',0,NULL,NULL,2,'cam2',NULL,'2026-11-23 02:00:00');
CREATE TABLE IF NOT EXISTS "CounterServices" (
    "CounterId" TEXT NOT NULL,
    "ServiceId" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Weight" INTEGER NOT NULL,
    CONSTRAINT "PK_CounterServices" PRIMARY KEY ("CounterId", "ServiceId"),
    CONSTRAINT "FK_CounterServices_Counters_CounterId" FOREIGN KEY ("CounterId") REFERENCES "Counters" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CounterServices_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7265-B91F-B4974072A419','01A23AE6-66CB-72D1-A9F6-B8E924AC4CDA',1,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-77DA-B2F8-8860D744BE9A','01A23AE6-66CB-7BC2-86C5-3160FCE3FE83',1,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-77DA-B2F8-8860D744BE9A','01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD',2,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-66CB-7412-85FF-85A4268FF9E0',1,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7A4B-A89F-9D4B79905EE3','01A23AE6-66CB-7BC2-86C5-3160FCE3FE83',2,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7A4B-A89F-9D4B79905EE3','01A23AE6-66CB-7CB2-9A94-3FEA366EF1FD',1,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7DC2-B493-A73C87223F87','01A23AE6-66CB-7412-85FF-85A4268FF9E0',2,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7DC2-B493-A73C87223F87','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72',1,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7E4A-8344-914703605B52','01A23AE6-66CB-7412-85FF-85A4268FF9E0',1,1);
INSERT INTO CounterServices VALUES('01A23AE6-6787-7E4A-8344-914703605B52','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72',2,1);
CREATE TABLE IF NOT EXISTS "Officers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Officers" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "FailedLogins" INTEGER NOT NULL,
    "LockedUntil" TEXT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_Officers_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
);
INSERT INTO Officers VALUES('01A23AE6-67E8-7183-9781-335924B804DA','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','canbo1','Cán bộ quầy 1 (mẫu)',0,'AQAAAAIAAYagAAAAEGxbSGs4PRm3L0JfKFbFL4Lgdp9WWUO6sYU164X33kAlpO42pTAW3fVrfTtMZ6hyXA==',0,NULL,1);
INSERT INTO Officers VALUES('01A23AE6-68B3-7FEB-9CEB-295CA74C13CC','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','canbo2','Cán bộ quầy 2 (mẫu)',0,'AQAAAAIAAYagAAAAEOsgdHu8q5Z7075KRcuuMx1YyBb8UWBYSvIU+0sDwBUaPMD0uI48EnJAuoahAAIlIA==',0,NULL,1);
INSERT INTO Officers VALUES('01A23AE6-69DC-7816-B021-9487CE63BAAA','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','canbo3','Cán bộ quầy 3 (mẫu)',0,'AQAAAAIAAYagAAAAEFilMD3YAb6Tx62HakmkFRC0d7Jz5mHkgqyweqZHqvFk9NtTJs9BvW1Na739z9+y0Q==',0,NULL,1);
INSERT INTO Officers VALUES('01A23AE6-6B49-7820-9EC8-ADAFB43D3502','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','canbo4','Cán bộ quầy 4 (mẫu)',0,'AQAAAAIAAYagAAAAEB+aFE3u/LzyinDhFs9+SANwkgX1Lq3R0kvUJrE5L3EAOsuhO/5H03wncbuTtSj/uw==',0,NULL,1);
INSERT INTO Officers VALUES('01A23AE6-6C68-7726-8F48-9F7E2D902FF8','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','canbo5','Cán bộ quầy 5 (mẫu)',0,'AQAAAAIAAYagAAAAEHwYyig1MEJm1YpZ3BePulhCLbSQcF4y/EOBWQk+rTghoDbwxyJYtYrFiB0M/vTc8g==',0,NULL,1);
INSERT INTO Officers VALUES('01A23AE6-6D70-77AB-9797-A419EEB3C258','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','canbo6','Cán bộ quầy 6 (mẫu)',0,'AQAAAAIAAYagAAAAEG8X99rD4kuNFLurQn7krnvc4N/82qNAdPxMPlON/82LvdKZOuobcLQfjBgdCMDcrA==',0,NULL,1);
INSERT INTO Officers VALUES('01A23AE6-6E81-7E05-A3D1-1C1BAEC24C2F','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','giamsat','Giám sát viên (mẫu)',1,'AQAAAAIAAYagAAAAEKB63gsttB/8OZW+ZY/WzKA0weYtjRpWwO+r3sXbQrZXveJNo2oWxuUNzOmdzDE9xw==',0,NULL,1);
INSERT INTO Officers VALUES('01A23AE6-6F79-7A4C-9E7F-E696FFFA1E2B','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','quantri','Quản trị hệ thống (mẫu)',2,'AQAAAAIAAYagAAAAEFzA0RaIqv5OGLafIwjWLpEKZxOCErOFhNM4fX17FCpUroeiCESuRL2Fc9abyBGJKw==',0,NULL,1);
CREATE TABLE IF NOT EXISTS "Devices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Devices" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "Status" TEXT NULL,
    "LastSeenAt" TEXT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_Devices_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
);
INSERT INTO Devices VALUES('01A23AE6-7064-7E6B-967C-10653DFD719F','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',0,'Kiosk sảnh (mẫu)','e5b785a046581c3df0f9a306b62e7dbf507314ebed387d2d309175ef10a83fba',NULL,NULL,1);
INSERT INTO Devices VALUES('01A23AE6-708F-792F-910A-198E1369C0E3','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',1,'Máy hiển thị sảnh (mẫu)','d4e0bf14b94b66f3bcea128f49f56484a44a3981ba834d629dd8636d4933107a',NULL,NULL,1);
CREATE TABLE IF NOT EXISTS "Tickets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tickets" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "ServiceId" TEXT NOT NULL,
    "NumberServiceId" TEXT NOT NULL,
    "ProcedureId" TEXT NULL,
    "LocalDay" TEXT NOT NULL,
    "NumberValue" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Priority" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "CounterId" TEXT NULL,
    "TargetCounterId" TEXT NULL,
    "IssuedAt" TEXT NOT NULL,
    "IssuedMs" INTEGER NOT NULL,
    "CalledAt" TEXT NULL,
    "ServiceStartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "RecallCount" INTEGER NOT NULL,
    CONSTRAINT "FK_Tickets_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Tickets_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "Services" ("Id") ON DELETE CASCADE
);
INSERT INTO Tickets VALUES('01A23AE6-7862-7D4E-83E8-15EACCD665FB','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66CB-7412-85FF-85A4268FF9E0','01A23AE6-66CB-7412-85FF-85A4268FF9E0',NULL,'2026-11-23',1,'A001',1,0,0,'01A23AE6-6787-7935-A07B-0329D95EF766',NULL,'2026-11-23 02:00:00',1795399200000,'2026-11-23 02:00:00',NULL,NULL,0);
INSERT INTO Tickets VALUES('01A23AE6-78AE-7607-8693-6B2A85486033','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66CB-7412-85FF-85A4268FF9E0','01A23AE6-66CB-7412-85FF-85A4268FF9E0',NULL,'2026-11-23',2,'A002',3,1,0,'01A23AE6-6787-7935-A07B-0329D95EF766',NULL,'2026-11-23 02:00:00',1795399200000,'2026-11-23 02:00:00','2026-11-23 02:00:00','2026-11-23 02:00:00',0);
INSERT INTO Tickets VALUES('01A23AE6-78C7-7E3D-9600-926B24629A28','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72','01A23AE6-66CB-79B6-87FE-0E8BB3C71F72',NULL,'2026-11-23',1,'B001',0,0,0,NULL,NULL,'2026-11-23 02:00:00',1795399200000,NULL,NULL,NULL,0);
CREATE TABLE IF NOT EXISTS "TicketEvents" (
    "SiteId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "TicketId" TEXT NULL,
    "CounterId" TEXT NULL,
    "OfficerId" TEXT NULL,
    "Kind" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Detail" TEXT NULL,
    CONSTRAINT "PK_TicketEvents" PRIMARY KEY ("SiteId", "Sequence")
);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',1,'01A23AE6-7862-7D4E-83E8-15EACCD665FB',NULL,NULL,0,'2026-11-23 02:00:00',NULL);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',2,'01A23AE6-78AE-7607-8693-6B2A85486033',NULL,NULL,0,'2026-11-23 02:00:00',NULL);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',3,'01A23AE6-78C7-7E3D-9600-926B24629A28',NULL,NULL,0,'2026-11-23 02:00:00',NULL);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',4,NULL,'01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-67E8-7183-9781-335924B804DA',12,'2026-11-23 02:00:00','Open: officer signed in');
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',5,NULL,'01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-67E8-7183-9781-335924B804DA',12,'2026-11-23 02:00:00','Open');
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',6,'01A23AE6-78AE-7607-8693-6B2A85486033','01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-67E8-7183-9781-335924B804DA',1,'2026-11-23 02:00:00',NULL);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',7,'01A23AE6-78AE-7607-8693-6B2A85486033','01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-67E8-7183-9781-335924B804DA',3,'2026-11-23 02:00:00',NULL);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',8,'01A23AE6-78AE-7607-8693-6B2A85486033','01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-67E8-7183-9781-335924B804DA',4,'2026-11-23 02:00:00',NULL);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',9,'01A23AE6-78AE-7607-8693-6B2A85486033','01A23AE6-6787-7935-A07B-0329D95EF766',NULL,9,'2026-11-23 02:00:00','5');
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',10,'01A23AE6-7862-7D4E-83E8-15EACCD665FB','01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-67E8-7183-9781-335924B804DA',1,'2026-11-23 02:00:00',NULL);
INSERT INTO TicketEvents VALUES('0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001',11,NULL,'01A23AE6-6787-7935-A07B-0329D95EF766','01A23AE6-67E8-7183-9781-335924B804DA',12,'2026-11-23 02:00:00','Paused: Nghỉ trưa');
CREATE TABLE IF NOT EXISTS "Ratings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Ratings" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "TicketId" TEXT NOT NULL,
    "CounterId" TEXT NULL,
    "OfficerId" TEXT NULL,
    "Score" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "At" TEXT NOT NULL
);
INSERT INTO Ratings VALUES('01A23AE6-7A62-76AF-9251-F6D0DC330A07','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','01A23AE6-78AE-7607-8693-6B2A85486033','01A23AE6-6787-7935-A07B-0329D95EF766',NULL,5,'Nhanh, chu đáo','2026-11-23 02:00:00');
CREATE TABLE IF NOT EXISTS "Dossiers" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Dossiers" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "ApplicantName" TEXT NOT NULL,
    "ProcedureName" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "CompletedOn" TEXT NULL,
    "Note" TEXT NULL
);
INSERT INTO Dossiers VALUES('000.00.31.H29-261103-0007','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','Đặng Quốc Gia','Cấp giấy phép xây dựng nhà ở riêng lẻ (tiếp nhận)',6,'2026-11-03','2026-11-13','2026-11-22',NULL);
INSERT INTO Dossiers VALUES('000.00.31.H29-261106-0006','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','Võ Thị Phương','Đăng ký kết hôn',5,'2026-11-06','2026-11-07',NULL,NULL);
INSERT INTO Dossiers VALUES('000.00.31.H29-261109-0005','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','Hoàng Văn Em','Đăng ký thay đổi, cải chính hộ tịch',4,'2026-11-09','2026-11-19','2026-11-22',NULL);
INSERT INTO Dossiers VALUES('000.00.31.H29-261112-0004','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','Phạm Thị Dung','Xác nhận hiện trạng sử dụng đất',3,'2026-11-12','2026-11-22','2026-11-22',NULL);
INSERT INTO Dossiers VALUES('000.00.31.H29-261115-0003','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','Lê Hoàng Cường','Đăng ký hộ kinh doanh',2,'2026-11-15','2026-11-25',NULL,'Bổ sung bản sao giấy chứng nhận quyền sử dụng đất (mẫu)');
INSERT INTO Dossiers VALUES('000.00.31.H29-261118-0002','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','Trần Thị Bình','Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất',1,'2026-11-18','2026-11-28',NULL,NULL);
INSERT INTO Dossiers VALUES('000.00.31.H29-261121-0001','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','Nguyễn Văn An','Đăng ký khai sinh',0,'2026-11-21','2026-12-01',NULL,NULL);
CREATE TABLE IF NOT EXISTS "Alerts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Alerts" PRIMARY KEY,
    "SiteId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectKey" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    "ClearedAt" TEXT NULL,
    "AcknowledgedAt" TEXT NULL,
    "AcknowledgedById" TEXT NULL,
    "AcknowledgedBy" TEXT NULL,
    CONSTRAINT "FK_Alerts_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES "Sites" ("Id") ON DELETE CASCADE
);
INSERT INTO Alerts VALUES('7FB4AB30-AE38-41D9-8E8F-969B3DE2CD0D','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','CameraDown','service:A','Dịch vụ A','Chờ quá lâu','2026-11-23 02:00:00',NULL,NULL,NULL,NULL);
INSERT INTO Alerts VALUES('A5DA0D90-D635-41D9-B190-F2CC71AB73EE','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','WaitAboveTarget','device:kiosk-1','Ki-ốt 1','Mất kết nối','2026-11-23 02:00:00','2026-11-23 02:03:00','2026-11-23 02:04:00','C8C58BD8-F446-4ADD-B2EE-2113A3DBD9CE','giamsat');
CREATE TABLE IF NOT EXISTS "RecordingViews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RecordingViews" PRIMARY KEY,
    "SiteId" TEXT NULL,
    "OfficerId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "CameraId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "SegmentStart" TEXT NOT NULL,
    "ViewedAt" TEXT NOT NULL,
    "RemoteAddress" TEXT NULL
);
INSERT INTO RecordingViews VALUES('6874E7D0-DB6F-4676-82D9-36E3DF33D770','0E6F1C52-7D1A-4C53-9B1E-5A0C2D9E0001','BF42751F-D64B-4E25-95B0-D0484E6E6816','quantri','cam-1','cam-1-20261123-0900.mp4','2026-11-23 01:50:00','2026-11-23 02:00:00','127.0.0.1');
CREATE UNIQUE INDEX "IX_Sites_Code" ON "Sites" ("Code");
CREATE UNIQUE INDEX "IX_Services_SiteId_Code" ON "Services" ("SiteId", "Code");
CREATE UNIQUE INDEX "IX_Fields_SiteId_Code" ON "Fields" ("SiteId", "Code");
CREATE UNIQUE INDEX "IX_Procedures_SiteId_Code" ON "Procedures" ("SiteId", "Code");
CREATE INDEX "IX_Procedures_FieldId" ON "Procedures" ("FieldId");
CREATE INDEX "IX_Procedures_ServiceId" ON "Procedures" ("ServiceId");
CREATE UNIQUE INDEX "IX_Counters_SiteId_Number" ON "Counters" ("SiteId", "Number");
CREATE INDEX "IX_CounterServices_ServiceId" ON "CounterServices" ("ServiceId");
CREATE UNIQUE INDEX "IX_Officers_UserName" ON "Officers" ("UserName");
CREATE INDEX "IX_Officers_SiteId" ON "Officers" ("SiteId");
CREATE UNIQUE INDEX "IX_Devices_KeyHash" ON "Devices" ("KeyHash");
CREATE INDEX "IX_Devices_SiteId" ON "Devices" ("SiteId");
CREATE UNIQUE INDEX "IX_Tickets_SiteId_NumberServiceId_LocalDay_NumberValue" ON "Tickets" ("SiteId", "NumberServiceId", "LocalDay", "NumberValue");
CREATE INDEX "IX_Tickets_SiteId_Status_ServiceId_IssuedMs" ON "Tickets" ("SiteId", "Status", "ServiceId", "IssuedMs");
CREATE INDEX "IX_Tickets_ServiceId" ON "Tickets" ("ServiceId");
CREATE INDEX "IX_TicketEvents_TicketId" ON "TicketEvents" ("TicketId");
CREATE INDEX "IX_Ratings_TicketId" ON "Ratings" ("TicketId");
CREATE INDEX "IX_Alerts_SiteId_ClearedAt" ON "Alerts" ("SiteId", "ClearedAt");
CREATE UNIQUE INDEX "IX_Alerts_Open_Subject" ON "Alerts" ("SiteId", "Kind", "SubjectKey") WHERE "ClearedAt" IS NULL;
CREATE INDEX "IX_RecordingViews_ViewedAt" ON "RecordingViews" ("ViewedAt");
COMMIT;
