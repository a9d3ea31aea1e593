/**
 * Vietnamese words of the unit reports' chart and Excel export (`src/reports` takes them as
 * `ReportChartTexts` and `ReportWorkbookTexts`). Kept here so wording and diacritics are reviewed
 * in one place.
 */
import type { ReportChartTexts, ReportWorkbookTexts } from '../src/reports';

const oneDecimal = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export const reportChartTexts: ReportChartTexts = {
  title: (contestTitle, unitName) => `${contestTitle} — ${unitName}`,
  distributionTitle: 'Phân bố điểm (lần thi đầu)',
  scoreBandAxis: 'Khoảng điểm',
  peopleAxis: 'Số người',
  subUnitTitle: 'Điểm trung bình theo đơn vị (yếu nhất trước)',
  meanScoreAxis: 'Điểm trung bình',
  unitAxis: 'Đơn vị',
  ownStaff: (unitName) => `${unitName} (cán bộ trực thuộc)`,
  passMark: (passMark) => `Điểm đạt: ${passMark}`,
  noData: 'Chưa có đơn vị trực thuộc nào có người dự thi.',
  score: (score) => oneDecimal.format(score),
};

export const reportWorkbookTexts: ReportWorkbookTexts = {
  sheets: {
    summary: 'Tổng hợp',
    units: 'Theo đơn vị',
    topics: 'Theo chủ đề',
    candidates: 'Thí sinh',
    questions: 'Câu hỏi',
  },
  summary: {
    heading: 'Báo cáo kết quả cuộc thi',
    contest: 'Cuộc thi',
    unit: 'Đơn vị',
    generatedAt: 'Thời điểm lập báo cáo',
    passMark: 'Điểm đạt',
    roster: 'Số người trong danh sách',
    participants: 'Số người dự thi',
    participationRate: 'Tỷ lệ tham gia',
    attempts: 'Số lượt thi',
    meanScore: 'Điểm trung bình',
    medianScore: 'Điểm trung vị',
    passRate: 'Tỷ lệ đạt',
    under50Rate: 'Tỷ lệ dưới 50 điểm',
    meanDuration: 'Thời gian làm bài trung bình (phút)',
    previousContest: 'Cuộc thi trước (cùng đối tượng)',
    meanScoreDelta: 'Chênh lệch điểm trung bình',
    passRateDelta: 'Chênh lệch tỷ lệ đạt',
    participationRateDelta: 'Chênh lệch tỷ lệ tham gia',
    item: 'Chỉ tiêu',
    value: 'Giá trị',
  },
  unitColumns: {
    code: { header: 'Mã đơn vị', width: 14 },
    name: { header: 'Tên đơn vị', width: 40 },
    roster: { header: 'Số người', width: 11 },
    participants: { header: 'Số người dự thi', width: 15 },
    participationRate: { header: 'Tỷ lệ tham gia', width: 15 },
    attempts: { header: 'Số lượt thi', width: 12 },
    meanScore: { header: 'Điểm trung bình', width: 16 },
    medianScore: { header: 'Điểm trung vị', width: 14 },
    passRate: { header: 'Tỷ lệ đạt', width: 12 },
    under50Rate: { header: 'Tỷ lệ dưới 50 điểm', width: 18 },
    meanDuration: { header: 'Thời gian TB (phút)', width: 18 },
  },
  topicColumns: {
    id: { header: 'Mã chủ đề', width: 24 },
    name: { header: 'Chủ đề', width: 44 },
    asked: { header: 'Số câu đã hỏi', width: 14 },
    meanScore: { header: 'Điểm trung bình', width: 16 },
  },
  candidateColumns: {
    name: { header: 'Họ và tên', width: 28 },
    userId: { header: 'Mã người dùng', width: 24 },
    unitCode: { header: 'Mã đơn vị', width: 14 },
    unitName: { header: 'Đơn vị', width: 36 },
    attempts: { header: 'Số lượt thi', width: 12 },
    firstScore: { header: 'Điểm lần đầu', width: 13 },
    bestScore: { header: 'Điểm cao nhất', width: 14 },
    passed: { header: 'Đạt', width: 8 },
    duration: { header: 'Thời gian làm bài (phút)', width: 22 },
    submittedAt: { header: 'Nộp bài lúc (giờ Việt Nam)', width: 24 },
  },
  questionColumns: {
    id: { header: 'Mã câu hỏi', width: 22 },
    text: { header: 'Nội dung câu hỏi', width: 70 },
    topic: { header: 'Chủ đề', width: 30 },
    attempts: { header: 'Số lượt trả lời', width: 15 },
    facility: { header: 'Chỉ số độ dễ (%)', width: 16 },
    discrimination: { header: 'Chỉ số phân biệt (%)', width: 19 },
  },
  ownStaff: (unitName) => `${unitName} (cán bộ trực thuộc)`,
  yes: 'Đạt',
  no: 'Chưa đạt',
};
