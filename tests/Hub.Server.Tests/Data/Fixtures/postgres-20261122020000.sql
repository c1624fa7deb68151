-- A hub database as the hand-written migrations of November 2026 (20261122000000_Initial,
-- 20261122010000_Supervision, 20261122020000_LiveQueue) left it, with rows in every table: the demo
-- data, three tickets issued, called, served and rated, a counter paused, two alerts and a recording
-- view. Made by running that code and dumping the file (pg_dump --inserts --no-owner --no-privileges, comments and SET lines removed), so the
-- upgrade test (SchemaUpgradeTests) can build such a database without the old migrations.


CREATE TABLE public."Alerts" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "SubjectKey" character varying(200) NOT NULL,
    "Subject" character varying(400) NOT NULL,
    "Message" character varying(1000) NOT NULL,
    "RaisedAt" timestamp with time zone NOT NULL,
    "ClearedAt" timestamp with time zone,
    "AcknowledgedAt" timestamp with time zone,
    "AcknowledgedById" uuid,
    "AcknowledgedBy" character varying(200)
);

CREATE TABLE public."CounterServices" (
    "CounterId" uuid NOT NULL,
    "ServiceId" uuid NOT NULL,
    "Order" integer NOT NULL,
    "Weight" integer NOT NULL
);

CREATE TABLE public."Counters" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Name" character varying(400) NOT NULL,
    "State" integer NOT NULL,
    "PauseReason" character varying(400),
    "CurrentTicketId" uuid,
    "LedAddress" integer,
    "CameraId" character varying(400),
    "OfficerId" uuid,
    "StateChangedAt" timestamp with time zone NOT NULL
);

CREATE TABLE public."Devices" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Name" character varying(400) NOT NULL,
    "KeyHash" character varying(400) NOT NULL,
    "Status" character varying(400),
    "LastSeenAt" timestamp with time zone,
    "Active" boolean NOT NULL
);

CREATE TABLE public."Dossiers" (
    "Code" character varying(40) NOT NULL,
    "SiteId" uuid NOT NULL,
    "ApplicantName" character varying(400) NOT NULL,
    "ProcedureName" character varying(400) NOT NULL,
    "State" integer NOT NULL,
    "ReceivedOn" date NOT NULL,
    "DueOn" date NOT NULL,
    "CompletedOn" date,
    "Note" character varying(400)
);

CREATE TABLE public."Fields" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "Code" character varying(400) NOT NULL,
    "Name" character varying(400) NOT NULL,
    "NameEn" character varying(400),
    "SortOrder" integer NOT NULL
);

CREATE TABLE public."Officers" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "UserName" character varying(400) NOT NULL,
    "DisplayName" character varying(400) NOT NULL,
    "Role" integer NOT NULL,
    "PasswordHash" character varying(400) NOT NULL,
    "FailedLogins" integer NOT NULL,
    "LockedUntil" timestamp with time zone,
    "Active" boolean NOT NULL
);

CREATE TABLE public."Procedures" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "FieldId" uuid NOT NULL,
    "ServiceId" uuid,
    "Code" character varying(400) NOT NULL,
    "Name" character varying(400) NOT NULL,
    "Level" character varying(400) NOT NULL,
    "Agency" character varying(400) NOT NULL,
    "ProcessingTime" character varying(400) NOT NULL,
    "Fees" character varying(400) NOT NULL,
    "DocumentsJson" character varying(8000) NOT NULL,
    "LegalBasis" character varying(2000) NOT NULL,
    "SortOrder" integer NOT NULL,
    "Active" boolean NOT NULL
);

CREATE TABLE public."Ratings" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "TicketId" uuid NOT NULL,
    "CounterId" uuid,
    "OfficerId" uuid,
    "Score" integer NOT NULL,
    "Reason" character varying(400),
    "At" timestamp with time zone NOT NULL
);

CREATE TABLE public."RecordingViews" (
    "Id" uuid NOT NULL,
    "SiteId" uuid,
    "OfficerId" uuid,
    "UserName" character varying(200) NOT NULL,
    "CameraId" character varying(100) NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "SegmentStart" timestamp with time zone NOT NULL,
    "ViewedAt" timestamp with time zone NOT NULL,
    "RemoteAddress" character varying(100)
);

CREATE TABLE public."Services" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "Code" character varying(400) NOT NULL,
    "Name" character varying(400) NOT NULL,
    "NameEn" character varying(400),
    "Prefix" character varying(8) NOT NULL,
    "Digits" integer NOT NULL,
    "RangeStart" integer NOT NULL,
    "RangeEnd" integer NOT NULL,
    "WaitTargetMinutes" integer NOT NULL,
    "MaxWaitMinutes" integer NOT NULL,
    "DefaultServiceSeconds" integer NOT NULL,
    "SortOrder" integer NOT NULL,
    "Active" boolean NOT NULL
);

