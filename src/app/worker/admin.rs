//! The worker's changes to pool resources: an update sent only if the resource is as it was
//! read (`cognito::edit`), or a delete.

use crate::app::effect::PoolChange;
use crate::aws::AwsError;
use crate::cognito::CognitoClient;
use crate::cognito::edit::EditError;

/// A change to a pool resource: a plan sent (only if the resource is as it was read), or a
/// delete.
pub async fn pool_change(client: &CognitoClient, change: PoolChange) -> Result<(), AwsError> {
    let result = match change {
        PoolChange::Apply(plan) => client.apply_plan(&plan).await.map(drop),
        PoolChange::Delete(target) => client.delete_resource(&target).await,
        PoolChange::Create { operation, input } => {
            // The answer (a new client's secret among it) is not kept: the pane reads it again.
            return client.call_json(operation, &input).await.map(drop);
        }
    };
    result.map_err(EditError::into_aws)
}
