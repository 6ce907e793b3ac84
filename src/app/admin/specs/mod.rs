//! The forms of the most frequent pool changes, as data: each field names a member of the
//! Update* (or Create*) input by its dotted path, how it is typed, and a hint. A form changes
//! only the members whose field the person changed (a `Patch`); everything else is sent back as
//! read. What has no field here (a resource server's scopes, Lambda triggers, email and SMS
//! settings, account recovery, a SAML metadata file) is edited as JSON (`E`).

mod clients;
mod groups;
mod pools;
mod providers;

use clients::{CLIENT, NEW_CLIENT, RESOURCE_SERVER};
use groups::{GROUP, NEW_GROUP, NEW_MEMBER};
use pools::{DOMAIN, MFA, NEW_DOMAIN, NEW_POOL, POOL};
use providers::{IDP, NEW_IDP};

use crate::cognito::edit::Target;

/// How a field is typed and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A whole number.
    Number,
    /// Values separated by commas or spaces (URLs, scopes, flows).
    List,
    /// One of these values, or "not set" (the member left out: Cognito's default).
    Choice(&'static [&'static str]),
    /// On, off, or "not set".
    Flag,
    /// A secret: shown as `•` until Ctrl-R.
    Secret,
    /// `KEY=VALUE` pairs separated by spaces (an attribute mapping).
    Map,
    /// On while the member (a structure) is there at all: an MFA method's configuration.
    Present,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub path: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub note: &'static str,
}

const fn spec(path: &'static str, label: &'static str, kind: Kind, note: &'static str) -> Spec {
    Spec {
        path,
        label,
        kind,
        note,
    }
}

/// The form of an existing resource (`None`: edited as JSON).
pub fn for_target(target: &Target) -> Option<&'static [Spec]> {
    match target {
        Target::Group(..) => Some(GROUP),
        Target::Client(..) => Some(CLIENT),
        Target::Pool(_) => Some(POOL),
        Target::Mfa(_) => Some(MFA),
        Target::ResourceServer(..) => Some(RESOURCE_SERVER),
        Target::Idp(..) => Some(IDP),
        Target::Domain(..) => Some(DOMAIN),
    }
}

/// The form of a new resource made by `operation` (`None`: written as JSON).
pub fn for_create(operation: &str) -> Option<&'static [Spec]> {
    match operation {
        "CreateGroup" => Some(NEW_GROUP),
        "CreateUserPoolClient" => Some(NEW_CLIENT),
        "CreateUserPool" => Some(NEW_POOL),
        "CreateIdentityProvider" => Some(NEW_IDP),
        "CreateUserPoolDomain" => Some(NEW_DOMAIN),
        "AdminAddUserToGroup" => Some(NEW_MEMBER),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::shapes::model;

    /// Every path names a member of the operation's input shape, down to its last part.
    #[test]
    fn every_field_names_a_member_of_its_input() {
        let model = model().unwrap();
        let forms: [(&str, &[Spec]); 13] = [
            ("AdminAddUserToGroup", NEW_MEMBER),
            ("UpdateUserPoolDomain", DOMAIN),
            ("CreateUserPoolDomain", NEW_DOMAIN),
            ("UpdateIdentityProvider", IDP),
            ("CreateIdentityProvider", NEW_IDP),
            ("CreateUserPool", NEW_POOL),
            ("UpdateGroup", GROUP),
            ("CreateGroup", NEW_GROUP),
            ("UpdateUserPoolClient", CLIENT),
            ("CreateUserPoolClient", NEW_CLIENT),
            ("UpdateUserPool", POOL),
            ("SetUserPoolMfaConfig", MFA),
            ("UpdateResourceServer", RESOURCE_SERVER),
        ];
        for (operation, specs) in forms {
            for s in specs {
                let mut shape = model.input_of(operation).unwrap();
                for part in s.path.split('.') {
                    // A map's keys are not in the model (ProviderDetails.client_id).
                    if shape.kind == crate::cognito::shapes::Kind::Map {
                        break;
                    }
                    let (_, inner) = shape
                        .members
                        .iter()
                        .find(|(name, _)| name == part)
                        .unwrap_or_else(|| panic!("{operation}: {} has no {part}", s.path));
                    shape = model.shape(inner).unwrap();
                }
            }
        }
    }
}
