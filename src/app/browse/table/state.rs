//! A table's state: the loaded rows, their display order, the local filter over them and the
//! selection, as index lists into the rows.

use crate::app::browse::table::sort::ordered;
use crate::app::browse::table::{Navigable, Row, Sort};

#[derive(Debug, Clone, PartialEq)]
pub struct TableView<R> {
    pub(super) rows: Vec<R>,
    /// Every row index in display order (sorted when `sort` is set, else load order).
    pub(super) order: Vec<u32>,
    /// `order` with the filter applied: what is shown.
    visible: Vec<u32>,
    selected: usize,
    pub(super) sort: Option<Sort>,
    /// Lower-cased filter text.
    filter: String,
}

impl<R> Default for TableView<R> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            order: Vec::new(),
            visible: Vec::new(),
            selected: 0,
            sort: None,
            filter: String::new(),
        }
    }
}

impl<R: Row> TableView<R> {
    pub fn new(rows: Vec<R>) -> Self {
        let mut table = Self::default();
        table.append(rows);
        table
    }

    /// Adds rows (a page that arrived), keeping sort order and filter.
    pub fn append(&mut self, rows: Vec<R>) {
        let start = self.rows.len();
        self.rows.extend(rows);
        let Ok(end) = u32::try_from(self.rows.len()) else {
            return;
        };
        let first = u32::try_from(start).unwrap_or(end);
        for index in first..end {
            match self.sort {
                None => {
                    self.order.push(index);
                    if self.matches(index) {
                        self.visible.push(index);
                    }
                }
                Some(sort) => {
                    let pos = self.insert_position(&self.order, index, sort);
                    self.order.insert(pos, index);
                    if self.matches(index) {
                        let pos = self.insert_position(&self.visible, index, sort);
                        self.visible.insert(pos, index);
                    }
                }
            }
        }
    }

    /// Replaces the row with the same key (or adds it), keeping sort order and filter.
    pub fn upsert(&mut self, row: R) {
        match self.rows.iter_mut().find(|r| r.key() == row.key()) {
            Some(old) => {
                *old = row;
                self.rebuild();
            }
            None => self.append(vec![row]),
        }
    }

    /// Removes the row with this key; false when there is none.
    pub fn remove(&mut self, key: &str) -> bool {
        let before = self.rows.len();
        self.rows.retain(|r| r.key() != key);
        let removed = self.rows.len() != before;
        if removed {
            self.rebuild();
        }
        removed
    }

    fn rebuild(&mut self) {
        let Ok(n) = u32::try_from(self.rows.len()) else {
            return;
        };
        self.order = (0..n).collect();
        if let Some(sort) = self.sort {
            let rows = &self.rows;
            self.order.sort_by(|&a, &b| ordered(rows, a, b, sort));
        }
        self.refilter();
    }

    pub fn clear(&mut self) {
        self.rows.clear();
        self.order.clear();
        self.visible.clear();
        self.selected = 0;
    }

    /// Every loaded row, in load order.
    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    pub fn total(&self) -> usize {
        self.rows.len()
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The shown row at display position `pos`.
    pub fn visible_row(&self, pos: usize) -> Option<&R> {
        self.visible
            .get(pos)
            .and_then(|&i| self.rows.get(i as usize))
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&R> {
        self.visible_row(self.selected)
    }

    /// Moves the selection by `delta` rows, clamped to the shown rows.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn select(&mut self, pos: usize) {
        self.selected = pos.min(self.visible.len().saturating_sub(1));
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Sets the local filter (substring, case-insensitive, over the visible columns).
    pub fn set_filter(&mut self, text: &str) {
        let lowered = text.to_lowercase();
        let narrows = lowered.contains(self.filter.as_str());
        self.filter = lowered;
        if !narrows || self.filter.is_empty() {
            self.refilter();
        } else {
            // A longer filter only removes rows: filter what is shown, order kept.
            let (rows, filter) = (&self.rows, &self.filter);
            self.visible.retain(|&i| {
                rows.get(i as usize)
                    .is_some_and(|r| r.haystack().contains(filter.as_str()))
            });
        }
        self.select(self.selected);
    }

    pub(super) fn refilter(&mut self) {
        let (rows, filter) = (&self.rows, &self.filter);
        self.visible = if filter.is_empty() {
            self.order.clone()
        } else {
            self.order
                .iter()
                .copied()
                .filter(|&i| {
                    rows.get(i as usize)
                        .is_some_and(|r| r.haystack().contains(filter.as_str()))
                })
                .collect()
        };
        self.select(self.selected);
    }

    fn matches(&self, index: u32) -> bool {
        self.filter.is_empty()
            || self
                .rows
                .get(index as usize)
                .is_some_and(|r| r.haystack().contains(self.filter.as_str()))
    }
}

impl<R: Row> Navigable for TableView<R> {
    fn move_by(&mut self, delta: isize) {
        TableView::move_by(self, delta);
    }
    fn select(&mut self, pos: usize) {
        TableView::select(self, pos);
    }
    fn sort_by(&mut self, column: usize) {
        TableView::sort_by(self, column);
    }
    fn set_filter(&mut self, text: &str) {
        TableView::set_filter(self, text);
    }
    fn filter(&self) -> &str {
        TableView::filter(self)
    }
    fn visible_len(&self) -> usize {
        TableView::visible_len(self)
    }
    fn selected_index(&self) -> usize {
        TableView::selected_index(self)
    }
}
