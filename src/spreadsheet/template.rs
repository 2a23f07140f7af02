//! The blank ledger workbook an office fills in: a ledger sheet whose header row is the
//! importer's own column table, with drop-down lists and date and text formats, then a
//! 填表说明 sheet of prose lines and a hidden sheet of the lists' values, which the importer
//! skips.
//! It must not restate what the importer knows (headers and aliases come from
//! [`crate::spreadsheet::columns`], outcomes from [`Outcome::accepted`]), and it holds no case data.

use anyhow::{Context, Result};
use rust_xlsxwriter::{
    ColNum, Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder,
    Formula, Note, RowNum, Workbook, Worksheet, worksheet_range_absolute,
};

use crate::model::{
    Choice, DisputeResult, DocType, Instance, Kind, Outcome, Rectified, TrackField,
};
use crate::report::{Turn, display_width, set_up_pages};
use crate::spreadsheet::columns::{self, Field};

/// The instructions sheet, named as offices name theirs.
pub const INSTRUCTIONS_SHEET: &str = "填表说明";
/// The hidden sheet holding the drop-down lists' values: a list in cells has no length
/// limit, whereas one written into the validation itself stops at 255 characters.
pub const LISTS_SHEET: &str = "选项";
/// Data rows under the header that offer the drop-down lists: a county's cases of a year
/// fit many times over.
pub const DATA_ROWS: RowNum = 1000;

const HEADER_FILL: u32 = 0xDD_EB_F7;
/// Required columns stand out in orange, as the instructions say.
const REQUIRED_FILL: u32 = 0xFC_E4_D6;
const BORDER: u32 = 0x80_80_80;
const DATE: &str = "yyyy-mm-dd";
/// Excel's text format: a 案号 typed into it is never turned into a number.
const TEXT: &str = "@";
/// Column widths in Excel's units (about one Latin digit; a CJK character takes two).
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 40;
const PADDING: usize = 2;
/// The drop-down arrow covers the right end of a cell.
const ARROW: usize = 2;
/// The one column of the instructions sheet.
const INSTRUCTIONS_WIDTH: usize = 100;
/// Points per line of text: enough for CJK glyphs, which stand taller than Latin ones.
const LINE_HEIGHT: f64 = 16.0;
/// A header's note, in pixels: about 18 CJK characters to a line.
const NOTE_WIDTH: u32 = 260;
const NOTE_LINE_UNITS: usize = 36;
const NOTE_LINE_PIXELS: u32 = 18;
const YES_NO: [&str; 2] = ["是", "否"];
const INSTANCES: [Instance; 3] = [Instance::First, Instance::Second, Instance::Retrial];

/// What a column's cells hold, which decides their format, drop-down list and the
/// accepted forms the instructions name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Text,
    CaseNo,
    Date,
    YesNo,
    Instance,
    Outcome,
    /// One of a closed set of words, chosen from a list.
    Words(Words),
}

/// The closed sets of words a column offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Words {
    /// 文书类型
    DocType,
    /// 整改情况
    Status,
    /// 化解结果
    Result,
}

/// One column of the template: the importer's column and what a clerk is told about it.
struct Column {
    header: &'static str,
    required: bool,
    entry: Entry,
    meaning: &'static str,
    /// A typical value, shown in the instructions and measured for the width ("": none).
    example: &'static str,
}

/// A drop-down list: its values, in their column of the lists sheet.
struct List {
    entry: Entry,
    title: String,
    values: Vec<&'static str>,
}

/// Lays out the template of a ledger kind as the bytes of an .xlsx workbook: the ledger
/// sheet (named 复议台账 or 应诉台账), [`INSTRUCTIONS_SHEET`], then the hidden
/// [`LISTS_SHEET`].
pub fn workbook(kind: Kind) -> Result<Vec<u8>> {
    let columns = template_columns(kind)?;
    let lists = lists(kind, &columns);
    let mut book = Workbook::new();
    book.push_worksheet(ledger_sheet(kind, &columns, &lists)?);
    book.push_worksheet(instructions_sheet(kind, &columns, &lists)?);
    book.push_worksheet(lists_sheet(&lists)?);
    book.save_to_buffer()
        .context("cannot lay out the template workbook")
}

