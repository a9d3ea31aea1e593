import { foldDiacritics, incidentalWords, VietnameseAnalyzer } from '../../../src/language';

const analyzer = new VietnameseAnalyzer();

/** The words `incidentalWords` marks in `question`, as typed. */
function marked(question: string): string[] {
  const typed = analyzer.syllables(question);
  const marks = incidentalWords(typed, typed.map(foldDiacritics));
  return typed.filter((_, i) => marks[i]);
}

describe('incidentalWords', () => {
  it.each([
    // Someone's office in the story.
    ['chỉ có chữ ký số của phó giám đốc sở thì có giá trị không', ['phó', 'giám', 'đốc']],
    ['trưởng phòng ký thay được không', ['trưởng', 'phòng']],
    // An amount's order of magnitude, after a number or a count.
    ['gửi thư cho mấy chục doanh nghiệp', ['chục']],
    ['nhờ chuyển gấp 5 triệu', ['triệu']],
    ['hàng trăm hồ sơ', ['trăm']],
    ['muon chuyen 20 trieu', ['trieu']],
    // An intensifier after its adjective, once or twice; with or without marks.
    ['có tài khoản lạ hoắc vào phòng', ['hoắc']],
    ['máy chậm rì rì', ['rì', 'rì']],
    ['may cham ri', ['ri']],
    ['file bị đổi đuôi hết trơn', ['trơn']],
    // When the story happened, said first.
    ['Chiều thứ sáu gần 5 giờ xã mới nhận công văn điện tử của Sở', ['chiều', 'thứ', 'sáu']],
    ['Chiều nay chị chủ trì họp trực tuyến với mấy phường', ['chiều', 'nay']],
    ['hom qua em lo bam vao link la trong email', ['hom', 'qua']],
    // A clock time's part of the day and day, as the story goes on after it.
    [
      'Giám đốc ký công văn lúc 4 giờ chiều thứ Sáu, bên văn thư chúng tôi chậm nhất khi nào phải gửi đi',
      ['giám', 'đốc', 'giờ', 'chiều', 'thứ', 'sáu'],
    ],
    ['4h45 chiều mới nhận đc công văn hỏa tốc, để sáng mai vào sổ đăng ký', ['giờ', '45', 'chiều']],
    ['16 gio chieu nay em moi nhan duoc cong van khan cua so', ['gio', 'chieu', 'nay']],
    ['mở mấy file word cũ ra thì chữ lỗi dấu loạn xạ hết', ['xạ']],
    // A classifier before its noun; everyday phrases that name no topic.
    ['Tấm hình chụp thẻ căn cước có bị xem là dữ liệu nhạy cảm không', ['tấm']],
    ['Luật An ninh mạng có áp dụng với người nước ngoài sinh sống ở Việt Nam', ['sinh', 'sống']],
    ['bà con lớn tuổi nhờ mình gõ giùm mật khẩu', ['bà', 'con', 'lớn', 'tuổi']],
    ['có chứng tỏ họ là cán bộ thật không', ['chứng', 'tỏ']],
    ['Thói quen lướt mạng có bị xếp vào dữ liệu nhạy cảm không', ['lướt', 'mạng']],
    ['Văn bản nào quy định chuyện đó?', ['chuyện', 'đó']],
    ['KH CĐS năm 2026 của TP mình là kế hoạch số mấy, ai ký vây', ['vây']],
    // "đem" before what is done with the thing.
    ['Đem bán thông tin cá nhân của người dân thì bị phạt bao nhiêu', ['đem']],
  ])('marks what %p says of the case', (question, words) => {
    expect(marked(question)).toEqual(words);
  });

  it.each([
    // Who holds the office is asked.
    'Ai là giám đốc sở KHCN?',
    'giám đốc sở hiện nay là ai',
    // A rate, not a magnitude; a magnitude with nothing counted before it.
    'tỷ lệ hồ sơ trực tuyến',
    'mấy tỷ lệ phần trăm',
    'triệu chứng máy nhiễm mã độc',
    // A clock time asked about, or one the question ends soon after.
    'Trung tâm mở cửa đến 5 giờ chiều thứ bảy không',
    'ký lúc 4 giờ có kịp không',
    // A word that only looks like an intensifier elsewhere.
    'người ra quầy hỏi thủ tục',
    'hoắc',
    // "vây" not closing the question; "chuyện" told, not pointed at.
    'vây quanh máy chủ là tường lửa',
    'kể chuyện cho đồng nghiệp nghe',
    // "la" without marks is "là", not the classifier "lá".
    'chu ky so la gi',
    // A time asked about, not a story's: later in the question, or with little after it.
    'Trung tâm có làm việc sáng thứ bảy không',
    'Sáng thứ 7 có làm việc không',
    // Typed with other marks: "trạm" is a station, not "trăm"; "đêm" is the night.
    'mấy trạm BTS',
    'dem qua may bi tat',
  ])('marks nothing in %p', (question) => {
    expect(marked(question)).toEqual([]);
  });
});
