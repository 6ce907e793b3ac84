//! Cognito's per-user quotas: besides its category's rate for the whole account, a call that names
//! one user counts against that user's own rates, 10 reads and 10 writes a second ("Quotas in
//! Amazon Cognito": reads include signing in and getting the profile or devices, writes updating
//! the profile or MFA settings; AWS does not raise them). A bulk run over many users never meets
//! them; opening one user, a script polling one user, or many changes to one user do.
//!
//! A call names a user when its input has both `UserPoolId` and `Username`: only those two members
//! are read, never the rest (passwords, codes, tokens). Calls that name the user otherwise (an
//! access token, `AuthParameters`) are not counted here.

use std::collections::HashMap;
use std::time::Duration;

use tokio::time::Instant;

use super::{Category, TokenBucket};

/// The documented per-user rate of each kind, in requests a second.
pub const PER_USER_RATE: f64 = 10.0;

/// Which of a user's two quotas a call counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    Read,
    Write,
}

impl Access {
    /// The per-user quota `category`'s calls count against; `None` for listings and for calls on
    /// the pool itself, which name no user.
    pub fn of(category: Category) -> Option<Self> {
        match category {
            Category::UserAuthentication | Category::UserRead | Category::UserResourceRead => {
                Some(Self::Read)
            }
            Category::UserCreation
            | Category::UserAccountRecovery
            | Category::UserUpdate
            | Category::UserResourceUpdate => Some(Self::Write),
            Category::UserList
            | Category::UserPoolRead
            | Category::UserPoolUpdate
            | Category::UserPoolResourceRead
            | Category::UserPoolResourceUpdate => None,
        }
    }
}

/// One user's quota of one kind: the pool, the username (case folded: most pools take `Ann` and
/// `ann` as one user, and counting two users as one only ever paces more), and reads or writes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UserKey {
    access: Access,
    pool: String,
    username: String,
}

/// The two members a user is named by; serde skips every other member of the input unread.
#[derive(serde::Deserialize)]
struct Named {
    #[serde(rename = "UserPoolId")]
    pool: Option<String>,
    #[serde(rename = "Username")]
    username: Option<String>,
}

impl UserKey {
    /// The user `operation`'s JSON input names, when its category counts per user.
    pub fn of(operation: &str, input: &[u8]) -> Option<Self> {
        let access = Access::of(Category::of(operation))?;
        let named: Named = serde_json::from_slice(input).ok()?;
        Some(Self {
            access,
            pool: named.pool?,
            username: named.username?.to_lowercase(),
        })
    }

    /// The user `operation` names, as the pool's own record names them (no case folding): for
    /// a server that has resolved the request's name to its user.
    pub fn exact(operation: &str, pool: &str, username: &str) -> Option<Self> {
        Some(Self {
            access: Access::of(Category::of(operation))?,
            pool: pool.to_owned(),
            username: username.to_owned(),
        })
    }

    /// The pool and the username as the input gives them, when `operation` counts per user.
    pub fn named(operation: &str, input: &[u8]) -> Option<(String, String)> {
        Access::of(Category::of(operation))?;
        let named: Named = serde_json::from_slice(input).ok()?;
        Some((named.pool?, named.username?))
    }
}

/// Below this many buckets the map is never swept.
const SWEEP_FLOOR: usize = 64;

/// A token bucket for each user called lately. A bucket that has refilled to its burst is the same
/// as a new one, so it is forgotten: the map holds only users called within about the last second,
/// however many users a run goes through.
#[derive(Debug)]
pub struct UserBuckets {
    rate: f64,
    burst: f64,
    buckets: HashMap<UserKey, TokenBucket>,
    /// The size at which full buckets are next swept: twice what the last sweep left, so sweeping
    /// costs O(1) a call on average.
    sweep_at: usize,
}

impl UserBuckets {
    pub fn new(rate: f64, burst: f64) -> Self {
        Self {
            rate,
            burst,
            buckets: HashMap::new(),
            sweep_at: SWEEP_FLOOR,
        }
    }