/// The importer's columns of `kind`, in its order, with what the template says of each.
fn template_columns(kind: Kind) -> Result<Vec<Column>> {
    columns::columns(kind)
        .map(|(field, header, _aliases, required)| {
            // A field the importer reads but the template cannot explain: a test finds it.
            let (entry, meaning, example) = guide(kind, field)
                .with_context(|| format!("the template has no guide for column `{header}`"))?;
            Ok(Column {
                header,
                required,
                entry,
                meaning,
                example,
            })
        })
        .collect()
}

/// What a column holds, what it means to a clerk, and a typical value; `None` for a field
/// the kind does not have.
fn guide(kind: Kind, field: Field) -> Option<(Entry, &'static str, &'static str)> {
    match kind {
        Kind::Reconsideration | Kind::Litigation => case_guide(kind, field),
        Kind::Rectification | Kind::Dispute => later_guide(kind, field),
    }
}

/// The columns of the 复议台账 and the 应诉台账.
fn case_guide(kind: Kind, field: Field) -> Option<(Entry, &'static str, &'static str)> {
    let recon = kind == Kind::Reconsideration;
    Some(match field {
        Field::CaseNo => (
            Entry::CaseNo,
            "案件的文号，是识别案件的依据，同一案件每次报送都写同一个案号",
            if recon {
                "黔南府复决字〔2021〕15号"
            } else {
                "(2021)黔27行初15号"
            },
        ),
        Field::Unit if recon => (Entry::Text, "被申请人所属的县级单位", "都匀市、州直"),
        Field::Unit => (
            Entry::Text,
            "被告所属的县级单位（按被告认定，不按审理法院）",
            "都匀市、州直",
        ),
        Field::Respondent => (Entry::Text, "被申请复议的行政机关", "都匀市公安局"),
        Field::Matter => (Entry::Text, "案件的类别", "行政处罚、政府信息公开"),
        Field::ReceivedOn => (Entry::Date, "收到行政复议申请的日期", ""),
        Field::AcceptedOn => (Entry::Date, "决定受理的日期；尚未受理或不予受理的留空", ""),
        Field::ClosedOn if recon => (
            Entry::Date,
            "作出结案决定的日期，与结案方式同时填写；未结案的留空",
            "",
        ),
        Field::ClosedOn => (
            Entry::Date,
            "本审级审结的日期，与裁判结果同时填写；未审结的留空",
            "",
        ),
        Field::Outcome if recon => (Entry::Outcome, "案件办结的方式", ""),
        Field::Outcome => (Entry::Outcome, "本审级的裁判结果", ""),
        Field::Corrected => (
            Entry::YesNo,
            "一般不填，按结案方式认定是否被纠错；只在需要改变这一认定时填写：是＝计为被纠错，否＝不计",
            "",
        ),
        Field::Lead => (Entry::Text, "负责化解本案的包案领导", "张某某"),
        Field::Note => (Entry::Text, "需要说明的其他情况", ""),
        Field::Instance => (
            Entry::Instance,
            "本案的审级；留空时按案号中的类型代字认定（行初为一审，行终为二审，行再、行申、行监、行抗为再审）",
            "",
        ),
        Field::Court => (Entry::Text, "审理本案的法院", "都匀市人民法院"),
        Field::Defendant => (Entry::Text, "被诉的行政机关", "都匀市人民政府"),
        Field::FiledOn => (Entry::Date, "法院立案的日期", ""),
        Field::HearingOn => (Entry::Date, "本审级第一次开庭的日期；未开庭的留空", ""),
        Field::HeadAppeared => (
            Entry::YesNo,
            "行政机关负责人是否出庭应诉；已开庭的请填写",
            "",
        ),
        Field::HeadName => (Entry::Text, "出庭应诉的负责人姓名", "张某某"),
        Field::HeadTitle => (Entry::Text, "出庭负责人的职务", "副县长、局长"),
        Field::Lost => (
            Entry::YesNo,
            "一般不填，按裁判结果认定是否败诉；只在需要改变这一认定时填写：是＝计为败诉，否＝不计",
            "",
        ),
        Field::Track(field) => track_guide(field),
        Field::DocType
        | Field::Issuer
        | Field::Addressee
        | Field::LinkedCaseNo
        | Field::IssuedOn
        | Field::ReplyDueOn
        | Field::RepliedOn
        | Field::Status
        | Field::Agency
        | Field::ReviewedOn
        | Field::PlannedOn
        | Field::CourtReceivedOn
        | Field::MediationStartedOn
        | Field::Result
        | Field::ResolvedOn => return None,
    })
}