CREATE TABLE public."Sites" (
    "Id" uuid NOT NULL,
    "Code" character varying(400) NOT NULL,
    "Name" character varying(400) NOT NULL,
    "Address" character varying(400) NOT NULL,
    "TimeZone" character varying(400) NOT NULL,
    "OpeningHours" character varying(1000) NOT NULL,
    "LastSequence" bigint NOT NULL
);

CREATE TABLE public."TicketEvents" (
    "SiteId" uuid NOT NULL,
    "Sequence" bigint NOT NULL,
    "TicketId" uuid,
    "CounterId" uuid,
    "OfficerId" uuid,
    "Kind" integer NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Detail" character varying(1000)
);

CREATE TABLE public."Tickets" (
    "Id" uuid NOT NULL,
    "SiteId" uuid NOT NULL,
    "ServiceId" uuid NOT NULL,
    "NumberServiceId" uuid NOT NULL,
    "ProcedureId" uuid,
    "LocalDay" date NOT NULL,
    "NumberValue" integer NOT NULL,
    "Number" character varying(16) NOT NULL,
    "Status" integer NOT NULL,
    "Priority" integer NOT NULL,
    "Channel" integer NOT NULL,
    "CounterId" uuid,
    "TargetCounterId" uuid,
    "IssuedAt" timestamp with time zone NOT NULL,
    "IssuedMs" bigint NOT NULL,
    "CalledAt" timestamp with time zone,
    "ServiceStartedAt" timestamp with time zone,
    "FinishedAt" timestamp with time zone,
    "RecallCount" integer NOT NULL
);

CREATE TABLE public."__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);

INSERT INTO public."Alerts" VALUES ('598687ea-1f9f-46f2-9ec8-40d78cb14a92', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'WaitAboveTarget', 'device:kiosk-1', 'Ki-ốt 1', 'Mất kết nối', '2026-11-23 02:00:00+00', '2026-11-23 02:03:00+00', '2026-11-23 02:04:00+00', '6626caa2-d46c-4fba-82d7-76d2330d4322', 'giamsat');
INSERT INTO public."Alerts" VALUES ('f04a7e2a-7dfa-4fb8-ac95-3087e8f134a0', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'CameraDown', 'service:A', 'Dịch vụ A', 'Chờ quá lâu', '2026-11-23 02:00:00+00', NULL, NULL, NULL, NULL);

INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4d7d-719c-8468-ae51465ba819', 1, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-7671-b4d7-11128308a69a', '01a23ae6-4d7d-7206-808d-fc586a979273', 1, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-7671-b4d7-11128308a69a', '01a23ae6-4d7d-74ea-88fd-04a158ce9c19', 2, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-7704-b151-f361c7236da2', '01a23ae6-4d7d-736d-8cde-d79936d0d746', 1, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-78e7-96d5-c6cfbe049e4d', '01a23ae6-4d7d-7206-808d-fc586a979273', 2, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-78e7-96d5-c6cfbe049e4d', '01a23ae6-4d7d-74ea-88fd-04a158ce9c19', 1, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-7d19-beaf-5cc9f29e8892', '01a23ae6-4d7d-719c-8468-ae51465ba819', 2, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-7d19-beaf-5cc9f29e8892', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', 1, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-7e0a-9374-0549a5082ccf', '01a23ae6-4d7d-719c-8468-ae51465ba819', 1, 1);
INSERT INTO public."CounterServices" VALUES ('01a23ae6-4df3-7e0a-9374-0549a5082ccf', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', 2, 1);

INSERT INTO public."Counters" VALUES ('01a23ae6-4df3-7671-b4d7-11128308a69a', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 6, 'Quầy 6 - Kinh doanh', 0, NULL, NULL, 6, 'cam2', NULL, '2026-11-23 02:00:00+00');
INSERT INTO public."Counters" VALUES ('01a23ae6-4df3-7704-b151-f361c7236da2', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 4, 'Quầy 4 - Địa chính - Xây dựng', 0, NULL, NULL, 4, 'cam2', NULL, '2026-11-23 02:00:00+00');
INSERT INTO public."Counters" VALUES ('01a23ae6-4df3-78e7-96d5-c6cfbe049e4d', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 5, 'Quầy 5 - Lao động - TB&XH', 0, NULL, NULL, 5, 'cam1', NULL, '2026-11-23 02:00:00+00');
INSERT INTO public."Counters" VALUES ('01a23ae6-4df3-7d19-beaf-5cc9f29e8892', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 3, 'Quầy 3 - Chứng thực', 0, NULL, NULL, 3, 'cam1', NULL, '2026-11-23 02:00:00+00');
INSERT INTO public."Counters" VALUES ('01a23ae6-4df3-7e0a-9374-0549a5082ccf', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 2, 'Quầy 2 - Hộ tịch', 0, NULL, NULL, 2, 'cam2', NULL, '2026-11-23 02:00:00+00');
INSERT INTO public."Counters" VALUES ('01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 1, 'Quầy 1 - Hộ tịch', 1, 'Nghỉ trưa', '01a23ae6-5eaa-7eb7-ad4a-ff557b732cd3', 1, 'cam1', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', '2026-11-23 02:00:00+00');

INSERT INTO public."Devices" VALUES ('01a23ae6-535b-7676-906a-30575ac91bcd', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 0, 'Kiosk sảnh (mẫu)', 'e5b785a046581c3df0f9a306b62e7dbf507314ebed387d2d309175ef10a83fba', NULL, NULL, true);
INSERT INTO public."Devices" VALUES ('01a23ae6-5380-75d5-bcab-53f64ca841c8', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 1, 'Máy hiển thị sảnh (mẫu)', 'd4e0bf14b94b66f3bcea128f49f56484a44a3981ba834d629dd8636d4933107a', NULL, NULL, true);

INSERT INTO public."Dossiers" VALUES ('000.00.31.H29-261103-0007', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'Đặng Quốc Gia', 'Cấp giấy phép xây dựng nhà ở riêng lẻ (tiếp nhận)', 6, '2026-11-03', '2026-11-13', '2026-11-22', NULL);
INSERT INTO public."Dossiers" VALUES ('000.00.31.H29-261106-0006', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'Võ Thị Phương', 'Đăng ký kết hôn', 5, '2026-11-06', '2026-11-07', NULL, NULL);
INSERT INTO public."Dossiers" VALUES ('000.00.31.H29-261109-0005', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'Hoàng Văn Em', 'Đăng ký thay đổi, cải chính hộ tịch', 4, '2026-11-09', '2026-11-19', '2026-11-22', NULL);
INSERT INTO public."Dossiers" VALUES ('000.00.31.H29-261112-0004', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'Phạm Thị Dung', 'Xác nhận hiện trạng sử dụng đất', 3, '2026-11-12', '2026-11-22', '2026-11-22', NULL);
INSERT INTO public."Dossiers" VALUES ('000.00.31.H29-261115-0003', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'Lê Hoàng Cường', 'Đăng ký hộ kinh doanh', 2, '2026-11-15', '2026-11-25', NULL, 'Bổ sung bản sao giấy chứng nhận quyền sử dụng đất (mẫu)');
INSERT INTO public."Dossiers" VALUES ('000.00.31.H29-261118-0002', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'Trần Thị Bình', 'Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất', 1, '2026-11-18', '2026-11-28', NULL, NULL);
INSERT INTO public."Dossiers" VALUES ('000.00.31.H29-261121-0001', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'Nguyễn Văn An', 'Đăng ký khai sinh', 0, '2026-11-21', '2026-12-01', NULL, NULL);

INSERT INTO public."Fields" VALUES ('01a23ae6-4d9d-711b-bae0-d6ccd54e2747', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'LDTBXH', 'Lao động - Thương binh và Xã hội', 'Labour, invalids and social affairs', 4);
INSERT INTO public."Fields" VALUES ('01a23ae6-4d9d-727e-98a5-c4205add567f', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'DCXD', 'Địa chính - Xây dựng', 'Land - Construction', 3);
INSERT INTO public."Fields" VALUES ('01a23ae6-4d9d-7693-bbb5-fda80f601358', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'KD', 'Kinh doanh', 'Business', 5);
INSERT INTO public."Fields" VALUES ('01a23ae6-4d9d-776a-807f-29b4e81010a0', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'CT', 'Chứng thực', 'Certification', 2);
INSERT INTO public."Fields" VALUES ('01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'HT', 'Tư pháp - Hộ tịch', 'Justice - Civil status', 1);

INSERT INTO public."Officers" VALUES ('01a23ae6-4e68-76cd-87ab-9ea50540e7fb', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'canbo1', 'Cán bộ quầy 1 (mẫu)', 0, 'AQAAAAIAAYagAAAAEKADEYLVE9/BrZNMZOHMKCYfYCVcP144wZCSVnEtoNzf9sSh/9MR/55Ord3XGERK7Q==', 0, NULL, true);
INSERT INTO public."Officers" VALUES ('01a23ae6-4ee1-75f6-8c4f-11c3fddfe843', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'canbo2', 'Cán bộ quầy 2 (mẫu)', 0, 'AQAAAAIAAYagAAAAEG1Rx5Mh9w6UIq7GCMGzXBIGDoaXECqA2x8JDIsvF1fSJArjXYc3uRVyB8fdG5+/GA==', 0, NULL, true);
INSERT INTO public."Officers" VALUES ('01a23ae6-4f4c-7b70-8f7f-161dc4ede3ff', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'canbo3', 'Cán bộ quầy 3 (mẫu)', 0, 'AQAAAAIAAYagAAAAEPJpnUwL9jkFJbzJEe2DtHAe36k8/xEe9rsApHaP047yv8TjVUs5Gudp92qMYcJwKg==', 0, NULL, true);
INSERT INTO public."Officers" VALUES ('01a23ae6-4fb3-7386-96a8-47827b7c717b', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'canbo4', 'Cán bộ quầy 4 (mẫu)', 0, 'AQAAAAIAAYagAAAAEJFcyQ6zAkrNAiutv3mb88sJwFqi/WR6uKbCBkaWeg+rMGR1KkGBA/RAlOLnyJ61Vw==', 0, NULL, true);
INSERT INTO public."Officers" VALUES ('01a23ae6-507f-74ad-8267-593efed03bcc', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'canbo5', 'Cán bộ quầy 5 (mẫu)', 0, 'AQAAAAIAAYagAAAAEPYmT24oTd8v1PNUR653q1oWVgTbfc4ZhlpB+5Wr+kKCLsUFe6kcAHL1p6useH0kFg==', 0, NULL, true);
INSERT INTO public."Officers" VALUES ('01a23ae6-5127-7ee2-a640-60f4fb040ad7', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'canbo6', 'Cán bộ quầy 6 (mẫu)', 0, 'AQAAAAIAAYagAAAAEJcxbwLa4I+RpTQ8B+6fmtmWp27mTHszLR60CrjTB9mmVj7dbRpPaE+Xt7+yS9q6kQ==', 0, NULL, true);
INSERT INTO public."Officers" VALUES ('01a23ae6-5203-7e58-8e26-307e88c9e1c6', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'giamsat', 'Giám sát viên (mẫu)', 1, 'AQAAAAIAAYagAAAAEEnfprGDvejdII98AlthBcRDr31kNNAbzYFM/JVJptVsirSjBc7X+THS08X4Ho0arw==', 0, NULL, true);
INSERT INTO public."Officers" VALUES ('01a23ae6-52ae-760f-83bc-5915eb3939d8', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'quantri', 'Quản trị hệ thống (mẫu)', 2, 'AQAAAAIAAYagAAAAEDdzWVvaR29SxFvSpTeEh5XU6NDXYRDIRcO9XtrAjAzw9JNXdq+t9Et9xrNO9WEhIw==', 0, NULL, true);

INSERT INTO public."Procedures" VALUES ('01a23ae6-4daa-7a2d-9907-fc1c82cadd28', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', '1.001193', 'Đăng ký khai sinh', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Ngay trong ngày tiếp nhận hồ sơ đủ giấy tờ', 'Miễn lệ phí (đăng ký đúng hạn)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng sinh","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 1, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7121-aaa0-f4f39139a170', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-727e-98a5-c4205add567f', '01a23ae6-4d7d-736d-8cde-d79936d0d746', 'MAU.XD.01', 'Cấp giấy phép xây dựng nhà ở riêng lẻ (tiếp nhận)', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '15 ngày (mẫu)', '75.000 đồng/giấy phép (mẫu)', '[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB c\u1EA5p gi\u1EA5y ph\u00E9p","originals":1,"copies":0,"note":null},{"name":"B\u1EA3n v\u1EBD thi\u1EBFt k\u1EBF","originals":2,"copies":0,"note":null}]', 'Luật Xây dựng 2014 (mẫu)', 20, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-712c-842f-5d201be02f76', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', 'MAU.HT.04', 'Cấp bản sao trích lục hộ tịch', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Ngay trong ngày (mẫu)', '8.000 đồng/bản (mẫu)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 7, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-723a-86c0-244311076cc6', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', 'MAU.HT.06', 'Đăng ký giám hộ', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"V\u0103n b\u1EA3n c\u1EED ng\u01B0\u1EDDi gi\u00E1m h\u1ED9","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 9, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7288-90d4-b6a027d53fca', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-776a-807f-29b4e81010a0', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', 'MAU.CT.03', 'Chứng thực di chúc', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Trong ngày (mẫu)', '50.000 đồng/di chúc', '[{"name":"D\u1EF1 th\u1EA3o di ch\u00FAc","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC', 15, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-734f-9a26-dc7c07a2851c', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-711b-bae0-d6ccd54e2747', '01a23ae6-4d7d-74ea-88fd-04a158ce9c19', 'MAU.LD.01', 'Xác nhận hộ nghèo, hộ cận nghèo', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '07 ngày làm việc (mẫu)', 'Không thu phí', '[{"name":"Gi\u1EA5y \u0111\u1EC1 ngh\u1ECB","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 07/2021/NĐ-CP (mẫu)', 21, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7409-bb26-8b04b2f40657', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-711b-bae0-d6ccd54e2747', '01a23ae6-4d7d-74ea-88fd-04a158ce9c19', 'MAU.LD.03', 'Xác định mức độ khuyết tật', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '20 ngày làm việc (mẫu)', 'Không thu phí', '[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB x\u00E1c \u0111\u1ECBnh m\u1EE9c \u0111\u1ED9 khuy\u1EBFt t\u1EADt","originals":1,"copies":0,"note":null}]', 'Luật Người khuyết tật 2010 (mẫu)', 23, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-743d-8937-f951400cc891', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-727e-98a5-c4205add567f', '01a23ae6-4d7d-736d-8cde-d79936d0d746', 'MAU.DC.01', 'Hòa giải tranh chấp đất đai', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '45 ngày (mẫu)', 'Không thu phí', '[{"name":"\u0110\u01A1n y\u00EAu c\u1EA7u h\u00F2a gi\u1EA3i","originals":1,"copies":0,"note":null}]', 'Luật Đất đai 2024 (mẫu)', 18, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7473-b687-e4c449e03666', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', 'MAU.HT.02', 'Đăng ký nhận cha, mẹ, con', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Ch\u1EE9ng c\u1EE9 ch\u1EE9ng minh quan h\u1EC7 cha, m\u1EB9, con","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 5, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-75c5-b7f9-c1864405442a', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', 'MAU.HT.07', 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng sinh","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 10, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-76ab-ba6e-21d3bde0b8d4', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', '1.000656', 'Đăng ký khai tử', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Ngay trong ngày tiếp nhận hồ sơ đủ giấy tờ', 'Miễn lệ phí (đăng ký đúng hạn)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y b\u00E1o t\u1EED ho\u1EB7c gi\u1EA5y t\u1EDD thay th\u1EBF","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 3, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-778e-b123-4098260feb77', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-776a-807f-29b4e81010a0', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', '2.000884', 'Chứng thực chữ ký trong giấy tờ, văn bản', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Trong ngày; ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ', '10.000 đồng/trường hợp', '[{"name":"Gi\u1EA5y t\u1EDD, v\u0103n b\u1EA3n c\u1EA7n ch\u1EE9ng th\u1EF1c ch\u1EEF k\u00FD","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC', 12, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-786e-96da-aaacf2341356', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-727e-98a5-c4205add567f', '01a23ae6-4d7d-736d-8cde-d79936d0d746', 'MAU.DC.02', 'Xác nhận hiện trạng sử dụng đất', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '05 ngày làm việc (mẫu)', 'Không thu phí (mẫu)', '[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB x\u00E1c nh\u1EADn","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Đất đai 2024 (mẫu)', 19, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7886-96bb-f0df1ba1d934', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-776a-807f-29b4e81010a0', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', 'MAU.CT.05', 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Tối đa 02 ngày làm việc', '30.000 đồng/hợp đồng (mẫu)', '[{"name":"H\u1EE3p \u0111\u1ED3ng \u0111\u00E3 ch\u1EE9ng th\u1EF1c","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC', 17, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-78b0-b7ab-b032c5edd054', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-776a-807f-29b4e81010a0', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', 'MAU.CT.02', 'Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Tối đa 02 ngày làm việc', '50.000 đồng/hợp đồng', '[{"name":"D\u1EF1 th\u1EA3o h\u1EE3p \u0111\u1ED3ng","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng nh\u1EADn quy\u1EC1n s\u1EED d\u1EE5ng \u0111\u1EA5t","originals":1,"copies":1,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC', 14, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-797c-bb82-c2e16ed8c444', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', '1.000894', 'Đăng ký kết hôn', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Ngay trong ngày; tối đa 05 ngày làm việc nếu cần xác minh', 'Miễn lệ phí (kết hôn trong nước)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 2, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-79dd-b55b-9aebf17ddf5a', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', 'MAU.HT.05', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 8, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7c0e-8387-18d6396aeed4', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-776a-807f-29b4e81010a0', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', 'MAU.CT.01', 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Tối đa 02 ngày làm việc', '50.000 đồng/hợp đồng', '[{"name":"D\u1EF1 th\u1EA3o h\u1EE3p \u0111\u1ED3ng","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC', 13, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7c42-a7e5-8631d0b81623', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', 'MAU.HT.01', 'Đăng ký thay đổi, cải chính hộ tịch', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (thêm 03 ngày nếu cần xác minh)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 4, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7d67-b30c-83d442ad7556', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-711b-bae0-d6ccd54e2747', '01a23ae6-4d7d-74ea-88fd-04a158ce9c19', 'MAU.LD.04', 'Hỗ trợ chi phí mai táng', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '05 ngày làm việc (mẫu)', 'Không thu phí', '[{"name":"T\u1EDD khai \u0111\u1EC1 ngh\u1ECB h\u1ED7 tr\u1EE3 chi ph\u00ED mai t\u00E1ng","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng t\u1EED","originals":0,"copies":1,"note":null}]', 'Nghị định 20/2021/NĐ-CP (mẫu)', 24, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7e18-acfb-172e65a412e8', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-776a-807f-29b4e81010a0', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', 'MAU.CT.04', 'Chứng thực văn bản thỏa thuận phân chia di sản', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Tối đa 02 ngày làm việc', '50.000 đồng/văn bản', '[{"name":"D\u1EF1 th\u1EA3o v\u0103n b\u1EA3n th\u1ECFa thu\u1EADn","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC', 16, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7f1b-ab2c-1a31e825398c', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-711b-bae0-d6ccd54e2747', '01a23ae6-4d7d-74ea-88fd-04a158ce9c19', 'MAU.LD.02', 'Đăng ký trợ cấp xã hội hằng tháng', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '10 ngày làm việc (mẫu)', 'Không thu phí', '[{"name":"T\u1EDD khai \u0111\u1EC1 ngh\u1ECB tr\u1EE3 gi\u00FAp x\u00E3 h\u1ED9i","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 20/2021/NĐ-CP (mẫu)', 22, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7f36-a535-78be2a5b264f', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7f63-815d-1d8acdd4fccc', '01a23ae6-4d7d-719c-8468-ae51465ba819', 'MAU.HT.03', 'Đăng ký lại khai sinh', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '05 ngày làm việc (mẫu)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"T\u1EDD khai theo m\u1EABu","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', 6, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df1-7f96-9e96-73bee80e62a3', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-776a-807f-29b4e81010a0', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', '2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', 'Trong ngày; ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ', '2.000 đồng/trang; từ trang thứ 3 trở đi 1.000 đồng/trang; tối đa 200.000 đồng/bản', '[{"name":"B\u1EA3n ch\u00EDnh gi\u1EA5y t\u1EDD","originals":1,"copies":0,"note":null},{"name":"B\u1EA3n sao c\u1EA7n ch\u1EE9ng th\u1EF1c","originals":0,"copies":1,"note":null}]', 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC', 11, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df2-7235-9e56-d3e131a31f02', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7693-bbb5-fda80f601358', '01a23ae6-4d7d-7206-808d-fc586a979273', 'MAU.KD.03', 'Chấm dứt hoạt động hộ kinh doanh', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Không thu phí (mẫu)', '[{"name":"Th\u00F4ng b\u00E1o ch\u1EA5m d\u1EE9t","originals":1,"copies":0,"note":null},{"name":"Gi\u1EA5y ch\u1EE9ng nh\u1EADn \u0111\u0103ng k\u00FD h\u1ED9 kinh doanh","originals":1,"copies":0,"note":null}]', 'Nghị định 01/2021/NĐ-CP (mẫu)', 29, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df2-72f4-8019-0d8fbd7eea5f', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7693-bbb5-fda80f601358', '01a23ae6-4d7d-7206-808d-fc586a979273', 'MAU.KD.02', 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Không thu phí (mẫu)', '[{"name":"Th\u00F4ng b\u00E1o t\u1EA1m ng\u1EEBng","originals":1,"copies":0,"note":null}]', 'Nghị định 01/2021/NĐ-CP (mẫu)', 28, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df2-7443-ac1c-9b74da169497', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-711b-bae0-d6ccd54e2747', '01a23ae6-4d7d-74ea-88fd-04a158ce9c19', 'MAU.LD.05', 'Xác nhận thông tin người có công với cách mạng', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '05 ngày làm việc (mẫu)', 'Không thu phí', '[{"name":"\u0110\u01A1n \u0111\u1EC1 ngh\u1ECB","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Pháp lệnh Ưu đãi người có công 2020 (mẫu)', 25, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df2-745b-8dc3-8d71184b89fe', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7693-bbb5-fda80f601358', '01a23ae6-4d7d-7206-808d-fc586a979273', 'MAU.KD.01', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"Th\u00F4ng b\u00E1o thay \u0111\u1ED5i","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 01/2021/NĐ-CP (mẫu)', 27, true);
INSERT INTO public."Procedures" VALUES ('01a23ae6-4df2-7b21-be7e-8380c2b9e305', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d9d-7693-bbb5-fda80f601358', '01a23ae6-4d7d-7206-808d-fc586a979273', '1.001612', 'Đăng ký hộ kinh doanh', 'Cấp xã', 'UBND phường Bến Thành (mẫu)', '03 ngày làm việc (mẫu)', 'Theo mức do HĐND tỉnh quy định (mẫu)', '[{"name":"Gi\u1EA5y \u0111\u1EC1 ngh\u1ECB \u0111\u0103ng k\u00FD h\u1ED9 kinh doanh","originals":1,"copies":0,"note":null},{"name":"C\u0103n c\u01B0\u1EDBc c\u00F4ng d\u00E2n / gi\u1EA5y t\u1EDD t\u00F9y th\u00E2n (xu\u1EA5t tr\u00ECnh)","originals":1,"copies":0,"note":null}]', 'Nghị định 01/2021/NĐ-CP (mẫu)', 26, true);

INSERT INTO public."Ratings" VALUES ('01a23ae6-610b-7474-aa28-21900e9d0a62', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-5f30-765c-832c-53db0df750e2', '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', NULL, 5, 'Nhanh, chu đáo', '2026-11-23 02:00:00+00');

INSERT INTO public."RecordingViews" VALUES ('1b4382e6-bb19-4267-8931-3cca4051791b', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'bc6deaba-0a98-42fe-9e85-6db7a1668aba', 'quantri', 'cam-1', 'cam-1-20261123-0900.mp4', '2026-11-23 01:50:00+00', '2026-11-23 02:00:00+00', '127.0.0.1');

INSERT INTO public."Services" VALUES ('01a23ae6-4d7d-719c-8468-ae51465ba819', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'A', 'Tư pháp - Hộ tịch', 'Civil status', 'A', 3, 1, 999, 10, 30, 240, 1, true);
INSERT INTO public."Services" VALUES ('01a23ae6-4d7d-7206-808d-fc586a979273', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'E', 'Kinh doanh (hộ kinh doanh)', 'Household business', 'E', 3, 1, 999, 15, 40, 480, 5, true);
INSERT INTO public."Services" VALUES ('01a23ae6-4d7d-736d-8cde-d79936d0d746', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'C', 'Địa chính - Xây dựng', 'Land and construction', 'C', 3, 1, 999, 20, 45, 600, 3, true);
INSERT INTO public."Services" VALUES ('01a23ae6-4d7d-74ea-88fd-04a158ce9c19', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'D', 'Lao động - Thương binh và Xã hội', 'Labour, invalids and social affairs', 'D', 3, 1, 999, 15, 40, 420, 4, true);
INSERT INTO public."Services" VALUES ('01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'B', 'Chứng thực', 'Certification', 'B', 3, 1, 999, 10, 25, 180, 2, true);

INSERT INTO public."Sites" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 'DEMO-BT', 'UBND phường Bến Thành (dữ liệu mẫu)', 'Số 1 đường Mẫu, phường Bến Thành, TP. Hồ Chí Minh (địa chỉ mẫu)', 'Asia/Ho_Chi_Minh', 'Mon-Fri 07:30-11:30,13:00-17:00; Sat 07:30-11:30', 0);

INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 1, '01a23ae6-5eaa-7eb7-ad4a-ff557b732cd3', NULL, NULL, 0, '2026-11-23 02:00:00+00', NULL);
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 2, '01a23ae6-5f30-765c-832c-53db0df750e2', NULL, NULL, 0, '2026-11-23 02:00:00+00', NULL);
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 3, '01a23ae6-5f4e-7672-a877-a44088b8a255', NULL, NULL, 0, '2026-11-23 02:00:00+00', NULL);
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 4, NULL, '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', 12, '2026-11-23 02:00:00+00', 'Open: officer signed in');
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 5, NULL, '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', 12, '2026-11-23 02:00:00+00', 'Open');
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 6, '01a23ae6-5f30-765c-832c-53db0df750e2', '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', 1, '2026-11-23 02:00:00+00', NULL);
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 7, '01a23ae6-5f30-765c-832c-53db0df750e2', '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', 3, '2026-11-23 02:00:00+00', NULL);
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 8, '01a23ae6-5f30-765c-832c-53db0df750e2', '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', 4, '2026-11-23 02:00:00+00', NULL);
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 9, '01a23ae6-5f30-765c-832c-53db0df750e2', '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', NULL, 9, '2026-11-23 02:00:00+00', '5');
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 10, '01a23ae6-5eaa-7eb7-ad4a-ff557b732cd3', '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', 1, '2026-11-23 02:00:00+00', NULL);
INSERT INTO public."TicketEvents" VALUES ('0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', 11, NULL, '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', '01a23ae6-4e68-76cd-87ab-9ea50540e7fb', 12, '2026-11-23 02:00:00+00', 'Paused: Nghỉ trưa');

INSERT INTO public."Tickets" VALUES ('01a23ae6-5f4e-7672-a877-a44088b8a255', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', '01a23ae6-4d7d-76e6-a9de-f7283c15bf7c', NULL, '2026-11-23', 1, 'B001', 0, 0, 0, NULL, NULL, '2026-11-23 02:00:00+00', 1795399200000, NULL, NULL, NULL, 0);
INSERT INTO public."Tickets" VALUES ('01a23ae6-5f30-765c-832c-53db0df750e2', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d7d-719c-8468-ae51465ba819', '01a23ae6-4d7d-719c-8468-ae51465ba819', NULL, '2026-11-23', 2, 'A002', 3, 1, 0, '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', NULL, '2026-11-23 02:00:00+00', 1795399200000, '2026-11-23 02:00:00+00', '2026-11-23 02:00:00+00', '2026-11-23 02:00:00+00', 0);
INSERT INTO public."Tickets" VALUES ('01a23ae6-5eaa-7eb7-ad4a-ff557b732cd3', '0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001', '01a23ae6-4d7d-719c-8468-ae51465ba819', '01a23ae6-4d7d-719c-8468-ae51465ba819', NULL, '2026-11-23', 1, 'A001', 1, 0, 0, '01a23ae6-4df2-7eea-b2dc-fd5bb3222250', NULL, '2026-11-23 02:00:00+00', 1795399200000, '2026-11-23 02:00:00+00', NULL, NULL, 0);

INSERT INTO public."__EFMigrationsHistory" VALUES ('20261122000000_Initial', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261122010000_Supervision', '10.0.14');
INSERT INTO public."__EFMigrationsHistory" VALUES ('20261122020000_LiveQueue', '10.0.14');

ALTER TABLE ONLY public."Alerts"
    ADD CONSTRAINT "PK_Alerts" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."CounterServices"
    ADD CONSTRAINT "PK_CounterServices" PRIMARY KEY ("CounterId", "ServiceId");

ALTER TABLE ONLY public."Counters"
    ADD CONSTRAINT "PK_Counters" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Devices"
    ADD CONSTRAINT "PK_Devices" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Dossiers"
    ADD CONSTRAINT "PK_Dossiers" PRIMARY KEY ("Code");

ALTER TABLE ONLY public."Fields"
    ADD CONSTRAINT "PK_Fields" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Officers"
    ADD CONSTRAINT "PK_Officers" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Procedures"
    ADD CONSTRAINT "PK_Procedures" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Ratings"
    ADD CONSTRAINT "PK_Ratings" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."RecordingViews"
    ADD CONSTRAINT "PK_RecordingViews" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Services"
    ADD CONSTRAINT "PK_Services" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."Sites"
    ADD CONSTRAINT "PK_Sites" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."TicketEvents"
    ADD CONSTRAINT "PK_TicketEvents" PRIMARY KEY ("SiteId", "Sequence");

ALTER TABLE ONLY public."Tickets"
    ADD CONSTRAINT "PK_Tickets" PRIMARY KEY ("Id");

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId");

CREATE UNIQUE INDEX "IX_Alerts_Open_Subject" ON public."Alerts" USING btree ("SiteId", "Kind", "SubjectKey") WHERE ("ClearedAt" IS NULL);

CREATE INDEX "IX_Alerts_SiteId_ClearedAt" ON public."Alerts" USING btree ("SiteId", "ClearedAt");

CREATE INDEX "IX_CounterServices_ServiceId" ON public."CounterServices" USING btree ("ServiceId");

CREATE UNIQUE INDEX "IX_Counters_SiteId_Number" ON public."Counters" USING btree ("SiteId", "Number");

CREATE UNIQUE INDEX "IX_Devices_KeyHash" ON public."Devices" USING btree ("KeyHash");

CREATE INDEX "IX_Devices_SiteId" ON public."Devices" USING btree ("SiteId");

CREATE UNIQUE INDEX "IX_Fields_SiteId_Code" ON public."Fields" USING btree ("SiteId", "Code");

CREATE INDEX "IX_Officers_SiteId" ON public."Officers" USING btree ("SiteId");

CREATE UNIQUE INDEX "IX_Officers_UserName" ON public."Officers" USING btree ("UserName");

CREATE INDEX "IX_Procedures_FieldId" ON public."Procedures" USING btree ("FieldId");

CREATE INDEX "IX_Procedures_ServiceId" ON public."Procedures" USING btree ("ServiceId");

CREATE UNIQUE INDEX "IX_Procedures_SiteId_Code" ON public."Procedures" USING btree ("SiteId", "Code");

CREATE INDEX "IX_Ratings_TicketId" ON public."Ratings" USING btree ("TicketId");

CREATE INDEX "IX_RecordingViews_ViewedAt" ON public."RecordingViews" USING btree ("ViewedAt");

CREATE UNIQUE INDEX "IX_Services_SiteId_Code" ON public."Services" USING btree ("SiteId", "Code");

CREATE UNIQUE INDEX "IX_Sites_Code" ON public."Sites" USING btree ("Code");

CREATE INDEX "IX_TicketEvents_TicketId" ON public."TicketEvents" USING btree ("TicketId");

CREATE INDEX "IX_Tickets_ServiceId" ON public."Tickets" USING btree ("ServiceId");

CREATE UNIQUE INDEX "IX_Tickets_SiteId_NumberServiceId_LocalDay_NumberValue" ON public."Tickets" USING btree ("SiteId", "NumberServiceId", "LocalDay", "NumberValue");

CREATE INDEX "IX_Tickets_SiteId_Status_ServiceId_IssuedMs" ON public."Tickets" USING btree ("SiteId", "Status", "ServiceId", "IssuedMs");

ALTER TABLE ONLY public."Alerts"
    ADD CONSTRAINT "FK_Alerts_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."CounterServices"
    ADD CONSTRAINT "FK_CounterServices_Counters_CounterId" FOREIGN KEY ("CounterId") REFERENCES public."Counters"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."CounterServices"
    ADD CONSTRAINT "FK_CounterServices_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES public."Services"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Counters"
    ADD CONSTRAINT "FK_Counters_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Devices"
    ADD CONSTRAINT "FK_Devices_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Fields"
    ADD CONSTRAINT "FK_Fields_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Officers"
    ADD CONSTRAINT "FK_Officers_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Procedures"
    ADD CONSTRAINT "FK_Procedures_Fields_FieldId" FOREIGN KEY ("FieldId") REFERENCES public."Fields"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Procedures"
    ADD CONSTRAINT "FK_Procedures_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES public."Services"("Id") ON DELETE SET NULL;

ALTER TABLE ONLY public."Procedures"
    ADD CONSTRAINT "FK_Procedures_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Services"
    ADD CONSTRAINT "FK_Services_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Tickets"
    ADD CONSTRAINT "FK_Tickets_Services_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES public."Services"("Id") ON DELETE CASCADE;

ALTER TABLE ONLY public."Tickets"
    ADD CONSTRAINT "FK_Tickets_Sites_SiteId" FOREIGN KEY ("SiteId") REFERENCES public."Sites"("Id") ON DELETE CASCADE;

