//! The person's own editor over a suspended console, as k9s does for `e`: the text goes to a
//! private file (mode 0600, removed after), the screen is handed back to the plain terminal,
//! `$VISUAL` (else `$EDITOR`, else `vi`) runs on the file, and the console comes back as it was.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;

/// The saved text, or why there is none (the editor could not start, or exited with an error).
pub fn edit(terminal: &mut DefaultTerminal, text: &str) -> Result<String, String> {
    let path = scratch_path();
    write_private(&path, text).map_err(|e| format!("could not write {}: {e}", path.display()))?;
    let outcome = suspended(terminal, || run_editor(&path));
    let saved = outcome.and_then(|()| {
        std::fs::read_to_string(&path).map_err(|e| format!("could not read it back: {e}"))
    });
    let _ = std::fs::remove_file(&path);
    saved
}

/// The editor's command: `$VISUAL`, else `$EDITOR` (either may carry arguments: `code -w`),
/// else `vi`.
fn editor_command() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|v| v.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_owned()])
}

fn run_editor(path: &Path) -> Result<(), String> {
    let words = editor_command();
    let (program, args) = words.split_first().ok_or("no editor")?;
    let status = Command::new(program)
        .args(args)
        .arg(path)
        .status()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} exited with {status}"))
    }
}

/// Runs `f` with the terminal as the shell left it, then takes the screen back and redraws.
fn suspended<T>(
    terminal: &mut DefaultTerminal,
    f: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let result = f();
    let back = enable_raw_mode()
        .and_then(|()| execute!(out, EnterAlternateScreen, EnableMouseCapture))
        .and_then(|()| terminal.clear());
    match back {
        Ok(()) => result,
        Err(e) => Err(format!("could not take the terminal back: {e}")),
    }
}

fn scratch_path() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!("cognito-tui-{}-{nanos}.json", std::process::id()))
}

/// A new file only its owner can read: the configuration may hold what the pool keeps private.
fn write_private(path: &Path, text: &str) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scratch_file_is_private_and_new() {
        let path = scratch_path();
        write_private(&path, "{}").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(
            write_private(&path, "{}").is_err(),
            "never over an existing file"
        );
        std::fs::remove_file(&path).unwrap();
    }
}
