//! The per-pool local index: every user of a crawled pool in one SQLite file (or in memory), and
//! the query language that searches it.
//!
//! A build: `start_build`, `add_users` per batch, `set_group_members` per group, `finish`. The
//! tool's own changes: `apply`. Reading: `query`, `for_each`, `count`, `count_by`.

mod build;
mod changes;
mod db;
mod error;
pub mod fill;
pub mod follow;
mod functions;
mod naming;
pub mod query;
mod read;
pub mod ready;
pub mod record;
mod sql;
mod store;
mod write;

#[cfg(test)]
mod tests;

pub use changes::Change;
pub use db::{Index, IndexMeta};
pub use error::{IndexError, IndexResult};
pub use fill::{FillError, Filled, fill};
pub use follow::FollowChanges;
pub use naming::Naming;
pub use query::{Query, QueryError};
pub use read::Grouping;
pub use ready::{BuildError, Home, Summary};
pub use record::{IndexedUser, MfaMethod, UserRecord};
pub use store::{Clear, IndexInfo, IndexKey, IndexStore};
