//! After a change whose answer was lost: one fresh read that says whether it was applied, for the
//! changes a read can tell (enable/disable, delete, group membership, attribute changes, create).
//! The change itself is never sent again.

use serde_json::{Value, json};

use super::client::CognitoClient;
use crate::aws::{AwsError, Checked};

/// What one read says about `operation` sent with the JSON `input`.
pub async fn check(client: &CognitoClient, operation: &str, input: &[u8]) -> Checked {
    let Ok(input) = serde_json::from_slice::<Value>(input) else {
        return Checked::Unknown;
    };
    let text = |key: &str| input.get(key).and_then(Value::as_str).unwrap_or_default();
    let user = json!({"UserPoolId": text("UserPoolId"), "Username": text("Username")});
    let group = json!({"UserPoolId": text("UserPoolId"), "GroupName": text("GroupName")});
    let read_user = || read(client, "AdminGetUser", &user, "UserNotFoundException");
    let read_group = || read(client, "GetGroup", &group, "ResourceNotFoundException");
    let checked = match operation {
        "AdminDisableUser" | "AdminEnableUser" => {
            let wanted = operation == "AdminEnableUser";
            read_user()
                .await
                .map(|found| found.and_then(|u| u.get("Enabled").and_then(Value::as_bool)))
                .map(|enabled| enabled.map(|e| e == wanted))
        }
        "AdminDeleteUser" => read_user().await.map(|found| Some(found.is_none())),
        // RESEND re-sends the invitation of a user who existed before: a read cannot tell.
        "AdminCreateUser" if text("MessageAction") != "RESEND" => {
            read_user().await.map(|found| Some(found.is_some()))
        }
        "AdminUpdateUserAttributes" => read_user()
            .await
            .map(|found| found.map(|u| attributes_match(&u, &input))),
        "AdminDeleteUserAttributes" => read_user()
            .await
            .map(|found| found.map(|u| attributes_gone(&u, &input))),
        "AdminAddUserToGroup" | "AdminRemoveUserFromGroup" => {
            let wanted = operation == "AdminAddUserToGroup";
            in_group(client, &user, text("GroupName"))
                .await
                .map(|member| Some(member == wanted))
        }
        "CreateGroup" => read_group().await.map(|found| Some(found.is_some())),
        "DeleteGroup" => read_group().await.map(|found| Some(found.is_none())),
        _ => Ok(None),
    };
    match checked {
        Ok(Some(true)) => Checked::Applied,
        Ok(Some(false)) => Checked::NotApplied,
        Ok(None) => Checked::Unknown,
        Err(e) => {
            tracing::warn!(operation, error = %e, "the read after a lost answer failed too");
            Checked::Unknown
        }
    }
}

/// A change whose answer was lost but which a fresh read showed in place is done: the journal has
/// recorded how it went; every other error stays an error.
pub fn accept_applied<T: Default>(result: Result<T, AwsError>) -> Result<T, AwsError> {
    match result {
        Err(AwsError::OutcomeUnknown {
            operation,
            checked: Checked::Applied,
            ..
        }) => {
            tracing::info!(
                operation,
                "answer lost; a fresh read shows the change in place"
            );
            Ok(T::default())
        }
        other => other,
    }
}

/// What `operation` reads, `None` when it said the thing does not exist (`missing` is that code).
async fn read(
    client: &CognitoClient,
    operation: &'static str,
    input: &Value,
    missing: &str,
) -> Result<Option<Value>, AwsError> {
    match client.read_json(operation, input).await {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.code() == Some(missing) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Every attribute the update sent now has the value it sent.
fn attributes_match(user: &Value, input: &Value) -> bool {
    let sent = input.get("UserAttributes").and_then(Value::as_array);
    sent.is_some_and(|sent| {
        sent.iter().all(|a| {
            let name = a.get("Name").and_then(Value::as_str).unwrap_or_default();
            let value = a.get("Value").and_then(Value::as_str).unwrap_or_default();
            current(user, name) == Some(value)
        })
    })
}

/// None of the attributes the delete named is still there.
fn attributes_gone(user: &Value, input: &Value) -> bool {
    let names = input.get("UserAttributeNames").and_then(Value::as_array);
    names.is_some_and(|names| {
        names
            .iter()
            .filter_map(Value::as_str)
            .all(|name| current(user, name).is_none())
    })
}

fn current<'a>(user: &'a Value, name: &str) -> Option<&'a str> {
    user.get("UserAttributes")?
        .as_array()?
        .iter()
        .find(|a| a.get("Name").and_then(Value::as_str) == Some(name))
        .and_then(|a| a.get("Value").and_then(Value::as_str))
}

/// Whether the user is in the group now, from every page of the user's groups.
async fn in_group(client: &CognitoClient, user: &Value, group: &str) -> Result<bool, AwsError> {
    let mut input = user.clone();
    input["Limit"] = json!(60);
    loop {
        let page = client.read_json("AdminListGroupsForUser", &input).await?;
        let groups = page.get("Groups").and_then(Value::as_array);
        if groups.is_some_and(|g| {
            g.iter()
                .any(|g| g.get("GroupName").and_then(Value::as_str) == Some(group))
        }) {
            return Ok(true);
        }
        match page.get("NextToken").and_then(Value::as_str) {
            Some(token) if !token.is_empty() && input.get("NextToken") != Some(&json!(token)) => {
                input["NextToken"] = json!(token);
            }
            _ => return Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> Value {
        json!({"Username": "ann", "UserAttributes": [
            {"Name": "email", "Value": "ann@example.com"},
            {"Name": "custom:tenant", "Value": "acme"}
        ]})
    }

    #[test]
    fn an_update_is_in_place_when_every_sent_value_is() {
        let sent = json!({"UserAttributes": [{"Name": "custom:tenant", "Value": "acme"}]});
        assert!(attributes_match(&user(), &sent));
        let sent = json!({"UserAttributes": [
            {"Name": "custom:tenant", "Value": "acme"},
            {"Name": "email", "Value": "new@example.com"}
        ]});
        assert!(!attributes_match(&user(), &sent));
        assert!(!attributes_match(&user(), &json!({})));
    }

    #[test]
    fn a_delete_is_in_place_when_no_named_attribute_is_left() {
        assert!(attributes_gone(
            &user(),
            &json!({"UserAttributeNames": ["name"]})
        ));
        assert!(!attributes_gone(
            &user(),
            &json!({"UserAttributeNames": ["name", "email"]})
        ));
    }
}
