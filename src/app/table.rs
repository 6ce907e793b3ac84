//! A table of loaded rows: sort order, local filter and selection, kept as index lists so that
//! 100,000 rows filter and sort without copying rows.

use std::borrow::Cow;
use std::cmp::Ordering;

/// A column: its title and a width hint for the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub title: &'static str,
    /// Preferred width in cells; the renderer may shrink it.
    pub width: u16,
}

/// What a table needs from a row.
pub trait Row {
    const COLUMNS: &'static [Column];
    fn cell(&self, column: usize) -> Cow<'_, str>;
    fn compare(&self, other: &Self, column: usize) -> Ordering;
    /// Lower-cased text of every visible column, for the case-insensitive local filter.
    fn haystack(&self) -> &str;
    /// What identifies the row among the others (a username, a client id), for replacing or
    /// removing one row and for opening its detail. No default: rows without one would all be
    /// equal, and replacing one would replace another.
    fn key(&self) -> &str;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableView<R> {
    rows: Vec<R>,
    /// Every row index in display order (sorted when `sort` is set, else load order).
    order: Vec<u32>,
    /// `order` with the filter applied: what is shown.
    visible: Vec<u32>,
    selected: usize,
    sort: Option<Sort>,
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

    fn refilter(&mut self) {
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

    fn insert_position(&self, list: &[u32], index: u32, sort: Sort) -> usize {
        list.partition_point(|&other| ordered(&self.rows, other, index, sort) != Ordering::Greater)
    }
}

fn ordered<R: Row>(rows: &[R], a: u32, b: u32, sort: Sort) -> Ordering {
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

/// The table operations navigation needs, whatever the row type.
pub trait Navigable {
    fn move_by(&mut self, delta: isize);
    fn select(&mut self, pos: usize);
    fn sort_by(&mut self, column: usize);
    fn set_filter(&mut self, text: &str);
    fn filter(&self) -> &str;
    fn visible_len(&self) -> usize;
    fn selected_index(&self) -> usize;
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::TableView;
    use crate::app::rows::{ClientRow, GroupRow, IdpRow, PoolRow};
    use crate::cognito::clients::UserPoolClientType;
    use crate::cognito::groups::GroupType;
    use crate::cognito::idps::ProviderDescription;
    use crate::cognito::pools::UserPoolDescriptionType;

    fn from<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
        serde_json::from_value(value).unwrap()
    }

    /// Every kind of row is told apart by its key: replacing one never replaces another, and
    /// removing one removes only it.
    #[test]
    fn rows_of_every_kind_are_told_apart_by_their_key() {
        let group = |name: &str| GroupRow::from(&from::<GroupType>(json!({"GroupName": name})));
        let mut groups = TableView::new(vec![group("admins"), group("support")]);
        groups.upsert(group("beta"));
        assert_eq!(
            groups.total(),
            3,
            "a new group is added, not put over another"
        );
        assert!(groups.remove("admins"));
        let names: Vec<&str> = groups.rows().iter().map(|g| &*g.name).collect();
        assert_eq!(names, ["support", "beta"]);

        let pool = |id: &str| PoolRow::from(&from::<UserPoolDescriptionType>(json!({"Id": id})));
        let mut pools = TableView::new(vec![pool("us-east-1_A"), pool("us-east-1_B")]);
        pools.upsert(pool("us-east-1_C"));
        assert_eq!(pools.total(), 3);

        let client = |id: &str| {
            ClientRow::from(&from::<UserPoolClientType>(
                json!({"ClientId": id, "ClientName": "web"}),
            ))
        };
        let mut clients = TableView::new(vec![client("c1")]);
        clients.upsert(client("c2"));
        assert_eq!(
            clients.total(),
            2,
            "two clients may share a name, never an id"
        );

        let idp =
            |name: &str| IdpRow::from(&from::<ProviderDescription>(json!({"ProviderName": name})));
        let mut idps = TableView::new(vec![idp("Google")]);
        assert!(!idps.remove("Okta"));
        assert_eq!(idps.total(), 1);
    }
}
