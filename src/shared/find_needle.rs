//! What the text typed to find someone is: an email, a phone number, a `sub`, else a username;
//! the exact ListUsers filter each is searched with, and the other forms tried where it finds
//! nobody (an email in lower case, an email or a UUID as a username).

use serde::Serialize;

use crate::cognito::user_filter::filter_expression;

/// What the text names, which decides the attribute the filter compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NeedleKind {
    Email,
    Phone,
    Sub,
    Username,
}

impl NeedleKind {
    /// The attribute as a ListUsers filter names it.
    pub fn attribute(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "phone_number",
            Self::Sub => "sub",
            Self::Username => "username",
        }
    }
}

/// The text searched for, and what it is taken to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Needle {
    pub kind: NeedleKind,
    pub value: String,
}

impl Needle {
    /// An email has an `@`; a phone number is `+` and digits (spaces, dashes, dots and brackets
    /// between them dropped, as Cognito stores E.164); a `sub` is a UUID (in lower case, as
    /// Cognito issues them); anything else a username.
    pub fn classify(text: &str) -> Self {
        let text = text.trim();
        let (kind, value) = if text.contains('@') {
            (NeedleKind::Email, text.to_owned())
        } else if let Some(phone) = phone_number(text) {
            (NeedleKind::Phone, phone)
        } else if is_uuid(text) {
            (NeedleKind::Sub, text.to_ascii_lowercase())
        } else {
            (NeedleKind::Username, text.to_owned())
        };
        Self { kind, value }
    }

    /// The ListUsers filter: `email = "ann@example.com"`.
    pub fn filter(&self) -> String {
        filter_expression(self.kind.attribute(), false, &self.value)
    }

    /// An email or a UUID is also somebody's username in pools that take the address, or an
    /// app's own id, as the name: searched as one where the attribute finds nobody.
    pub fn as_username(&self) -> Option<Self> {
        matches!(self.kind, NeedleKind::Email | NeedleKind::Sub).then(|| Self {
            kind: NeedleKind::Username,
            value: self.value.clone(),
        })
    }

    /// ListUsers compares emails exactly, and most sign-ups store them in lower case: an email
    /// typed with capitals is tried in lower case too, where it finds nobody.
    pub fn lowercase(&self) -> Option<Self> {
        (self.kind == NeedleKind::Email && self.value.chars().any(char::is_uppercase)).then(|| {
            Self {
                kind: self.kind,
                value: self.value.to_lowercase(),
            }
        })
    }
}

fn phone_number(text: &str) -> Option<String> {
    let rest = text.strip_prefix('+')?;
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then(|| format!("+{digits}"))
}

/// `8-4-4-4-12` hex digits.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}
