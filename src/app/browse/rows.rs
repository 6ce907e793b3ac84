//! The rows of the users and pools tables, built from the API's types: only what the table shows
//! and filters on; and the cell helpers every pane's rows use. The other panes' rows live with
//! their pane in `app/browse/panes/`.

use crate::app::browse::table::{Cell, Column, Row};
use crate::cognito::pools::UserPoolDescriptionType;
use crate::cognito::types::attribute;
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::UserType;
use crate::shared::visible::escape;

pub(crate) use crate::app::browse::table::date;

/// What the local filter searches: the cells as they are shown (hidden characters escaped).
pub(crate) fn haystack(cells: &[&str]) -> Box<str> {
    let shown: Vec<_> = cells.iter().map(|c| escape(c)).collect();
    shown.join("\u{1f}").to_lowercase().into_boxed_str()
}

/// One user in the users table: about 200 bytes plus the text itself.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    pub username: Box<str>,
    pub email: Box<str>,
    pub status: Option<UserStatus>,
    pub enabled: bool,
    pub created: Option<f64>,
    pub modified: Option<f64>,
    /// The groups the user is in, comma-separated, when known (a query of the index says; a
    /// listing does not): `None` shows blank, `Some("")` a dash.
    pub groups: Option<Box<str>>,
    search: Box<str>,
}

impl UserRow {
    /// A user of the local index, with the groups it holds for them.
    pub fn with_groups(user: &UserType, groups: &[String]) -> Self {
        let groups = groups.join(",");
        let mut row = Self::from(user);
        let mut search = String::from(std::mem::take(&mut row.search));
        search.push('\u{1f}');
        search.push_str(&escape(&groups).to_lowercase());
        row.search = search.into_boxed_str();
        row.groups = Some(groups.into_boxed_str());
        row
    }
}

impl From<&UserType> for UserRow {
    fn from(u: &UserType) -> Self {
        let created = u.user_create_date.map(|d| d.0);
        let modified = u.user_last_modified_date.map(|d| d.0);
        let username = u.username.as_str();
        let email = attribute(&u.attributes, "email").unwrap_or_default();
        let status = UserStatus::text_of(u.user_status.as_ref());
        let enabled = u.enabled.unwrap_or(true);
        let search = haystack(&[
            username,
            email,
            status,
            if enabled { "yes" } else { "no" },
            &date(created),
            &date(modified),
        ]);
        Self {
            username: username.into(),
            email: email.into(),
            status: u.user_status.clone(),
            enabled,
            created,
            modified,
            groups: None,
            search,
        }
    }
}

impl Row for UserRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Username", 28, Cell::Text(|r| &r.username)),
        Column::new("Email", 32, Cell::Text(|r| &r.email)),
        Column::new(
            "Status",
            22,
            Cell::Text(|r| UserStatus::text_of(r.status.as_ref())),
        ),
        Column::new("Enabled", 7, Cell::YesNo(|r| r.enabled)),
        Column::new("Created (UTC)", 16, Cell::Date(|r| r.created)),
        Column::new("Modified (UTC)", 16, Cell::Date(|r| r.modified)),
        Column::new(
            "Groups",
            20,
            Cell::Text(|r: &Self| match r.groups.as_deref() {
                Some("") => "–",
                Some(groups) => groups,
                None => "",
            }),
        )
        .optional(),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.username
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PoolRow {
    pub id: Box<str>,
    pub name: Box<str>,
    pub created: Option<f64>,
    pub modified: Option<f64>,
    search: Box<str>,
}

impl From<&UserPoolDescriptionType> for PoolRow {
    fn from(p: &UserPoolDescriptionType) -> Self {
        let created = p.creation_date.map(|d| d.0);
        let modified = p.last_modified_date.map(|d| d.0);
        let name = p.name.as_deref().unwrap_or_default();
        let search = haystack(&[p.id.as_str(), name, &date(created), &date(modified)]);
        Self {
            id: p.id.as_str().into(),
            name: name.into(),
            created,
            modified,
            search,
        }
    }
}

impl Row for PoolRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Name", 30, Cell::Text(|r| &r.name)),
        Column::new("Id", 28, Cell::Text(|r| &r.id)),
        Column::new("Created (UTC)", 16, Cell::Date(|r| r.created)),
        Column::new("Modified (UTC)", 16, Cell::Date(|r| r.modified)),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.id
    }
}

pub use crate::app::browse::panes::{ClientRow, GroupRow, IdpRow};
