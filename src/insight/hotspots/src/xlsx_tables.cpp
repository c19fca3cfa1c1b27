// The two tables as Excel workbooks, through libxlsxwriter (Debian's
// libxlsxwriter-dev, C API).
#include <xlsxwriter.h>

#include "lizheng/insight/hotspots/hot_issue_tables.hpp"

namespace lizheng::insight::hotspots {

namespace {

// A workbook that is always closed (and so freed), once.
class Workbook {
 public:
  explicit Workbook(const std::string& path) : path_(path), book_(workbook_new(path.c_str())) {}
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return book_ != nullptr; }
  lxw_workbook* get() { return book_; }

  Status Close() {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e == LXW_NO_ERROR) return OkStatus();
    return MakeError(ErrorCode::kUnavailable, path_ + ": cannot write the workbook",
                     "out", lxw_strerror(e));
  }

 private:
  std::string path_;
  lxw_workbook* book_;
};

Status CannotCreate(const std::string& path) {
  return MakeError(ErrorCode::kUnavailable, path + ": cannot create the workbook", "out");
}

lxw_worksheet* Sheet(Workbook& book, std::string_view name,
                     std::initializer_list<std::pair<const char*, double>> columns) {
  lxw_worksheet* sheet = workbook_add_worksheet(book.get(), std::string(name).c_str());
  lxw_format* bold = workbook_add_format(book.get());
  format_set_bold(bold);
  lxw_col_t c = 0;
  for (const auto& [title, width] : columns) {
    worksheet_set_column(sheet, c, c, width, nullptr);
    worksheet_write_string(sheet, 0, c++, title, bold);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  return sheet;
}

}  // namespace

Status WriteHotIssueTableXlsx(const HotIssueTables& tables, const std::string& path) {
  Workbook book(path);
  if (!book.ok()) return CannotCreate(path);
  lxw_worksheet* s = Sheet(book, kHotIssueTableName,
                           {{"热度排名", 9}, {"问题ID", 8}, {"热度指数", 10}, {"时间范围", 26},
                            {"地点/人群", 36}, {"问题描述", 48}});
  lxw_format* two_decimals = workbook_add_format(book.get());
  format_set_num_format(two_decimals, "0.00");
  lxw_row_t row = 1;
  for (const HotIssueRow& r : tables.issues) {
    worksheet_write_number(s, row, 0, double(r.rank), nullptr);
    worksheet_write_number(s, row, 1, double(r.issue_id), nullptr);
    worksheet_write_number(s, row, 2, r.hotness, two_decimals);
    worksheet_write_string(s, row, 3, FormatTimeRange(r.first, r.last).c_str(), nullptr);
    worksheet_write_string(s, row, 4, r.place_or_people.c_str(), nullptr);
    worksheet_write_string(s, row, 5, r.description.c_str(), nullptr);
    ++row;
  }
  return book.Close();
}

Status WriteHotIssueDetailTableXlsx(const HotIssueTables& tables, const std::string& path) {
  Workbook book(path);
  if (!book.ok()) return CannotCreate(path);
  lxw_worksheet* s = Sheet(book, kHotIssueDetailTableName,
                           {{"问题ID", 8}, {"留言编号", 10}, {"留言用户", 14}, {"留言主题", 40},
                            {"留言时间", 20}, {"留言详情", 80}, {"点赞数", 8}, {"反对数", 8}});
  lxw_format* when = workbook_add_format(book.get());
  format_set_num_format(when, "yyyy/mm/dd hh:mm:ss");
  lxw_row_t row = 1;
  for (const HotIssueDetailRow& r : tables.details) {
    const HotMessage& m = r.message;
    worksheet_write_number(s, row, 0, double(r.issue_id), nullptr);
    worksheet_write_string(s, row, 1, m.id.c_str(), nullptr);
    worksheet_write_string(s, row, 2, m.user.c_str(), nullptr);
    worksheet_write_string(s, row, 3, m.title.c_str(), nullptr);
    worksheet_write_number(s, row, 4, ExcelSerial(m.time), when);
    worksheet_write_string(s, row, 5, m.details.c_str(), nullptr);
    worksheet_write_number(s, row, 6, double(m.support_votes), nullptr);
    worksheet_write_number(s, row, 7, double(m.against_votes), nullptr);
    ++row;
  }
  return book.Close();
}

}  // namespace lizheng::insight::hotspots
