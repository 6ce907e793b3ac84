//! The fields of the user forms: a typed id per field, the choices they offer (an invitation
//! sent or not, how it goes, a temporary or permanent password) each with its label, and how
//! each form lays its fields out from the pool's settings (required attributes first, immutable
//! ones read-only, the ones Cognito sets left out).

use crate::app::form::{Choice, Field};
use crate::app::users::forms::PoolSettings;
use crate::cognito::personal::is_personal;

/// A field of a user form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserField {
    Username,
    /// A user attribute, by its name (`email`, `custom:tenant`, `email_verified`).
    Attribute(String),
    /// AdminCreateUser's TemporaryPassword.
    TemporaryPassword,
    /// Whether AdminCreateUser sends the invitation (its MessageAction).
    Invitation,
    /// How the invitation goes (its DesiredDeliveryMediums).
    Delivery,
    /// AdminSetUserPassword's Password.
    Password,
    /// Whether that password is Permanent.
    PasswordKind,
}

impl UserField {
    pub fn attribute(name: &str) -> Self {
        Self::Attribute(name.to_owned())
    }

    /// The attribute the field stands for, if it stands for one.
    pub fn attribute_name(&self) -> Option<&str> {
        match self {
            Self::Attribute(name) => Some(name),
            _ => None,
        }
    }

    /// A short name for the field: the attribute's name, else a fixed word.
    pub fn name(&self) -> &str {
        match self {
            Self::Username => "username",
            Self::Attribute(name) => name,
            Self::TemporaryPassword => "temporary_password",
            Self::Invitation => "message",
            Self::Delivery => "delivery",
            Self::Password => "password",
            Self::PasswordKind => "kind",
        }
    }
}

/// Whether AdminCreateUser sends an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invitation {
    Send,
    /// MessageAction SUPPRESS.
    Suppress,
}

impl Choice for Invitation {
    const ALL: &'static [Self] = &[Self::Send, Self::Suppress];

    fn label(self) -> &'static str {
        match self {
            Self::Send => "send invitation",
            Self::Suppress => "suppress (no message)",
        }
    }
}

/// How an invitation is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Email,
    Sms,
    EmailAndSms,
}

impl Delivery {
    pub fn by_email(self) -> bool {
        self != Self::Sms
    }

    pub fn by_sms(self) -> bool {
        self != Self::Email
    }

    /// AdminCreateUser's DesiredDeliveryMediums.
    pub fn mediums(self) -> Vec<String> {
        [(self.by_email(), "EMAIL"), (self.by_sms(), "SMS")]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, medium)| medium.to_owned())
            .collect()
    }
}

impl Choice for Delivery {
    const ALL: &'static [Self] = &[Self::Email, Self::Sms, Self::EmailAndSms];

    fn label(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "SMS",
            Self::EmailAndSms => "email and SMS",
        }
    }
}

/// Whether a password an administrator sets must be changed at the next sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordKind {
    Temporary,
    Permanent,
}

impl Choice for PasswordKind {
    const ALL: &'static [Self] = &[Self::Temporary, Self::Permanent];

    fn label(self) -> &'static str {
        match self {
            Self::Temporary => "temporary (changed at next sign-in)",
            Self::Permanent => "permanent",
        }
    }
}

/// Attributes no form offers to type: Cognito sets them.
const SYSTEM: &[&str] = &["sub", "identities", "updated_at"];
const VERIFIED: &[&str] = &["email_verified", "phone_number_verified"];
const FIRST: &[&str] = &["email", "phone_number", "name"];

const GENERATE_NOTE: &str = "Ctrl-P generates one for the policy · Ctrl-R shows it";

pub fn set_password_fields() -> Vec<Field<UserField>> {
    vec![
        Field::masked(UserField::Password, "Password")
            .required(true)
            .note(GENERATE_NOTE),
        Field::choice(UserField::PasswordKind, "Kind", PasswordKind::Temporary),
    ]
}

fn label_of(name: &str) -> String {
    match name {
        "email" => "Email".to_owned(),
        "phone_number" => "Phone (+15551234567)".to_owned(),
        "name" => "Name".to_owned(),
        other => other.to_owned(),
    }
}

pub fn create_fields(settings: Option<&PoolSettings>) -> Vec<Field<UserField>> {
    let mut names: Vec<(String, bool)> = Vec::new();
    let offered = |n: &str| !SYSTEM.contains(&n) && !VERIFIED.contains(&n);
    if let Some(s) = settings {
        for a in s
            .attributes
            .iter()
            .filter(|a| a.required && offered(&a.name))
        {
            names.push((a.name.clone(), true));
        }
    }
    for name in FIRST {
        if !names.iter().any(|(n, _)| n == name) {
            names.push(((*name).to_owned(), false));
        }
    }
    if let Some(s) = settings {
        for a in s.attributes.iter().filter(|a| offered(&a.name)) {
            if !names.iter().any(|(n, _)| *n == a.name) {
                names.push((a.name.clone(), false));
            }
        }
    }
    let mut fields = vec![Field::text(UserField::Username, "Username", "").required(true)];
    fields.extend(names.iter().map(|(n, required)| {
        Field::text(UserField::attribute(n), &label_of(n), "")
            .required(*required)
            .personal(is_personal(n))
    }));
    fields.push(
        Field::masked(UserField::TemporaryPassword, "Temporary password").note(GENERATE_NOTE),
    );
    fields.push(Field::choice(
        UserField::Invitation,
        "Message",
        Invitation::Send,
    ));
    fields.push(Field::choice(
        UserField::Delivery,
        "Delivery",
        Delivery::Email,
    ));
    for (name, label) in [
        ("email_verified", "Mark email verified"),
        ("phone_number_verified", "Mark phone verified"),
    ] {
        fields.push(Field::toggle(UserField::attribute(name), label, false));
    }
    fields
}

pub fn edit_fields(
    original: &[(String, String)],
    settings: Option<&PoolSettings>,
) -> Vec<Field<UserField>> {
    let field = |name: &str, value: &str| {
        let spec = settings.and_then(|s| s.spec(name));
        let read_only = SYSTEM.contains(&name) || spec.is_some_and(|s| !s.mutable);
        let key = UserField::attribute(name);
        let base = if VERIFIED.contains(&name) {
            Field::toggle(key, name, value == "true")
        } else {
            Field::text(key, &label_of(name), value).personal(is_personal(name))
        };
        let base = base.read_only(read_only);
        if read_only {
            base.note("read-only")
        } else {
            base.required(spec.is_some_and(|s| s.required))
        }
    };
    let mut fields: Vec<_> = original.iter().map(|(n, v)| field(n, v)).collect();
    if let Some(s) = settings {
        for a in &s.attributes {
            let absent = !original.iter().any(|(n, _)| *n == a.name);
            if absent && a.mutable && !SYSTEM.contains(&a.name.as_str()) {
                fields.push(field(&a.name, ""));
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_becomes_the_mediums_asked_for() {
        assert_eq!(Delivery::Email.mediums(), ["EMAIL"]);
        assert_eq!(Delivery::Sms.mediums(), ["SMS"]);
        assert_eq!(Delivery::EmailAndSms.mediums(), ["EMAIL", "SMS"]);
    }

    #[test]
    fn attribute_fields_name_their_attribute() {
        let email = UserField::attribute("email");
        assert_eq!(email.attribute_name(), Some("email"));
        assert_eq!(email.name(), "email");
        assert_eq!(UserField::Username.attribute_name(), None);
        assert_eq!(UserField::Invitation.name(), "message");
    }
}
