//! The rows of the users and pools tables, built from the API's types: only what the table shows
//! and filters on; and the cell helpers every pane's rows use. The other panes' rows live with
//! their pane in `app/browse/panes/`.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::app::browse::table::Column;

use crate::app::browse::table::Row;
use crate::cognito::pools::UserPoolDescriptionType;
use crate::cognito::types::{EpochSeconds, attribute};
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::UserType;
use crate::shared::visible::escape;

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

pub(crate) fn cmp_f64(a: Option<f64>, b: Option<f64>) -> Ordering {
    a.partial_cmp(&b).unwrap_or(Ordering::Equal)
}

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
    search: Box<str>,
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
            search,
        }
    }
}

impl Row for UserRow {
    const COLUMNS: &'static [Column] = &[
        Column {
            title: "Username",
            width: 28,
        },
        Column {
            title: "Email",
            width: 32,
        },
        Column {
            title: "Status",
            width: 22,
        },
        Column {
            title: "Enabled",
            width: 7,
        },
        Column {
            title: "Created (UTC)",
            width: 16,
        },
        Column {
            title: "Modified (UTC)",
            width: 16,
        },
    ];

    fn cell(&self, column: usize) -> Cow<'_, str> {
        match column {
            0 => Cow::Borrowed(&self.username),
            1 => Cow::Borrowed(&self.email),
            2 => Cow::Borrowed(UserStatus::text_of(self.status.as_ref())),
            3 => Cow::Borrowed(if self.enabled { "yes" } else { "no" }),
            4 => date(self.created),
            5 => date(self.modified),
            _ => Cow::Borrowed(""),
        }
    }

    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            0 => self.username.cmp(&other.username),
            1 => self.email.cmp(&other.email),
            2 => UserStatus::text_of(self.status.as_ref())
                .cmp(UserStatus::text_of(other.status.as_ref())),
            3 => self.enabled.cmp(&other.enabled),
            4 => cmp_f64(self.created, other.created),
            _ => cmp_f64(self.modified, other.modified),
        }
    }

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
    const COLUMNS: &'static [Column] = &[
        Column {
            title: "Name",
            width: 30,
        },
        Column {
            title: "Id",
            width: 28,
        },
        Column {
            title: "Created (UTC)",
            width: 16,
        },
        Column {
            title: "Modified (UTC)",
            width: 16,
        },
    ];

    fn cell(&self, column: usize) -> Cow<'_, str> {
        match column {
            0 => Cow::Borrowed(&self.name),
            1 => Cow::Borrowed(&self.id),
            2 => date(self.created),
            3 => date(self.modified),
            _ => Cow::Borrowed(""),
        }
    }

    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            0 => self.name.cmp(&other.name),
            1 => self.id.cmp(&other.id),
            2 => cmp_f64(self.created, other.created),
            _ => cmp_f64(self.modified, other.modified),
        }
    }

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.id
    }
}

pub use crate::app::browse::panes::ClientRow;

pub use crate::app::browse::panes::GroupRow;

pub use crate::app::browse::panes::IdpRow;