    /// Whether `key` has a token now (without taking it), or how long until it has.
    pub fn until_token(&mut self, key: &UserKey, now: Instant) -> Result<(), Duration> {
        self.buckets
            .get_mut(key)
            .map_or(Ok(()), |bucket| bucket.until_token(now))
    }

    /// Takes a token of `key`'s bucket (a full one for a user not called lately).
    pub fn try_take(&mut self, key: &UserKey, now: Instant) -> Result<(), Duration> {
        if let Some(bucket) = self.buckets.get_mut(key) {
            return bucket.try_take(now);
        }
        if self.buckets.len() >= self.sweep_at {
            self.buckets.retain(|_, bucket| !bucket.is_full(now));
            self.sweep_at = (self.buckets.len() * 2).max(SWEEP_FLOOR);
        }
        let mut bucket = TokenBucket::with_burst(self.rate, self.burst, now);
        let taken = bucket.try_take(now);
        self.buckets.insert(key.clone(), bucket);
        taken
    }

    /// How many users' buckets are held.
    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(operation: &str, input: &str) -> Option<UserKey> {
        UserKey::of(operation, input.as_bytes())
    }

    #[test]
    fn a_call_names_a_user_by_its_pool_and_username_only() {
        let get = key("AdminGetUser", r#"{"UserPoolId":"p","Username":"Ann"}"#).unwrap();
        assert_eq!(get.access, Access::Read);
        assert_eq!(get.username, "ann");
        let set = key(
            "AdminSetUserPassword",
            r#"{"Password":"x","Permanent":true,"UserPoolId":"p","Username":"ann"}"#,
        )
        .unwrap();
        assert_eq!(set.access, Access::Write);
        assert_eq!((set.pool.as_str(), set.username.as_str()), ("p", "ann"));
        assert_ne!(get, set);
        // Listings, pool calls, calls without both members, and input that is not JSON: nobody.
        assert_eq!(
            key("ListUsers", r#"{"UserPoolId":"p","Username":"a"}"#),
            None
        );
        assert_eq!(key("DescribeUserPool", r#"{"UserPoolId":"p"}"#), None);
        assert_eq!(key("AdminGetUser", r#"{"UserPoolId":"p"}"#), None);
        assert_eq!(key("GetUser", r#"{"AccessToken":"t"}"#), None);
        assert_eq!(key("AdminGetUser", "not json"), None);
        assert_eq!(
            key("AdminGetUser", r#"{"UserPoolId":"p","Username":7}"#),
            None
        );
    }

    #[test]
    fn users_have_buckets_of_their_own() {
        let t0 = Instant::now();
        let mut users = UserBuckets::new(10.0, 10.0);
        let ann = key("AdminGetUser", r#"{"UserPoolId":"p","Username":"ann"}"#).unwrap();
        let bob = key("AdminGetUser", r#"{"UserPoolId":"p","Username":"bob"}"#).unwrap();
        assert_eq!(users.until_token(&ann, t0), Ok(()));
        for _ in 0..10 {
            users.try_take(&ann, t0).unwrap();
        }
        assert!(users.until_token(&ann, t0).is_err());
        assert!(users.try_take(&ann, t0).is_err());
        users.try_take(&bob, t0).unwrap();
        users
            .try_take(&ann, t0 + Duration::from_millis(100))
            .unwrap();
    }

    #[test]
    fn users_whose_bucket_is_full_again_are_forgotten() {
        let mut users = UserBuckets::new(10.0, 9.0);
        let t0 = Instant::now();
        let mut most = 0;
        // 100,000 users, each called once, 120 a second (UserRead's quota).
        for i in 0..100_000_u32 {
            let now = t0 + Duration::from_secs_f64(f64::from(i) / 120.0);
            let user = format!(r#"{{"UserPoolId":"p","Username":"user{i}"}}"#);
            users
                .try_take(&key("AdminGetUser", &user).unwrap(), now)
                .unwrap();
            most = most.max(users.len());
        }
        assert!(most <= SWEEP_FLOOR + 1, "{most} buckets held at once");
    }
}
