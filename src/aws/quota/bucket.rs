//! A token bucket with the time passed in, so it is pure and testable: `rate` tokens a second up
//! to `capacity`, one token a request. The client's scheduler paces with it; the local server's
//! `--emulate-aws` refuses with it.

use std::time::Duration;

use tokio::time::Instant;

#[derive(Debug, Clone)]
pub struct TokenBucket {
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    /// A full bucket: as AWS's own limiter, a burst of one second's worth is allowed at once.
    pub fn new(rate: f64, now: Instant) -> Self {
        let rate = sane(rate);
        Self {
            rate,
            capacity: rate.max(1.0),
            tokens: rate.max(1.0),
            last: now,
        }
    }

    /// A full bucket holding at most `burst` tokens (at least one). `set_rate` gives back a
    /// burst of one second.
    pub fn with_burst(rate: f64, burst: f64, now: Instant) -> Self {
        let mut bucket = Self::new(rate, now);
        bucket.capacity = if burst.is_finite() {
            burst.max(1.0)
        } else {
            bucket.capacity
        };
        bucket.tokens = bucket.capacity;
        bucket
    }

    pub fn rate(&self) -> f64 {
        self.rate
    }

    /// A new rate from now on; the burst shrinks with it (tokens above it are dropped).
    pub fn set_rate(&mut self, rate: f64, now: Instant) {
        self.refill(now);
        self.rate = sane(rate);
        self.capacity = self.rate.max(1.0);
        self.tokens = self.tokens.min(self.capacity);
    }

    /// Keeps at most `tokens` (after a throttle: the burst the bucket saved up went to a server
    /// that is already refusing).
    pub fn drain_to(&mut self, tokens: f64, now: Instant) {
        self.refill(now);
        self.tokens = self.tokens.min(tokens);
    }

    /// Takes a token, or says how long until one is there.
    pub fn try_take(&mut self, now: Instant) -> Result<(), Duration> {
        self.until_token(now)?;
        self.tokens -= 1.0;
        Ok(())
    }

    /// Whether a token is there now (without taking it), or how long until one is.
    pub fn until_token(&mut self, now: Instant) -> Result<(), Duration> {
        self.refill(now);
        if self.tokens >= 1.0 {
            Ok(())
        } else {
            // Rounded up, so waiting that long always finds the token there.
            Err(Duration::from_secs_f64((1.0 - self.tokens) / self.rate) + Duration::from_nanos(1))
        }
    }

    /// Whether it has refilled to its burst: it is then the same as a new bucket, and can be
    /// forgotten until it is needed again.
    pub fn is_full(&mut self, now: Instant) -> bool {
        self.refill(now);
        self.tokens >= self.capacity
    }

    /// Whether a token is there now, without taking it.
    pub fn ready(&mut self, now: Instant) -> bool {
        self.refill(now);
        self.tokens >= 1.0
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        self.last = now;
    }
}

/// Never zero, negative or not a number: a bucket always refills, however slowly.
fn sane(rate: f64) -> f64 {
    if rate.is_finite() {
        rate.max(MIN_RATE)
    } else {
        MIN_RATE
    }
}

/// The slowest any bucket goes: one request every two seconds.
pub const MIN_RATE: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_bucket_allows_a_second_of_burst_then_paces_at_the_rate() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(30.0, t0);
        for _ in 0..30 {
            assert!(b.try_take(t0).is_ok());
        }
        let wait = b.try_take(t0).unwrap_err();
        assert!((wait.as_secs_f64() - 1.0 / 30.0).abs() < 1e-6, "{wait:?}");
        assert!(b.try_take(t0 + wait).is_ok());
        // Over ten seconds, at most the burst plus the rate times ten.
        let mut taken = 0;
        let mut now = t0 + wait;
        let end = t0 + Duration::from_secs(10);
        while now < end {
            match b.try_take(now) {
                Ok(()) => taken += 1,
                Err(w) => now += w,
            }
        }
        assert!((297..=300).contains(&taken), "{taken}");
    }

    #[test]
    fn a_smaller_burst_paces_at_the_same_rate_and_a_full_bucket_says_so() {
        let t0 = Instant::now();
        let mut b = TokenBucket::with_burst(10.0, 9.0, t0);
        assert!(b.is_full(t0));
        for _ in 0..9 {
            assert!(b.try_take(t0).is_ok());
        }
        assert!(!b.is_full(t0));
        let wait = b.until_token(t0).unwrap_err();
        assert!((wait.as_secs_f64() - 0.1).abs() < 1e-6, "{wait:?}");
        assert!(b.until_token(t0 + wait).is_ok());
        assert!(b.is_full(t0 + Duration::from_millis(900)));
        let mut one = TokenBucket::with_burst(10.0, 0.0, t0);
        assert!(one.try_take(t0).is_ok());
        assert!(one.try_take(t0).is_err());
    }

    #[test]
    fn a_lower_rate_drops_the_burst_and_a_rate_never_reaches_zero() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(30.0, t0);
        b.set_rate(2.0, t0);
        assert!(b.try_take(t0).is_ok());
        assert!(b.try_take(t0).is_ok());
        assert!(b.try_take(t0).is_err());
        b.set_rate(0.0, t0);
        assert!((b.rate() - MIN_RATE).abs() < f64::EPSILON);
        b.set_rate(f64::NAN, t0);
        assert!((b.rate() - MIN_RATE).abs() < f64::EPSILON);
        assert!(b.try_take(t0 + Duration::from_secs(2)).is_ok());
    }
}
