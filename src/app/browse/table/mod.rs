//! A table of loaded rows: sort order, local filter and selection, kept as index lists so that
//! 100,000 rows filter and sort without copying rows. Split as bottom splits its data table:
//! the columns (`column`), the rows with their order, filter and selection (`state`), and the
//! sort (`sort`); `ui::widgets::table` draws it.

mod column;
mod sort;
mod state;

use std::borrow::Cow;
use std::cmp::Ordering;

pub(crate) use column::date;
pub use column::{Cell, Column};
pub use sort::Sort;
pub use state::TableView;

/// What a table needs from a row.
pub trait Row: Sized + 'static {
    /// The columns, each with its cells: how they show and how they sort.
    const COLUMNS: &'static [Column<Self>];
    /// Lower-cased text of every visible column, for the case-insensitive local filter.
    fn haystack(&self) -> &str;
    /// What identifies the row among the others (a username, a client id), for replacing or
    /// removing one row and for opening its detail. No default: rows without one would all be
    /// equal, and replacing one would replace another.
    fn key(&self) -> &str;

    /// The cell in `column`, as the table shows it (blank past the last column).
    fn cell(&self, column: usize) -> Cow<'_, str> {
        Self::COLUMNS
            .get(column)
            .map_or(Cow::Borrowed(""), |c| c.show(self))
    }

    /// How this row and `other` sort by `column` (equal past the last column).
    fn compare(&self, other: &Self, column: usize) -> Ordering {
        Self::COLUMNS
            .get(column)
            .map_or(Ordering::Equal, |c| c.compare(self, other))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A name and a number; the name is the key.
    #[derive(Debug, Clone, PartialEq)]
    struct Item(String, u32, String);

    fn item(name: &str, n: u32) -> Item {
        Item(name.to_owned(), n, name.to_lowercase())
    }

    impl Row for Item {
        const COLUMNS: &'static [Column<Self>] = &[
            Column::new("Name", 10, Cell::Text(|r| &r.0)),
            Column::new("N", 4, Cell::Number(|r| Some(i64::from(r.1)))),
        ];
        fn haystack(&self) -> &str {
            &self.2
        }
        fn key(&self) -> &str {
            &self.0
        }
    }

    fn shown(t: &TableView<Item>) -> Vec<String> {
        (0..t.visible_len())
            .filter_map(|i| t.visible_row(i).map(|r| r.0.clone()))
            .collect()
    }

    #[test]
    fn sorting_keeps_load_order_for_ties_and_flips_on_the_same_column() {
        let mut t = TableView::new(vec![item("c", 1), item("a", 2), item("b", 1)]);
        t.sort_by(1);
        assert_eq!(shown(&t), ["c", "b", "a"]);
        t.sort_by(1);
        assert_eq!(
            t.sort(),
            Some(Sort {
                column: 1,
                descending: true
            })
        );
        assert_eq!(shown(&t), ["a", "c", "b"]);
        t.sort_by(9);
        assert_eq!(shown(&t), ["a", "c", "b"], "no such column: unchanged");
    }

    #[test]
    fn a_page_that_arrives_goes_into_the_sorted_and_filtered_order() {
        let mut t = TableView::new(vec![item("Ann", 1), item("Bob", 2)]);
        t.sort_by(0);
        t.set_filter("N");
        t.append(vec![item("Anna", 3), item("Cy", 4)]);
        assert_eq!(shown(&t), ["Ann", "Anna"]);
        t.set_filter("");
        assert_eq!(shown(&t), ["Ann", "Anna", "Bob", "Cy"]);
    }

    #[test]
    fn a_filter_narrows_and_widens_and_the_selection_stays_on_a_shown_row() {
        let mut t = TableView::new((0..10).map(|n| item(&format!("u{n}"), n)).collect());
        t.select(9);
        t.set_filter("u1");
        assert_eq!(shown(&t), ["u1"]);
        assert_eq!(t.selected().map(|r| r.0.as_str()), Some("u1"));
        t.set_filter("u");
        assert_eq!(t.visible_len(), 10);
        t.move_by(-5);
        assert_eq!(t.selected_index(), 0);
    }

    #[test]
    fn rows_are_replaced_and_removed_by_key() {
        let mut t = TableView::new(vec![item("a", 1), item("b", 2)]);
        t.sort_by(1);
        t.upsert(item("a", 5));
        assert_eq!(shown(&t), ["b", "a"]);
        t.upsert(item("c", 0));
        assert_eq!(shown(&t), ["c", "b", "a"]);
        assert!(t.remove("b"));
        assert!(!t.remove("b"));
        assert_eq!(shown(&t), ["c", "a"]);
        assert_eq!(t.total(), 2);
    }
}

#[cfg(test)]
mod key_tests {
    use serde_json::json;

    use super::TableView;
    use crate::app::browse::rows::ClientRow;
    use crate::app::browse::rows::GroupRow;
    use crate::app::browse::rows::IdpRow;
    use crate::app::browse::rows::PoolRow;
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