/// The columns of the 整改台账 and the 诉前台账.
fn later_guide(kind: Kind, field: Field) -> Option<(Entry, &'static str, &'static str)> {
    let dispute = kind == Kind::Dispute;
    Some(match field {
        Field::CaseNo if dispute => (
            Entry::CaseNo,
            "争议的编号，同一争议每次报送都写同一个编号",
            "黔南诉前〔2025〕3号",
        ),
        Field::CaseNo => (
            Entry::CaseNo,
            "意见书、建议书的文号，同一文书每次报送都写同一个文号",
            "黔南府复意〔2025〕2号",
        ),
        Field::Unit if dispute => (
            Entry::Text,
            "争议所涉行政机关所属的县级单位",
            "都匀市、州直",
        ),
        Field::Unit => (Entry::Text, "收文机关所属的县级单位", "都匀市、州直"),
        Field::DocType => (Entry::Words(Words::DocType), "文书的种类", ""),
        Field::Issuer => (Entry::Text, "发出文书的机关", "黔南州人民政府"),
        Field::Addressee => (Entry::Text, "收到文书、负责整改的单位", "都匀市市场监管局"),
        Field::LinkedCaseNo => (
            Entry::Text,
            "文书所由产生的案件的案号",
            "黔南府复决字〔2025〕15号",
        ),
        Field::IssuedOn => (Entry::Date, "文书发出的日期", ""),
        Field::ReceivedOn if dispute => (
            Entry::Date,
            "司法局知悉该争议的日期；审核、方案期限由此起算",
            "",
        ),
        Field::ReceivedOn => (
            Entry::Date,
            "收文单位收到文书的日期；意见书的回复期限由此起算",
            "",
        ),
        Field::ReplyDueOn => (
            Entry::Date,
            "文书写明的回复期限；留空时意见书按收到后60日计算",
            "",
        ),
        Field::RepliedOn => (Entry::Date, "收文单位书面回复（反馈整改情况）的日期", ""),
        Field::Status => (Entry::Words(Words::Status), "目前的整改情况", ""),
        Field::Agency => (Entry::Text, "争议所涉的行政机关", "都匀市自然资源局"),
        Field::Matter => (Entry::Text, "争议的类别", "征地补偿、行政处罚"),
        Field::ReviewedOn => (Entry::Date, "专家组审核完成的日期（收到后3个工作日内）", ""),
        Field::PlannedOn => (Entry::Date, "制定化解方案的日期（收到后5个工作日内）", ""),
        Field::CourtReceivedOn => (
            Entry::Date,
            "法院收到起诉状的日期；7个工作日的立案审查由此起算",
            "",
        ),
        Field::MediationStartedOn => (Entry::Date, "诉前协调开始的日期；30日的协调期由此起算", ""),
        Field::Result => (
            Entry::Words(Words::Result),
            "争议的化解结果，与化解日期同时填写",
            "",
        ),
        Field::ResolvedOn => (Entry::Date, "争议化解或结束的日期", ""),
        Field::Lead => (Entry::Text, "负责化解的包案领导", "张某某"),
        Field::Note => (Entry::Text, "需要说明的其他情况", ""),
        Field::Track(field) => track_guide(field),
        Field::Respondent
        | Field::AcceptedOn
        | Field::ClosedOn
        | Field::Outcome
        | Field::Corrected
        | Field::Instance
        | Field::Court
        | Field::Defendant
        | Field::FiledOn
        | Field::HearingOn
        | Field::HeadAppeared
        | Field::HeadName
        | Field::HeadTitle
        | Field::Lost => return None,
    })
}

/// The words a [`Entry::Words`] column offers.
fn words(words: Words) -> Vec<&'static str> {
    fn labels<T: Choice>() -> Vec<&'static str> {
        T::ALL.iter().map(|c| c.label_zh()).collect()
    }
    match words {
        Words::DocType => labels::<DocType>(),
        Words::Status => labels::<Rectified>(),
        Words::Result => labels::<DisputeResult>(),
    }
}

