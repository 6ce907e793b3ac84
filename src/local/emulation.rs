//! `--emulate-aws` and `--latency`: the local server refuses calls over Cognito's per-category
//! request rates and over each user's own (10 reads and 10 writes a second), and answers each call
//! only after a latency, so a client's pacing, back-off and parallel crawl can be measured here as
//! they would behave against AWS.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use super::error::LocalError;
use crate::aws::quota::per_user::UserBuckets;
use crate::aws::quota::{Category, PER_USER_RATE, TokenBucket, UserKey};

/// What the server imitates of AWS beyond its API. The default imitates nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Emulation {
    /// Refuse calls over each category's rate and each user's, as AWS does.
    pub quotas: bool,
    /// Rates (requests a second) that replace the documented defaults of their categories.
    pub rates: Vec<(Category, f64)>,
    /// How long after it arrives each call is answered, refusals included.
    pub latency: Duration,
}

impl Emulation {
    /// AWS's documented default rates, and `latency`.
    pub fn aws(latency: Duration) -> Self {
        Self {
            quotas: true,
            rates: Vec::new(),
            latency,
        }
    }

    pub fn is_active(&self) -> bool {
        self.quotas || !self.latency.is_zero()
    }

    /// The rate `category` is held to.
    pub fn rate_of(&self, category: Category) -> f64 {
        self.rates
            .iter()
            .rev()
            .find(|(c, _)| *c == category)
            .map_or_else(|| category.default_rate(), |(_, rate)| *rate)
    }
}

/// The server's side of an `Emulation`: one token bucket per category and one per user called
/// lately, shared by every connection.
#[derive(Debug)]
pub struct Emulator {
    emulation: Emulation,
    buckets: Mutex<HashMap<Category, TokenBucket>>,
    /// Locked before `buckets`, never after.
    users: Mutex<UserBuckets>,
}

impl Emulator {
    pub fn new(emulation: Emulation) -> Self {
        Self {
            emulation,
            buckets: Mutex::new(HashMap::new()),
            // A second's burst, as the categories'.
            users: Mutex::new(UserBuckets::new(PER_USER_RATE, PER_USER_RATE)),
        }
    }

    /// TooManyRequestsException if `operation`'s category, or `user` (the user its input names,
    /// as the pool knows them: `user_key`), has no token left at `arrived`; a refused call takes
    /// neither. A bucket starts full on its first
    /// call, as AWS allows a second's burst.
    pub fn admit(
        &self,
        operation: &str,
        user: Option<&UserKey>,
        arrived: Instant,
    ) -> Result<(), LocalError> {
        if !self.emulation.quotas {
            return Ok(());
        }
        let mut users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(user) = user {
            users
                .until_token(user, arrived)
                .map_err(|_| too_many_requests())?;
        }
        let category = Category::of(operation);
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        let bucket = buckets
            .entry(category)
            .or_insert_with(|| TokenBucket::new(self.emulation.rate_of(category), arrived));
        bucket.try_take(arrived).map_err(|_| too_many_requests())?;
        if let Some(user) = user {
            // There a moment ago, under the same lock.
            let _ = users.try_take(user, arrived);
        }
        Ok(())
    }

    /// Whether calls are counted per user: only then is a call's user worth looking up.
    pub fn paces_users(&self) -> bool {
        self.emulation.quotas
    }

    /// Waits, without holding up other connections, until the latency has passed since `arrived`:
    /// the time the call took to compute counts towards it, as a real round trip includes it.
    pub async fn delay(&self, arrived: Instant) {
        if !self.emulation.latency.is_zero() {
            tokio::time::sleep_until(arrived + self.emulation.latency).await;
        }
    }
}

/// The refusal as Cognito words it: HTTP 400, `TooManyRequestsException`, "Too many requests" (the
/// message the AWS SDKs print for Cognito's throttling, e.g. aws/aws-sdk-java#2301 and
/// mifi/cognito-backup#28, a ListUsers crawl; some older reports show "Rate exceeded").
pub fn too_many_requests() -> LocalError {
    LocalError::new("TooManyRequestsException", "Too many requests")
}

/// A latency as people write it: `60ms`, `0.1s`, `1.5s`, `250us`, `0` (none).
pub fn parse_latency(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let nanos_per_unit = match unit.trim() {
        "s" => 1e9,
        "ms" => 1e6,
        "us" | "µs" => 1e3,
        _ => {
            return Err(format!(
                "{text:?} is not a latency: give a number and a unit, e.g. 60ms or 0.1s"
            ));
        }
    };
    let max = MAX_LATENCY.as_secs_f64() * 1e9;
    let nanos = number
        .parse::<f64>()
        .ok()
        .map(|n| (n * nanos_per_unit).round())
        .filter(|n| (0.0..=max).contains(n))
        .ok_or_else(|| {
            format!(
                "{text:?} is not a latency: give a number and a unit, e.g. 60ms or 0.1s, \
                 up to {} s",
                MAX_LATENCY.as_secs()
            )
        })?;
    // Whole, and between 0 and 60e9 just above: the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(Duration::from_nanos(nanos as u64))
}

