//! One POST transport for awsJson1.1 over reqwest: sign, send, read the answer, retry what is safe.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue};

use super::credentials::CredentialSource;
use super::endpoint::Endpoint;
use super::error::{AwsError, TransportKind};
use super::response::{error_from_response, request_id};
use super::retry::{RetryPolicy, classify, should_retry};
use super::signer::sign_request;

const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_mins(1);

/// What the transport needs to know about one call.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    /// The exact operation name from the service model, e.g. `AdminSetUserMFAPreference`.
    pub operation: &'a str,
    /// False for the operations the model marks unauthenticated (`SignUp`, `InitiateAuth`, …).
    pub signed: bool,
    /// True when sending it twice has the same effect as once (reads): it may be retried after
    /// an error that does not prove the first send was refused.
    pub idempotent: bool,
}

/// A 2xx answer: its body and the request id the service gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub body: Vec<u8>,
    pub request_id: Option<String>,
}

/// Connection-reusing client for one endpoint, region and credential source.
#[derive(Debug)]
pub struct Transport {
    http: reqwest::Client,
    endpoint: Endpoint,
    region: String,
    credentials: Arc<CredentialSource>,
    retry: RetryPolicy,
    target_prefix: &'static str,
}

impl Transport {
    pub fn new(
        endpoint: Endpoint,
        region: String,
        credentials: Arc<CredentialSource>,
        retry: RetryPolicy,
        target_prefix: &'static str,
    ) -> Result<Self, AwsError> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .pool_idle_timeout(Duration::from_mins(1))
            .tcp_nodelay(true)
            .user_agent(concat!("cognito-tui/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| AwsError::Config(format!("could not build the HTTP client: {e}")))?;
        Ok(Self {
            http,
            endpoint,
            region,
            credentials,
            retry,
            target_prefix,
        })
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    pub fn region(&self) -> &str {
        &self.region
    }

    /// Sends `body` and returns the 2xx body, retrying what is safe to retry.
    pub async fn post(&self, call: Call<'_>, body: Vec<u8>) -> Result<Reply, AwsError> {
        let mut attempt = 0;
        let mut refreshed_credentials = false;
        loop {
            let started = Instant::now();
            let result = self.send_once(call, &body).await;
            let err = match result {
                Ok(reply) => {
                    tracing::debug!(
                        operation = call.operation,
                        attempt,
                        elapsed_ms = started.elapsed().as_millis(),
                        "ok"
                    );
                    return Ok(reply);
                }
                Err(err) => err,
            };
            tracing::debug!(operation = call.operation, attempt, error = %err, "failed");
            // Expired credentials are refused before anything is applied: refetch once and resend.
            if err.code() == Some("ExpiredTokenException") && !refreshed_credentials && call.signed
            {
                refreshed_credentials = true;
                self.credentials.invalidate().await;
                continue;
            }
            attempt += 1;
            if attempt >= self.retry.max_attempts || !should_retry(classify(&err), call.idempotent)
            {
                return Err(err);
            }
            let wait = self.retry.delay(attempt - 1);
            tracing::info!(
                operation = call.operation,
                attempt,
                wait_ms = wait.as_millis(),
                "retrying"
            );
            tokio::time::sleep(wait).await;
        }
    }

    async fn send_once(&self, call: Call<'_>, body: &[u8]) -> Result<Reply, AwsError> {
        let target = format!("{}.{}", self.target_prefix, call.operation);
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static(CONTENT_TYPE));
        headers.insert(
            "x-amz-target",
            HeaderValue::from_str(&target).map_err(|_| {
                AwsError::Config(format!(
                    "{:?} is not a valid operation name",
                    call.operation
                ))
            })?,
        );
        if call.signed {
            let credentials = self.credentials.get().await?;
            let signed = sign_request(
                &credentials,
                &self.region,
                self.endpoint.url.as_str(),
                &[("content-type", CONTENT_TYPE), ("x-amz-target", &target)],
                body,
                SystemTime::now(),
            )?;
            for h in signed {
                let mut value = HeaderValue::from_str(&h.value)
                    .map_err(|e| AwsError::Signing(format!("bad {} header: {e}", h.name)))?;
                value.set_sensitive(h.sensitive);
                headers.insert(h.name, value);
            }
        }
        // A fresh request every attempt: signed headers are never reused across retries.
        let response = self
            .http
            .post(self.endpoint.url.clone())
            .headers(headers)
            .body(body.to_vec())
            .send()
            .await
            .map_err(|e| self.transport_error(&e))?;
        let status = response.status().as_u16();
        let response_headers = response.headers().clone();
        let bytes = response
            .bytes()
            .await
            .map_err(|e| self.transport_error(&e))?;
        if (200..300).contains(&status) {
            let request_id = request_id(&response_headers);
            tracing::trace!(?request_id, status, "response");
            return Ok(Reply {
                body: bytes.to_vec(),
                request_id,
            });
        }
        Err(error_from_response(
            self.endpoint.url.as_str(),
            call.operation,
            status,
            &response_headers,
            &bytes,
        ))
    }

    fn transport_error(&self, e: &reqwest::Error) -> AwsError {
        let kind = if e.is_connect() {
            TransportKind::Connect
        } else if e.is_timeout() {
            TransportKind::Timeout
        } else {
            TransportKind::Other
        };
        let mut detail = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            detail.push_str(": ");
            detail.push_str(&s.to_string());
            source = s.source();
        }
        AwsError::Transport {
            endpoint: self.endpoint.url.to_string(),
            detail,
            kind,
        }
    }
}