/// The work-list columns: what deadlines, hearing reminders and 包案 follow-up read.
fn track_guide(field: TrackField) -> (Entry, &'static str, &'static str) {
    match field {
        TrackField::Simplified => (Entry::YesNo, "是否适用简易程序审理", ""),
        TrackField::CopyServedOn => (
            Entry::Date,
            "被申请人收到申请书副本（答复通知）的日期；答复期限由此起算",
            "",
        ),
        TrackField::AnsweredOn => (Entry::Date, "被申请人提交书面答复和证据的日期", ""),
        TrackField::Extended => (Entry::YesNo, "审理期限是否经批准延长（不超过30日）", ""),
        TrackField::SuspendedOn => (Entry::Date, "行政复议中止的日期", ""),
        TrackField::ResumedOn => (Entry::Date, "中止后恢复审理的日期；仍在中止的留空", ""),
        TrackField::ComplaintReceivedOn => (
            Entry::Date,
            "收到起诉状副本（应诉通知）的日期；答辩期限由此起算",
            "",
        ),
        TrackField::DefendedOn => (Entry::Date, "提交答辩状和证据的日期", ""),
        TrackField::HearingAt => (
            Entry::Text,
            "开庭的日期和时间；没有开庭日期列时，其日期即开庭日期",
            "2021-03-15 09:30",
        ),
        TrackField::HearingPlace => (Entry::Text, "开庭的地点", "都匀市人民法院第一法庭"),
        TrackField::PlannedHeadName => (Entry::Text, "拟出庭应诉的负责人姓名", "张某某"),
        TrackField::PlannedHeadTitle => (Entry::Text, "拟出庭负责人的职务", "副局长"),
        TrackField::ServedOn => (Entry::Date, "裁判文书送达的日期；上诉期限由此起算", ""),
        TrackField::RemindedWeekOn => (
            Entry::Date,
            "开庭前一周提醒被告报送出庭负责人的日期（一次提醒）",
            "",
        ),
        TrackField::RemindedDayOn => (
            Entry::Date,
            "开庭前一日电话提醒出庭负责人的日期（二次提醒）",
            "",
        ),
        TrackField::ReconsiderationNo => (
            Entry::Text,
            "经过行政复议后起诉的，填写原行政复议案号",
            "黔南府复决字〔2021〕15号",
        ),
        TrackField::OwnerUnit => (Entry::Text, "负责化解本案的责任单位", "都匀市司法局"),
        TrackField::Progress => (Entry::Text, "本月化解工作的进展", ""),
        TrackField::Risk => (Entry::Text, "纠错或败诉的风险：高、中、低", "高"),
        TrackField::Parties => (
            Entry::Text,
            "申请人或原告的人数（只填数字，不填姓名）；达到群体性案件标准的据此列出",
            "",
        ),
    }
}

/// The drop-down lists the columns need, each once, in the order the columns use them.
fn lists(kind: Kind, columns: &[Column]) -> Vec<List> {
    let mut lists: Vec<List> = Vec::new();
    for column in columns {
        if lists.iter().any(|l| l.entry == column.entry) {
            continue;
        }
        let (title, values) = match column.entry {
            Entry::YesNo => ("是/否".to_owned(), YES_NO.to_vec()),
            Entry::Instance => (
                column.header.to_owned(),
                INSTANCES.map(Instance::label_zh).to_vec(),
            ),
            Entry::Outcome => (
                column.header.to_owned(),
                Outcome::accepted(kind).map(Outcome::name).collect(),
            ),
            Entry::Words(set) => (column.header.to_owned(), words(set)),
            Entry::Text | Entry::CaseNo | Entry::Date => continue,
        };
        lists.push(List {
            entry: column.entry,
            // Not a header: the lists sheet must never read as a ledger.
            title: format!("{title}可选值"),
            values,
        });
    }
    lists
}

/// Whether a column must be filled, as the instructions and the header's note say it.
fn requirement(column: &Column) -> &'static str {
    match (column.required, column.entry) {
        (true, _) => "必填",
        (false, Entry::Outcome) => "已结案的必填",
        (false, _) => "选填",
    }
}

