//! A live progress line on stderr for long work (a crawl, an index, an export): users so far, the
//! rate, the quota category's use and an ETA from the pool's estimate. Drawn only when stderr is a
//! terminal, so a script's captured stderr holds errors and nothing else.

use std::io::{IsTerminal as _, Write as _};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use crate::aws::quota::{Category, CategoryUse, Scheduler};
use crate::ui::text::thousands;

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

/// `12,345 of ~100,000 users · 1,790/s · UserList 29.8/30 req/s · ETA 49 s`.
pub fn line(
    done: u64,
    elapsed: Duration,
    estimate: Option<u64>,
    noun: &str,
    usage: &CategoryUse,
) -> String {
    let count = |n: u64| thousands(usize::try_from(n).unwrap_or(usize::MAX));
    let mut parts = vec![match estimate.filter(|&e| e > 0) {
        Some(e) => format!("{} of ~{} {noun}", count(done), count(e)),
        None => format!("{} {noun}", count(done)),
    }];
    let secs = elapsed.as_secs_f64();
    #[allow(clippy::cast_precision_loss)] // a count of users
    let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
    if rate > 0.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        parts.push(format!("{}/s", count(rate.round() as u64)));
    }
    parts.push(usage.describe());
    if let Some(left) = estimate
        .and_then(|e| e.checked_sub(done))
        .filter(|_| rate > 0.0)
    {
        #[allow(clippy::cast_precision_loss)]
        if let Ok(eta) = Duration::try_from_secs_f64(left as f64 / rate) {
            parts.push(format!("ETA {}", short_duration(eta)));
        }
    }
    parts.join(" · ")
}

pub fn short_duration(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3600, s % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage() -> CategoryUse {
        CategoryUse {
            category: Category::UserList,
            rate: 29.8,
            allowed: Some(30.0),
            sent: 200,
            throttles: 0,
            waiting_interactive: 0,
            waiting_background: 14,
        }
    }

    #[test]
    fn the_line_says_how_far_how_fast_and_how_long_to_go() {
        let text = line(
            12_345,
            Duration::from_secs(7),
            Some(100_000),
            "users",
            &usage(),
        );
        assert_eq!(
            text,
            "12,345 of ~100,000 users · 1,764/s · UserList 29.8/30 req/s · ETA 49 s"
        );
    }

    #[test]
    fn without_an_estimate_or_past_it_there_is_no_eta() {
        let text = line(10, Duration::from_secs(1), None, "users", &usage());
        assert_eq!(text, "10 users · 10/s · UserList 29.8/30 req/s");
        let past = line(120, Duration::from_secs(1), Some(100), "users", &usage());
        assert!(!past.contains("ETA"), "{past}");
        let start = line(0, Duration::ZERO, Some(100), "users", &usage());
        assert_eq!(start, "0 of ~100 users · UserList 29.8/30 req/s");
    }

    #[test]
    fn long_waits_read_in_minutes_and_hours() {
        assert_eq!(short_duration(Duration::from_secs(125)), "2 min 5 s");
        assert_eq!(short_duration(Duration::from_mins(125)), "2 h 5 min");
    }
}
