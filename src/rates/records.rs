//! The figures of the two ledgers beside the case ledgers (SPEC §9): how many documents
//! were issued, how many replies fell due and came on time (到期反馈率), how many were
//! rectified (整改完成率); how many disputes came in, ended, and were resolved before
//! court (诉前化解率). Each counted on its own date, like the counts of §4.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Percent, RateFigure, Share};
use crate::model::deadline::reply_due;
use crate::model::{Case, DisputeResult, Facts, Period, Rectified, Rules, WorkCalendar};

/// The document counts of one period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RectificationCounts {
    /// Documents issued in the period.
    pub issued: u64,
    /// Documents whose reply deadline falls in the period, on or before the date of
    /// knowledge (a deadline still ahead is not yet due).
    pub replies_due: u64,
    /// Of those, replied on or before the deadline.
    pub replied_on_time: u64,
    /// Documents issued in the period and marked 已整改.
    pub rectified: u64,
}

/// The dispute counts of one period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DisputeCounts {
    /// Disputes the bureau learned of in the period.
    pub received: u64,
    /// Disputes whose 化解日期 falls in the period, whatever the result.
    pub ended: u64,
    /// Of those, 化解成功.
    pub resolved: u64,
}

/// What a document's reply is judged against: the calendar of its default deadline and
/// the date of knowledge.
#[derive(Debug, Clone, Copy)]
pub struct ReplyBasis<'a> {
    pub calendar: &'a WorkCalendar,
    /// The 口径's reply days per document type.
    pub rules: &'a Rules,
    pub as_of: NaiveDate,
}

impl RectificationCounts {
    /// Adds a document (any other case adds nothing).
    pub fn add(&mut self, case: &Case, period: &Period, basis: &ReplyBasis) {
        let Facts::Rectification {
            issued_on,
            replied_on,
            status,
            ..
        } = &case.facts
        else {
            return;
        };
        if period.contains(*issued_on) {
            self.issued += 1;
            self.rectified += u64::from(*status == Some(Rectified::Done));
        }
        if let Some(due) = reply_due(basis.calendar, basis.rules, case)
            && period.contains(due.date)
            && due.date <= basis.as_of
        {
            self.replies_due += 1;
            self.replied_on_time += u64::from(replied_on.is_some_and(|on| on <= due.date));
        }
    }

    /// Whether no document counted: the report then shows no rectification rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.issued + self.replies_due == 0
    }
}

impl DisputeCounts {
    /// Adds a dispute (any other case adds nothing).
    pub fn add(&mut self, case: &Case, period: &Period) {
        let Facts::Dispute {
            received_on,
            result,
            resolved_on,
            ..
        } = &case.facts
        else {
            return;
        };
        self.received += u64::from(period.contains(*received_on));
        if resolved_on.is_some_and(|on| period.contains(on)) {
            self.ended += 1;
            self.resolved += u64::from(*result == Some(DisputeResult::Resolved));
        }
    }

    /// Whether no dispute counted.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.received + self.ended == 0
    }
}

/// One period's `rectification` object, as SPEC §9 spells it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RectificationFigures {
    pub issued: u64,
    pub replies_due: u64,
    pub replied_on_time: u64,
    pub reply_rate: Option<Percent>,
    pub rectified: u64,
    pub rectified_rate: Option<Percent>,
}

impl From<&RectificationCounts> for RectificationFigures {
    fn from(c: &RectificationCounts) -> Self {
        RectificationFigures {
            issued: c.issued,
            replies_due: c.replies_due,
            replied_on_time: c.replied_on_time,
            reply_rate: Percent::of(c.replied_on_time, c.replies_due),
            rectified: c.rectified,
            rectified_rate: Percent::of(c.rectified, c.issued),
        }
    }
}

/// One period's `disputes` object, as SPEC §9 spells it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DisputeFigures {
    pub received: u64,
    pub ended: u64,
    pub resolved: u64,
    pub pre_litigation_rate: Option<Percent>,
}

impl From<&DisputeCounts> for DisputeFigures {
    fn from(c: &DisputeCounts) -> Self {
        DisputeFigures {
            received: c.received,
            ended: c.ended,
            resolved: c.resolved,
            pre_litigation_rate: Percent::of(c.resolved, c.ended),
        }
    }
}

/// A block of figures with the same block for the previous period inside it; reads as
/// the current period's block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WithPrevious<T> {
    #[serde(flatten)]
    pub current: T,
    pub previous: T,
}

impl<T> WithPrevious<T> {
    /// The figures of both periods from their counts.
    pub fn from_counts<C>(current: &C, previous: &C) -> Self
    where
        for<'c> T: From<&'c C>,
    {
        WithPrevious {
            current: current.into(),
            previous: previous.into(),
        }
    }
}

impl WithPrevious<RectificationFigures> {
    /// 到期反馈率 in both periods with its 同比, as the rates of a report are compared.
    #[must_use]
    pub fn reply_rate(&self) -> RateFigure {
        let share = |f: &RectificationFigures| Share::new(f.replied_on_time, f.replies_due);
        RateFigure::compare(share(&self.current), share(&self.previous))
    }

    /// 整改完成率 in both periods with its 同比.
    #[must_use]
    pub fn rectified_rate(&self) -> RateFigure {
        let share = |f: &RectificationFigures| Share::new(f.rectified, f.issued);
        RateFigure::compare(share(&self.current), share(&self.previous))
    }
}

