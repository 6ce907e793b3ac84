//! The terminal while the console runs: raw mode, the alternate screen and mouse capture, all
//! undone on every way out (return, error, panic).

use std::io::{self, stdout};
use std::path::PathBuf;

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Owns the terminal; dropping it restores the screen.
pub struct Screen {
    pub terminal: DefaultTerminal,
}

impl Screen {
    /// `log` is named when a panic ends the console.
    pub fn enter(log: Option<PathBuf>) -> io::Result<Self> {
        install_panic_hook(log);
        // Also installs a panic hook, which restores the screen and then calls ours.
        let terminal = ratatui::try_init().inspect_err(|_| ratatui::restore())?;
        let screen = Self { terminal };
        execute!(stdout(), EnableMouseCapture)?;
        Ok(screen)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        ratatui::restore();
    }
}

/// A panic on the console's own thread ends it: the terminal is restored and the log named. A
/// panic elsewhere (a worker task, the built-in server's thread) ends only that task, which
/// answers its call with an error: it is logged, and the screen is left alone.
fn install_panic_hook(log: Option<PathBuf>) {
    let previous = std::panic::take_hook();
    let console = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != console {
            tracing::error!(%info, "panic on a background thread");
            return;
        }
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        tracing::error!(%info, "panic");
        previous(info);
        match &log {
            Some(path) => eprintln!("cognito-tui crashed; the log is {}", path.display()),
            None => eprintln!("cognito-tui crashed (no log file could be opened)"),
        }
    }));
}
