//! Cognito's request-rate quotas: the categories, the token bucket that paces and refuses, and the
//! scheduler every call passes (priority lanes, adaptive back-off, a rate meter).

pub mod adaptive;
pub mod bucket;
pub mod category;
pub mod meter;
pub mod per_user;
#[cfg(test)]
mod per_user_tests;
pub mod scheduler;
#[cfg(test)]
mod scheduler_tests;

use std::collections::BTreeMap;

pub use bucket::TokenBucket;
pub use category::Category;
pub use meter::CategoryUse;
pub use per_user::{PER_USER_RATE, UserKey};
pub use scheduler::{Lane, Scheduler};

/// How fast each category may be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Pacing {
    /// `aws` on AWS's endpoints, `adaptive` on any other.
    #[default]
    Auto,
    /// At most AWS's documented rate per category, backing off on throttles: AWS's endpoints, and
    /// a server that emulates AWS's quotas.
    Aws,
    /// No ceiling; back off only when the server throttles (moto, LocalStack, other servers).
    Adaptive,
}

/// The pacing, and rates the account has had raised (`[quotas]` in config.toml).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quotas {
    pub pacing: Pacing,
    pub rates: BTreeMap<Category, f64>,
    /// The rate each user is called at, below AWS's 10 a second (`PerUser`).
    pub per_user: Option<f64>,
}

impl Quotas {
    pub fn new(pacing: Pacing) -> Self {
        Self {
            pacing,
            rates: BTreeMap::new(),
            per_user: None,
        }
    }

    /// `Auto` made `Aws` or `Adaptive` for an endpoint that is (or is not) AWS's own.
    #[must_use]
    pub fn for_endpoint(mut self, is_aws: bool) -> Self {
        if self.pacing == Pacing::Auto {
            self.pacing = if is_aws {
                Pacing::Aws
            } else {
                Pacing::Adaptive
            };
        }
        self
    }

    /// The most `category` is ever sent at: a rate given for it, else AWS's documented one when
    /// pacing as AWS, else no ceiling.
    pub fn ceiling(&self, category: Category) -> f64 {
        match (self.rates.get(&category), self.pacing) {
            (Some(rate), _) => *rate,
            (None, Pacing::Aws) => category.default_rate(),
            (None, Pacing::Adaptive | Pacing::Auto) => f64::INFINITY,
        }
    }

    /// The most one user is called at, for reads and for writes each: a rate given for it, else
    /// AWS's when pacing as AWS, else no ceiling (`None`).
    pub fn per_user_ceiling(&self) -> Option<f64> {
        match (self.per_user, self.pacing) {
            (Some(rate), _) => Some(rate),
            (None, Pacing::Aws) => Some(PER_USER_RATE),
            (None, Pacing::Adaptive | Pacing::Auto) => None,
        }
    }
}
