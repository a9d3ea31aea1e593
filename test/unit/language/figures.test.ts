import {
  askedFigure,
  askedSignerOf,
  endsYesOrNo,
  namedYears,
  namesDocument,
  namesYear,
  setsTarget,
  statesFigure,
} from '../../../src/language';

/** A duration asked as a number of days ("bao nhiêu ngày"), stated in units near a day's. */
const DAYS = { kind: 'duration', units: ['giờ', 'tiếng', 'ngày', 'tuần', 'tháng'] };
/** How often ("bao nhiêu ngày … một lần"). */
const OFTEN = { kind: 'duration', often: true };
/** A duration asked as a number of years ("mấy năm"). */
const YEARS = { kind: 'duration', units: ['tháng', 'quý', 'năm'] };
/** A number of people, by any of the nouns that count them ("người", "thí sinh", "đại biểu", …). */
const PEOPLE = {
  kind: 'quantity',
  units: expect.arrayContaining(['người', 'thí sinh', 'đại biểu']),
};
/** The same, as asked: what a text is checked against. */
const PEOPLE_ASKED = askedFigure('Có bao nhiêu người?')!;

describe('askedFigure', () => {
  it.each([
    ['Chứng thư chữ ký số công vụ có hiệu lực tối đa bao lâu?', { kind: 'duration' }],
    ['chung thu chu ky so cong cong co thoi han toi da may nam', YEARS],
    ['Tạm dừng dịch vụ thì phải báo trước bao nhiêu ngày?', DAYS],
    // How often: "hằng năm", "định kỳ" answer it, "ngay" (at once) does not.
    ['Mật khẩu phải đổi định kỳ mấy tháng một lần?', OFTEN],
    ['mat khau doi may ngay 1 lan', OFTEN],
    ['Bao nhiêu năm thì đánh giá lại một lần?', OFTEN],
    ['Vượt đèn đỏ bị phạt bao nhiêu tiền?', { kind: 'money' }],
    ['Lệ phí làm lại thẻ căn cước là bao nhiêu?', { kind: 'money' }],
    ['mua ban du lieu ca nhan bi phat bao nhieu', { kind: 'money' }],
    ['Cán bộ xã được hưởng phụ cấp kiêm nhiệm bao nhiêu?', { kind: 'money' }],
    ['Kinh tế số phải chiếm bao nhiêu phần trăm GDP?', { kind: 'percent' }],
    ['NQ 02 đặt chỉ tiêu xử lý trên mạng bn %', { kind: 'percent' }],
    ['Luật Lưu trữ có hiệu lực từ ngày nào?', { kind: 'date' }],
    ['so van ban bat dau lai tu so 01 vao ngay nao', { kind: 'date' }],
    ['Số văn bản được đánh lại vào thời điểm nào?', { kind: 'date' }],
    ['Cần Thơ xếp hạng DTI năm 2025 thứ mấy?', { kind: 'rank' }],
    ['Kỳ thi năm 2024 có bao nhiêu người dự thi?', PEOPLE],
    ['Luật được bao nhiêu đại biểu tán thành?', PEOPLE],
    // Things counted need a number of them; "tổ" is not "địa phương".
    ['TP Cần Thơ có bao nhiêu Tổ công nghệ số cộng đồng?', { kind: 'quantity', units: ['tổ'] }],
    ['co bao nhieu co quan cong bo ISO', { kind: 'quantity', units: ['cơ quan', 'đơn vị'] }],
    ['Cần Thơ có mấy xã?', { kind: 'quantity', units: ['xã', 'phường'] }],
    // Documents state a legal text's size.
    ['Luật Dữ liệu gồm bao nhiêu chương, bao nhiêu điều?', { kind: 'quantity', units: ['chương'] }],
    ['Tỷ lệ sử dụng dịch vụ công trực tuyến năm 2030 là bao nhiêu?', { kind: 'quantity' }],
    ['Tệp đính kèm tối đa bao nhiêu MB?', { kind: 'quantity', units: ['kb', 'mb', 'gb', 'tb'] }],
    [
      'le trai van ban bao nhieu mm',
      { kind: 'quantity', units: ['mm', 'cm', 'mét', 'mi-li-mét', 'inch'] },
    ],
    ['Đóng dấu giáp lai tối đa mấy tờ vậy', { kind: 'quantity', units: ['tờ', 'trang'] }],
    ['Đánh giá xếp loại công chức cuối năm theo văn bản nào?', { kind: 'document' }],
    ['Nghị định nào quy định chi tiết Luật Bảo vệ dữ liệu cá nhân?', { kind: 'document' }],
    ['vậy phần chữ ký số công vụ giờ theo văn bản nào?', { kind: 'document' }],
    ['Luật Chuyển đổi số 2025 thay thế luật nào?', { kind: 'document' }],
    ['Năm 2024 Cần Thơ xếp hạng bao nhiêu về chỉ số DTI?', { kind: 'rank' }],
    ['Việt Nam đứng thứ bao nhiêu về EGDI?', { kind: 'rank' }],
    ['token ky so nhap sai ma PIN bao nhieu lan thi bi khoa', { kind: 'quantity', units: ['lần'] }],
    // Who signed a document named by its number (the number, as typed before its slash or after
    // its kind), by its kind alone, or by a law's name.
    ['Nghị định 68/2024/NĐ-CP do ai ký ban hành?', { kind: 'signer', subject: '68' }],
    ['nđ 224/2026 ai ký ban hành vậy ạ', { kind: 'signer', subject: '224' }],
    [
      'Kế hoạch 46/KH-UBND triển khai Nghị quyết 57-NQ/TW do ai ký?',
      { kind: 'signer', subject: '46' },
    ],
    ['QĐ 942 chiến lược CPĐT ai ký vậy', { kind: 'signer', subject: '942' }],
    ['ke hoach chuyen doi so nam 2026 cua tinh vinh long do ai ky', { kind: 'signer' }],
    ['Ai là người ký ban hành Luật Dữ liệu?', { kind: 'signer' }],
    // A penalty, asked with or without marks; its amount is money.
    ['Thủ trưởng không ban hành quy chế thì bị xử phạt như thế nào?', { kind: 'sanction' }],
    ['Cán bộ để mất token thì có bị kỷ luật không?', { kind: 'sanction' }],
    ['mat token thi bi phat khong', { kind: 'sanction' }],
    ['Cá nhân vi phạm thì bị phạt ngang tổ chức hay nhẹ hơn?', { kind: 'sanction' }],
    ['Người đứng đầu chưa ban hành quy chế thì bị xử lý thế nào?', { kind: 'sanction' }],
    ['lam lo mat khau cong vu co bi xu ly khong', { kind: 'sanction' }],
    ['Văn thư phát hành chậm thì bị xử lý trách nhiệm như thế nào?', { kind: 'sanction' }],
    // A telephone number, not any number.
    [
      'So dien thoai tong dai ho tro cua Trung tam Phuc vu hanh chinh cong la bao nhieu?',
      { kind: 'phone' },
    ],
    ['có bà con hỏi e sđt tổng đài hỗ trợ VNeID của Bộ Công an, số nào vậy ạ', { kind: 'phone' }],
    ['có bà con hỏi e sđt tổng đài hỗ trợ VNeID, số đó là bn vậy ạ?', { kind: 'phone' }],
    ['Đường dây nóng báo lừa đảo là gì?', { kind: 'phone' }],
    // A person: who holds an office now (and which), or who won.
    [
      'Hiện nay ai là Trưởng Ban Chỉ đạo chuyển đổi số của thành phố Cần Thơ?',
      { kind: 'person', office: 'truong ban' },
    ],
    [
      'Truong Ban Chi dao chuyen doi so TP Can Tho hien nay la ai?',
      { kind: 'person', office: 'truong ban' },
    ],
    ['Ai đang giữ chức Phó Chủ tịch UBND thành phố?', { kind: 'person', office: 'pho chu tich' }],
    ['giám đốc Sở KHCN hiện giờ là ai vậy mn?', { kind: 'person', office: 'giam doc' }],
    ['Ai là chủ tịch UBND TP Cần Thơ?', { kind: 'person', office: 'chu tich' }],
    ['ai la giam doc so khcn', { kind: 'person', office: 'giam doc' }],
    ['Ai đạt điểm cao nhất kỳ thi năng lực CĐS 2023 vậy mn?', { kind: 'person' }],
    ['Kỳ thi năm 2025 ai đạt giải nhất?', { kind: 'person' }],
    // Who, then where that person works: the person is asked first.
    [
      'Ai là người đạt điểm cao nhất hội thi năng lực số năm 2024, người đó công tác ở đơn vị nào?',
      { kind: 'person' },
    ],
    // Particles may close "… bao nhiêu"; a prize is money; a line's speed is in its units.
    ['Lệ phí cấp đổi CCCD hiện nay bao nhiêu vậy ạ?', { kind: 'money' }],
    ['Cuộc thi năm 2024 giải nhất được thưởng bao nhiêu ạ?', { kind: 'money' }],
    [
      'Thông tư 116/2015/TT-BTC quy định mức chi cho việc áp dụng ISO là bao nhiêu?',
      { kind: 'money' },
    ],
    [
      'Đường truyền tối thiểu bao nhiêu Mbps mới ổn ạ?',
      { kind: 'quantity', units: ['kbps', 'mbps', 'gbps'] },
    ],
    // What was achieved, not what was planned.
    [
      'Năm 2025 tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình của TP Cần Thơ đạt bao nhiêu phần trăm?',
      { kind: 'percent', achieved: true },
    ],
    [
      'tỉ lệ hs TTHC giải quyết đúng hạn năm 2025 đc bn % vậy ạ',
      { kind: 'percent', achieved: true },
    ],
    [
      'Năm 2025 kinh tế số thực tế chiếm bao nhiêu phần trăm GRDP?',
      { kind: 'percent', achieved: true },
    ],
    [
      'Kế hoạch đặt mục tiêu tỷ lệ hồ sơ trực tuyến toàn trình đạt bao nhiêu %?',
      { kind: 'percent' },
    ],
    ['Kinh tế số chiếm bao nhiêu phần trăm GRDP?', { kind: 'percent' }],
    // Which business makes or supplies something ("hãng" only with its marks).
    ['Phần mềm quản lý văn bản của TP Cần Thơ do doanh nghiệp nào xây dựng?', { kind: 'company' }],
    ['cty nao cung cap phan mem mot cua vay', { kind: 'company' }],
    ['Chữ ký số công cộng mua của hãng nào?', { kind: 'company' }],
    ['Nên mua hãng máy nào?', { kind: 'company' }],
    // An address: of a building or of a website.
    [
      'Trung tâm Phục vụ hành chính công TP Cần Thơ hiện đặt trụ sở ở địa chỉ nào?',
      { kind: 'address' },
    ],
    [
      'Người dân hỏi địa chỉ trang web của Cổng dịch vụ công thành phố. Địa chỉ đó là gì?',
      { kind: 'address' },
    ],
    ['dia chi website cong dich vu cong quoc gia la gi', { kind: 'address' }],
    ['dia chi trang dich vu cong rieng cua tp can tho go la gi vay', { kind: 'address' }],
    ['Trung tâm Phục vụ hành chính công thành phố nằm ở đường nào?', { kind: 'address' }],
    // A form to fill in.
    ['Đơn đề nghị cấp chứng thư chữ ký số dùng mẫu số mấy, tải ở đâu ạ?', { kind: 'form' }],
    ['Người dân muốn từ chối thì đăng ký ở đâu, theo mẫu nào?', { kind: 'form' }],
    ['don de nghi lam theo mau so may vay', { kind: 'form' }],
    // Which agency does something, and what.
    [
      'Danh mục dữ liệu cốt lõi theo Luật Dữ liệu 2024 do cơ quan nào ban hành?',
      { kind: 'agency', action: 'ban hanh' },
    ],
    [
      'Hệ thống cấp độ 3 thì đơn vị nào thẩm định hồ sơ đề xuất cấp độ?',
      { kind: 'agency', action: 'tham dinh' },
    ],
    [
      'cơ quan nào có thẩm quyền quyết định tổ chức Trung tâm Phục vụ hành chính công?',
      { kind: 'agency', action: 'quyet dinh' },
    ],
    ['gửi thông báo cho sở nào làm đầu mối?', { kind: 'agency', action: 'dau moi' }],
    // The unit that appraises, not who signs to approve (a role, not a signer).
    [
      'Theo Nghị định 85/2016, đơn vị nào thẩm định và ai ký phê duyệt hồ sơ đề xuất cấp độ?',
      { kind: 'agency', action: 'tham dinh' },
    ],
    ['VNeID là ứng dụng của cơ quan nào?', { kind: 'agency' }],
    // How far: a distance, in its units.
    [
      'Bản sao lưu dự phòng đặt cách trung tâm chính bao xa?',
      { kind: 'quantity', units: ['km', 'mét', 'm'] },
    ],
    // Where to click in a program.
    [
      'Trên phần mềm QLVB muốn thu hồi VB lỡ phát hành nhầm thì bấm vào menu nào ạ?',
      { kind: 'menu' },
    ],
    ['hop bang Zoom thi bat phong cho o menu nao vay a', { kind: 'menu' }],
    ['zalo bật xác thực 2 lớp ở mục nào trong cài đặt vậy mn', { kind: 'menu' }],
    ['chia sẻ thư mục cho đồng nghiệp chỉ đc xem thì bấm vào đâu ạ', { kind: 'menu' }],
    // "sao lưu" asks nothing: "mấy lần" still counts.
    [
      'Phần mềm được sao lưu trên máy chủ mấy lần một ngày, bản sao lưu giữ bao nhiêu ngày?',
      { kind: 'quantity', units: ['lần'] },
    ],
    // "mấy" counts even when the question ends with a particle.
    ['token sai mấy lần thì khóa hả', { kind: 'quantity', units: ['lần'] }],
  ])('reads %p as asking for %p', (question, expected) => {
    expect(askedFigure(question)).toEqual(expected);
  });

  it.each([
    // Counts of kinds of things: documents list them without the number.
    'Chữ ký điện tử chia làm mấy loại?',
    'Áp dụng ISO 9001 gồm mấy bước?',
    'Có tất cả bao nhiêu loại văn bản hành chính?',
    'Hệ thống thuộc cấp độ mấy?',
    // "khi nào" asks for a condition as often as a date; "vị trí nào" for a place on the page.
    'Văn bản điện tử khi nào có giá trị như bản gốc?',
    'Hình con dấu được đặt ở vị trí nào so với chữ ký?',
    // "máy", "may tinh", "loại máy", and "bn" as "bạn".
    'Máy in bị kẹt giấy thì làm sao?',
    'may tinh bi cham thi lam sao',
    // "may tinh" is "máy tính", not "mấy tỉnh".
    'may tinh bi man hinh xanh roi tu khoi dong lai thi xu ly the nao',
    'Nên mua loại máy nào?',
    // "mấy" in a sentence of the story, before the question: "some".
    'Chiều nay chị chủ trì họp trực tuyến với mấy phường. Làm sao để người lạ không lọt vào phòng họp?',
    // A colour, not a form.
    'Máy in màu nào in nhanh hơn?',
    // A field of an e-mail; a definition.
    'Gửi thư cho nhiều người thì để địa chỉ ở ô nào?',
    'Địa chỉ IP là gì?',
    // Kinds of agencies, listed; a contest's choice among the answers given.
    'Những cơ quan nào bắt buộc phải áp dụng hệ thống quản lý chất lượng ISO?',
    'Việc áp dụng HTQLCL là bắt buộc đối với cơ quan nào sau đây?',
    'cảm ơn bn.',
    'Chữ ký số có giá trị như chữ ký tay không?',
    // Which kind of document is signed, not which document rules it.
    'Văn thư được ký số của cơ quan vào văn bản nào?',
    // Who signs is a role when no document is named, or when it is "ký số", "ký thay".
    'Văn bản đi do ai ký?',
    'Kế hoạch này ai ký số, ai ký thay khi lãnh đạo vắng?',
    'Tệp đó có phải ký số riêng không, ai ký và chữ ký đặt ở chỗ nào?',
    // "phat" without marks is "phát" unless a penalty's word is next to it.
    'van ban phat hanh cham thi sao',
    'Phát hiện mã độc thì làm gì?',
    // A file is "được xử lý": how it is handled, not a penalty.
    'Hồ sơ trễ hạn được xử lý thế nào?',
    'Văn bản đến sau giờ làm việc xử lý ra sao?',
    // How a phone number is used is not the number.
    'Tài khoản mạng xã hội phải xác thực bằng số điện thoại như thế nào?',
    // "pin bao nhiêu" is no rank.
    'may tinh xach tay pin bao nhieu thi nen sac',
    // "muc nao" is as often "mức nào"; "ô nào" of a form is answered by its field; "bấm gì cũng
    // không" asks nothing.
    'he thong dat muc nao thi duoc coi la an toan',
    'Gửi email cho nhiều người không quen biết nhau thì nên để địa chỉ ở ô nào?',
    'Máy tính của tôi treo cứng, bấm gì cũng không phản hồi, làm sao?',
    // Who does something by role is answered by the role, not a name.
    'Ai chịu trách nhiệm quản lý thiết bị ký số của cơ quan?',
    'Chủ quản hệ thống thông tin là ai?',
    'Ai giữ token ký số của cơ quan?',
    'Hồ sơ bị trễ hạn thì ai phải xin lỗi người dân?',
    // "mấy" is "some" when its clause asks something else; "may co quan" is "máy cơ quan".
    'gửi mail cho mấy đơn vị bên ngoài ko quen biết nhau thì để CC hay BCC ạ?',
    'mấy hôm nay máy chậm, làm sao?',
    'nhat dc cai usb ngoai hanh lang, cam vao may co quan xem cua ai dc ko',
    '',
  ])('reads %p as asking for no figure', (question) => {
    expect(askedFigure(question)).toBeUndefined();
  });
});

