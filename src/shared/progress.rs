//! How far long work has come, in one line for a terminal's progress or the console's status
//! line: users so far, the rate, the quota category's use and an ETA from the pool's estimate.

use std::time::Duration;

use crate::aws::quota::CategoryUse;
use crate::shared::thousands;

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
    use crate::aws::quota::Category;

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
