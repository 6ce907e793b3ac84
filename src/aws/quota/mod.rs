//! Cognito's request-rate quotas: the categories, and the token bucket that paces and refuses.

pub mod bucket;
pub mod category;

pub use bucket::TokenBucket;
pub use category::Category;
