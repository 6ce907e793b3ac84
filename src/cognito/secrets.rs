//! What is never shown unless the user asks: an app client's secret and an identity provider's
//! secret details. The mask, which members are secret, and the redaction of a raw answer live
//! here, for the console and the CLI alike.

use serde_json::Value;

/// What a secret is shown as.
pub const MASK: &str = "********";

/// The app client member that holds its secret (Describe/Create/UpdateUserPoolClient).
const CLIENT_SECRET: &str = "ClientSecret";

/// The identity provider member whose entries may be secrets.
const PROVIDER_DETAILS: &str = "ProviderDetails";

/// Provider-detail keys whose values are secrets: OIDC and social providers' `client_secret`,
/// Sign in with Apple's `private_key`.
pub fn is_secret_detail(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.contains("secret") || k.contains("private_key") || k == "password"
}

/// A provider detail as shown: the mask when it is a secret.
pub fn shown_detail<'a>(key: &str, value: &'a str) -> &'a str {
    if is_secret_detail(key) { MASK } else { value }
}

/// Masks every secret in a raw answer, wherever it sits (a described client or provider, a
/// created or updated one, a list of them), leaving everything else as the service sent it.
pub fn redact(value: &mut Value) {
    match value {
        Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                match (name.as_str(), member) {
                    (CLIENT_SECRET, secret @ Value::String(_)) => {
                        *secret = Value::String(MASK.to_owned());
                    }
                    (PROVIDER_DETAILS, Value::Object(details)) => {
                        for (key, detail) in details.iter_mut() {
                            if is_secret_detail(key) && detail.is_string() {
                                *detail = Value::String(MASK.to_owned());
                            }
                        }
                    }
                    (_, member) => redact(member),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

/// A configuration as read (JSON) that the console keeps while a change is made: its Debug print
/// masks what `redact` masks, so a debug log or a failing test's print never shows a client
/// secret or a provider's secret.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Redacted(pub Value);

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut shown = self.0.clone();
        redact(&mut shown);
        write!(f, "{shown:?}")
    }
}

impl std::ops::Deref for Redacted {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_described_client_shows_its_secret_masked_and_the_rest_as_sent() {
        let mut answer = json!({"UserPoolClient": {"ClientId": "abc", "ClientName": "web",
            "ClientSecret": "s3cr3t-value", "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"]}});
        redact(&mut answer);
        assert_eq!(
            answer,
            json!({"UserPoolClient": {"ClientId": "abc", "ClientName": "web",
                "ClientSecret": MASK, "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"]}})
        );
    }

    #[test]
    fn secret_provider_details_are_masked_wherever_the_provider_sits() {
        let provider = |secret: &str, key: &str| {
            json!({"ProviderName": "Okta", "ProviderType": "OIDC", "ProviderDetails": {
                "client_id": "cid", "client_secret": secret, "private_key": key,
                "oidc_issuer": "https://issuer.example.com"},
                "AttributeMapping": {"email": "email"}})
        };
        let mut described = json!({"IdentityProvider": provider("very-secret", "-----BEGIN")});
        redact(&mut described);
        assert_eq!(described, json!({"IdentityProvider": provider(MASK, MASK)}));
        let mut listed = json!([{"Providers": [provider("very-secret", "k")]}]);
        redact(&mut listed);
        assert_eq!(listed, json!([{"Providers": [provider(MASK, MASK)]}]));
    }

    #[test]
    fn nothing_else_is_touched() {
        let original = json!({"User": {"Username": "ann", "Attributes":
            [{"Name": "custom:secret", "Value": "not a credential"}]},
            "ClientSecret": null, "Secret": "kept"});
        let mut answer = original.clone();
        redact(&mut answer);
        assert_eq!(answer, original);
    }

    #[test]
    fn which_details_are_secret() {
        for key in ["client_secret", "private_key", "Client_Secret", "password"] {
            assert!(is_secret_detail(key), "{key}");
            assert_eq!(shown_detail(key, "x"), MASK);
        }
        for key in [
            "client_id",
            "team_id",
            "key_id",
            "MetadataURL",
            "authorize_scopes",
        ] {
            assert!(!is_secret_detail(key), "{key}");
            assert_eq!(shown_detail(key, "x"), "x");
        }
    }
}
