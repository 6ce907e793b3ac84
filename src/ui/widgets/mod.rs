//! Pieces the panes and overlays are drawn with.

pub mod filter;
pub mod footer;
pub mod header;
pub mod help;
pub mod notice;
pub mod palette;
pub mod popup;
pub mod small_table;
pub mod submit;
pub mod table;