/// More than any client waits for an answer: a longer latency can only be a mistake.
const MAX_LATENCY: Duration = Duration::from_mins(1);

/// A category's rate as `--rate` takes it: `UserList=60`.
pub fn parse_rate(text: &str) -> Result<(Category, f64), String> {
    let (name, rate) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?} is not CATEGORY=RATE, e.g. UserRead=200"))?;
    let category: Category = name.trim().parse()?;
    let rate: f64 = rate
        .trim()
        .parse()
        .ok()
        .filter(|r: &f64| r.is_finite() && *r > 0.0)
        .ok_or_else(|| {
            format!("{rate:?} is not a rate: give requests a second above 0, e.g. {category}=200")
        })?;
    Ok((category, rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latencies_take_a_unit_and_refuse_anything_else() {
        assert_eq!(parse_latency("60ms"), Ok(Duration::from_millis(60)));
        assert_eq!(parse_latency("0.1s"), Ok(Duration::from_millis(100)));
        assert_eq!(parse_latency("250us"), Ok(Duration::from_micros(250)));
        assert_eq!(parse_latency("0"), Ok(Duration::ZERO));
        for bad in ["60", "ms", "-1s", "1.2.3s", "10m", "2min", "61s", ""] {
            let err = parse_latency(bad).unwrap_err();
            assert!(err.contains("e.g. 60ms or 0.1s"), "{bad}: {err}");
        }
    }

    #[test]
    fn rates_name_a_category_and_a_positive_number() {
        assert_eq!(parse_rate("UserList=60"), Ok((Category::UserList, 60.0)));
        assert!(
            parse_rate("UserList")
                .unwrap_err()
                .contains("CATEGORY=RATE")
        );
        assert!(parse_rate("Users=5").unwrap_err().contains("UserList,"));
        assert!(parse_rate("UserRead=0").unwrap_err().contains("above 0"));
        let overridden = Emulation {
            rates: vec![(Category::UserRead, 200.0)],
            ..Emulation::aws(Duration::ZERO)
        };
        assert!((overridden.rate_of(Category::UserRead) - 200.0).abs() < f64::EPSILON);
        assert!((overridden.rate_of(Category::UserList) - 30.0).abs() < f64::EPSILON);
    }

    #[test]
    fn a_category_refuses_past_its_burst_and_the_others_do_not_notice() {
        let emulator = Emulator::new(Emulation::aws(Duration::ZERO));
        let t0 = Instant::now();
        for _ in 0..30 {
            emulator.admit("ListUsers", None, t0).unwrap();
        }
        let refused = emulator.admit("ListUsersInGroup", None, t0).unwrap_err();
        assert_eq!(refused, too_many_requests());
        emulator.admit("AdminGetUser", None, t0).unwrap();
        emulator
            .admit("ListUsers", None, t0 + Duration::from_millis(40))
            .unwrap();
        let off = Emulator::new(Emulation::default());
        for _ in 0..1000 {
            off.admit("ListUsers", None, t0).unwrap();
        }
    }

    #[test]
    fn one_user_refuses_past_ten_a_second_of_each_kind_and_other_users_do_not_notice() {
        let emulator = Emulator::new(Emulation::aws(Duration::ZERO));
        let t0 = Instant::now();
        let user = |operation: &str, name: &str| UserKey::exact(operation, "us-east-1_Pool", name);
        for _ in 0..10 {
            emulator
                .admit("AdminGetUser", user("AdminGetUser", "ann").as_ref(), t0)
                .unwrap();
            emulator
                .admit(
                    "AdminDisableUser",
                    user("AdminDisableUser", "ann").as_ref(),
                    t0,
                )
                .unwrap();
        }
        let refused = emulator
            .admit(
                "AdminListDevices",
                user("AdminListDevices", "ann").as_ref(),
                t0,
            )
            .unwrap_err();
        assert_eq!(refused, too_many_requests());
        assert!(
            emulator
                .admit(
                    "AdminEnableUser",
                    user("AdminEnableUser", "ann").as_ref(),
                    t0
                )
                .is_err()
        );
        assert!(
            emulator
                .admit("AdminGetUser", user("AdminGetUser", "ann").as_ref(), t0)
                .is_err()
        );
        emulator
            .admit("AdminGetUser", user("AdminGetUser", "bob").as_ref(), t0)
            .unwrap();
        // The refused calls took no token of their category: UserRead has 120 - 11 left.
        for _ in 0..109 {
            emulator.admit("AdminGetUser", None, t0).unwrap();
        }
        assert!(emulator.admit("AdminGetUser", None, t0).is_err());
        emulator
            .admit(
                "AdminGetUser",
                user("AdminGetUser", "ann").as_ref(),
                t0 + Duration::from_millis(100),
            )
            .unwrap();
    }
}
