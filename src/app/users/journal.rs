//! `:journal`: the last entries of the audit journal (every mutation, as the client recorded it).

use crate::app::remote::Remote;

/// How many entries `:journal` reads.
pub const JOURNAL_ENTRIES: usize = 200;

/// One journal entry as shown: every field already text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalLine {
    pub time: String,
    pub profile: String,
    pub region: String,
    pub pool: String,
    pub operation: String,
    pub target: String,
    pub result: String,
    pub request_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JournalView {
    /// Newest last, as the journal has them.
    pub entries: Remote<Vec<JournalLine>>,
    pub scroll: usize,
}
