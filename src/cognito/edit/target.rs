//! The resources an update can target: which Describe* reads one, which member of its answer
//! holds it, which Update* changes it, and the members that name it.

use serde_json::{Map, Value};

use crate::cognito::{ClientId, GroupName, PoolId, ProviderName};

/// One changeable resource of a pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The pool's settings (UpdateUserPool).
    Pool(PoolId),
    /// The pool's MFA settings (SetUserPoolMfaConfig).
    Mfa(PoolId),
    Client(PoolId, ClientId),
    Idp(PoolId, ProviderName),
    Group(PoolId, GroupName),
    /// A resource server, by its identifier.
    ResourceServer(PoolId, String),
    /// The pool's domain (prefix or custom), by its name.
    Domain(PoolId, String),
}

impl Target {
    pub fn pool(&self) -> &PoolId {
        match self {
            Self::Pool(p)
            | Self::Mfa(p)
            | Self::Client(p, _)
            | Self::Idp(p, _)
            | Self::Group(p, _)
            | Self::ResourceServer(p, _)
            | Self::Domain(p, _) => p,
        }
    }

    /// The read that answers the resource's whole configuration.
    pub fn describe_operation(&self) -> &'static str {
        match self {
            Self::Pool(_) => "DescribeUserPool",
            Self::Mfa(_) => "GetUserPoolMfaConfig",
            Self::Client(..) => "DescribeUserPoolClient",
            Self::Idp(..) => "DescribeIdentityProvider",
            Self::Group(..) => "GetGroup",
            Self::ResourceServer(..) => "DescribeResourceServer",
            Self::Domain(..) => "DescribeUserPoolDomain",
        }
    }

    /// The member of the read's answer that holds the resource (`None`: the answer itself).
    pub fn answer_member(&self) -> Option<&'static str> {
        match self {
            Self::Pool(_) => Some("UserPool"),
            Self::Mfa(_) => None,
            Self::Client(..) => Some("UserPoolClient"),
            Self::Idp(..) => Some("IdentityProvider"),
            Self::Group(..) => Some("Group"),
            Self::ResourceServer(..) => Some("ResourceServer"),
            Self::Domain(..) => Some("DomainDescription"),
        }
    }

    /// The change that replaces the resource's configuration.
    pub fn update_operation(&self) -> &'static str {
        match self {
            Self::Pool(_) => "UpdateUserPool",
            Self::Mfa(_) => "SetUserPoolMfaConfig",
            Self::Client(..) => "UpdateUserPoolClient",
            Self::Idp(..) => "UpdateIdentityProvider",
            Self::Group(..) => "UpdateGroup",
            Self::ResourceServer(..) => "UpdateResourceServer",
            Self::Domain(..) => "UpdateUserPoolDomain",
        }
    }

    /// The update keeps a member it is not sent (UpdateGroup, UpdateIdentityProvider,
    /// UpdateUserPoolDomain, as their documentation says nothing of a reset); the others reset
    /// it to Cognito's default.
    pub fn update_keeps_omitted(&self) -> bool {
        matches!(self, Self::Group(..) | Self::Idp(..) | Self::Domain(..))
    }

    /// The change that deletes the resource (`None`: the MFA settings are not deleted, only
    /// turned off).
    pub fn delete_operation(&self) -> Option<&'static str> {
        Some(match self {
            Self::Pool(_) => "DeleteUserPool",
            Self::Mfa(_) => return None,
            Self::Client(..) => "DeleteUserPoolClient",
            Self::Idp(..) => "DeleteIdentityProvider",
            Self::Group(..) => "DeleteGroup",
            Self::ResourceServer(..) => "DeleteResourceServer",
            Self::Domain(..) => "DeleteUserPoolDomain",
        })
    }

    /// The delete call: its operation and its input (the keys are the whole input).
    pub fn delete_request(&self) -> Option<(&'static str, Value)> {
        Some((self.delete_operation()?, object(self.keys())))
    }

    /// The members that name the resource in the update (and, those its input has, the read).
    pub fn keys(&self) -> Vec<(&'static str, String)> {
        let pool = ("UserPoolId", self.pool().to_string());
        let own = match self {
            Self::Pool(_) | Self::Mfa(_) => None,
            Self::Client(_, c) => Some(("ClientId", c.to_string())),
            Self::Idp(_, i) => Some(("ProviderName", i.to_string())),
            Self::Group(_, g) => Some(("GroupName", g.to_string())),
            Self::ResourceServer(_, i) => Some(("Identifier", i.clone())),
            Self::Domain(_, d) => Some(("Domain", d.clone())),
        };
        std::iter::once(pool).chain(own).collect()
    }

    /// The read's input: the keys its input shape has (DescribeUserPoolDomain takes no pool id).
    pub fn describe_input(&self) -> Value {
        let shape =
            crate::cognito::shapes::model().and_then(|m| m.input_of(self.describe_operation()));
        let keys = self.keys().into_iter().filter(|(name, _)| {
            shape.is_none_or(|s| s.members.iter().any(|(member, _)| member == name))
        });
        object(keys)
    }

    /// How a person names it: "app client 1a2b3c", "group admins", "the pool's MFA settings".
    pub fn label(&self) -> String {
        match self {
            Self::Pool(p) => format!("pool {p}"),
            Self::Mfa(p) => format!("the MFA settings of pool {p}"),
            Self::Client(_, c) => format!("app client {c}"),
            Self::Idp(_, i) => format!("identity provider {i}"),
            Self::Group(_, g) => format!("group {g}"),
            Self::ResourceServer(_, i) => format!("resource server {i}"),
            Self::Domain(_, d) => format!("domain {d}"),
        }
    }

    /// Members a described resource carries that AWS refuses when sent back as they are.
    /// - A pool describes the deprecated `AdminCreateUserConfig.UnusedAccountValidityDays`
    ///   beside `PasswordPolicy.TemporaryPasswordValidityDays`; sent together they are refused
    ///   ("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of
    ///   UnusedAccountValidityDays"), so the deprecated one goes when the other is there.
    /// - A SAML provider describes `ActiveEncryptionCertificate` (read-only, made by Cognito)
    ///   and, for a metadata URL, the fetched `MetadataFile` too: the URL is what was configured
    ///   and Cognito fetches it again, so the file goes when the URL is there.
    pub(crate) fn settle(&self, input: &mut Value) {
        match self {
            Self::Pool(_) => {
                let temporary = input
                    .pointer("/Policies/PasswordPolicy/TemporaryPasswordValidityDays")
                    .is_some();
                if let Some(Value::Object(config)) = input.get_mut("AdminCreateUserConfig")
                    && temporary
                {
                    config.remove("UnusedAccountValidityDays");
                }
            }
            Self::Idp(..) => {
                if let Some(Value::Object(details)) = input.get_mut("ProviderDetails") {
                    details.remove("ActiveEncryptionCertificate");
                    if details.contains_key("MetadataURL") {
                        details.remove("MetadataFile");
                    }
                }
            }
            _ => {}
        }
    }
}

