//! An app client's settings as flags, and the patch they make: list flags add to the client's
//! lists (their `--remove-*` twins take away), token validities carry their unit.

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::Switch;
use crate::cognito::edit::{Edit, Patch};

/// An OAuth 2.0 grant the client may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum OauthFlow {
    Code,
    Implicit,
    ClientCredentials,
}

impl OauthFlow {
    fn wire(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Implicit => "implicit",
            Self::ClientCredentials => "client_credentials",
        }
    }
}

/// A token's lifetime: a whole number and its unit, as `TokenValidityUnits` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    pub amount: u32,
    pub unit: &'static str,
}

/// `30m`, `1h`, `30d` (also `3600s`), for clap.
pub fn validity(text: &str) -> Result<Validity, String> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let unit = match unit {
        "s" => "seconds",
        "m" | "min" => "minutes",
        "h" => "hours",
        "d" => "days",
        _ => {
            return Err(format!(
                "expected a number and a unit, s, m, h or d (30m, 1h, 30d), got {text:?}"
            ));
        }
    };
    let amount =
        number.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
            format!("expected a whole number above 0 before the unit, got {text:?}")
        })?;
    Ok(Validity { amount, unit })
}

/// `user-srp`, `USER_SRP_AUTH` and `ALLOW_USER_SRP_AUTH` all name `ALLOW_USER_SRP_AUTH`; the
/// legacy names without `ALLOW_` are kept as they are.
pub fn auth_flow(text: &str) -> String {
    const LEGACY: [&str; 3] = [
        "ADMIN_NO_SRP_AUTH",
        "CUSTOM_AUTH_FLOW_ONLY",
        "USER_PASSWORD_AUTH",
    ];
    let upper = text.trim().to_ascii_uppercase().replace('-', "_");
    if upper.starts_with("ALLOW_") || LEGACY.contains(&upper.as_str()) {
        return upper;
    }
    let upper = if upper.ends_with("_AUTH") {
        upper
    } else {
        format!("{upper}_AUTH")
    };
    format!("ALLOW_{upper}")
}

/// What create and update share.
#[derive(Debug, Clone, Args)]
pub struct ClientFlags {
    /// A URL the hosted sign-in may redirect to after sign-in (repeat).
    #[arg(long = "callback-url", value_name = "URL")]
    pub callback_urls: Vec<String>,
    /// A URL the hosted sign-in may redirect to after sign-out (repeat).
    #[arg(long = "logout-url", value_name = "URL")]
    pub logout_urls: Vec<String>,
    /// An OAuth grant the client may use (repeat); turns OAuth on for the client.
    #[arg(long = "oauth-flow", value_name = "FLOW")]
    pub oauth_flows: Vec<OauthFlow>,
    /// An OAuth scope the client may ask for (repeat): openid, email, phone, profile,
    /// aws.cognito.signin.user.admin, or a resource server's IDENTIFIER/SCOPE.
    #[arg(long = "scope", value_name = "SCOPE")]
    pub scopes: Vec<String>,
    /// An authentication flow the client allows (repeat): user-srp, refresh-token, user-password,
    /// admin-user-password, custom, user (or the API's ALLOW_… name).
    #[arg(long = "auth-flow", value_name = "FLOW")]
    pub auth_flows: Vec<String>,
    /// An identity provider the client's sign-in offers (repeat): COGNITO, or a provider's name.
    #[arg(long = "idp", value_name = "NAME")]
    pub idps: Vec<String>,
    /// How long access tokens last: 5m to 1d (e.g. 30m, 1h).
    #[arg(long, value_name = "DURATION", value_parser = validity)]
    pub access_token_validity: Option<Validity>,
    /// How long ID tokens last: 5m to 1d (e.g. 30m, 1h).
    #[arg(long, value_name = "DURATION", value_parser = validity)]
    pub id_token_validity: Option<Validity>,
    /// How long refresh tokens last: 60m to 3650d (e.g. 30d).
    #[arg(long, value_name = "DURATION", value_parser = validity)]
    pub refresh_token_validity: Option<Validity>,
    /// on: sign-in errors do not tell whether a user exists; off: they do (LEGACY).
    #[arg(long, value_name = "on|off")]
    pub prevent_user_existence_errors: Option<Switch>,
    /// Whether refresh tokens can be revoked.
    #[arg(long, value_name = "on|off")]
    pub token_revocation: Option<Switch>,
}

/// What only an update takes: elements to take out of the lists, and a new name.
#[derive(Debug, Clone, Args)]
pub struct ClientRemovals {
    /// A new name for the client.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// A callback URL to take out (repeat).
    #[arg(long = "remove-callback-url", value_name = "URL")]
    pub remove_callback_urls: Vec<String>,
    /// A sign-out URL to take out (repeat).
    #[arg(long = "remove-logout-url", value_name = "URL")]
    pub remove_logout_urls: Vec<String>,
    /// An OAuth grant to take out (repeat); with none left, OAuth is turned off for the client.
    #[arg(long = "remove-oauth-flow", value_name = "FLOW")]
    pub remove_oauth_flows: Vec<OauthFlow>,
    /// An OAuth scope to take out (repeat).
    #[arg(long = "remove-scope", value_name = "SCOPE")]
    pub remove_scopes: Vec<String>,
    /// An authentication flow to take out (repeat).
    #[arg(long = "remove-auth-flow", value_name = "FLOW")]
    pub remove_auth_flows: Vec<String>,
    /// An identity provider to take out of the client's sign-in (repeat).
    #[arg(long = "remove-idp", value_name = "NAME")]
    pub remove_idps: Vec<String>,
}

