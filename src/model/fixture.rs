//! Cases for unit tests: one builder instead of a struct literal in every test module.
//! Each test starts from a plain open case and says only what matters to it.

use chrono::NaiveDate;

use super::{Case, CaseNo, DocType, Facts, Instance, Outcome, Tracking};

/// A date written as `2021-08-31`.
#[must_use]
pub fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

/// An open reconsideration case received on `received`.
#[must_use]
pub fn recon(case_no: &str, unit: &str, received: &str) -> Case {
    Case {
        case_no: CaseNo::new(case_no).expect("a test case number"),
        unit: unit.to_owned(),
        matter: None,
        closed_on: None,
        outcome: None,
        lead: None,
        note: None,
        facts: Facts::Reconsideration {
            respondent: None,
            received_on: d(received),
            accepted_on: None,
            corrected: None,
        },
        tracking: Tracking::default(),
    }
}

/// An open lawsuit of `instance` filed on `filed`, not yet heard.
#[must_use]
pub fn suit(case_no: &str, unit: &str, instance: Instance, filed: &str) -> Case {
    Case {
        facts: Facts::Litigation {
            instance,
            court: None,
            defendant: None,
            filed_on: d(filed),
            hearing_on: None,
            head_appeared: None,
            head_name: None,
            head_title: None,
            lost: None,
        },
        ..recon(case_no, unit, filed)
    }
}

/// A 行政复议意见书 issued on `issued`, not yet received or answered.
#[must_use]
pub fn document(doc_no: &str, unit: &str, issued: &str) -> Case {
    Case {
        facts: Facts::Rectification {
            doc_type: DocType::ReconsiderationOpinion,
            issuer: None,
            addressee: None,
            linked_case_no: None,
            issued_on: d(issued),
            received_on: None,
            reply_due_on: None,
            replied_on: None,
            status: None,
        },
        ..recon(doc_no, unit, issued)
    }
}

/// A dispute the bureau learned of on `received`, nothing done yet.
#[must_use]
pub fn dispute(dispute_no: &str, unit: &str, received: &str) -> Case {
    Case {
        facts: Facts::Dispute {
            agency: None,
            received_on: d(received),
            reviewed_on: None,
            planned_on: None,
            court_received_on: None,
            mediation_started_on: None,
            result: None,
            resolved_on: None,
        },
        ..recon(dispute_no, unit, received)
    }
}

impl Case {
    /// The case closed on `on` with `outcome`.
    #[must_use]
    pub fn closed(mut self, on: &str, outcome: Outcome) -> Case {
        self.closed_on = Some(d(on));
        self.outcome = Some(outcome);
        self
    }

    /// A reconsideration case accepted on `on`.
    #[must_use]
    pub fn accepted(mut self, on: &str) -> Case {
        if let Facts::Reconsideration { accepted_on, .. } = &mut self.facts {
            *accepted_on = Some(d(on));
        }
        self
    }

    /// A lawsuit heard on `on`, the head's appearance and title as given.
    #[must_use]
    pub fn heard(mut self, on: &str, appeared: Option<bool>, title: Option<&str>) -> Case {
        if let Facts::Litigation {
            hearing_on,
            head_appeared,
            head_title,
            ..
        } = &mut self.facts
        {
            *hearing_on = Some(d(on));
            *head_appeared = appeared;
            *head_title = title.map(str::to_owned);
        }
        self
    }
}
