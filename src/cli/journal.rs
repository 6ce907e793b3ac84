//! `journal`: the last entries of the audit journal (a local file: no call is made).

use std::io::{self, Write as _};

use super::args::{JournalArgs, OutputFormat};
use super::output::{Out, write_table};
use super::{CliError, CliResult};
use crate::shared::journal::Entry;
use crate::shared::journal::Journal;

pub fn run(format: OutputFormat, args: &JournalArgs) -> CliResult {
    let journal =
        Journal::open_default().map_err(|e| CliError::Input(format!("the audit journal: {e}")))?;
    let entries = journal
        .read_last(args.last)
        .map_err(|e| CliError::Input(format!("reading {}: {e}", journal.path().display())))?;
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => {
            for entry in &entries {
                let line = serde_json::to_string(entry).map_err(io::Error::other)?;
                writeln!(out, "{line}")?;
            }
        }
        OutputFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(HEADERS).map_err(io::Error::other)?;
            for entry in &entries {
                csv.write_record(row(entry)).map_err(io::Error::other)?;
            }
            csv.flush()?;
        }
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = entries.iter().map(row).collect();
            write_table(&mut out, &HEADERS, &rows)?;
        }
    }
    out.flush()?;
    if entries.is_empty() {
        let _ = writeln!(io::stderr(), "no entries in {}", journal.path().display());
    }
    Ok(())
}

const HEADERS: [&str; 8] = [
    "time",
    "profile",
    "region",
    "pool",
    "operation",
    "target",
    "result",
    "request id",
];

fn row(e: &Entry) -> Vec<String> {
    vec![
        e.time.clone(),
        e.profile.clone().unwrap_or_default(),
        e.region.clone(),
        e.pool.clone(),
        e.operation.clone(),
        e.target.clone(),
        e.outcome(),
        e.request_id.clone().unwrap_or_default(),
    ]
}
