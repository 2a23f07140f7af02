//! The case model: a reconsideration or litigation case with its true dates and outcome, the
//! report in which each event is first written down, how its number is typed, and the view of
//! it that a given weekly report shows (including a planted wrong value, until corrected).

use chrono::NaiveDate;

use super::names::{COURTS, RECON_PREFIX, lit_loses, recon_corrects};

/// A value shown instead of the true one for a few weeks, then corrected.
#[derive(Clone, Copy)]
pub enum Shown {
    Outcome(&'static str),
    ClosedOn(NaiveDate),
    HeadAbsent,
}

/// A planted correction: shown in reports `from..until` (indices), right from `until` on.
#[derive(Clone, Copy)]
pub struct Fix {
    pub from: usize,
    pub until: usize,
    pub shown: Shown,
}

impl Fix {
    fn active(self, report: usize) -> Option<Shown> {
        (self.from <= report && report < self.until).then_some(self.shown)
    }
}

/// How a case number is typed, apart from the source's brackets.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    Plain,
    /// Full-width digits, in every file.
    FullWidthDigits,
    /// A stray space while the case is open, retyped when it closes.
    SpaceWhileOpen,
    /// A stray space the first time the row is sent.
    SpaceFirstTime,
}

/// A reconsideration case; `known_*` are report indices.
pub struct Recon {
    pub plan: &'static str,
    pub unit: usize,
    pub year: i32,
    pub seq: u32,
    pub typing: Typing,
    pub respondent: String,
    pub matter: &'static str,
    pub applicant: String,
    pub clerk: &'static str,
    pub lead: String,
    pub received: NaiveDate,
    pub accepted: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    pub outcome: &'static str,
    pub corrected_flag: Option<bool>,
    pub closing_note: &'static str,
    pub known_received: usize,
    pub known_accepted: Option<usize>,
    pub known_closed: Option<usize>,
    pub fix: Option<Fix>,
}

/// What a reconsideration row says in a given report.
#[derive(Clone, PartialEq, Eq)]
pub struct ReconView {
    pub received: NaiveDate,
    pub accepted: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    pub outcome: &'static str,
    pub corrected: Option<bool>,
    pub note: &'static str,
}

impl Recon {
    /// The case number in standard form with the given brackets.
    pub fn number(&self, (open, close): (&str, &str)) -> String {
        format!(
            "{}{open}{}{close}{}号",
            RECON_PREFIX[self.unit], self.year, self.seq
        )
    }

    /// The row as known in report `report` (dated `date`), or `None` before it is known.
    pub fn view(&self, report: usize, date: NaiveDate) -> Option<ReconView> {
        if report < self.known_received {
            return None;
        }
        let accepted = self
            .accepted
            .filter(|_| self.known_accepted.is_some_and(|k| k <= report));
        let closed = self
            .closed
            .filter(|_| self.known_closed.is_some_and(|k| k <= report));
        let mut outcome = if closed.is_some() { self.outcome } else { "" };
        if let Some(Shown::Outcome(shown)) = self.fix.and_then(|fix| fix.active(report)) {
            outcome = shown;
        }
        let note = if closed.is_some() {
            self.closing_note
        } else if let Some(accepted) = accepted {
            if (date - accepted).num_days() > 60 {
                "延期审理"
            } else {
                ""
            }
        } else {
            "受理审查中"
        };
        Some(ReconView {
            received: self.received,
            accepted,
            closed,
            outcome,
            corrected: closed.map(|_| {
                self.corrected_flag
                    .unwrap_or_else(|| recon_corrects(outcome))
            }),
            note,
        })
    }
}

/// 一审, 二审 or 再审.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Instance {
    First,
    Second,
    Retrial,
}

impl Instance {
    pub fn label(self) -> &'static str {
        match self {
            Instance::First => "一审",
            Instance::Second => "二审",
            Instance::Retrial => "再审",
        }
    }

    fn type_code(self) -> &'static str {
        match self {
            Instance::First => "行初",
            Instance::Second => "行终",
            Instance::Retrial => "行申",
        }
    }
}

/// A litigation case; `known_*` are report indices.
pub struct Lit {
    pub plan: &'static str,
    pub court: usize,
    pub instance: Instance,
    pub year: i32,
    pub seq: u32,
    pub typing: Typing,
    pub unit: usize,
    pub defendant: String,
    pub plaintiff: String,
    pub third_party: String,
    pub matter: &'static str,
    pub judge: &'static str,
    pub lead: String,
    pub filed: NaiveDate,
    pub hearing: Option<NaiveDate>,
    pub head: Option<bool>,
    pub head_name: String,
    pub head_title: &'static str,
    pub closed: Option<NaiveDate>,
    pub outcome: &'static str,
    pub lost_flag: Option<bool>,
    pub closing_note: &'static str,
    pub open_note: &'static str,
    pub known_filed: usize,
    pub known_hearing: Option<usize>,
    pub known_closed: Option<usize>,
    pub fix: Option<Fix>,
    /// A 备注 the row always shows, in place of the case's own notes.
    pub remark: Option<String>,
}

/// What a litigation row says in a given report.
#[derive(Clone, PartialEq, Eq)]
pub struct LitView {
    pub hearing: Option<NaiveDate>,
    pub head: Option<bool>,
    pub head_name: String,
    pub head_title: &'static str,
    pub closed: Option<NaiveDate>,
    pub outcome: &'static str,
    pub lost: Option<bool>,
    pub note: &'static str,
}

impl Lit {
    /// The case number in standard form with the given brackets.
    pub fn number(&self, (open, close): (&str, &str)) -> String {
        let code = COURTS[self.court].1;
        let kind = self.instance.type_code();
        format!("{open}{}{close}黔{code}{kind}{}号", self.year, self.seq)
    }

    /// The row as known in report `report`, or `None` before the case is known.
    pub fn view(&self, report: usize) -> Option<LitView> {
        if report < self.known_filed {
            return None;
        }
        let hearing = self
            .hearing
            .filter(|_| self.known_hearing.is_some_and(|k| k <= report));
        let mut view = LitView {
            hearing,
            head: hearing.and(self.head),
            head_name: if hearing.is_some() {
                self.head_name.clone()
            } else {
                String::new()
            },
            head_title: if hearing.is_some() {
                self.head_title
            } else {
                ""
            },
            closed: self
                .closed
                .filter(|_| self.known_closed.is_some_and(|k| k <= report)),
            outcome: "",
            lost: None,
            note: "",
        };
        if view.closed.is_some() {
            view.outcome = self.outcome;
            view.note = self.closing_note;
        } else if hearing.is_some() {
            view.note = self.open_note;
        }
        match self.fix.and_then(|fix| fix.active(report)) {
            Some(Shown::Outcome(shown)) => view.outcome = shown,
            Some(Shown::ClosedOn(shown)) => view.closed = Some(shown),
            Some(Shown::HeadAbsent) => {
                view.head = Some(false);
                view.head_name.clear();
                view.head_title = "";
            }
            None => {}
        }
        view.lost = view
            .closed
            .map(|_| self.lost_flag.unwrap_or_else(|| lit_loses(view.outcome)));
        Some(view)
    }
}

/// A planted correction, for the final check and the README.
pub struct Correction {
    pub reconsideration: bool,
    pub case_no: String,
    /// A report date on which the wrong value is the latest known.
    pub wrong_as_of: NaiveDate,
    /// The SPEC §4 count that the wrong value changes, and the period it changes it for.
    pub key: &'static str,
    pub period: (NaiveDate, NaiveDate),
}
