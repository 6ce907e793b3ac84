//! Read, modify, check, write, read back: the update's steps against a client.

use serde_json::Value;

use super::diff::{Change, changes};
use super::patch::Patch;
use super::project::onto;
use super::target::Target;
use crate::aws::AwsError;
use crate::cognito::{CognitoClient, describe_error};

/// An update ready to be shown and sent: the configuration as read (in the Update* shape) and
/// the configuration that will be sent in its place. Its Debug print masks secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct Plan {
    pub target: Target,
    pub before: Value,
    pub after: Value,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::cognito::secrets::Redacted;
        f.debug_struct("Plan")
            .field("target", &self.target)
            .field("before", &Redacted(self.before.clone()))
            .field("after", &Redacted(self.after.clone()))
            .finish()
    }
}

impl Plan {
    /// What the update changes, member by member. A member left out of an update that keeps
    /// what it is not sent is said to stay, not to be reset.
    pub fn changes(&self) -> Vec<Change> {
        let all = changes(&self.before, &self.after);
        if !self.target.update_keeps_omitted() {
            return all;
        }
        all.into_iter()
            .map(|c| match c {
                Change::Removed { path, value } if !path.contains('.') => {
                    Change::Kept { path, value }
                }
                other => other,
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.before == self.after
    }
}

/// Why an update was not planned or not sent.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{}", describe_error(.0))]
    Aws(#[from] AwsError),
    /// The read answered no resource (DescribeUserPoolDomain answers `{}` for an unknown one).
    #[error("{0} does not exist")]
    Missing(String),
    /// The change cannot be applied to the configuration as read.
    #[error("{0}")]
    Patch(String),
    /// The resource changed between the read the plan was made from and the send: nothing was
    /// sent, so nobody's change is overwritten unseen.
    #[error(
        "{target} was changed by someone else since it was read ({} differences); nothing was \
         sent: review the change again",
        changes.len()
    )]
    Stale {
        target: String,
        changes: Vec<Change>,
    },
    /// An edited configuration names another resource than the one being edited.
    #[error("{0}")]
    Rekeyed(String),
    #[error("the compiled-in service model is unreadable")]
    NoModel,
}

impl EditError {
    /// As the transport's error, for callers that carry only `AwsError` (the console's worker):
    /// a service error stays itself; the others keep their sentence.
    pub fn into_aws(self) -> AwsError {
        match self {
            Self::Aws(e) => e,
            other => AwsError::Config(other.to_string()),
        }
    }
}

/// The Update* input for `target` from its described configuration: the model's projection,
/// the keys naming it, and what AWS would refuse back removed (`Target::settle`).
pub fn update_input_of(target: &Target, described: &Value) -> Result<Value, EditError> {
    let model = crate::cognito::shapes::model().ok_or(EditError::NoModel)?;
    let shape = model
        .input_of(target.update_operation())
        .ok_or(EditError::NoModel)?;
    let mut described = described.clone();
    // A pool's name is `Name` when described and `PoolName` in the update.
    if let (Target::Pool(_), Some(name)) = (target, described.get("Name").cloned()) {
        described["PoolName"] = name;
    }
    let mut input =
        onto(model, shape, &described).unwrap_or_else(|| Value::Object(serde_json::Map::default()));
    for (key, value) in target.keys() {
        input[key] = Value::String(value);
    }
    target.settle(&mut input);
    Ok(input)
}

/// `edited` keeps the members naming `target` as they were.
fn same_keys(target: &Target, edited: &Value) -> Result<(), EditError> {
    for (key, value) in target.keys() {
        match edited.get(key).and_then(Value::as_str) {
            Some(v) if v == value => {}
            other => {
                return Err(EditError::Rekeyed(format!(
                    "{key} must stay {value:?} (it names {}), not {}",
                    target.label(),
                    other.map_or_else(|| "missing".to_owned(), |v| format!("{v:?}"))
                )));
            }
        }
    }
    Ok(())
}

impl CognitoClient {
    /// The resource's whole configuration, as its Describe* answers it.
    pub async fn describe_resource(&self, target: &Target) -> Result<Value, EditError> {
        let answer = self
            .call_json(target.describe_operation(), &target.describe_input())
            .await?;
        let resource = match target.answer_member() {
            Some(member) => answer.get(member).cloned().unwrap_or(Value::Null),
            None => answer,
        };
        match &resource {
            Value::Object(members) if !members.is_empty() => Ok(resource),
            _ => Err(EditError::Missing(target.label())),
        }
    }

