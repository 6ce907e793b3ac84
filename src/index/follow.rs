//! The tool's own changes applied to the pool's index on disk as they succeed, so a query after a
//! bulk disable or delete shows them without a rebuild. Only what the request (or its answer)
//! says for certain is applied; a change whose effect it cannot tell leaves the index as it was
//! (its age still says how old it is). Only named members of the input are read: never a password.

use std::path::PathBuf;

use serde_json::Value;
use time::OffsetDateTime;

use super::{Change, Index, IndexKey, IndexStore, UserRecord};
use crate::cognito::audit::ChangeObserver;
use crate::cognito::types::AttributeType;
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::UserType;
use crate::cognito::{PoolId, Username};

/// Applies changes to the indexes in `store`, when the pool has one.
#[derive(Debug)]
pub struct FollowChanges {
    store: IndexStore,
}

impl FollowChanges {
    pub fn new(store: IndexStore) -> Self {
        Self { store }
    }

    fn path(&self, profile: Option<&str>, region: &str, pool: &str) -> PathBuf {
        self.store.path(&IndexKey {
            profile: profile.map(str::to_owned),
            region: region.to_owned(),
            pool: PoolId::new(pool),
        })
    }
}

impl ChangeObserver for FollowChanges {
    fn applied(
        &self,
        profile: Option<&str>,
        region: &str,
        operation: &str,
        input: &[u8],
        output: &[u8],
    ) {
        let Ok(input) = serde_json::from_slice::<Value>(input) else {
            return;
        };
        let Some(pool) = input.get("UserPoolId").and_then(Value::as_str) else {
            return;
        };
        let Some(change) = change_of(operation, &input, output) else {
            return;
        };
        let path = self.path(profile, region, pool);
        // The index, and one being built beside it (a user it already read must not come back).
        let building = super::ready::building_path(&path);
        for path in [path, building] {
            if !path.exists() {
                continue;
            }
            let at = OffsetDateTime::now_utc();
            let applied = Index::open(&path).and_then(|mut index| index.apply(&change, at));
            if let Err(e) = applied {
                tracing::warn!(operation, error = %e, "the local index could not follow a change");
            }
        }
    }
}

/// What `operation` with `input` (and its answer) did to one user, when that is certain.
pub fn change_of(operation: &str, input: &Value, output: &[u8]) -> Option<Change> {
    let username = || {
        input
            .get("Username")
            .and_then(Value::as_str)
            .map(Username::new)
    };
    let group = || {
        input
            .get("GroupName")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let status = |s: UserStatus| {
        Some(Change::StatusSet {
            username: username()?,
            status: s,
        })
    };
    match operation {
        "AdminDeleteUser" => Some(Change::UserDeleted(username()?)),
        "AdminDisableUser" | "AdminEnableUser" => Some(Change::EnabledSet {
            username: username()?,
            enabled: operation == "AdminEnableUser",
        }),
        "AdminConfirmSignUp" => status(UserStatus::Confirmed),
        "AdminResetUserPassword" => status(UserStatus::ResetRequired),
        "AdminSetUserPassword" => match input.get("Permanent").and_then(Value::as_bool) {
            Some(true) => status(UserStatus::Confirmed),
            _ => status(UserStatus::ForceChangePassword),
        },
        "AdminAddUserToGroup" => Some(Change::AddedToGroup {
            username: username()?,
            group: group()?,
        }),
        "AdminRemoveUserFromGroup" => Some(Change::RemovedFromGroup {
            username: username()?,
            group: group()?,
        }),
        "AdminUpdateUserAttributes" => {
            let attributes: Vec<AttributeType> =
                serde_json::from_value(input.get("UserAttributes")?.clone()).ok()?;
            // A new email or phone number may wait for verification (the old one stays, or the
            // verified flag drops): not certain from the request, so left to the next build.
            let attributes: Vec<AttributeType> = attributes
                .into_iter()
                .filter(|a| !matches!(a.name.as_str(), "email" | "phone_number"))
                .collect();
            if attributes.is_empty() {
                return None;
            }
            Some(Change::AttributesSet {
                username: username()?,
                attributes,
            })
        }
        "AdminDeleteUserAttributes" => {
            let names: Vec<String> =
                serde_json::from_value(input.get("UserAttributeNames")?.clone()).ok()?;
            Some(Change::AttributesDeleted {
                username: username()?,
                names,
            })
        }
        "AdminCreateUser" => {
            #[derive(serde::Deserialize)]
            #[serde(rename_all = "PascalCase")]
            struct Created {
                user: UserType,
            }
            let created: Created = serde_json::from_slice(output).ok()?;
            Some(Change::UserCreated(UserRecord::from(created.user)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_changes_a_request_makes_certain_are_read_from_its_named_members() {
        let ann = || Username::new("ann");
        let input = |extra: Value| {
            let mut v = json!({"UserPoolId": "us-east-1_x", "Username": "ann"});
            v.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            v
        };
        assert_eq!(
            change_of("AdminDisableUser", &input(json!({})), b""),
            Some(Change::EnabledSet {
                username: ann(),
                enabled: false
            })
        );
        assert_eq!(
            change_of(
                "AdminSetUserPassword",
                &input(json!({"Password": "Secret1!", "Permanent": true})),
                b""
            ),
            Some(Change::StatusSet {
                username: ann(),
                status: UserStatus::Confirmed
            })
        );
        assert_eq!(
            change_of(
                "AdminAddUserToGroup",
                &input(json!({"GroupName": "admins"})),
                b""
            ),
            Some(Change::AddedToGroup {
                username: ann(),
                group: "admins".into()
            })
        );
        let created = br#"{"User":{"Username":"ann","UserStatus":"FORCE_CHANGE_PASSWORD","Enabled":true,"Attributes":[{"Name":"email","Value":"a@x"}]}}"#;
        let Some(Change::UserCreated(user)) =
            change_of("AdminCreateUser", &input(json!({})), created)
        else {
            panic!("a created user is indexed whole");
        };
        assert_eq!(user.status, UserStatus::ForceChangePassword);
        // What it cannot be sure of, it leaves alone.
        let email = json!({"UserAttributes": [{"Name": "email", "Value": "new@x"}]});
        assert_eq!(
            change_of("AdminUpdateUserAttributes", &input(email), b""),
            None
        );
        assert_eq!(
            change_of("AdminUserGlobalSignOut", &input(json!({})), b""),
            None
        );
        assert_eq!(
            change_of("AdminDisableUser", &json!({"UserPoolId": "p"}), b""),
            None
        );
    }
}
