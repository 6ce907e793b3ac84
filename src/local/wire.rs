//! The awsJson1.1 front: POST / with `X-Amz-Target`, JSON errors with `__type` and
//! `x-amzn-ErrorType`, and `x-amzn-RequestId` on every answer.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::emulation::Emulator;
use super::error::LocalError;
use super::ids;
use super::ops::{self, Request};
use super::store::Store;
use crate::aws::quota::UserKey;

const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";
const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// The account id in ARNs the local server makes.
const ACCOUNT: &str = "000000000000";
/// The largest request body read (axum's default limit, which the server had before).
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// What every request is served with: the state, how long its body may take to arrive, and
/// what of AWS's quotas and latency the server imitates.
#[derive(Clone)]
struct Served {
    store: Store,
    body_timeout: Duration,
    emulator: Arc<Emulator>,
}

pub fn router(store: Store, body_timeout: Duration, emulator: Emulator) -> axum::Router {
    axum::Router::new()
        .route("/", axum::routing::post(handle))
        .fallback(not_found)
        .with_state(Served {
            store,
            body_timeout,
            emulator: Arc::new(emulator),
        })
}

async fn handle(State(served): State<Served>, headers: HeaderMap, body: Body) -> Response {
    let arrived = tokio::time::Instant::now();
    let request_id = ids::uuid(&mut fastrand::Rng::new());
    let body = match read_body(&headers, body, served.body_timeout).await {
        Ok(body) => body,
        Err(err) => {
            // The rest of a body that never came cannot be told from the next request.
            served.emulator.delay(arrived).await;
            let mut response = respond(Err(err), &request_id);
            response
                .headers_mut()
                .insert("connection", HeaderValue::from_static("close"));
            return response;
        }
    };
    // Throttled before any work, as AWS refuses at its front door; an unnamed operation is
    // answered by `answer` with its own error.
    let admitted = operation_of(&headers).map(|op| {
        let user = served
            .emulator
            .paces_users()
            .then(|| user_key(&served.store, op, &body))
            .flatten();
        served.emulator.admit(op, user.as_ref(), arrived)
    });
    let outcome = match admitted {
        Some(Err(refused)) => Err(refused),
        _ => answer(&served.store, &headers, &body),
    };
    served.emulator.delay(arrived).await;
    respond(outcome, &request_id)
}

/// The user a call counts against, per AWS's per-user quota: the one the pool knows by the name
/// given (their username, or an alias or sub of theirs), else the name as given.
fn user_key(store: &Store, operation: &str, body: &[u8]) -> Option<UserKey> {
    let (pool, name) = UserKey::named(operation, body)?;
    let user = super::aliases::user_named(store, &pool, &name)
        .ok()
        .flatten();
    UserKey::exact(operation, &pool, user.as_deref().unwrap_or(&name))
}

fn operation_of(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .and_then(|t| t.strip_prefix(TARGET_PREFIX))
}

/// The whole body within `timeout`: a client that stops half way gets a 408 and is dropped.
async fn read_body(
    headers: &HeaderMap,
    body: Body,
    timeout: Duration,
) -> Result<axum::body::Bytes, LocalError> {
    let declared = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT) {
        let mut err = LocalError::new(
            "SerializationException",
            format!("The request body is larger than {BODY_LIMIT} bytes"),
        );
        err.status = 413;
        return Err(err);
    }
    match tokio::time::timeout(timeout, axum::body::to_bytes(body, BODY_LIMIT)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(e)) => Err(LocalError::new(
            "SerializationException",
            format!("Could not read the request body: {e}"),
        )),
        Err(_) => {
            let mut err = LocalError::new(
                "RequestTimeout",
                format!(
                    "The request body did not arrive within {} seconds",
                    timeout.as_secs_f64()
                ),
            );
            err.status = 408;
            Err(err)
        }
    }
}

async fn not_found() -> Response {
    let request_id = ids::uuid(&mut fastrand::Rng::new());
    let mut err = LocalError::new("UnknownOperationException", "Send POST / with X-Amz-Target");
    err.status = 404;
    respond(Err(err), &request_id)
}

/// Runs on the server's own thread (see `LocalServer`), so the blocking store call is fine here.
fn answer(store: &Store, headers: &HeaderMap, body: &[u8]) -> Result<Value, LocalError> {
    let operation = operation_of(headers)
        .ok_or_else(|| {
            LocalError::new(
                "UnknownOperationException",
                "Missing or unknown X-Amz-Target",
            )
        })?
        .to_owned();
    let input: Value = if body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        serde_json::from_slice(body).map_err(|e| {
            LocalError::new(
                "SerializationException",
                format!("Malformed JSON body: {e}"),
            )
        })?
    };
    let request = Request {
        input,
        region: region_of(headers).unwrap_or_else(|| "us-east-1".to_owned()),
        account: ACCOUNT.to_owned(),
    };
    // A bug in one operation answers that call with a 500, as AWS's InternalErrorException, and
    // leaves the server serving the rest.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ops::dispatch(store, &operation, &request)
    }))
    .unwrap_or_else(|_| {
        let mut err = LocalError::new(
            "InternalErrorException",
            format!("The local server failed on {operation}; see its log"),
        );
        err.status = 500;
        Err(err)
    })
}

/// The region of the SigV4 credential scope (`Credential=KEY/DATE/REGION/cognito-idp/aws4_request`).
fn region_of(headers: &HeaderMap) -> Option<String> {
    let auth = headers.get("authorization")?.to_str().ok()?;
    let scope = auth.split("Credential=").nth(1)?;
    let region = scope.split('/').nth(2)?;
    let valid = !region.is_empty()
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    valid.then(|| region.to_owned())
}

fn respond(outcome: Result<Value, LocalError>, request_id: &str) -> Response {
    let (status, error_type, body) = match outcome {
        Ok(value) => (StatusCode::OK, None, value),
        Err(e) => (
            StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST),
            Some(e.code),
            json!({"__type": e.code, "message": e.message}),
        ),
    };
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert("content-type", HeaderValue::from_static(CONTENT_TYPE));
    if let Ok(id) = HeaderValue::from_str(request_id) {
        headers.insert("x-amzn-requestid", id);
    }
    if let Some(code) = error_type {
        headers.insert("x-amzn-errortype", HeaderValue::from_static(code));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_region_comes_from_the_credential_scope() {
        let mut headers = HeaderMap::new();
        assert_eq!(region_of(&headers), None);
        headers.insert(
            "authorization",
            HeaderValue::from_static(
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/cognito-idp/aws4_request, \
                 SignedHeaders=host, Signature=x",
            ),
        );
        assert_eq!(region_of(&headers).as_deref(), Some("eu-west-1"));
        headers.insert(
            "authorization",
            HeaderValue::from_static("AWS4-HMAC-SHA256 Credential=AKID/20260101/EU WEST/x"),
        );
        assert_eq!(region_of(&headers), None);
    }
}
