//! The detail view of one item (user, group, app client, identity provider): label/value
//! sections built from the API's answers, plus the raw JSON for `y`.

use serde_json::Value;

use crate::app::browse::panes::Tab;
use crate::app::remote::{Remote, RequestId};
use crate::cognito::clients::UserPoolClientType;
use crate::cognito::groups::GroupType;
use crate::cognito::idps::IdentityProviderType;
use crate::cognito::secrets::{self, MASK};
use crate::cognito::types::EpochSeconds;
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::UserType;
use crate::cognito::verdict::Verdict;

#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    /// The pane whose row it is.
    pub tab: Tab,
    /// The item's name (username, group name, client id, provider name).
    pub name: String,
    pub body: Remote<DetailBody>,
    /// `y` toggles the raw JSON view.
    pub show_json: bool,
    pub scroll: u16,
}

impl Detail {
    pub fn loading(tab: Tab, name: String, request: RequestId) -> Self {
        Self {
            tab,
            name,
            body: Remote::Loading(request),
            show_json: false,
            scroll: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub lines: Vec<(String, String)>,
    /// The lines (by index) that show a problem (`Enabled no`, an unverified email), drawn as one.
    pub problems: Vec<usize>,
}

impl Section {
    pub fn new(title: impl Into<String>, lines: Vec<(String, String)>) -> Self {
        Self {
            title: title.into(),
            lines,
            problems: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DetailBody {
    pub sections: Vec<Section>,
    /// The response(s) as the service sent them, secrets masked.
    pub raw: Value,
    /// A user's: why they cannot sign in, and the fix (drawn above the sections).
    pub verdict: Option<Box<Verdict>>,
}

pub(crate) fn date(d: Option<EpochSeconds>) -> String {
    d.map(EpochSeconds::to_utc_string).unwrap_or_default()
}

pub(crate) fn yes_no(b: Option<bool>) -> String {
    b.map(|b| if b { "yes" } else { "no" }.to_owned())
        .unwrap_or_default()
}

/// An optional id or name as text; absent: empty.
pub(crate) fn or_empty(v: Option<&impl ToString>) -> String {
    v.map(ToString::to_string).unwrap_or_default()
}

pub(crate) fn line(label: &str, value: impl Into<String>) -> (String, String) {
    (label.to_owned(), value.into())
}

/// GetGroup plus ListUsersInGroup.
pub fn group_body(group: &GroupType, members: &[UserType], raw: Value) -> DetailBody {
    let summary = vec![
        line("Name", group.group_name.to_string()),
        line("Description", group.description.clone().unwrap_or_default()),
        line(
            "Precedence",
            group.precedence.map(|p| p.to_string()).unwrap_or_default(),
        ),
        line("Role", group.role_arn.clone().unwrap_or_default()),
        line("Created", date(group.creation_date)),
        line("Modified", date(group.last_modified_date)),
    ];
    let members = if members.is_empty() {
        vec![line("", "(no members)")]
    } else {
        members
            .iter()
            .map(|u| {
                line(
                    u.username.as_str(),
                    UserStatus::text_of(u.user_status.as_ref()),
                )
            })
            .collect()
    };
    DetailBody {
        sections: vec![
            Section::new("Group", summary),
            Section::new(format!("Members ({})", members.len()), members),
        ],
        raw,
        verdict: None,
    }
}

/// DescribeUserPoolClient, the secret masked in the fields and the JSON.
pub fn client_body(client: &UserPoolClientType, mut raw: Value) -> DetailBody {
    secrets::redact(&mut raw);
    let list = |v: &[String]| v.join(", ");
    let lines = vec![
        line("Name", client.client_name.clone().unwrap_or_default()),
        line("Client id", or_empty(client.client_id.as_ref())),
        line(
            "Secret",
            if client.client_secret.is_some() {
                MASK
            } else {
                "none"
            },
        ),
        line("Auth flows", list(&client.explicit_auth_flows)),
        line("OAuth flows", list(&client.allowed_o_auth_flows)),
        line("OAuth scopes", list(&client.allowed_o_auth_scopes)),
        line("Callback URLs", list(&client.callback_urls)),
        line("Logout URLs", list(&client.logout_urls)),
        line(
            "Identity providers",
            list(&client.supported_identity_providers),
        ),
        line("Token revocation", yes_no(client.enable_token_revocation)),
        line("Created", date(client.creation_date)),
        line("Modified", date(client.last_modified_date)),
    ];
    DetailBody {
        sections: vec![Section::new("App client", lines)],
        raw,
        verdict: None,
    }
}

/// DescribeIdentityProvider, secret provider details masked.
/// `enabling`: the app clients whose SupportedIdentityProviders name the provider, or why they
/// could not be read.
pub fn idp_body(
    idp: &IdentityProviderType,
    enabling: Result<&[UserPoolClientType], String>,
    mut raw: Value,
) -> DetailBody {
    secrets::redact(&mut raw);
    let summary = vec![
        line("Name", or_empty(idp.provider_name.as_ref())),
        line("Type", idp.provider_type.clone().unwrap_or_default()),
        line("Identifiers", idp.idp_identifiers.join(", ")),
        line("Created", date(idp.creation_date)),
        line("Modified", date(idp.last_modified_date)),
    ];
    let details = idp
        .provider_details
        .iter()
        .map(|(k, v)| line(k, secrets::shown_detail(k, v)))
        .collect();
    let mapping = idp
        .attribute_mapping
        .iter()
        .map(|(k, v)| line(k, v.clone()))
        .collect();
    DetailBody {
        sections: vec![
            Section::new("Identity provider", summary),
            Section::new("Details", details),
            Section::new("Attribute mapping", mapping),
            Section::new("Enabled on app clients", enabled_on(enabling)),
        ],
        raw,
        verdict: None,
    }
}

/// The clients that offer the provider, by name and id; none is a problem worth saying so.
fn enabled_on(clients: Result<&[UserPoolClientType], String>) -> Vec<(String, String)> {
    let clients = match clients {
        Ok(clients) => clients,
        Err(why) => {
            return vec![line(
                "unknown",
                format!("the app clients could not be read: {why}"),
            )];
        }
    };
    if clients.is_empty() {
        return vec![line(
            "none",
            "no app client enables it: nobody can sign in with it (E on a client: \
             SupportedIdentityProviders)"
                .to_owned(),
        )];
    }
    clients
        .iter()
        .map(|c| {
            line(
                c.client_name.as_deref().unwrap_or_default(),
                c.client_id
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without DescribeUserPoolClient permission the provider is still shown, and the section
    /// says why it is empty.
    #[test]
    fn a_provider_whose_clients_cannot_be_read_still_opens() {
        let idp: IdentityProviderType =
            serde_json::from_value(serde_json::json!({"ProviderName": "corp"})).unwrap();
        let body = idp_body(&idp, Err("AccessDeniedException".to_owned()), Value::Null);
        let section = body
            .sections
            .iter()
            .find(|s| s.title == "Enabled on app clients")
            .unwrap();
        assert_eq!(section.lines.len(), 1);
        assert!(
            section.lines[0].1.contains("AccessDeniedException"),
            "{:?}",
            section.lines
        );
        let none = idp_body(&idp, Ok(&[]), Value::Null);
        assert!(
            none.sections
                .iter()
                .any(|s| s.lines.iter().any(|l| l.1.contains("no app client")))
        );
    }
}