impl WithPrevious<DisputeFigures> {
    /// 诉前化解率 in both periods with its 同比.
    #[must_use]
    pub fn pre_litigation_rate(&self) -> RateFigure {
        let share = |f: &DisputeFigures| Share::new(f.resolved, f.ended);
        RateFigure::compare(share(&self.current), share(&self.previous))
    }
}

impl<T> std::ops::Deref for WithPrevious<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixture::{d, dispute, document};

    fn year(y: i32) -> Period {
        Period::new(d(&format!("{y}-01-01")), d(&format!("{y}-12-31"))).unwrap()
    }

    fn with(mut case: Case, f: impl FnOnce(&mut Facts)) -> Case {
        f(&mut case.facts);
        case
    }

    #[test]
    fn replies_count_when_due_by_the_date_of_knowledge() {
        let calendar = WorkCalendar::new();
        let rules = Rules::default();
        let basis = ReplyBasis {
            calendar: &calendar,
            rules: &rules,
            as_of: d("2025-06-30"),
        };
        // Received 2025-03-03: due 60 days later, Friday 2025-05-02 is a holiday, so
        // Tuesday 2025-05-06 (the 劳动节 holiday runs to 05-05).
        let on_time = with(document("意1", "都匀市", "2025-02-20"), |f| {
            if let Facts::Rectification {
                received_on,
                replied_on,
                status,
                ..
            } = f
            {
                *received_on = Some(d("2025-03-03"));
                *replied_on = Some(d("2025-05-06"));
                *status = Some(Rectified::Done);
            }
        });
        let late = with(document("意2", "都匀市", "2025-02-20"), |f| {
            if let Facts::Rectification {
                received_on,
                replied_on,
                ..
            } = f
            {
                *received_on = Some(d("2025-03-03"));
                *replied_on = Some(d("2025-05-07"));
            }
        });
        let not_yet_due = with(document("意3", "都匀市", "2025-06-01"), |f| {
            if let Facts::Rectification { received_on, .. } = f {
                *received_on = Some(d("2025-06-02"));
            }
        });
        let unknown_deadline = with(document("建1", "都匀市", "2025-03-01"), |f| {
            if let Facts::Rectification { doc_type, .. } = f {
                *doc_type = crate::model::DocType::JudicialProposal;
            }
        });
        let mut counts = RectificationCounts::default();
        for case in [&on_time, &late, &not_yet_due, &unknown_deadline] {
            counts.add(case, &year(2025), &basis);
        }
        assert_eq!(
            counts,
            RectificationCounts {
                issued: 4,
                replies_due: 2,
                replied_on_time: 1,
                rectified: 1,
            }
        );
        let figures = RectificationFigures::from(&counts);
        assert_eq!(figures.reply_rate, Some(Percent(5000)));
        assert_eq!(figures.rectified_rate, Some(Percent(2500)));
    }

    #[test]
    fn disputes_end_on_their_date_and_only_success_is_resolved() {
        let ended = |no: &str, result: DisputeResult, on: &str| {
            with(dispute(no, "都匀市", "2024-12-20"), |f| {
                if let Facts::Dispute {
                    result: r,
                    resolved_on,
                    ..
                } = f
                {
                    *r = Some(result);
                    *resolved_on = Some(d(on));
                }
            })
        };
        let cases = [
            ended("诉1", DisputeResult::Resolved, "2025-01-10"),
            ended("诉2", DisputeResult::ToLitigation, "2025-02-10"),
            ended("诉3", DisputeResult::Resolved, "2024-12-30"),
            dispute("诉4", "都匀市", "2025-03-01"),
        ];
        let mut counts = DisputeCounts::default();
        for case in &cases {
            counts.add(case, &year(2025));
        }
        assert_eq!(
            counts,
            DisputeCounts {
                received: 1,
                ended: 2,
                resolved: 1,
            }
        );
        let figures = DisputeFigures::from(&counts);
        assert_eq!(figures.pre_litigation_rate, Some(Percent(5000)));
        assert_eq!(
            DisputeFigures::from(&DisputeCounts::default()).pre_litigation_rate,
            None
        );
    }

    #[test]
    fn rates_compare_with_the_previous_period_like_the_case_rates() {
        let documents: WithPrevious<RectificationFigures> = WithPrevious::from_counts(
            &RectificationCounts {
                issued: 3,
                replies_due: 3,
                replied_on_time: 1,
                rectified: 1,
            },
            &RectificationCounts {
                issued: 2,
                replies_due: 0,
                replied_on_time: 0,
                rectified: 2,
            },
        );
        let reply = documents.reply_rate();
        assert_eq!(reply.current, Share::new(1, 3));
        assert_eq!(reply.current.rate, documents.reply_rate);
        assert_eq!(reply.previous.rate, None);
        assert_eq!(reply.delta_pp, None);
        // 33.33 − 100.00, from the two shown rates.
        assert_eq!(documents.rectified_rate().delta_pp, Some(Percent(-6667)));
        let disputes: WithPrevious<DisputeFigures> = WithPrevious::from_counts(
            &DisputeCounts {
                received: 3,
                ended: 1,
                resolved: 1,
            },
            &DisputeCounts {
                received: 1,
                ended: 2,
                resolved: 1,
            },
        );
        let rate = disputes.pre_litigation_rate();
        assert_eq!(rate.current.rate, Some(Percent(10000)));
        assert_eq!(rate.delta_pp, Some(Percent(5000)));
        assert_eq!(rate.relative_change, Some(Percent(10000)));
    }
}
