//! The per-pool local index: every user of a crawled pool in one SQLite file (or in memory), and
//! the query language that searches it.

pub mod query;
pub mod record;

pub use query::{Query, QueryError};
pub use record::{IndexedUser, MfaMethod, UserRecord};