describe('namedYears', () => {
  it.each([
    ['Năm 2023, TP Cần Thơ xếp hạng thứ mấy về DTI?', ['2023']],
    ['ky thi nam 2025 co bao nhieu thi sinh', ['2025']],
    ['Mục tiêu năm 2025 và năm 2030 là bao nhiêu?', ['2025', '2030']],
    // A law's year is part of its name; a số hiệu's and a date's are no year asked about.
    ['Luật Lưu trữ 2024 quy định thời hạn bao lâu?', []],
    ['Theo Nghị định 68/2024/NĐ-CP, chứng thư có hạn bao lâu?', []],
    ['Từ ngày 01/7/2025 thì phí là bao nhiêu?', []],
    ['Tiêu chuẩn ISO 9001:2015 gồm mấy điều khoản?', []],
  ])('reads %p as asking for the years %p', (question, years) => {
    expect(namedYears(question)).toEqual(years);
  });

  it('tells a text that names a year, alone or in a date, from one with other digits', () => {
    expect(namesYear('Kỳ thi năm 2023 có 565 thí sinh.', '2023')).toBe(true);
    expect(namesYear('Kỳ thi ngày 24/6/2023.', '2023')).toBe(true);
    expect(namesYear('Giai đoạn 2028–2030.', '2030')).toBe(true);
    expect(namesYear('Có 120235 hồ sơ.', '2023')).toBe(false);
    expect(namesYear('Năm 2022 xếp hạng 5/63.', '2023')).toBe(false);
  });
});

