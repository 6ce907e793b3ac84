//! Telling whoever waits on a call that it is being retried: the console's status line, a log.
//! The transport reports through a task-local watch, so no signature between the worker and the
//! transport has to carry it.

use std::sync::Arc;
use std::time::Duration;

/// A retry about to happen, for whoever waits on the call (the console's pane, the CLI's stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryNotice {
    pub operation: String,
    /// The send about to be made (2 for the first retry).
    pub attempt: u32,
    /// The cap, or `None` while throttling is waited out on a listing.
    pub max_attempts: Option<u32>,
    pub wait: Duration,
    /// Why, in a few words: `throttled`, `HTTP 503`, `no answer within 15 s`.
    pub reason: String,
}

impl RetryNotice {
    /// `retrying ListUsers (2/5) after HTTP 503, in 1.2 s`; without a cap while throttling is
    /// waited out: `retrying ListUsers (attempt 7) after throttled (…), in 8 s`.
    pub fn describe(&self) -> String {
        let attempt = match self.max_attempts {
            Some(max) => format!("{}/{max}", self.attempt),
            None => format!("attempt {}", self.attempt),
        };
        let wait = self.wait.as_secs_f64();
        format!(
            "retrying {} ({attempt}) after {}, in {wait:.1} s",
            self.operation, self.reason
        )
    }
}

/// Receives the retry notices of the calls made inside `watch_retries`.
pub type RetryWatch = Arc<dyn Fn(&RetryNotice) + Send + Sync>;

tokio::task_local! {
    pub(super) static RETRY_WATCH: RetryWatch;
}

/// Runs `work` with `watch` told of every retry the transport makes inside it (same task only).
pub async fn watch_retries<F: Future>(watch: RetryWatch, work: F) -> F::Output {
    RETRY_WATCH.scope(watch, work).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_retry_notice_says_which_attempt_why_and_when() {
        let mut notice = RetryNotice {
            operation: "ListUsers".to_owned(),
            attempt: 2,
            max_attempts: Some(5),
            wait: Duration::from_millis(1200),
            reason: "HTTP 503".to_owned(),
        };
        assert_eq!(
            notice.describe(),
            "retrying ListUsers (2/5) after HTTP 503, in 1.2 s"
        );
        notice.max_attempts = None;
        assert_eq!(
            notice.describe(),
            "retrying ListUsers (attempt 2) after HTTP 503, in 1.2 s"
        );
    }
}
