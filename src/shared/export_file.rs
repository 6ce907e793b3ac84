//! Where an export to a file is written: beside it (`FILE.partial`, the owner's only, as it holds
//! personal data) and put in place only when whole, so an export that fails or is stopped never
//! leaves a file that looks complete. Dropped before `commit`, it removes what it wrote.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub struct ExportFile {
    path: PathBuf,
    partial: PathBuf,
    out: Option<BufWriter<File>>,
}

impl ExportFile {
    /// Starts an export to `path`; a `.partial` file an earlier export left is started afresh.
    pub fn create(path: &Path) -> io::Result<Self> {
        let partial = partial_path(path);
        // A file left by an export that was killed may have another mode: start afresh at 0600.
        let _ = std::fs::remove_file(&partial);
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&partial)
            .map_err(|e| context(&e, "could not write", &partial))?;
        Ok(Self {
            path: path.to_owned(),
            partial,
            out: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    /// Where the export goes when whole.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes, syncs and puts the file in place.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(out) = self.out.take() else {
            return Ok(());
        };
        let result = out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(|file| file.sync_all())
            .and_then(|()| std::fs::rename(&self.partial, &self.path))
            .map_err(|e| context(&e, "could not put the export at", &self.path));
        if result.is_err() {
            let _ = std::fs::remove_file(&self.partial);
        }
        result
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
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

fn context(e: &io::Error, what: &str, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{what} {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_is_in_place_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.csv");
        let mut file = ExportFile::create(&path).unwrap();
        file.write_all(b"a,b\n").unwrap();
        assert!(!path.exists(), "not in place before commit");
        assert!(dir.path().join("users.csv.partial").exists());
        file.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_export_dropped_before_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.csv");
        std::fs::write(&path, b"the last export\n").unwrap();
        let mut file = ExportFile::create(&path).unwrap();
        file.write_all(b"half").unwrap();
        drop(file);
        assert_eq!(std::fs::read(&path).unwrap(), b"the last export\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn an_export_is_the_owners_only_even_over_a_loose_leftover() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("users.csv");
        let leftover = dir.path().join("users.csv.partial");
        std::fs::write(&leftover, b"old").unwrap();
        std::fs::set_permissions(&leftover, std::fs::Permissions::from_mode(0o644)).unwrap();
        ExportFile::create(&path).unwrap().commit().unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
