//! A live progress line on stderr for long work (a crawl, an index, an export): users so far, the
//! rate, the quota category's use and an ETA from the pool's estimate. Drawn only when stderr is a
//! terminal, so a script's captured stderr holds errors and nothing else.

use std::io::{IsTerminal as _, Write as _};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use crate::aws::quota::{Category, Scheduler};
pub use crate::shared::progress::{line, short_duration};

/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(250);

pub struct Progress {
    done: Arc<AtomicU64>,
    /// The pool's estimate, once known (`u64::MAX`: not known).
    estimate: Arc<AtomicU64>,
    drawer: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts drawing when stderr is a terminal and the work's output does not go to the same
    /// terminal (`output_on_stdout`: a listing to a terminal shows its own progress, and a line
    /// drawn there would run into it); counts silently otherwise.
    pub fn start(
        scheduler: Arc<Scheduler>,
        category: Category,
        estimate: Option<u64>,
        noun: &'static str,
        output_on_stdout: bool,
    ) -> Self {
        let done = Arc::new(AtomicU64::new(0));
        let estimate = Arc::new(AtomicU64::new(estimate.unwrap_or(u64::MAX)));
        let draw = std::io::stderr().is_terminal()
            && !(output_on_stdout && std::io::stdout().is_terminal());
        let drawer = draw.then(|| {
            let done = Arc::clone(&done);
            let estimate = Arc::clone(&estimate);
            let started = Instant::now();
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(TICK).await;
                    let text = line(
                        done.load(Ordering::Relaxed),
                        started.elapsed(),
                        Some(estimate.load(Ordering::Relaxed)).filter(|&e| e != u64::MAX),
                        noun,
                        &scheduler.usage_of(category),
                    );
                    // Best effort: a progress line that cannot be drawn is not an error.
                    let _ = write!(std::io::stderr(), "\r\x1b[2K{text}");
                }
            })
        });
        Self {
            done,
            estimate,
            drawer,
        }
    }

    pub fn add(&self, n: usize) {
        self.done
            .fetch_add(u64::try_from(n).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// The count so far, for work that reports a running total, and the estimate once known.
    pub fn set(&self, n: u64, estimate: Option<u64>) {
        self.done.store(n, Ordering::Relaxed);
        if let Some(e) = estimate {
            self.estimate.store(e, Ordering::Relaxed);
        }
    }

    /// Stops drawing and clears the line, so what follows starts on a clean one.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(drawer) = self.drawer.take() {
            drawer.abort();
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop();
    }
}
