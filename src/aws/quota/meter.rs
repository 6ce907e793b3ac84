//! What one category has been doing: requests a second lately, throttles seen, requests waiting.
//! For the live rate meter where long work shows, and for the adaptive cut (the rate being sent).

use std::collections::VecDeque;
use std::time::Duration;

use tokio::time::Instant;

/// The window the rate is measured over: long enough to smooth one burst, short enough to follow.
const WINDOW: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Default)]
pub struct Meter {
    sent_at: VecDeque<Instant>,
    pub sent: u64,
    pub throttles: u64,
}

impl Meter {
    pub fn sent(&mut self, now: Instant) {
        self.sent += 1;
        self.sent_at.push_back(now);
        self.trim(now);
    }

    /// Requests a second over the last two seconds (less when it started more recently).
    pub fn rate(&mut self, now: Instant) -> f64 {
        self.trim(now);
        let Some(first) = self.sent_at.front() else {
            return 0.0;
        };
        #[allow(clippy::cast_precision_loss)] // at most a few hundred in the window
        let n = self.sent_at.len() as f64;
        // A window that began with the first request, so the first second is not halved.
        let span = now
            .saturating_duration_since(*first)
            .max(Duration::from_millis(250))
            .min(WINDOW);
        n / span.as_secs_f64()
    }

    fn trim(&mut self, now: Instant) {
        while self
            .sent_at
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) > WINDOW)
        {
            self.sent_at.pop_front();
        }
    }
}

/// One category's figures at one moment, for the meter.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryUse {
    pub category: super::Category,
    /// Requests a second over the last two seconds.
    pub rate: f64,
    /// What the scheduler allows now (below the ceiling while recovering from throttles);
    /// `None`: no limit known and none needed yet.
    pub allowed: Option<f64>,
    pub sent: u64,
    pub throttles: u64,
    /// Requests waiting for a token, by lane.
    pub waiting_interactive: usize,
    pub waiting_background: usize,
}

impl CategoryUse {
    /// `UserList 29.6/30 req/s, 2 throttled`.
    pub fn describe(&self) -> String {
        let allowed = self
            .allowed
            .map(|a| format!("/{}", trim_float(a)))
            .unwrap_or_default();
        let text = format!("{} {:.1}{allowed} req/s", self.category, self.rate);
        if self.throttles == 0 {
            return text;
        }
        format!("{text}, {} throttled", self.throttles)
    }
}

fn trim_float(v: f64) -> String {
    if (v - v.round()).abs() < 0.05 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::quota::Category;

    #[test]
    fn the_rate_is_what_was_sent_over_the_last_two_seconds() {
        let t0 = Instant::now();
        let mut m = Meter::default();
        assert!(m.rate(t0).abs() < f64::EPSILON);
        for i in 0..60 {
            m.sent(t0 + Duration::from_millis(i * 1000 / 30));
        }
        let r = m.rate(t0 + Duration::from_secs(2));
        assert!((r - 30.0).abs() < 1.0, "{r}");
        // Quiet for three seconds: nothing in the window.
        assert!(m.rate(t0 + Duration::from_secs(5)).abs() < f64::EPSILON);
        assert_eq!(m.sent, 60);
    }

    #[test]
    fn the_meter_line_names_the_category_rate_limit_and_throttles() {
        let mut u = CategoryUse {
            category: Category::UserList,
            rate: 29.64,
            allowed: Some(30.0),
            sent: 10,
            throttles: 0,
            waiting_interactive: 0,
            waiting_background: 3,
        };
        assert_eq!(u.describe(), "UserList 29.6/30 req/s");
        u.throttles = 2;
        u.allowed = Some(21.04);
        assert_eq!(u.describe(), "UserList 29.6/21 req/s, 2 throttled");
        u.allowed = None;
        assert_eq!(u.describe(), "UserList 29.6 req/s, 2 throttled");
    }
}