describe('statesFigure', () => {
  it.each([
    ['Chứng thư có thời hạn hiệu lực tối đa 5 năm (khoản 2 Điều 9).', { kind: 'duration' }],
    ['Văn bản phải được phát hành trong ngày ký.', { kind: 'duration' }],
    ['Đánh giá nội bộ ít nhất mỗi năm một lần.', { kind: 'duration' }],
    ['Bản ghi được lưu giữ tối thiểu 90 ngày.', DAYS],
    ['Chứng thư được gia hạn thêm 18 tháng.', YEARS],
    ['Mật khẩu được đổi hằng quý.', OFTEN],
    ['Hệ thống được đánh giá lại 2 năm một lần.', OFTEN],
    ['Văn bản phải được phát hành trong ngày ký.', DAYS],
    ['Sự cố phải được báo cáo ngay cho cơ quan chủ quản.', DAYS],
    ['Phạt tối đa 10 lần khoản thu có được.', { kind: 'money' }],
    ['Các vi phạm khác bị phạt tối đa 3 tỷ đồng.', { kind: 'money' }],
    ['Bị phạt tối đa 5% doanh thu của năm liền trước.', { kind: 'money' }],
    ['Mức phạt đối với cá nhân bằng một nửa mức phạt đối với tổ chức.', { kind: 'money' }],
    ['Tái phạm thì bị phạt gấp đôi mức phạt lần đầu.', { kind: 'money' }],
    ['Kinh tế số chiếm 30% GDP.', { kind: 'percent' }],
    ['Luật có hiệu lực từ ngày 01/7/2024.', { kind: 'date' }],
    ['Số được đánh từ 01 vào ngày 01 tháng 01 hằng năm.', { kind: 'date' }],
    ['Thành phố thuộc nhóm 10 địa phương dẫn đầu.', { kind: 'rank' }],
    ['Cần Thơ xếp hạng 5/63 tỉnh, thành phố năm 2022.', { kind: 'rank' }],
    ['Luật gồm 9 chương, 92 điều.', { kind: 'quantity', units: ['điều'] }],
    [
      'Luật gồm 5 chương, 46 điều, có hiệu lực từ ngày 01/7/2025.',
      { kind: 'quantity', units: ['chương'] },
    ],
    ['Kỳ thi năm 2024 có 376 thí sinh.', { kind: 'quantity' }],
    ['Kỳ thi năm 2024 có 376 thí sinh.', PEOPLE_ASKED],
    ['Luật được 434/443 đại biểu tán thành.', PEOPLE_ASKED],
    ['Mật khẩu nên dài từ mười hai ký tự trở lên.', { kind: 'quantity' }],
    ['Dung lượng tối đa 25 MB mỗi thư.', { kind: 'quantity', units: ['kb', 'mb', 'gb', 'tb'] }],
    ['Nghị định 68/2024/NĐ-CP quy định về chữ ký số chuyên dùng công vụ.', { kind: 'document' }],
    ['Theo Luật Giao dịch điện tử, chữ ký số có giá trị như chữ ký tay.', { kind: 'document' }],
    ['Nhập sai mã PIN 5 lần thì token bị khóa.', { kind: 'quantity', units: ['lần'] }],
    [
      'Trung tâm dự phòng đặt cách trung tâm chính ít nhất 30 km.',
      { kind: 'quantity', units: ['km', 'mét', 'm'] },
    ],
    ['Quyết định 2256/QĐ-UBND (do ông Trần Việt Trường ký) phê duyệt Đề án.', { kind: 'signer' }],
    [
      'Luật được thông qua ngày 21/6/2024, người ký là Thủ tướng Nguyễn Xuân Phúc.',
      { kind: 'signer' },
    ],
    ['Chủ tịch Quốc hội Trần Thanh Mẫn ký ban hành.', { kind: 'signer' }],
    ['Mức phạt đối với cá nhân bằng một nửa mức phạt đối với tổ chức.', { kind: 'sanction' }],
    ['Người vi phạm bị xử lý kỷ luật hoặc truy cứu trách nhiệm hình sự.', { kind: 'sanction' }],
    ['Điện thoại: 0292 3820 000.', { kind: 'phone' }],
    ['Gọi tổng đài 1900 6060 của ngân hàng.', { kind: 'phone' }],
    ['Khi khẩn cấp, gọi 113.', { kind: 'phone' }],
    [
      'Trưởng Ban Chỉ đạo là ông Nguyễn Văn A, Chủ tịch UBND.',
      { kind: 'person', office: 'truong ban' },
    ],
    ['Giải nhất thuộc về bà Lê Thị Hoa.', { kind: 'person' }],
    ['Khi kết thúc, chọn chức năng kết thúc cuộc họp cho tất cả.', { kind: 'menu' }],
    ['Vào mục "Cài đặt" rồi bật xác thực hai yếu tố.', { kind: 'menu' }],
    ['Chọn Tệp → Lưu dưới dạng PDF.', { kind: 'menu' }],
    ['Quyết định do Chủ tịch UBND thành phố Trần Việt Trường ký.', { kind: 'person' }],
    ['Chủ tịch UBND thành phố là ông Trần Văn A.', { kind: 'person', office: 'chu tich' }],
    ['Phần mềm do Công ty cổ phần ABC xây dựng.', { kind: 'company' }],
    ['Người dân nộp hồ sơ trực tuyến tại dichvucong.gov.vn.', { kind: 'address' }],
    ['Đơn làm theo Mẫu số 01 ban hành kèm theo Nghị định.', { kind: 'form' }],
    ['Hồ sơ lập theo mẫu tại Phụ lục II.', { kind: 'form' }],
    ['Trung tâm đặt tại số 2 đường Hòa Bình, phường Ninh Kiều.', { kind: 'address' }],
    [
      'Hệ thống cấp độ 3 do đơn vị chuyên trách đó thẩm định.',
      { kind: 'agency', action: 'tham dinh' },
    ],
    [
      'BKHCN ban hành mô hình khung cho các cơ quan ở địa phương.',
      { kind: 'agency', action: 'ban hanh' },
    ],
    ['Hệ thống do Tập đoàn Bưu chính Viễn thông Việt Nam cung cấp.', { kind: 'company' }],
  ])('finds a figure in %p for %p', (text, figure) => {
    expect(statesFigure(text, figure as never)).toBe(true);
  });

  it.each([
    ['Luật An ninh mạng 2025 quy định về an ninh mạng (Điều 1).', { kind: 'money' }],
    ['Một nửa số cán bộ đã được tập huấn về chữ ký số.', { kind: 'money' }],
    ['Thông tin chung về Nghị định 30/2020/NĐ-CP, theo khoản 2 Điều 9.', { kind: 'quantity' }],
    ['Luật này áp dụng từ năm 2025 cho mọi cơ quan.', { kind: 'quantity' }],
    ['Chứng thư có thời hạn hiệu lực tối đa 5 năm.', { kind: 'quantity', units: ['kb', 'mb'] }],
    ['Không mở tệp đính kèm từ người gửi lạ.', { kind: 'duration' }],
    // How often is not how many days: "lưu giữ bao nhiêu ngày?" is not answered by these.
    ['Thành phố ban hành các kế hoạch hằng năm.', DAYS],
    ['Thành phố thuộc nhóm 10 địa phương dẫn đầu.', { kind: 'quantity', units: ['tổ'] }],
    ['Điều 9 quy định thời hạn của chứng thư.', { kind: 'quantity', units: ['điều'] }],
    [
      'Sao lưu theo quy tắc 3-2-1: 3 bản, 1 bản tách rời.',
      { kind: 'quantity', units: ['km', 'mét', 'm'] },
    ],
    ['Kế hoạch 241 đặt mục tiêu 20% GRDP.', PEOPLE_ASKED],
    ['Hệ thống được kiểm tra định kỳ.', DAYS],
    ['Chứng thư hết hạn vào năm 2030.', DAYS],
    // A length in years does not answer "bao nhiêu ngày", nor one in days "mấy năm".
    ['Chứng thư có thời hạn hiệu lực tối đa 5 năm.', DAYS],
    ['Văn bản phải được đăng ký trong 3 ngày.', YEARS],
    // "ngay" (at once) and "trong ngày" say how soon, not how often.
    ['Sau khi được cấp mật khẩu tạm, đổi ngay sang mật khẩu mạnh.', OFTEN],
    ['Văn bản được đăng ký trong ngày.', OFTEN],
    ['Kết quả thi được tính vào chỉ số cải cách hành chính.', { kind: 'rank' }],
    // A clause referred to, or "một điều riêng" (an article on something), is no law's size.
    ['Bị bãi bỏ bởi khoản 3 Điều 89 Nghị định 224/2026.', { kind: 'quantity', units: ['điều'] }],
    ['Luật có một điều riêng về các hành vi bị nghiêm cấm.', { kind: 'quantity', units: ['điều'] }],
    // A form spoken of is not its number.
    ['Cơ quan tiếp nhận đơn đề nghị của người dân.', { kind: 'form' }],
    // A place named is not an address.
    [
      'Trung tâm Phục vụ hành chính công thành phố tiếp nhận hồ sơ của mọi phường.',
      { kind: 'address' },
    ],
    // An agency doing something else than what is asked.
    [
      'Cơ quan nhà nước phân loại dữ liệu thành dữ liệu cốt lõi, quan trọng và khác.',
      { kind: 'agency', action: 'ban hanh' },
    ],
    // The agency that uses a system is not the business that built it.
    ['Phần mềm do Văn phòng UBND thành phố quản lý, vận hành.', { kind: 'company' }],
    ['Doanh nghiệp chỉ phải cung cấp thông tin một lần.', { kind: 'company' }],
    ['Phạt gấp 2 lần nếu tái phạm.', { kind: 'money' }],
    ['Hình con dấu in đúng tỷ lệ 100% kích thước.', { kind: 'money' }],
    ['Kết quả thi được tính vào chỉ số cải cách hành chính của cơ quan.', { kind: 'document' }],
    [
      'Token bị khóa khi nhập sai mã PIN; mã PIN gồm 6 chữ số.',
      { kind: 'quantity', units: ['lần'] },
    ],
    // The day it was signed, and who signs as a role, name no signer.
    ['Nghị định ký ngày 24/6/2026, có hiệu lực từ ngày 01/7/2026.', { kind: 'signer' }],
    ['Phó Chủ tịch UBND xã ký thay Chủ tịch.', { kind: 'signer' }],
    ['Văn thư ký số của cơ quan vào văn bản đã được người có thẩm quyền ký.', { kind: 'signer' }],
    // Numbers that are no telephone: a count, a số hiệu, a password.
    ['Luật gồm 9 chương, 92 điều; số hiệu 30/2020/NĐ-CP.', { kind: 'phone' }],
    ['Không đặt mật khẩu dễ đoán như số điện thoại, "123456".', { kind: 'phone' }],
    // "số" before a year or a count.
    ['Kế hoạch thực hiện Nghị quyết số 2025 của Chính phủ.', { kind: 'phone' }],
    ['Hệ thống phục vụ số 120 đơn vị hành chính.', { kind: 'phone' }],
    // A duty is no penalty; "phát hành" is no "phạt".
    ['Người đứng đầu phải ban hành quy chế nội bộ và báo cáo hằng năm.', { kind: 'sanction' }],
    ['Văn bản được phát hành trong ngày.', { kind: 'sanction' }],
    // A name beside another office, a city named after a person, a role: no holder of the office.
    [
      'Công văn do Chủ tịch UBND thành phố Trần Việt Trường ký.',
      { kind: 'person', office: 'truong ban' },
    ],
    ['Thí sinh ở TP Hồ Chí Minh và Bà Rịa – Vũng Tàu dự thi.', { kind: 'person' }],
    ['Trưởng Ban Chỉ đạo cấp xã là Chủ tịch UBND xã.', { kind: 'person', office: 'truong ban' }],
    // Who signed as the holder of the office once, not who holds it.
    [
      'Công văn 3400/UBND-KGVX (do Chủ tịch UBND thành phố Trần Việt Trường ký) hướng dẫn triển khai.',
      { kind: 'person', office: 'chu tich' },
    ],
    ['Người ký là ông Vương Đình Huệ, Chủ tịch Quốc hội.', { kind: 'person', office: 'chu tich' }],
    // What to do, with no item of a program named.
    ['Văn thư thu hồi văn bản phát hành nhầm và thông báo cho nơi nhận.', { kind: 'menu' }],
  ])('finds no figure in %p for %p', (text, figure) => {
    expect(statesFigure(text, figure as never)).toBe(false);
  });
});