fn object<'a>(members: impl IntoIterator<Item = (&'a str, String)>) -> Value {
    let map: Map<String, Value> = members
        .into_iter()
        .map(|(k, v)| (k.to_owned(), Value::String(v)))
        .collect();
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_take_only_the_keys_their_input_has() {
        let pool = PoolId::new("us-east-1_a");
        let domain = Target::Domain(pool.clone(), "auth-x".into());
        assert_eq!(domain.describe_input(), json!({"Domain": "auth-x"}));
        let client = Target::Client(pool, ClientId::new("c1"));
        assert_eq!(
            client.describe_input(),
            json!({"UserPoolId": "us-east-1_a", "ClientId": "c1"})
        );
    }

    #[test]
    fn every_target_names_operations_of_the_model() {
        let p = PoolId::new("p");
        let all = [
            Target::Pool(p.clone()),
            Target::Mfa(p.clone()),
            Target::Client(p.clone(), ClientId::new("c")),
            Target::Idp(p.clone(), ProviderName::new("i")),
            Target::Group(p.clone(), GroupName::new("g")),
            Target::ResourceServer(p.clone(), "r".into()),
            Target::Domain(p, "d".into()),
        ];
        let model = crate::cognito::shapes::model().unwrap();
        for t in all {
            let ops = [t.describe_operation(), t.update_operation()];
            for op in ops.into_iter().chain(t.delete_operation()) {
                assert!(model.input_of(op).is_some(), "{op}");
            }
            let update = model.input_of(t.update_operation()).unwrap();
            for (key, _) in t.keys() {
                assert!(update.members.iter().any(|(m, _)| m == key), "{key}");
            }
        }
    }

    #[test]
    fn settle_drops_what_aws_refuses_back() {
        let pool = Target::Pool(PoolId::new("p"));
        let mut input = json!({
            "Policies": {"PasswordPolicy": {"TemporaryPasswordValidityDays": 7}},
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": true, "UnusedAccountValidityDays": 7},
        });
        pool.settle(&mut input);
        assert_eq!(
            input["AdminCreateUserConfig"],
            json!({"AllowAdminCreateUserOnly": true})
        );
        let idp = Target::Idp(PoolId::new("p"), ProviderName::new("corp"));
        let mut input = json!({"ProviderDetails": {
            "MetadataURL": "https://idp/metadata", "MetadataFile": "<xml/>",
            "ActiveEncryptionCertificate": "MII..", "IDPSignout": "true"}});
        idp.settle(&mut input);
        assert_eq!(
            input,
            json!({"ProviderDetails": {"MetadataURL": "https://idp/metadata", "IDPSignout": "true"}})
        );
    }
}