/// What a column means and accepts, in one sentence or two, without its header.
fn explanation(column: &Column) -> String {
    let forms = match column.entry {
        Entry::Text if column.example.is_empty() => String::new(),
        Entry::Text => format!("例如 {}", column.example),
        Entry::CaseNo => format!(
            "照文书原样填写，例如 {}，括号写（）〔〕[] 均可",
            column.example
        ),
        Entry::Date => "写作 2021-08-31 这样的日期（其他写法见下文）".to_owned(),
        Entry::YesNo => "从下拉列表选 是 或 否（也可写 √ 或 ×）；不清楚的留空".to_owned(),
        Entry::Instance => "从下拉列表选 一审、二审 或 再审".to_owned(),
        Entry::Outcome | Entry::Words(_) => "从下拉列表选择，可选值见下文".to_owned(),
    };
    if forms.is_empty() {
        format!("{}。", column.meaning)
    } else {
        format!("{}；{forms}。", column.meaning)
    }
}

/// The width of a column: its header, its example or its widest choice, whichever is
/// widest, in Excel's units.
fn width(column: &Column, lists: &[List]) -> usize {
    let choices = lists
        .iter()
        .find(|l| l.entry == column.entry)
        .map_or(0, |l| {
            l.values
                .iter()
                .copied()
                .map(display_width)
                .max()
                .unwrap_or(0)
                + ARROW
        });
    let content = match column.entry {
        Entry::Date => display_width("2021-08-31"),
        // An example such as 都匀市、州直 lists two values; one goes in a cell.
        _ => column
            .example
            .split('、')
            .map(display_width)
            .max()
            .unwrap_or(0),
    };
    (display_width(column.header).max(content).max(choices) + PADDING).clamp(MIN_WIDTH, MAX_WIDTH)
}

