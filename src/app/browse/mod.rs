//! Browsing: the pool panes and their registry, the tables of rows (sort, filter, selection), the
//! detail views, and the keys that move between them.

pub mod detail;
pub(crate) mod nav;
pub mod pane;
pub mod panes;
pub mod rows;
pub mod search;
pub mod table;
pub mod user_detail;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_lower_case;
#[cfg(test)]
mod tests_search;
#[cfg(test)]
mod tests_tabs;