    /// The resource's configuration in its Update* shape, as it stands now.
    pub async fn current_input(&self, target: &Target) -> Result<Value, EditError> {
        let described = self.describe_resource(target).await?;
        update_input_of(target, &described)
    }

    /// An update that changes only what `patch` names.
    pub async fn plan_edit(&self, target: &Target, patch: &Patch) -> Result<Plan, EditError> {
        let before = self.current_input(target).await?;
        let after = patch.apply(&before).map_err(EditError::Patch)?;
        Ok(Plan {
            target: target.clone(),
            before,
            after,
        })
    }

    /// An update to a whole configuration the person edited (as JSON) from `started` (the
    /// configuration as read when the edit began): it must still name the same resource, and the
    /// resource must still read as `started`, else someone changed it meanwhile and sending the
    /// edit would undo their change unseen.
    pub async fn plan_replace(
        &self,
        target: &Target,
        started: Value,
        edited: Value,
    ) -> Result<Plan, EditError> {
        if !edited.is_object() {
            return Err(EditError::Patch(
                "the configuration must be a JSON object".to_owned(),
            ));
        }
        same_keys(target, &edited)?;
        let now = self.current_input(target).await?;
        if now != started {
            return Err(EditError::Stale {
                target: target.label(),
                changes: changes(&started, &now),
            });
        }
        Ok(Plan {
            target: target.clone(),
            before: started,
            after: edited,
        })
    }

    /// Sends the plan if the resource is still as it was read, then answers the resource as a
    /// fresh read describes it. A resource that already reads as the plan would make it (a send
    /// whose answer was lost, tried again) is not sent again.
    pub async fn apply_plan(&self, plan: &Plan) -> Result<Value, EditError> {
        let now = self.current_input(&plan.target).await?;
        if now == plan.after {
            return self.describe_resource(&plan.target).await;
        }
        if now != plan.before {
            return Err(EditError::Stale {
                target: plan.target.label(),
                changes: changes(&plan.before, &now),
            });
        }
        self.call_json(plan.target.update_operation(), &plan.after)
            .await?;
        self.describe_resource(&plan.target).await
    }

    /// Deletes the resource (its keys are the whole input).
    pub async fn delete_resource(&self, target: &Target) -> Result<(), EditError> {
        let (operation, input) = target
            .delete_request()
            .ok_or_else(|| EditError::Patch(format!("{} cannot be deleted", target.label())))?;
        self.call_json(operation, &input).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::{ClientId, PoolId};
    use serde_json::json;

    #[test]
    fn a_pool_update_carries_its_name_and_id_under_the_update_names() {
        let target = Target::Pool(PoolId::new("us-east-1_a"));
        let input = update_input_of(
            &target,
            &json!({"Id": "us-east-1_a", "Name": "prod", "MfaConfiguration": "OFF"}),
        )
        .unwrap();
        assert_eq!(
            input,
            json!({"UserPoolId": "us-east-1_a", "PoolName": "prod", "MfaConfiguration": "OFF"})
        );
    }

    #[test]
    fn an_edited_configuration_must_name_the_same_resource() {
        let target = Target::Client(PoolId::new("p"), ClientId::new("c1"));
        assert!(same_keys(&target, &json!({"UserPoolId": "p", "ClientId": "c1"})).is_ok());
        let err = same_keys(&target, &json!({"UserPoolId": "p", "ClientId": "c2"})).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"ClientId must stay "c1" (it names app client c1), not "c2""#
        );
        let err = same_keys(&target, &json!({"ClientId": "c1"})).unwrap_err();
        assert!(err.to_string().contains("not missing"), "{err}");
    }

    #[test]
    fn a_member_left_out_of_an_update_that_keeps_it_is_said_to_stay() {
        use crate::cognito::GroupName;
        let plan = Plan {
            target: Target::Group(PoolId::new("p"), GroupName::new("g")),
            before: json!({"GroupName": "g", "Description": "Admins"}),
            after: json!({"GroupName": "g"}),
        };
        assert_eq!(
            plan.changes()[0].to_string(),
            r#"= Description: "Admins" (left out; Cognito keeps it as it is)"#
        );
    }

    #[test]
    fn a_plan_lists_its_changes_and_knows_when_it_changes_nothing() {
        let plan = Plan {
            target: Target::Pool(PoolId::new("p")),
            before: json!({"MfaConfiguration": "OFF"}),
            after: json!({"MfaConfiguration": "OPTIONAL"}),
        };
        assert_eq!(plan.changes().len(), 1);
        assert!(!plan.is_empty());
    }
}
