//! The small set of cases the layout tests share — 8 reconsideration and 6 litigation cases
//! over 都匀市 and 福泉市 — as tables with a one-row header, and the plain CSV of them that
//! every other layout is compared with.
//!
//! No test types a figure counted from these rows: each compares two imports of them.
//! Shared by the tests and by `examples/make_layout_fixtures.rs`.

/// A ledger as a table: one header row, one row per case, rows grouped by 单位.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The units of the case set, in the order their blocks appear.
pub const UNITS: [&str; 2] = ["都匀市", "福泉市"];

impl Table {
    fn new(header: &[&str], rows: &[&[&str]]) -> Table {
        let owned = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        for row in rows {
            assert_eq!(
                row.len(),
                header.len(),
                "a row as wide as the header: {row:?}"
            );
        }
        Table {
            header: owned(header),
            rows: rows.iter().map(|r| owned(r)).collect(),
        }
    }

    /// The index of a column, by its header.
    #[track_caller]
    pub fn column(&self, header: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("no column `{header}` in {:?}", self.header))
    }

    /// The table without one column.
    #[must_use]
    pub fn without(&self, header: &str) -> Table {
        let index = self.column(header);
        let drop = |cells: &Vec<String>| {
            let mut cells = cells.clone();
            cells.remove(index);
            cells
        };
        Table {
            header: drop(&self.header),
            rows: self.rows.iter().map(drop).collect(),
        }
    }

    /// Only the rows whose `header` column holds `value`.
    #[must_use]
    pub fn only(&self, header: &str, value: &str) -> Table {
        let index = self.column(header);
        Table {
            header: self.header.clone(),
            rows: self
                .rows
                .iter()
                .filter(|r| r[index] == value)
                .cloned()
                .collect(),
        }
    }

    /// The table with more rows (given in header order) after its own.
    #[must_use]
    pub fn with_rows(&self, rows: &[&[&str]]) -> Table {
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        let mut more = Table::new(&header, rows);
        let mut table = self.clone();
        table.rows.append(&mut more.rows);
        table
    }

    /// Rewrites every non-empty cell of the named columns; `rewrite` gets the cell's
    /// text and how many cells it has rewritten before, so it can cycle through forms.
    #[must_use]
    pub fn rewritten(
        &self,
        headers: &[&str],
        mut rewrite: impl FnMut(&str, usize) -> String,
    ) -> Table {
        let indexes: Vec<usize> = headers.iter().map(|h| self.column(h)).collect();
        let mut table = self.clone();
        let mut done = 0;
        for row in &mut table.rows {
            for index in &indexes {
                if !row[*index].is_empty() {
                    row[*index] = rewrite(&row[*index], done);
                    done += 1;
                }
            }
        }
        table
    }

    /// The one-row-header CSV every layout is compared with.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&self.header).expect("write header");
        for row in &self.rows {
            writer.write_record(row).expect("write row");
        }
        writer.into_inner().expect("finish CSV")
    }
}

/// 8 复议 cases: closed as corrected (撤销, 确认违法, 责令履行), upheld, not accepted,
/// mediated and terminated, one still open, one received in 2020; two carry a 备注 that
/// starts like a footer (填报人…, 审核…) and are cases all the same.
#[rustfmt::skip]
pub fn reconsideration() -> Table {
    Table::new(
        &[
            "案号", "单位", "被申请人", "案由", "收案日期", "受理日期", "结案日期", "结案方式", "备注",
        ],
        &[
            &["都府复〔2021〕1号", "都匀市", "都匀市公安局", "行政处罚", "2021-01-05", "2021-01-08", "2021-03-01", "撤销", ""],
            &["都府复〔2021〕2号", "都匀市", "都匀市自然资源局", "政府信息公开", "2021-02-01", "", "2021-02-05", "不予受理", ""],
            &["都府复〔2021〕3号", "都匀市", "都匀市市场监督管理局", "行政处罚", "2021-02-10", "2021-02-12", "2021-04-20", "维持", "填报人已核实"],
            &["都府复〔2021〕4号", "都匀市", "都匀市人民政府", "行政征收", "2021-03-05", "2021-03-08", "", "", "审核中"],
            &["福府复〔2021〕1号", "福泉市", "福泉市公安局", "行政处罚", "2021-01-12", "2021-01-15", "2021-03-10", "确认违法", ""],
            &["福府复〔2021〕2号", "福泉市", "福泉市住房和城乡建设局", "行政确认", "2021-02-03", "2021-02-05", "2021-03-30", "调解", ""],
            &["福府复〔2021〕3号", "福泉市", "福泉市人民政府", "行政不作为", "2021-03-15", "2021-03-16", "2021-05-10", "责令履行", ""],
            &["福府复〔2020〕41号", "福泉市", "福泉市自然资源局", "行政强制", "2020-12-20", "2020-12-22", "2021-01-15", "终止", ""],
        ],
    )
}

/// 6 应诉 cases: five 一审 (lost by 撤销 and 确认违法, won, withdrawn, one open), heads
/// appearing at three of four hearings, and one open 二审 heard with its head present,
/// which no first-instance figure counts. Two 福泉市 rows share their 被告.
#[rustfmt::skip]
pub fn litigation() -> Table {
    Table::new(
        &[
            "案号", "审级", "单位", "被告", "案由", "立案日期", "开庭日期", "负责人出庭", "结案日期",
            "裁判结果", "备注",
        ],
        &[
            &["(2021)黔2701行初21号", "一审", "都匀市", "都匀市人民政府", "行政征收", "2021-01-10", "2021-02-20", "是", "2021-04-01", "撤销", ""],
            &["(2021)黔2701行初22号", "一审", "都匀市", "都匀市公安局", "行政处罚", "2021-01-15", "2021-03-02", "否", "2021-04-15", "驳回诉讼请求", ""],
            &["(2021)黔2701行初23号", "一审", "都匀市", "都匀市自然资源局", "行政登记", "2021-02-01", "", "", "2021-03-01", "撤诉", ""],
            &["(2021)黔2702行初5号", "一审", "福泉市", "福泉市人民政府", "行政协议", "2021-01-20", "2021-03-10", "是", "2021-05-06", "确认违法", ""],
            &["(2021)黔2702行初6号", "一审", "福泉市", "福泉市公安局", "行政处罚", "2021-02-22", "2021-04-01", "是", "", "", "审核中"],
            &["(2021)黔27行终9号", "二审", "福泉市", "福泉市公安局", "行政处罚", "2021-03-01", "2021-04-10", "是", "", "", ""],
        ],
    )
}
