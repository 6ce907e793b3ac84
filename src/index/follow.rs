//! The tool's own changes applied to the pool's index on disk as they succeed, so a query after a
//! bulk disable or delete shows them without a rebuild. Only what the request (or its answer)
//! says for certain is applied, or else what a fresh read of the user says (a new email or phone
//! number, which may wait for verification; a user named by an alias); a delete it cannot place
//! is counted, so the index says it may be stale. Only named members of the input are read:
//! never a password.

use std::path::{Path, PathBuf};

use serde_json::Value;
use time::OffsetDateTime;

use super::{Change, Index, IndexKey, IndexStore, UserRecord};
use crate::cognito::audit::{ChangeObserver, ReadAgain};
use crate::cognito::types::AttributeType;
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::{AdminGetUserResponse, UserType};
use crate::cognito::{PoolId, Username};

/// Applies changes to the indexes in `store`, when the pool has one.
///
/// The index is keyed by username, and a request may name a user by an alias or their sub. A
/// change to a name the complete index holds is applied at once (a username is matched before an
/// alias by Cognito too). Any other change but a delete asks for the user to be read again, and
/// the fresh record is applied by its real username: one AdminGetUser, and only for a name the
/// index does not hold, so the common case costs no call. A deleted user cannot be read again:
/// the name is matched in the index by the pool's rules (`Naming`), and when it matches nobody
/// for certain the index counts the change as not followed, so it says it may be stale.
#[derive(Debug)]
pub struct FollowChanges {
    store: IndexStore,
}

impl FollowChanges {
    pub fn new(store: IndexStore) -> Self {
        Self { store }
    }

    /// The pool's index and the one being built beside it (a user it already read must not
    /// come back), those that exist.
    fn paths(&self, profile: Option<&str>, region: &str, pool: &str) -> [Option<PathBuf>; 2] {
        let path = self.store.path(&IndexKey {
            profile: profile.map(str::to_owned),
            region: region.to_owned(),
            pool: PoolId::new(pool),
        });
        let building = super::ready::building_path(&path);
        [path, building].map(|p| p.exists().then_some(p))
    }
}

/// A change applied to the index being built by the name the request gave.
fn apply_as_given(change: &Change, operation: &str, building: Option<&Path>) -> Option<ReadAgain> {
    if let Some(path) = building {
        run(path, operation, &[Step::Apply(change)]);
    }
    None
}

/// What to do with one index file for a change.
enum Step<'a> {
    Apply(&'a Change),
    Unfollowed,
}

fn run(path: &Path, operation: &str, steps: &[Step<'_>]) {
    let at = OffsetDateTime::now_utc();
    let done = Index::open(path).and_then(|mut index| {
        steps.iter().try_for_each(|step| match step {
            Step::Apply(change) => index.apply(change, at),
            Step::Unfollowed => index.note_unfollowed(),
        })
    });
    if let Err(e) = done {
        tracing::warn!(operation, error = %e, "the local index could not follow a change");
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
    ) -> Option<ReadAgain> {
        let input = serde_json::from_slice::<Value>(input).ok()?;
        let pool = input.get("UserPoolId").and_then(Value::as_str)?;
        let [complete, building] = self.paths(profile, region, pool);
        if complete.is_none() && building.is_none() {
            return None;
        }
        if changes_address(operation, &input) {
            // A new email or phone number: what the user has now (the old one kept until the
            // new is verified, or replaced) is for a fresh read to say, with the rest of it. The
            // read goes by the real username where the index knows it: the address typed may be
            // the very one just replaced, and no longer name anybody.
            let typed = input.get("Username")?.as_str()?;
            let real = complete
                .as_ref()
                .and_then(|path| Index::open(path).ok())
                .and_then(|index| match index.holds(typed) {
                    Ok(false) => index.resolve(typed).ok().flatten(),
                    _ => None,
                });
            return Some(ReadAgain {
                pool: pool.to_owned(),
                username: real.map_or_else(|| typed.to_owned(), |u| u.to_string()),
            });
        }
        let change = change_of(operation, &input, output)?;
        let typed = change.username().clone();
        let mut resolved = None;
        // During a first build the index being built is asked: a name it lacks is an alias, or
        // a user not crawled yet, and a fresh read serves either.
        if let Some(path) = complete.as_ref().or(building.as_ref())
            && !matches!(change, Change::UserCreated(_))
        {
            let index = Index::open(path).ok();
            // An index that cannot be read is left to the apply below to report.
            let held = index.as_ref().map(|i| i.holds(typed.as_str()));
            if let Some(Ok(false)) = held {
                if !matches!(change, Change::UserDeleted(_)) {
                    return Some(ReadAgain {
                        pool: pool.to_owned(),
                        username: typed.to_string(),
                    });
                }
                // A delete during a first build of a user not crawled yet needs nothing, and
                // one through an alias cannot be told from it: applied as given.
                if complete.is_none() {
                    return apply_as_given(&change, operation, building.as_deref());
                }
                resolved = index
                    .and_then(|i| i.resolve(typed.as_str()).ok().flatten())
                    .map(|username| change.clone().renamed(username));
                if resolved.is_none() {
                    run(path, operation, &[Step::Unfollowed]);
                    tracing::warn!(
                        operation,
                        "a deleted user is not in the local index by the name given: the index may still show them"
                    );
                }
            }
        }
        let change = resolved.as_ref().unwrap_or(&change);
        for path in [complete, building].into_iter().flatten() {
            run(&path, operation, &[Step::Apply(change)]);
        }
        None
    }

    fn read_again(
        &self,
        profile: Option<&str>,
        region: &str,
        operation: &str,
        input: &[u8],
        user: Option<&Value>,
    ) {
        let Ok(input) = serde_json::from_slice::<Value>(input) else {
            return;
        };
        let Some(pool) = input.get("UserPoolId").and_then(Value::as_str) else {
            return;
        };
        let change = change_of(operation, &input, b"");
        let fresh = user
            .and_then(|u| serde_json::from_value::<AdminGetUserResponse>(u.clone()).ok())
            .and_then(|u| Some(UserRecord::from((u.username.clone()?, u))));
        let [complete, building] = self.paths(profile, region, pool);
        let Some(fresh) = fresh else {
            if let Some(path) = complete.or(building) {
                run(&path, operation, &[Step::Unfollowed]);
            }
            return;
        };
        // The fresh record has the change; a membership is not in it, so that is applied too.
        let membership = change
            .filter(|c| {
                matches!(
                    c,
                    Change::AddedToGroup { .. } | Change::RemovedFromGroup { .. }
                )
            })
            .map(|c| c.renamed(fresh.username.clone()));
        let record = Change::UserCreated(fresh);
        let mut steps = vec![Step::Apply(&record)];
        steps.extend(membership.as_ref().map(Step::Apply));
        for path in [complete, building].into_iter().flatten() {
            run(&path, operation, &steps);
        }
    }
}

/// Whether `operation` with `input` sets a user's email or phone number.
fn changes_address(operation: &str, input: &Value) -> bool {
    operation == "AdminUpdateUserAttributes"
        && input
            .get("UserAttributes")
            .and_then(Value::as_array)
            .is_some_and(|attributes| {
                attributes.iter().any(|a| {
                    matches!(
                        a.get("Name").and_then(Value::as_str),
                        Some("email" | "phone_number")
                    )
                })
            })
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
