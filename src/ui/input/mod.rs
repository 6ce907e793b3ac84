//! Drawing input: the command palette, the `/` filter and server search, the `?` help
//! (mirrors `app::input`).

pub mod filter;
pub mod help;
pub mod palette;
pub mod query;
