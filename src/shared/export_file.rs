//! Where an export to a file is written: beside it, in a file of its own (the owner's only, as
//! it holds personal data), put in place only when whole, so an export that fails or is stopped
//! never leaves a file that looks complete, and two exports to one name never mix. Dropped
//! before `commit`, it removes what it wrote.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Tells apart the unfinished files of exports this process runs at once.
static NEXT: AtomicU64 = AtomicU64::new(0);

pub struct ExportFile {
    path: PathBuf,
    partial: PathBuf,
    /// Put in place over a file already at `path`; else such a file is kept and the export fails.
    replace: bool,
    out: Option<BufWriter<File>>,
}

impl ExportFile {
    /// Starts an export to `path`, in `.NAME.PID-N.partial` beside it.
    pub fn create(path: &Path, replace: bool) -> io::Result<Self> {
        let partial = partial_path(path);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&partial)
            .map_err(|e| context(&e, "could not write", &partial))?;
        Ok(Self {
            path: path.to_owned(),
            partial,
            replace,
            out: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    /// Where the export goes when whole.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes, syncs and puts the file in place: over a file already there only with `replace`
    /// (else a hard link, which fails rather than replace one that appeared meanwhile).
    pub fn commit(mut self) -> io::Result<()> {
        let Some(out) = self.out.take() else {
            return Ok(());
        };
        let placed = out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(|file| file.sync_all())
            .and_then(|()| {
                if self.replace {
                    std::fs::rename(&self.partial, &self.path)
                } else {
                    std::fs::hard_link(&self.partial, &self.path)
                }
            });
        let _ = std::fs::remove_file(&self.partial);
        placed.map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                io::Error::new(
                    e.kind(),
                    format!(
                        "{} exists: it was kept (replace it, or choose another file)",
                        self.path.display()
                    ),
                )
            } else {
                context(&e, "could not put the export at", &self.path)
            }
        })
    }
}

impl Write for ExportFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(out) => out.write(buf),
            None => Err(io::Error::other("the export is already closed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().map_or(Ok(()), Write::flush)
    }
}

impl Drop for ExportFile {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = std::fs::remove_file(&self.partial);
        }
    }
}

fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let unique = format!(".{name}.{}-{n}.partial", std::process::id());
    path.with_file_name(unique)
}

fn context(e: &io::Error, what: &str, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{what} {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn an_export_is_in_place_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.csv");
        let mut file = ExportFile::create(&path, false).unwrap();
        file.write_all(b"a,b\n").unwrap();
        assert!(!path.exists(), "not in place before commit");
        assert_eq!(names(dir.path()).len(), 1);
        file.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\n");
        assert_eq!(names(dir.path()), ["users.csv"]);
    }

    #[test]
    fn an_export_dropped_before_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.csv");
        std::fs::write(&path, b"the last export\n").unwrap();
        let mut file = ExportFile::create(&path, true).unwrap();
        file.write_all(b"half").unwrap();
        drop(file);
        assert_eq!(std::fs::read(&path).unwrap(), b"the last export\n");
        assert_eq!(names(dir.path()), ["users.csv"]);
    }

    #[test]
    fn two_exports_to_one_name_never_mix_and_a_file_that_appeared_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.csv");
        let mut first = ExportFile::create(&path, false).unwrap();
        let mut second = ExportFile::create(&path, true).unwrap();
        first.write_all(b"first\n").unwrap();
        second.write_all(b"second\n").unwrap();
        // The second is stopped: the first's file is not touched.
        drop(second);
        std::fs::write(&path, b"appeared meanwhile\n").unwrap();
        let error = first.commit().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists, "{error}");
        assert!(error.to_string().contains("it was kept"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"appeared meanwhile\n");
        assert_eq!(names(dir.path()), ["users.csv"], "nothing left beside it");
        let mut third = ExportFile::create(&path, true).unwrap();
        third.write_all(b"third\n").unwrap();
        third.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third\n");
    }

    #[cfg(unix)]
    #[test]
    fn an_export_is_the_owners_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.csv");
        ExportFile::create(&path, false).unwrap().commit().unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