describe('namesDocument', () => {
  it.each([
    ['Kế hoạch 46/KH-UBND ngày 25/8/2025 triển khai Nghị quyết 57-NQ/TW.', '46', true],
    ['Nghị quyết 57-NQ/TW do Tổng Bí thư Tô Lâm ký.', '57', true],
    ['Theo QĐ số 942, Chính phủ điện tử …', '942', true],
    ['Nghị quyết 57-NQ/TW do Tổng Bí thư Tô Lâm ký.', '46', false],
    // A share, a part of another number, a date: not the document.
    ['Tỷ lệ đạt 46% năm 2025.', '46', false],
    ['Quyết định 1946/QĐ-TTg.', '46', false],
    ['Ngày 12/46 không có.', '46', false],
  ])('in %p, finds the document numbered %p: %p', (text, subject, expected) => {
    expect(namesDocument(text, subject)).toBe(expected);
  });
});

describe('setsTarget', () => {
  it.each([
    'Kế hoạch 241 đặt mục tiêu đến năm 2025: kinh tế số chiếm 20% GRDP.',
    'Giai đoạn 2028–2030, mục tiêu là mức độ hài lòng đạt 99%.',
    'Phấn đấu 100% hồ sơ được số hóa.',
    'Đến năm 2030, 100% hồ sơ được số hóa.',
  ])('reads %p as a target', (sentence) => {
    expect(setsTarget(sentence)).toBe(true);
  });

  it.each(['Năm 2024 có 376 thí sinh dự thi.', 'Tỷ lệ hồ sơ trực tuyến năm 2024 đạt 45%.'])(
    'reads %p as what is stated, not a target',
    (sentence) => {
      expect(setsTarget(sentence)).toBe(false);
    },
  );
});

