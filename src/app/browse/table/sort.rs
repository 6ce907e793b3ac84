//! Sorting a table: by one column, either way, with load order breaking ties, and where a row
//! that arrives goes in an order already sorted.

use std::cmp::Ordering;

use crate::app::browse::table::{Row, TableView};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

impl<R: Row> TableView<R> {
    pub fn sort(&self) -> Option<Sort> {
        self.sort
    }

    /// Sorts by `column`; the same column again flips the direction.
    pub fn sort_by(&mut self, column: usize) {
        if column >= R::COLUMNS.len() {
            return;
        }
        let descending = matches!(self.sort, Some(s) if s.column == column && !s.descending);
        let sort = Sort { column, descending };
        self.sort = Some(sort);
        let rows = &self.rows;
        self.order.sort_by(|&a, &b| ordered(rows, a, b, sort));
        self.refilter();
    }

    /// Where row `index` goes in `list`, which is sorted by `sort`.
    pub(super) fn insert_position(&self, list: &[u32], index: u32, sort: Sort) -> usize {
        list.partition_point(|&other| ordered(&self.rows, other, index, sort) != Ordering::Greater)
    }
}

pub(super) fn ordered<R: Row>(rows: &[R], a: u32, b: u32, sort: Sort) -> Ordering {
    let (Some(ra), Some(rb)) = (rows.get(a as usize), rows.get(b as usize)) else {
        return Ordering::Equal;
    };
    let primary = ra.compare(rb, sort.column);
    let primary = if sort.descending {
        primary.reverse()
    } else {
        primary
    };
    // Load order breaks ties, so equal rows keep a stable place.
    primary.then(a.cmp(&b))
}
