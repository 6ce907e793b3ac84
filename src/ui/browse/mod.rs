//! Drawing what is browsed: the panes, the virtualised table of rows, the detail views and the raw
//! JSON (mirrors `app::browse`).

pub mod detail;
pub mod json;
pub mod panes;
pub mod table;
pub mod verdict;