fn ledger_sheet(kind: Kind, columns: &[Column], lists: &[List]) -> Result<Worksheet> {
    let mut sheet = Worksheet::new();
    sheet.set_name(kind.label_zh())?;
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(BORDER));
    let optional = header.clone().set_background_color(Color::RGB(HEADER_FILL));
    let required = header.set_background_color(Color::RGB(REQUIRED_FILL));
    let date = Format::new().set_num_format(DATE);
    let text = Format::new().set_num_format(TEXT);
    for (col, column) in (0..).zip(columns) {
        let look = if column.required {
            &required
        } else {
            &optional
        };
        sheet.write_string_with_format(0, col, column.header, look)?;
        sheet.set_column_width(col, to_f64(width(column, lists)))?;
        match column.entry {
            Entry::Date => {
                sheet.set_column_format(col, &date)?;
            }
            Entry::CaseNo => {
                sheet.set_column_format(col, &text)?;
            }
            _ => {}
        }
        let note = format!("{}。{}", requirement(column), explanation(column));
        let lines = display_width(&note).div_ceil(NOTE_LINE_UNITS) as u32;
        sheet.insert_note(
            0,
            col,
            &Note::new(note)
                .add_author_prefix(false)
                .set_width(NOTE_WIDTH)
                .set_height(NOTE_LINE_PIXELS * (lines + 1)),
        )?;
        if let Some(position) = lists.iter().position(|l| l.entry == column.entry) {
            drop_down(&mut sheet, col, position, &lists[position])?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed, the blank form is one page wide, its header on every page.
    set_up_pages(&mut sheet, 1, Turn::Landscape)?;
    Ok(sheet)
}

/// Offers a list's values in a column's data rows. A value not on the list only warns:
/// the importer also reads other spellings (部分撤销, √) and mapped ones, and is the judge.
fn drop_down(sheet: &mut Worksheet, col: ColNum, position: usize, list: &List) -> Result<()> {
    let list_col = ColNum::try_from(position).context("too many drop-down lists")?;
    let last_row = RowNum::try_from(list.values.len()).context("too long a drop-down list")?;
    let range = worksheet_range_absolute(LISTS_SHEET, 1, list_col, last_row, list_col);
    let validation = DataValidation::new()
        .allow_list_formula(Formula::new(format!("={range}")))
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title("不是下拉列表中的值")?
        .set_error_message(
            "请从下拉列表中选择。其他写法只有导入程序认得才能导入，详见「填表说明」。",
        )?;
    sheet.add_data_validation(1, col, DATA_ROWS, col, &validation)?;
    Ok(())
}

/// A row of the instructions sheet.
enum Line {
    Heading(String),
    Prose(String),
}

impl Line {
    fn text(&self) -> &str {
        match self {
            Line::Heading(text) | Line::Prose(text) => text,
        }
    }
}

/// The instructions, one prose line per row under a title and headings.
fn instruction_lines(kind: Kind, columns: &[Column], lists: &[List]) -> Vec<Line> {
    let sheet = kind.label_zh();
    let (parties, progress) = match kind {
        Kind::Reconsideration => ("申请人、第三人", "受理、结案"),
        Kind::Litigation => ("原告、第三人", "开庭、审结"),
        Kind::Rectification => ("当事人", "回复、整改"),
        Kind::Dispute => ("当事人", "审核、化解"),
    };
    let heading = |text: &str| Line::Heading(text.to_owned());
    let line = Line::Prose;
    let mut lines = vec![
        heading(&format!("{sheet}填表说明")),
        heading("一、怎样填写"),
        line(format!(
            "在「{sheet}」工作表中，从第 2 行起每行填写一件案件；第 1 行是表头，请勿改动表头的文字。"
        )),
        line(
            "表头底色为橙色的是必填列，每行都要填写；其余为选填列，不清楚的留空，不要写“无”或“/”。"
                .to_owned(),
        ),
        line("把鼠标停在表头上，可以看到该列的说明（与下文相同）。".to_owned()),
        line(format!(
            "一件案件只占一行：案件有了新进展（如{progress}），在原来那一行上修改后再报送，不要另起一行。"
        )),
        line(format!(
            "不要填写{parties}等当事人的姓名：本表没有这些列，汇总时也用不到。"
        )),
        heading("二、各列说明"),
    ];
    lines.extend(columns.iter().map(|column| {
        line(format!(
            "{}（{}）：{}",
            column.header,
            requirement(column),
            explanation(column)
        ))
    }));
    lines.extend([
        heading("三、日期的写法"),
        line(
            "日期列已设为“年-月-日”格式，直接输入 2021-08-31 即可；也可以写 2021/8/31、2021.8.31、2021年8月31日 或 20210831。"
                .to_owned(),
        ),
        line("不要只写月和日（如 3月5日），也不要只写两位年份（如 21-3-5）。".to_owned()),
        heading("四、下拉列表的可选值"),
        line("以下各列的单元格右侧有下拉箭头，可以直接选择：".to_owned()),
    ]);
    for column in columns {
        if let Some(list) = lists.iter().find(|l| l.entry == column.entry) {
            lines.push(line(format!(
                "{}可填：{}。",
                column.header,
                list.values.join("、")
            )));
        }
    }
    lines.extend([
        heading("五、报送"),
        line(
            "填好后直接报送本文件即可：不必另存为其他格式，也不必删除本说明页或调整工作表的顺序。"
                .to_owned(),
        ),
    ]);
    lines
}

fn instructions_sheet(kind: Kind, columns: &[Column], lists: &[List]) -> Result<Worksheet> {
    let mut sheet = Worksheet::new();
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    sheet.set_column_width(0, to_f64(INSTRUCTIONS_WIDTH))?;
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let heading = body.clone().set_bold();
    for (row, line) in (0..).zip(instruction_lines(kind, columns, lists)) {
        let look = match line {
            Line::Heading(_) => &heading,
            Line::Prose(_) => &body,
        };
        sheet.write_string_with_format(row, 0, line.text(), look)?;
        let lines = display_width(line.text()).div_ceil(INSTRUCTIONS_WIDTH - 1);
        if lines > 1 {
            sheet.set_row_height(row, LINE_HEIGHT * to_f64(lines))?;
        }
    }
    set_up_pages(&mut sheet, 0, Turn::Portrait)?;
    Ok(sheet)
}

/// The lists' values, one list per column under a title row; hidden, as it is no form.
fn lists_sheet(lists: &[List]) -> Result<Worksheet> {
    let mut sheet = Worksheet::new();
    sheet.set_name(LISTS_SHEET)?;
    for (col, list) in (0..).zip(lists) {
        sheet.write_string(0, col, &list.title)?;
        sheet.write_column(1, col, list.values.iter().copied())?;
        let widest = list.values.iter().copied().map(display_width).max();
        let units = display_width(&list.title).max(widest.unwrap_or(0)) + PADDING;
        sheet.set_column_width(col, to_f64(units))?;
    }
    sheet.set_hidden(true);
    Ok(sheet)
}

/// A count of width units or lines as Excel's measure.
#[allow(clippy::cast_precision_loss)] // a few hundred at most
fn to_f64(units: usize) -> f64 {
    units as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tracking::ValueType;

    #[test]
    fn instructions_never_name_a_column() {
        for kind in Kind::ALL {
            let columns = template_columns(kind).unwrap();
            for line in instruction_lines(kind, &columns, &lists(kind, &columns)) {
                let line = line.text();
                for other in Kind::ALL {
                    assert_eq!(columns::field_for(other, line), None, "{line}");
                }
                assert!(!columns::is_personal(line), "{line}");
            }
        }
    }

    #[test]
    fn every_column_has_its_line() {
        for kind in Kind::ALL {
            let columns = template_columns(kind).unwrap();
            let lines = instruction_lines(kind, &columns, &lists(kind, &columns));
            for column in &columns {
                let start = format!("{}（", column.header);
                assert!(
                    lines.iter().any(|line| line.text().starts_with(&start)),
                    "{kind}: no line for {}",
                    column.header
                );
            }
        }
    }

    /// A field a kind owns that the importer does not read, or that the template does not
    /// explain in the way its value is typed, or a column of a field the kind does not
    /// list, is a place forgotten when the field was added.
    #[test]
    fn every_field_a_kind_owns_has_a_column_and_a_guide_of_its_type() {
        let fits = |entry: Entry, value: ValueType| match value {
            ValueType::Date => entry == Entry::Date,
            ValueType::Flag => entry == Entry::YesNo,
            ValueType::Text | ValueType::Time => matches!(
                entry,
                Entry::Text | Entry::CaseNo | Entry::Instance | Entry::Outcome | Entry::Words(_)
            ),
        };
        for kind in Kind::ALL {
            let read: Vec<Field> = columns::columns(kind).map(|c| c.0).collect();
            let owned = Field::listed(kind).chain(TrackField::of(kind).map(Field::Track));
            for field in owned {
                assert!(read.contains(&field), "{kind}: no column reads {field:?}");
                let guide = guide(kind, field);
                assert!(
                    guide.is_some_and(|(entry, meaning, _)| {
                        fits(entry, field.value_type()) && !meaning.is_empty()
                    }),
                    "{kind}: {field:?} is {:?}, guided as {guide:?}",
                    field.value_type()
                );
            }
            // And the other way: a column reads only a field its kind lists, so that a
            // fact given a column but left out of `TrackField::ALL` (or of its kinds) is
            // found too.
            for field in read {
                assert!(
                    Field::listed(kind).any(|listed| listed == field),
                    "{kind}: a column reads {field:?}, which the kind does not list"
                );
            }
        }
    }

    #[test]
    fn lists_follow_the_model() {
        let columns = template_columns(Kind::Litigation).unwrap();
        let lists = lists(Kind::Litigation, &columns);
        let entries: Vec<Entry> = lists.iter().map(|l| l.entry).collect();
        assert_eq!(entries, [Entry::Instance, Entry::YesNo, Entry::Outcome]);
        let outcomes: Vec<&str> = Outcome::accepted(Kind::Litigation)
            .map(Outcome::name)
            .collect();
        assert_eq!(lists[2].values, outcomes);
        assert_eq!(lists[0].values, ["一审", "二审", "再审"]);
    }

    #[track_caller]
    fn wide(kind: Kind, header: &str, expected: usize) {
        let columns = template_columns(kind).unwrap();
        let lists = lists(kind, &columns);
        let column = columns.iter().find(|c| c.header == header);
        assert_eq!(column.map(|c| width(c, &lists)), Some(expected), "{header}");
    }

    #[test]
    fn widths_fit_chinese_text() {
        let (r, l) = (Kind::Reconsideration, Kind::Litigation);
        // 黔南府复决字〔2021〕15号: 9 wide characters and 6 narrow ones.
        wide(r, "案号", 26);
        wide(r, "收案日期", 12);
        // 驳回诉讼请求 and the drop-down arrow.
        wide(l, "裁判结果", 16);
        // 出庭负责人职务 is wider than 副县长.
        wide(l, "出庭负责人职务", 16);
        wide(r, "备注", MIN_WIDTH);
    }
}
