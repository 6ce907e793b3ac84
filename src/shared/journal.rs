//! The audit journal: one JSON line per mutation (who, where, what, to whom, how it went), appended
//! under the data dir. It holds no passwords or tokens: `Entry` has no field that could carry one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One mutation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// RFC 3339, UTC.
    pub time: String,
    pub profile: Option<String>,
    pub region: String,
    pub pool: String,
    /// The API operation, e.g. `AdminDisableUser`.
    pub operation: String,
    /// The user (or group, client) it was done to.
    pub target: String,
    /// `ok`, the error code, or `unknown`: the answer was lost and the change may have been applied.
    pub result: String,
    /// For an `unknown` result, what a fresh read showed afterwards: `applied` or `not applied`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    pub request_id: Option<String>,
}

impl Entry {
    /// The result as a person reads it: `ok`, a code, `unknown`, or `unknown (read: applied)`.
    pub fn outcome(&self) -> String {
        match &self.checked {
            Some(checked) => format!("{} (read: {checked})", self.result),
            None => self.result.clone(),
        }
    }

    /// The current time, as entries carry it.
    pub fn now() -> String {
        let now = time::OffsetDateTime::now_utc();
        // Whole seconds: the journal is for people; the request id pins the call down.
        now.replace_nanosecond(0)
            .unwrap_or(now)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    }
}

/// The journal file.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
}

impl Journal {
    /// `journal.jsonl` in the data dir (`COGNITO_TUI_DATA_DIR` or the platform's), created if missing.
    pub fn open_default() -> io::Result<Self> {
        let dir = crate::shared::data_dir().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "no data directory: no home directory found; set COGNITO_TUI_DATA_DIR",
            )
        })?;
        fs::create_dir_all(&dir)?;
        Ok(Self::at(dir.join("journal.jsonl")))
    }

    pub fn at(path: PathBuf) -> Self {
        Self { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one line in one write to a file opened with O_APPEND: concurrent appenders (console
    /// and CLI at once) never interleave within a line.
    pub fn append(&self, entry: &Entry) -> io::Result<()> {
        let mut line = serde_json::to_vec(entry).map_err(io::Error::other)?;
        line.push(b'\n');
        let mut options = OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(&self.path)?.write_all(&line)
    }

    /// The last `n` entries, oldest first; lines that are not entries are skipped. Reads the file
    /// backwards from its end, so a journal of years costs what its tail costs.
    pub fn read_last(&self, n: usize) -> io::Result<Vec<Entry>> {
        const CHUNK: u64 = 64 * 1024;
        let mut file = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut pos = file.metadata()?.len();
        // The start of the region read so far, up to its first newline: a line not yet complete.
        let mut carry: Vec<u8> = Vec::new();
        let mut newest_first: Vec<Entry> = Vec::new();
        while pos > 0 && newest_first.len() < n {
            let start = pos.saturating_sub(CHUNK);
            file.seek(SeekFrom::Start(start))?;
            let mut chunk = Vec::new();
            (&mut file).take(pos - start).read_to_end(&mut chunk)?;
            chunk.extend_from_slice(&carry);
            pos = start;
            let (head, complete) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) if pos > 0 => (&chunk[..i], &chunk[i + 1..]),
                None if pos > 0 => (&chunk[..], &[][..]),
                _ => (&[][..], &chunk[..]),
            };
            for line in complete.rsplit(|&b| b == b'\n') {
                if newest_first.len() == n {
                    break;
                }
                if let Ok(entry) = serde_json::from_slice::<Entry>(line) {
                    newest_first.push(entry);
                }
            }
            carry = head.to_vec();
        }
        newest_first.reverse();
        Ok(newest_first)
    }
}

