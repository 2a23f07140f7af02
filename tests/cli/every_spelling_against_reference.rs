//! Ledgers written in every form the SPEC allows, against a reference computed here.
//!
//! Each seed generates cases as plain facts, counts them and their rates by SPEC §4 with
//! the tests' own code (`tests/reference`), then writes them as offices might — header
//! aliases, column orders, date styles, bracket styles, full-width digits, encodings,
//! override columns, instances from 审级 or from the 案号 — imports them, and compares
//! every count and rate of the JSON report.

use chrono::{Datelike, Days, NaiveDate};
use encoding_rs::GB18030;

use crate::reference::{self, LIT_OUTCOMES, RECON_OUTCOMES, Recon, Suit};
use crate::support::Workspace;

/// `SplitMix64`: deterministic, so a failing seed can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const UNITS: [&str; 4] = ["都匀市", "福泉市", "荔波县", "州直"];

fn day(r: &mut Random, from: NaiveDate, span: usize) -> NaiveDate {
    from + Days::new(r.below(span) as u64)
}

fn generate(r: &mut Random) -> (Vec<Recon>, Vec<Suit>) {
    let start = NaiveDate::from_ymd_opt(2019, 10, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(2021, 9, 30).unwrap_or_default();
    let mut recon = Vec::new();
    for number in 1..=120 {
        let received = day(r, start, 700);
        let (spelling, canonical) = RECON_OUTCOMES[r.below(RECON_OUTCOMES.len())];
        let closed = r
            .chance(75)
            .then(|| (day(r, received + Days::new(3), 120), spelling, canonical))
            .filter(|(d, _, _)| *d <= end);
        let not_accepted = closed.is_some_and(|(_, _, c)| c == "不予受理");
        let accepted = (!not_accepted && r.chance(90)).then(|| day(r, received, 6));
        recon.push(Recon {
            number,
            unit: r.pick(&UNITS),
            received,
            accepted,
            closed,
            corrected: r.chance(8).then(|| r.chance(50)),
        });
    }
    let mut suits = Vec::new();
    for number in 1..=160 {
        let filed = day(r, start, 700);
        let code = r.pick(&["行初", "行初", "行初", "行赔初", "行终", "行申"]);
        let hearing = r.chance(70).then(|| day(r, filed + Days::new(10), 90));
        let (spelling, canonical) = LIT_OUTCOMES[r.below(LIT_OUTCOMES.len())];
        let after = hearing.unwrap_or(filed);
        let closed = r
            .chance(70)
            .then(|| (day(r, after + Days::new(1), 90), spelling, canonical))
            .filter(|(d, _, _)| *d <= end);
        let hearing = hearing.filter(|d| *d <= end);
        suits.push(Suit {
            number,
            unit: r.pick(&UNITS),
            code,
            filed,
            head: hearing.and_then(|_| [Some(true), Some(false), None][r.below(3)]),
            hearing,
            closed,
            lost: r.chance(8).then(|| r.chance(50)),
        });
    }
    (recon, suits)
}

fn date(r: &mut Random, d: NaiveDate) -> String {
    let (y, m, dd) = (d.year(), d.month(), d.day());
    match r.below(6) {
        0 => format!("{y}-{m:02}-{dd:02}"),
        1 => format!("{y}/{m}/{dd}"),
        2 => format!("{y}.{m}.{dd}"),
        3 => format!("{y}年{m}月{dd}日"),
        4 => format!("{y}{m:02}{dd:02}"),
        _ => format!("{y}-{m}-{dd}")
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    }
}

fn flag(r: &mut Random, value: Option<bool>) -> String {
    let (yes, no) = [
        ("是", "否"),
        ("Y", "N"),
        ("√", "×"),
        ("1", "0"),
        ("有", "无"),
        ("true", "false"),
    ][r.below(6)];
    value.map_or(String::new(), |v| (if v { yes } else { no }).to_owned())
}

fn bracket(r: &mut Random, year: i32) -> String {
    let (open, close) = [
        ("〔", "〕"),
        ("（", "）"),
        ("[", "]"),
        ("(", ")"),
        ("【", "】"),
    ][r.below(5)];
    format!("{open}{year}{close}")
}

/// Writes rows as a CSV with the header in a random column order, in a random encoding.
fn write(ws: &Workspace, r: &mut Random, name: &str, header: &[&str], rows: &[Vec<String>]) {
    let mut order: Vec<usize> = (0..header.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, r.below(i + 1));
    }
    let line = |cells: Vec<&str>| {
        order
            .iter()
            .map(|i| cells[*i])
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut text = line(header.to_vec()) + "\n";
    for row in rows {
        text += &line(row.iter().map(String::as_str).collect());
        text += "\n";
    }
    let bytes = match r.below(3) {
        0 => text.into_bytes(),
        1 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        _ => GB18030.encode(&text.replace('\n', "\r\n")).0.into_owned(),
    };
    ws.write(name, &bytes);
}

fn write_recon(ws: &Workspace, r: &mut Random, cases: &[Recon]) {
    let headers: [[&str; 9]; 2] = [
        [
            "案号",
            "单位",
            "申请事项",
            "收案日期",
            "受理日期",
            "结案日期",
            "结案方式",
            "是否纠错",
            "申请人",
        ],
        [
            "复议案号",
            "县市",
            "案件类型",
            "收到申请日期",
            "受理日期",
            "办结日期",
            "审理结果",
            "是否纠错",
            "序号",
        ],
    ];
    for (part, chunk) in cases.chunks(40).enumerate() {
        let header = headers[r.below(2)];
        let rows: Vec<Vec<String>> = chunk
            .iter()
            .map(|c| {
                let (closed, outcome) = c
                    .closed
                    .map_or((String::new(), String::new()), |(d, s, _)| {
                        (date(r, d), s.to_owned())
                    });
                vec![
                    format!("都府复{}{}号", bracket(r, c.received.year()), c.number),
                    c.unit.to_owned(),
                    "行政处罚".to_owned(),
                    date(r, c.received),
                    c.accepted.map(|d| date(r, d)).unwrap_or_default(),
                    closed,
                    outcome,
                    flag(r, c.corrected),
                    "王某".to_owned(),
                ]
            })
            .collect();
        write(
            ws,
            r,
            &format!("in/复议台账_{part}_2021-09-30.csv"),
            &header,
            &rows,
        );
    }
}

fn write_suits(ws: &Workspace, r: &mut Random, cases: &[Suit]) {
    for (part, chunk) in cases.chunks(40).enumerate() {
        let with_instance = r.chance(50);
        let mut header = vec![
            "案号",
            "单位",
            "被告",
            "立案日期",
            "开庭日期",
            "行政机关负责人是否出庭",
            "审结日期",
            "判决结果",
            "是否败诉",
            "原告",
        ];
        if with_instance {
            header.push("审级");
        }
        let rows: Vec<Vec<String>> = chunk
            .iter()
            .map(|c| {
                let (closed, outcome) = c
                    .closed
                    .map_or((String::new(), String::new()), |(d, s, _)| {
                        (date(r, d), s.to_owned())
                    });
                let mut row = vec![
                    format!(
                        "{}黔2701{}{}号",
                        bracket(r, c.filed.year()),
                        c.code,
                        c.number
                    ),
                    c.unit.to_owned(),
                    "某局".to_owned(),
                    date(r, c.filed),
                    c.hearing.map(|d| date(r, d)).unwrap_or_default(),
                    flag(r, c.head),
                    closed,
                    outcome,
                    flag(r, c.lost),
                    "李某".to_owned(),
                ];
                if with_instance {
                    let instance = match c.code {
                        "行初" | "行赔初" => "一审",
                        "行终" => "二审",
                        _ => "再审",
                    };
                    row.push(instance.to_owned());
                }
                row
            })
            .collect();
        write(
            ws,
            r,
            &format!("in/应诉台账_{part}_2021-09-30.csv"),
            &header,
            &rows,
        );
    }
}

#[test]
fn every_allowed_form_gives_the_reference_figures() {
    let period = (
        NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(2021, 8, 31).unwrap_or_default(),
    );
    for seed in 1..=4 {
        let mut r = Random(seed);
        let (recon, suits) = generate(&mut r);
        let ws = Workspace::new();
        write_recon(&ws, &mut r, &recon);
        write_suits(&ws, &mut r, &suits);
        ws.ok(["import".as_ref(), ws.path().join("in").as_os_str()]);
        let report = ws.report_json(&["--from", "2021-01-01", "--to", "2021-08-31"]);
        let differences = reference::differences(
            &report,
            &reference::counts(&recon, &suits, period, None),
            &reference::counts(&recon, &suits, reference::previous_year(period), None),
        );
        assert!(
            differences.is_empty(),
            "seed {seed}:\n{}",
            differences.join("\n")
        );
    }
}
