//! Pieces the panes and overlays are drawn with.

pub mod footer;
pub mod header;
pub mod notice;
pub mod popup;
pub mod small_table;
pub mod submit;
