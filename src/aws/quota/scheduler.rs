//! One scheduler per account and region: every call takes a token of its category's bucket before
//! it is sent. The person at the keyboard goes first: while an interactive call waits for a token,
//! background work (crawls, exports, bulk runs) takes none, so a search never queues behind a
//! crawl of a million users. A throttle cuts the category's rate (`adaptive`), which then climbs
//! back to its ceiling. A call that names one user also takes a token of that user's own bucket
//! (`per_user`), in the same instant as its category's, so a burst on one user is paced to AWS's
//! 10 a second without holding up calls on other users.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use super::adaptive::Adaptive;
use super::bucket::TokenBucket;
use super::meter::{CategoryUse, Meter};
use super::per_user::{UserBuckets, UserKey};
use super::{Category, Quotas};

/// Who waits on a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lane {
    /// Someone at the keyboard waits for it: opening a user, a search, a form.
    #[default]
    Interactive,
    /// Long work nobody waits on call by call: a crawl, an export, a bulk run.
    Background,
}

#[derive(Debug)]
struct Slot {
    bucket: Option<TokenBucket>,
    adaptive: Adaptive,
    meter: Meter,
    waiting: [usize; 2],
}

impl Slot {
    fn new(ceiling: f64, now: Instant) -> Self {
        let adaptive = Adaptive::new(ceiling);
        Self {
            bucket: adaptive.rate(now).map(|r| TokenBucket::new(r, now)),
            adaptive,
            meter: Meter::default(),
            waiting: [0, 0],
        }
    }

    fn usage(&mut self, category: Category, now: Instant) -> CategoryUse {
        CategoryUse {
            category,
            rate: self.meter.rate(now),
            allowed: self.adaptive.rate(now),
            sent: self.meter.sent,
            throttles: self.meter.throttles,
            waiting_interactive: self.waiting[0],
            waiting_background: self.waiting[1],
        }
    }

    /// Follows the CUBIC curve: the bucket's rate is set anew before each take.
    fn pace(&mut self, now: Instant) {
        match (self.adaptive.rate(now), &mut self.bucket) {
            (None, bucket) => *bucket = None,
            (Some(rate), Some(bucket)) => bucket.set_rate(rate, now),
            (Some(rate), bucket @ None) => *bucket = Some(TokenBucket::new(rate, now)),
        }
    }
}

#[derive(Debug)]
pub struct Scheduler {
    quotas: Quotas,
    slots: Mutex<HashMap<Category, Slot>>,
    /// `None` when users are not paced (no ceiling known). Locked before `slots`, never after.
    users: Option<Mutex<UserBuckets>>,
}

/// What one round of `acquire` came to.
enum Round {
    Sent,
    /// The user's bucket is empty: not counted as waiting for the category, so background work
    /// does not yield to a call that no category token would let through.
    UserWait(Duration),
    CategoryWait(Duration),
}

/// Counts a waiting call in its lane until it has its token (or its future is dropped).
struct Waiting<'a> {
    scheduler: &'a Scheduler,
    category: Category,
    lane: usize,
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.scheduler.with(self.category, |slot| {
            slot.waiting[self.lane] = slot.waiting[self.lane].saturating_sub(1);
        });
    }
}

impl Scheduler {
    pub fn new(quotas: Quotas) -> Self {
        // Half AWS's burst of a second: a call may reach the server up to half a second sooner,
        // relative to the first of a burst, than it was sent (that first one waited for a new
        // connection, or a busy machine held it up) and still find a token there. Opening a user
        // reads it with up to five calls at once.
        let users = quotas
            .per_user_ceiling()
            .map(|rate| Mutex::new(UserBuckets::new(rate, rate / 2.0)));
        Self {
            quotas,
            slots: Mutex::new(HashMap::new()),
            users,
        }
    }

    /// The scheduler shared by every client of `key` (endpoint, region, profile) in this process,
    /// so a console that reconnects, or two commands of one run, share one account's quota.
    pub fn shared(key: &str, quotas: Quotas) -> Arc<Self> {
        static SHARED: LazyLock<Mutex<HashMap<String, Arc<Scheduler>>>> =
            LazyLock::new(|| Mutex::new(HashMap::new()));
        let mut all = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(s) = all.get(key).filter(|s| s.quotas == quotas) {
            return Arc::clone(s);
        }
        let s = Arc::new(Self::new(quotas));
        all.insert(key.to_owned(), Arc::clone(&s));
        s
    }

    pub fn quotas(&self) -> &Quotas {
        &self.quotas
    }

