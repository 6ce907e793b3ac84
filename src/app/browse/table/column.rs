//! A table's columns: what each is called, how wide it would like to be, and what its cells are
//! (read from the row), which says both how a cell shows and how the column sorts.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::cognito::types::EpochSeconds;

/// A column: its title, a width hint for the renderer, and its cells.
pub struct Column<R> {
    pub title: &'static str,
    /// Preferred width in cells; the renderer may shrink it.
    pub width: u16,
    pub cell: Cell<R>,
    /// Drawn only when its rows have something in it (the users' groups, known from a query).
    pub optional: bool,
}

/// What a column's cells are, read from the row.
pub enum Cell<R> {
    /// Text, shown and sorted as it is.
    Text(fn(&R) -> &str),
    /// `yes` or `no`; `no` sorts first.
    YesNo(fn(&R) -> bool),
    /// A whole number, blank when absent (first).
    Number(fn(&R) -> Option<i64>),
    /// A time in UTC to the minute, blank when absent (first).
    Date(fn(&R) -> Option<f64>),
}

impl<R> Column<R> {
    pub const fn new(title: &'static str, width: u16, cell: Cell<R>) -> Self {
        Self {
            title,
            width,
            cell,
            optional: false,
        }
    }

    /// A column drawn only when its rows have something in it.
    #[must_use]
    pub const fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// The cell of `row` in this column, as the table shows it.
    pub fn show<'r>(&self, row: &'r R) -> Cow<'r, str> {
        match self.cell {
            Cell::Text(get) => Cow::Borrowed(get(row)),
            Cell::YesNo(get) => Cow::Borrowed(if get(row) { "yes" } else { "no" }),
            Cell::Number(get) => get(row).map_or(Cow::Borrowed(""), |n| Cow::Owned(n.to_string())),
            Cell::Date(get) => date(get(row)),
        }
    }

    /// How `a` and `b` sort by this column.
    pub fn compare(&self, a: &R, b: &R) -> Ordering {
        match self.cell {
            Cell::Text(get) => get(a).cmp(get(b)),
            Cell::YesNo(get) => get(a).cmp(&get(b)),
            Cell::Number(get) => get(a).cmp(&get(b)),
            Cell::Date(get) => get(a).partial_cmp(&get(b)).unwrap_or(Ordering::Equal),
        }
    }
}

/// A table date to the minute, in UTC (the column titles say so; the detail view has seconds):
/// `2023-11-14 22:13`, so that dates fit beside the names on a 100-column terminal.
pub(crate) fn date(d: Option<f64>) -> Cow<'static, str> {
    d.map_or(Cow::Borrowed(""), |t| {
        let mut text = EpochSeconds(t).to_utc_string();
        if text.len() == DATE_WITH_SECONDS {
            text.truncate(DATE_WIDTH);
        }
        Cow::Owned(text)
    })
}

/// `2023-11-14 22:13:20Z`
const DATE_WITH_SECONDS: usize = 20;
const DATE_WIDTH: usize = 16;
