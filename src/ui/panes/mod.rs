//! One file per resource kind: which rows, what they are called, what the empty state says.

pub mod clients;
pub mod groups;
pub mod idps;
pub mod overview;
pub mod pools;
pub mod users;