    fn with<T>(&self, category: Category, f: impl FnOnce(&mut Slot) -> T) -> T {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        let slot = slots
            .entry(category)
            .or_insert_with(|| Slot::new(self.quotas.ceiling(category), Instant::now()));
        f(slot)
    }

    /// Whether calls that name a user are paced by that user's quota: only then is a call's input
    /// worth reading for its user (`UserKey::of`).
    pub fn paces_users(&self) -> bool {
        self.users.is_some()
    }

    /// Waits for a token of `category` in `lane`: at once while the bucket has one, else until the
    /// next one, and in the background lane never while an interactive call of that category waits.
    pub async fn acquire(&self, category: Category, lane: Lane) {
        self.acquire_for(category, None, lane).await;
    }

    /// As `acquire`, and for a call that names `user`, a token of that user's bucket too: both are
    /// taken in one instant or neither is.
    pub async fn acquire_for(&self, category: Category, user: Option<&UserKey>, lane: Lane) {
        let lane_index = usize::from(lane == Lane::Background);
        let mut waiting: Option<Waiting<'_>> = None;
        loop {
            let counted = waiting.is_some();
            let round = match (user, &self.users) {
                (Some(user), Some(users)) => {
                    let mut users = users.lock().unwrap_or_else(PoisonError::into_inner);
                    if let Err(wait) = users.until_token(user, Instant::now()) {
                        Round::UserWait(wait)
                    } else {
                        let round = self.take(category, lane, counted);
                        if matches!(round, Round::Sent) {
                            // Checked under the same lock just before: it is there.
                            let _ = users.try_take(user, Instant::now());
                        }
                        round
                    }
                }
                _ => self.take(category, lane, counted),
            };
            let wait = match round {
                Round::Sent => {
                    // Counted as waiting in an earlier round: the guard uncounts it.
                    drop(waiting);
                    return;
                }
                Round::UserWait(wait) => {
                    // Held by its user now, not by the category: no longer counted as waiting
                    // for it, so background work does not yield to it (counted again if the
                    // category holds it next).
                    waiting = None;
                    wait
                }
                Round::CategoryWait(wait) => {
                    if waiting.is_none() {
                        waiting = Some(Waiting {
                            scheduler: self,
                            category,
                            lane: lane_index,
                        });
                    }
                    wait
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// One try at a token of `category`; a call not yet `counted` as waiting is counted when it
    /// has to wait.
    fn take(&self, category: Category, lane: Lane, counted: bool) -> Round {
        let lane_index = usize::from(lane == Lane::Background);
        self.with(category, |slot| {
            let now = Instant::now();
            slot.pace(now);
            let yields = lane == Lane::Background && slot.waiting[0] > 0;
            let taken = match (&mut slot.bucket, yields) {
                (_, true) => Err(slot.bucket.as_ref().map_or(Duration::from_millis(5), |b| {
                    Duration::from_secs_f64(1.0 / b.rate())
                })),
                (None, false) => Ok(()),
                (Some(bucket), false) => bucket.try_take(now),
            };
            match taken {
                Ok(()) => {
                    slot.meter.sent(now);
                    Round::Sent
                }
                Err(wait) => {
                    if !counted {
                        slot.waiting[lane_index] += 1;
                    }
                    Round::CategoryWait(wait)
                }
            }
        })
    }

    /// How many users' buckets are held (users called within about the last second).
    pub fn users_held(&self) -> usize {
        self.users.as_ref().map_or(0, |users| {
            users.lock().unwrap_or_else(PoisonError::into_inner).len()
        })
    }

    /// The service throttled a call of `category`: cut its rate (once per burst of throttles).
    pub fn throttled(&self, category: Category) {
        self.with(category, |slot| {
            let now = Instant::now();
            slot.meter.throttles += 1;
            let sending = slot.meter.rate(now);
            if let Some(rate) = slot.adaptive.throttled(sending, now) {
                tracing::info!(%category, sending, rate, "throttled: slowing down");
                slot.pace(now);
                // No burst right after a cut: the next call waits its turn at the new rate.
                if let Some(bucket) = &mut slot.bucket {
                    bucket.drain_to(1.0, now);
                }
            }
        });
    }

    /// Every category used so far, for the rate meter.
    pub fn usage(&self) -> Vec<CategoryUse> {
        let now = Instant::now();
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out: Vec<CategoryUse> = slots
            .iter_mut()
            .map(|(category, slot)| slot.usage(*category, now))
            .collect();
        out.sort_by_key(|u| u.category);
        out
    }

    /// One category's figures (zeros when it was never used).
    pub fn usage_of(&self, category: Category) -> CategoryUse {
        let now = Instant::now();
        self.with(category, |slot| slot.usage(category, now))
    }
}
