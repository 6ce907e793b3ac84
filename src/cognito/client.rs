//! The Cognito client: settings resolved like the AWS CLI, typed calls, and the generic call for any
//! operation of the service model.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::audit::{ChangeObserver, Mutation, MutationLog, subject};
use super::operations::{self, OperationSpec};
use crate::aws::error::Checked;
use crate::aws::quota::{Lane, Scheduler};
use crate::aws::retry::{Verdict, classify};
use crate::aws::{AwsError, Call, Endpoint, RetryPolicy, Transport};

pub const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService";

#[path = "client_connect.rs"]
mod connect;
pub use connect::ClientSettings;

/// A cheap-to-clone handle: every clone shares one connection pool and credential cache.
#[derive(Debug, Clone)]
pub struct CognitoClient {
    transport: Arc<Transport>,
    profile: Option<String>,
    read_only: bool,
    mutation_log: Option<Arc<dyn MutationLog>>,
    change_observer: Option<Arc<dyn ChangeObserver>>,
    local: bool,
    lane: Lane,
}

impl CognitoClient {
    /// The same client for long work nobody waits on call by call (a crawl, an export, a bulk
    /// run): its calls yield their quota to the interactive ones.
    #[must_use]
    pub fn background(&self) -> Self {
        Self {
            lane: Lane::Background,
            ..self.clone()
        }
    }

    pub fn retry_policy(&self) -> &RetryPolicy {
        self.transport.retry_policy()
    }

    /// The scheduler its calls pass, for the rate meter.
    pub fn scheduler(&self) -> &Arc<Scheduler> {
        self.transport.scheduler()
    }

    pub fn endpoint(&self) -> &Endpoint {
        self.transport.endpoint()
    }

    pub fn region(&self) -> &str {
        self.transport.region()
    }

    pub fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
    }

    /// A typed call of a known operation.
    pub(crate) async fn call<Req, Resp>(
        &self,
        operation: &'static str,
        input: &Req,
    ) -> Result<Resp, AwsError>
    where
        Req: Serialize + ?Sized,
        Resp: DeserializeOwned,
    {
        self.call_as(operation, input, false).await
    }

    /// A typed call of an operation that answers nothing: only success or the error matters.
    pub(crate) async fn act<Req>(
        &self,
        operation: &'static str,
        input: &Req,
    ) -> Result<(), AwsError>
    where
        Req: Serialize + ?Sized,
    {
        self.call::<_, super::user_admin::Empty>(operation, input)
            .await
            .map(drop)
    }

    /// A typed call; `patient` for a page of a listing, whose throttling is waited out rather
    /// than counted as a failed attempt.
    pub(crate) async fn call_as<Req, Resp>(
        &self,
        operation: &'static str,
        input: &Req,
        patient: bool,
    ) -> Result<Resp, AwsError>
    where
        Req: Serialize + ?Sized,
        Resp: DeserializeOwned,
    {
        let spec = operations::find(operation)
            .ok_or_else(|| AwsError::Config(format!("{operation} is not in the service model")))?;
        let body = serde_json::to_vec(input).map_err(|e| {
            AwsError::Config(format!("could not encode the {operation} input: {e}"))
        })?;
        let bytes = self.send(spec, body, patient).await?;
        decode(operation, &bytes)
    }

    /// Any operation of the service model, by name (`ListUsers`, `list-users`): JSON in, JSON out.
    pub async fn call_json(
        &self,
        operation: &str,
        input: &serde_json::Value,
    ) -> Result<serde_json::Value, AwsError> {
        self.call_json_as(operation, input, false).await
    }

    /// `call_json`; `patient` for a page of a listing (see `call_as`).
    pub(crate) async fn call_json_as(
        &self,
        operation: &str,
        input: &serde_json::Value,
        patient: bool,
    ) -> Result<serde_json::Value, AwsError> {
        let spec = operations::find(operation)
            .or_else(|| operations::find_loose(operation))
            .ok_or_else(|| {
                AwsError::Config(format!(
                    "{operation:?} is not an operation of the Cognito Identity Provider API \
                     (run `cognito-tui api --list` for the names)"
                ))
            })?;
        if !input.is_object() {
            return Err(AwsError::Config(format!(
                "the input to {} must be a JSON object",
                spec.name
            )));
        }
        let body = serde_json::to_vec(input)
            .map_err(|e| AwsError::Config(format!("could not encode the input: {e}")))?;
        let bytes = self.send(spec, body, patient).await?;
        decode(spec.name, &bytes)
    }

    /// Talks to the built-in local server.
    pub fn is_local(&self) -> bool {
        self.local
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// A read by operation name, for the fresh read after a lost answer: it never mutates, so it
    /// needs neither the read-only check nor the journal.
    pub(crate) async fn read_json(
        &self,
        operation: &'static str,
        input: &serde_json::Value,
    ) -> Result<serde_json::Value, AwsError> {
        let spec = operations::find(operation)
            .filter(|s| s.is_read_only())
            .ok_or_else(|| AwsError::Config(format!("{operation} is not a read")))?;
        let body = serde_json::to_vec(input)
            .map_err(|e| AwsError::Config(format!("could not encode the input: {e}")))?;
        let reply = self
            .transport
            .post(call_of(spec, false, self.lane), body)
            .await?;
        decode(spec.name, &reply.body)
    }

    /// Every call goes through here, so read-only mode and the audit journal hold for the console,
    /// the CLI and `api` alike. A change whose answer was lost comes back as `OutcomeUnknown`,
    /// with what one fresh read says about it.
    async fn send(
        &self,
        spec: &OperationSpec,
        body: Vec<u8>,
        patient: bool,
    ) -> Result<Vec<u8>, AwsError> {
        let mutates = !spec.is_read_only();
        if self.read_only && mutates {
            return Err(AwsError::ReadOnly {
                operation: spec.name.to_owned(),
            });
        }
        let input = mutates.then(|| body.clone());
        let result = self
            .transport
            .post(call_of(spec, patient, self.lane), body)
            .await;
        let Some(input) = input else {
            return result.map(|reply| reply.body);
        };
        let result = match result {
            Err(cause) if classify(&cause) == Verdict::RetryIfIdempotent => {
                tokio::time::sleep(self.transport.settle_delay()).await;
                let checked = super::verify::check(self, spec.name, &input).await;
                Err(AwsError::OutcomeUnknown {
                    operation: spec.name.to_owned(),
                    cause: Box::new(cause),
                    checked,
                })
            }
            other => other,
        };
        if let Some(log) = &self.mutation_log {
            let (pool, target) = subject(&input);
            let (outcome, request_id) = match &result {
                Ok(reply) => ("ok", reply.request_id.as_deref()),
                Err(e) => (outcome_of(e), e.request_id()),
            };
            let checked = match &result {
                Err(AwsError::OutcomeUnknown { checked, .. }) => checked_text(*checked),
                _ => None,
            };
            log.record(&Mutation {
                profile: self.profile.as_deref(),
                region: self.region(),
                operation: spec.name,
                pool: &pool,
                target: &target,
                result: outcome,
                checked,
                request_id,
            });
        }
        // After the journal: the change is done and recorded before the index's read-again (a
        // background call that may wait, or be cancelled with the task).
        if let (Some(observer), Ok(reply)) = (&self.change_observer, &result) {
            let again = observer.applied(
                self.profile.as_deref(),
                self.region(),
                spec.name,
                &input,
                &reply.body,
            );
            if let Some(again) = again {
                self.read_again(observer.as_ref(), spec.name, &input, &again)
                    .await;
            }
        }
        result.map(|reply| reply.body)
    }
}