/// The flags an update takes, for the message when none is given.
pub const UPDATE_FLAGS: &str = "a setting to change (see `clients update --help`)";

impl ClientFlags {
    /// Adds every list element and sets every value the flags name.
    pub fn patch(&self) -> Patch {
        let mut patch = Patch::new();
        let lists = [
            ("CallbackURLs", self.callback_urls.clone()),
            ("LogoutURLs", self.logout_urls.clone()),
            ("AllowedOAuthScopes", self.scopes.clone()),
            (
                "ExplicitAuthFlows",
                self.auth_flows.iter().map(|f| auth_flow(f)).collect(),
            ),
            ("SupportedIdentityProviders", self.idps.clone()),
            (
                "AllowedOAuthFlows",
                self.oauth_flows
                    .iter()
                    .map(|f| f.wire().to_owned())
                    .collect(),
            ),
        ];
        for (path, items) in lists {
            for item in items {
                patch.push(Edit::Add(path.to_owned(), json!(item)));
            }
        }
        if !self.oauth_flows.is_empty() {
            patch.push(set("AllowedOAuthFlowsUserPoolClient", json!(true)));
        }
        let validities = [
            ("AccessToken", self.access_token_validity),
            ("IdToken", self.id_token_validity),
            ("RefreshToken", self.refresh_token_validity),
        ];
        for (token, validity) in validities {
            if let Some(v) = validity {
                patch.push(set(&format!("{token}Validity"), json!(v.amount)));
                patch.push(set(&format!("TokenValidityUnits.{token}"), json!(v.unit)));
            }
        }
        if let Some(s) = self.prevent_user_existence_errors {
            let value = if s.is_on() { "ENABLED" } else { "LEGACY" };
            patch.push(set("PreventUserExistenceErrors", json!(value)));
        }
        if let Some(s) = self.token_revocation {
            patch.push(set("EnableTokenRevocation", json!(s.is_on())));
        }
        patch
    }
}

impl ClientRemovals {
    /// Takes out every element the flags name, and renames.
    pub fn patch(&self) -> Patch {
        let mut patch = Patch::new();
        if let Some(name) = &self.name {
            patch.push(set("ClientName", json!(name)));
        }
        let lists = [
            ("CallbackURLs", self.remove_callback_urls.clone()),
            ("LogoutURLs", self.remove_logout_urls.clone()),
            ("AllowedOAuthScopes", self.remove_scopes.clone()),
            (
                "ExplicitAuthFlows",
                self.remove_auth_flows
                    .iter()
                    .map(|f| auth_flow(f))
                    .collect(),
            ),
            ("SupportedIdentityProviders", self.remove_idps.clone()),
            (
                "AllowedOAuthFlows",
                self.remove_oauth_flows
                    .iter()
                    .map(|f| f.wire().to_owned())
                    .collect(),
            ),
        ];
        for (path, items) in lists {
            for item in items {
                patch.push(Edit::Pull(path.to_owned(), json!(item)));
            }
        }
        patch
    }
}

fn set(path: &str, value: Value) -> Edit {
    Edit::Set(path.to_owned(), value)
}

/// After the patch: a client left with no OAuth grant has OAuth turned off (AWS refuses OAuth on
/// without a grant).
pub fn settle_oauth(after: &mut Value) {
    let none_left = after
        .get("AllowedOAuthFlows")
        .and_then(Value::as_array)
        .is_none_or(Vec::is_empty);
    if none_left && after.get("AllowedOAuthFlowsUserPoolClient") == Some(&json!(true)) {
        after["AllowedOAuthFlowsUserPoolClient"] = json!(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validities_carry_their_unit() {
        let v = |amount, unit| Ok(Validity { amount, unit });
        assert_eq!(validity("1h"), v(1, "hours"));
        assert_eq!(validity("30m"), v(30, "minutes"));
        assert_eq!(validity("30min"), v(30, "minutes"));
        assert_eq!(validity("30d"), v(30, "days"));
        assert_eq!(validity("3600s"), v(3600, "seconds"));
        for bad in ["1", "h", "0h", "1w", "-1h", "1.5h", ""] {
            assert!(validity(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn auth_flows_by_any_spelling() {
        for text in [
            "user-srp",
            "USER_SRP_AUTH",
            "ALLOW_USER_SRP_AUTH",
            "user_srp",
        ] {
            assert_eq!(auth_flow(text), "ALLOW_USER_SRP_AUTH", "{text}");
        }
        assert_eq!(auth_flow("refresh-token"), "ALLOW_REFRESH_TOKEN_AUTH");
        assert_eq!(auth_flow("user"), "ALLOW_USER_AUTH");
        assert_eq!(auth_flow("custom"), "ALLOW_CUSTOM_AUTH");
        assert_eq!(auth_flow("ADMIN_NO_SRP_AUTH"), "ADMIN_NO_SRP_AUTH");
    }

    #[test]
    fn oauth_off_when_no_grant_is_left() {
        let mut after = json!({"AllowedOAuthFlows": [], "AllowedOAuthFlowsUserPoolClient": true});
        settle_oauth(&mut after);
        assert_eq!(after["AllowedOAuthFlowsUserPoolClient"], false);
        let mut after =
            json!({"AllowedOAuthFlows": ["code"], "AllowedOAuthFlowsUserPoolClient": true});
        settle_oauth(&mut after);
        assert_eq!(after["AllowedOAuthFlowsUserPoolClient"], true);
    }
}