describe('endsYesOrNo', () => {
  it.each([
    [['có', 'được', 'không'], true],
    [['co', 'duoc', 'ko', 'vay'], true],
    [['có', 'được', 'hông', 'ạ'], true],
    [['cái', 'nào', 'an', 'toàn', 'hơn'], false],
    [['do', 'vnpt', 'hay', 'viettel', 'cung', 'cấp'], false],
    [[], false],
  ])('reads %p as a yes-or-no question: %p', (typed, asks) => {
    expect(endsYesOrNo(typed)).toBe(asks);
  });
});

describe('askedSignerOf', () => {
  it('asks who signed the document the question before named', () => {
    expect(askedSignerOf('ai ký?', 'Nghị định 30/2020 có hiệu lực từ ngày nào?')).toEqual({
      kind: 'signer',
      subject: '30',
    });
    expect(askedSignerOf('người ký là ai vậy?', 'Kế hoạch 46/KH-UBND về gì?')).toMatchObject({
      kind: 'signer',
    });
  });

  it('asks nothing when the question before named no document, or this one is no such question', () => {
    expect(askedSignerOf('ai ký?', 'Chữ ký số có giá trị pháp lý không?')).toBeUndefined();
    expect(askedSignerOf('có hiệu lực khi nào?', 'Nghị định 30/2020 nói gì?')).toBeUndefined();
  });
});
