//! `caseledger leads`: the monthly 调度 sheet of each 包案领导's cases.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::support::output;
use crate::cli::{LeadsArgs, LeadsFormat};
use crate::leads::text as render;
use crate::leads::{self, LeadSheet, SheetOptions};
use crate::ledger::Ledger;

pub fn run(ledger_path: &Path, args: &LeadsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    print(&Ledger::open_existing(ledger_path)?, args, out)
}

/// The sheet of an open ledger (the demo's too).
pub(super) fn print(ledger: &Ledger, args: &LeadsArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let _view = ledger.snapshot()?;
    let options = SheetOptions {
        month: args.month,
        lead: args
            .lead
            .as_deref()
            .map(|lead| crate::spreadsheet::cell::normalise(lead).into_owned()),
        rules: ledger.rules()?,
        today: chrono::Local::now().date_naive(),
    };
    let sheet = leads::build(ledger, &options)?;
    warn_if_no_such_lead(&sheet);
    // (clap requires --output for xlsx and docx.) Passed through untouched: every format
    // is UTF-8 text already, or a binary workbook or document.
    output::emit_utf8(ledger, args.output.as_deref(), false, out, |w| {
        match args.format {
            LeadsFormat::Table => render::write_table(&sheet, w),
            LeadsFormat::Json => render::write_json(&sheet, w),
            LeadsFormat::Markdown => render::write_markdown(&sheet, w),
            LeadsFormat::Html => render::write_html(&sheet, w),
            LeadsFormat::Xlsx => render::write_xlsx(&sheet, w),
            LeadsFormat::Docx => crate::leads::docx::write_lead_sheet(&sheet, w),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// A `--lead` that owns no case of the month is most likely a typo: say so, with the
/// month's leaders.
fn warn_if_no_such_lead(sheet: &LeadSheet) {
    let (Some(lead), true) = (&sheet.lead, sheet.leads.is_empty()) else {
        return;
    };
    eprintln!(
        "warning: no case of {} has the 包案领导 `{lead}` ({})",
        sheet.month,
        if sheet.all_leads.is_empty() {
            "no case has one that month".to_owned()
        } else {
            format!("leaders that month: {}", sheet.all_leads.join("、"))
        }
    );
}
