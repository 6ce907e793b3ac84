//! How fast one category may go after throttling: the AWS SDKs' "adaptive" retry mode (botocore's
//! `retries/adaptive.py` and `cubic.py`), where a throttle cuts the rate to `BETA` of what was
//! being sent and the rate then grows back along a CUBIC curve, reaching the old rate after `K`
//! seconds and probing above it after that. Two differences: the known ceiling of the category
//! caps the curve (the SDK has no table of quotas and probes without bound), and a burst of
//! throttles answered to requests that were already in flight cuts once, not once per answer (as
//! TCP cuts once per round trip), so sixteen parallel listings throttled together do not fall to
//! 0.7^16 of the rate.

use std::time::Duration;

use tokio::time::Instant;

/// The CUBIC scale constant and the multiplicative cut, as botocore's.
const C: f64 = 0.4;
const BETA: f64 = 0.7;
/// Throttles within this long of a cut answer requests sent before it: they do not cut again.
const SAME_EVENT: Duration = Duration::from_millis(500);

#[derive(Debug, Clone)]
pub struct Adaptive {
    /// The most this category may ever be sent at (`f64::INFINITY`: no known quota).
    ceiling: f64,
    /// The rate being sent at when the last throttle came.
    last_max: f64,
    last_cut: Option<Instant>,
}

impl Adaptive {
    pub fn new(ceiling: f64) -> Self {
        Self {
            ceiling,
            last_max: ceiling,
            last_cut: None,
        }
    }

    pub fn ceiling(&self) -> f64 {
        self.ceiling
    }

    /// A throttle at `now`, while sending at `sending` requests a second: the new rate, or `None`
    /// when it belongs to a cut already made.
    pub fn throttled(&mut self, sending: f64, now: Instant) -> Option<f64> {
        if self
            .last_cut
            .is_some_and(|at| now.saturating_duration_since(at) < SAME_EVENT)
        {
            return None;
        }
        self.last_max = sending.min(self.ceiling).max(super::bucket::MIN_RATE);
        self.last_cut = Some(now);
        Some(self.last_max * BETA)
    }

    /// The rate allowed at `now`: the ceiling before any throttle, else the CUBIC curve from the
    /// last cut, never above the ceiling. `None` when no throttle was ever seen and there is no
    /// ceiling (the bucket is not in the way at all).
    pub fn rate(&self, now: Instant) -> Option<f64> {
        let Some(cut) = self.last_cut else {
            return self.ceiling.is_finite().then_some(self.ceiling);
        };
        let t = now.saturating_duration_since(cut).as_secs_f64();
        let k = (self.last_max * (1.0 - BETA) / C).cbrt();
        let rate = C * (t - k).powi(3) + self.last_max;
        let rate = rate.min(self.ceiling);
        // Unbounded and far past the old rate: the throttling is over.
        if !self.ceiling.is_finite() && rate > self.last_max * 4.0 {
            return None;
        }
        Some(rate)
    }

    /// Whether a throttle has been seen: the bucket is then paced by `rate`.
    pub fn recovering(&self) -> bool {
        self.last_cut.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn a_known_quota_is_the_rate_until_a_throttle_comes() {
        let t0 = Instant::now();
        let a = Adaptive::new(30.0);
        assert_eq!(a.rate(t0), Some(30.0));
        assert_eq!(Adaptive::new(f64::INFINITY).rate(t0), None);
    }

    #[test]
    fn a_throttle_cuts_to_seventy_percent_then_the_rate_climbs_back_to_the_ceiling() {
        let t0 = Instant::now();
        let mut a = Adaptive::new(30.0);
        let cut = a.throttled(30.0, t0).unwrap();
        assert!((cut - 21.0).abs() < 1e-9, "{cut}");
        let at = |s: f64| a.rate(t0 + secs(s)).unwrap();
        assert!((at(0.0) - 21.0).abs() < 1e-6, "{}", at(0.0));
        // Concave then convex: fast at first, flat near the old rate, never over the ceiling.
        assert!(at(1.0) > 25.0 && at(1.0) < 30.0, "{}", at(1.0));
        assert!((at(2.82) - 30.0).abs() < 0.1, "{}", at(2.82));
        assert!((at(10.0) - 30.0).abs() < 1e-9, "{}", at(10.0));
    }

    #[test]
    fn throttles_answering_requests_already_in_flight_cut_once() {
        let t0 = Instant::now();
        let mut a = Adaptive::new(30.0);
        assert!(a.throttled(30.0, t0).is_some());
        for ms in [10, 50, 200, 499] {
            assert_eq!(a.throttled(21.0, t0 + Duration::from_millis(ms)), None);
        }
        // A throttle after the next round trip is news: it cuts from what was being sent then.
        let again = a.throttled(25.0, t0 + secs(0.6)).unwrap();
        assert!((again - 17.5).abs() < 1e-9, "{again}");
    }

    #[test]
    fn without_a_known_quota_the_rate_follows_the_throttles_then_lets_go() {
        let t0 = Instant::now();
        let mut a = Adaptive::new(f64::INFINITY);
        let cut = a.throttled(100.0, t0).unwrap();
        assert!((cut - 70.0).abs() < 1e-9);
        assert!(a.rate(t0 + secs(1.0)).is_some());
        assert!(a.recovering());
        assert_eq!(a.rate(t0 + secs(60.0)), None);
    }
}