fn call_of(spec: &OperationSpec, patient: bool, lane: Lane) -> Call<'_> {
    Call {
        operation: spec.name,
        signed: spec.signed,
        idempotent: spec.is_read_only(),
        output_has_members: spec.output_has_members,
        patient,
        lane,
    }
}

fn checked_text(checked: Checked) -> Option<&'static str> {
    match checked {
        Checked::Unknown => None,
        Checked::Applied => Some("applied"),
        Checked::NotApplied => Some("not applied"),
    }
}

/// How a failed mutation is written in the journal: the service's code, else the kind of failure.
fn outcome_of(err: &AwsError) -> &str {
    match err {
        AwsError::Service(e) => &e.code,
        AwsError::Unsupported { .. } => "Unsupported",
        AwsError::OutcomeUnknown { .. } => "unknown",
        AwsError::Transport { .. } => "TransportError",
        AwsError::Http { .. } => "HttpError",
        AwsError::Truncated { .. } => "TruncatedAnswer",
        AwsError::RepeatedToken { .. } | AwsError::Decode { .. } => "DecodeError",
        AwsError::Credentials(_) => "CredentialsError",
        AwsError::Signing(_) | AwsError::Config(_) | AwsError::ReadOnly { .. } => "Error",
    }
}

/// Decodes a 2xx body; an empty body is the empty object (the transport lets one through only for
/// operations whose output has no members).
fn decode<T: DeserializeOwned>(operation: &str, bytes: &[u8]) -> Result<T, AwsError> {
    let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        bytes
    };
    serde_json::from_slice(bytes).map_err(|e| AwsError::Decode {
        operation: operation.to_owned(),
        status: 200,
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Out {
        user_pools: Option<Vec<serde_json::Value>>,
    }

    #[test]
    fn empty_bodies_decode_as_empty_objects() {
        let out: Out = decode("AdminDisableUser", b"").unwrap();
        assert!(out.user_pools.is_none());
        let out: serde_json::Value = decode("AdminDisableUser", b"  \n").unwrap();
        assert_eq!(out, serde_json::json!({}));
    }

    #[test]
    fn malformed_bodies_are_decode_errors_not_panics() {
        let err = decode::<Out>("ListUserPools", b"{\"UserPools\": [").unwrap_err();
        assert!(matches!(err, AwsError::Decode { .. }), "{err:?}");
        let err = decode::<Out>("ListUserPools", b"{\"UserPools\": 5}").unwrap_err();
        assert!(err.to_string().contains("ListUserPools"), "{err}");
    }
}