/// The client reports every operation that is not a read here, whatever path sent it.
impl crate::cognito::audit::MutationLog for Journal {
    fn record(&self, m: &crate::cognito::audit::Mutation<'_>) {
        let entry = Entry {
            time: Entry::now(),
            profile: m.profile.map(str::to_owned),
            region: m.region.to_owned(),
            pool: m.pool.to_owned(),
            operation: m.operation.to_owned(),
            target: m.target.to_owned(),
            result: m.result.to_owned(),
            checked: m.checked.map(str::to_owned),
            request_id: m.request_id.map(str::to_owned),
        };
        if let Err(e) = self.append(&entry) {
            tracing::warn!(path = %self.path.display(), error = %e, "could not write the audit journal");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(i: usize) -> Entry {
        Entry {
            time: "2026-01-02T03:04:05Z".to_owned(),
            profile: i.is_multiple_of(2).then(|| "prod".to_owned()),
            region: "us-east-1".to_owned(),
            pool: "us-east-1_Ab1".to_owned(),
            operation: "AdminDisableUser".to_owned(),
            target: format!("user{i}"),
            result: "ok".to_owned(),
            checked: None,
            request_id: Some(format!("req-{i}")),
        }
    }

    fn journal() -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().join("journal.jsonl"));
        (dir, journal)
    }

    #[test]
    fn appends_and_reads_the_last_entries_oldest_first() {
        let (_dir, j) = journal();
        assert_eq!(j.read_last(5).unwrap(), []);
        for i in 0..10 {
            j.append(&entry(i)).unwrap();
        }
        assert_eq!(j.read_last(3).unwrap(), [entry(7), entry(8), entry(9)]);
        assert_eq!(j.read_last(100).unwrap().len(), 10);
        assert_eq!(j.read_last(0).unwrap(), []);
        let text = fs::read_to_string(j.path()).unwrap();
        assert_eq!(text.lines().count(), 10);
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn reads_across_chunk_boundaries() {
        let (_dir, j) = journal();
        // ~2,000 lines of ~200 bytes: several 64 KiB chunks, lines straddling their edges.
        for i in 0..2000 {
            j.append(&entry(i)).unwrap();
        }
        let last = j.read_last(1500).unwrap();
        assert_eq!(last.len(), 1500);
        for (k, e) in last.iter().enumerate() {
            assert_eq!(*e, entry(500 + k));
        }
        assert_eq!(j.read_last(5000).unwrap().len(), 2000);
    }

    /// Writes `bytes` at the end of the journal file as they are, bypassing `append`.
    fn append_raw(j: &Journal, bytes: &[u8]) {
        fs::OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(bytes)
            .unwrap();
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let (_dir, j) = journal();
        j.append(&entry(1)).unwrap();
        append_raw(&j, b"not json\n{\"time\":\"x\"}\n\n");
        j.append(&entry(2)).unwrap();
        // A line cut short by a crash mid-write.
        append_raw(&j, b"{\"time\":\"2026");
        assert_eq!(j.read_last(10).unwrap(), [entry(1), entry(2)]);
        assert_eq!(j.read_last(1).unwrap(), [entry(2)]);
    }

    #[test]
    fn concurrent_appenders_never_interleave() {
        let (_dir, j) = journal();
        std::thread::scope(|s| {
            for t in 0..8 {
                let j = j.clone();
                s.spawn(move || {
                    for i in 0..100 {
                        j.append(&entry(t * 1000 + i)).unwrap();
                    }
                });
            }
        });
        let text = fs::read_to_string(j.path()).unwrap();
        assert_eq!(text.lines().count(), 800);
        for line in text.lines() {
            serde_json::from_str::<Entry>(line).unwrap();
        }
        assert_eq!(j.read_last(1000).unwrap().len(), 800);
    }

    #[test]
    fn entries_have_no_field_for_a_secret() {
        let v = serde_json::to_value(entry(0)).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = [
            "time",
            "profile",
            "region",
            "pool",
            "operation",
            "target",
            "result",
            "request_id",
        ];
        expected.sort_unstable();
        assert_eq!(keys, expected);
        for key in keys {
            for word in ["password", "token", "secret"] {
                assert!(!key.contains(word), "{key}");
            }
        }
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let t = Entry::now();
        // 2026-01-02T03:04:05Z
        assert_eq!(t.len(), 20, "{t}");
        assert_eq!((&t[4..5], &t[10..11], &t[19..]), ("-", "T", "Z"), "{t}");
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private() {
        use std::os::unix::fs::PermissionsExt as _;
        let (_dir, j) = journal();
        j.append(&entry(0)).unwrap();
        let mode = fs::metadata(j.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
