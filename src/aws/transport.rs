//! One POST transport for awsJson1.1 over reqwest: sign, send, read the answer, retry what is safe.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{HeaderMap, HeaderValue};

use super::credentials::CredentialSource;
use super::endpoint::Endpoint;
use super::error::AwsError;
use super::failure::{connection_failure, reason};
use super::notice::{RETRY_WATCH, RetryNotice};
use super::quota::{Category, Lane, Scheduler, UserKey};
use super::response::{error_from_response, request_id};
use super::retry::{RetryPolicy, Verdict, classify, should_retry};
use super::signer::sign_request;

const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// What the transport needs to know about one call: independent facts, hence the bools.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    /// The exact operation name from the service model, e.g. `AdminSetUserMFAPreference`.
    pub operation: &'a str,
    /// False for the operations the model marks unauthenticated (`SignUp`, `InitiateAuth`, …).
    pub signed: bool,
    /// True when sending it twice has the same effect as once (reads): it may be retried after
    /// an error that does not prove the first send was refused.
    pub idempotent: bool,
    /// The model gives the output members: an empty 2xx body is a cut-off answer, not a result.
    pub output_has_members: bool,
    /// A page of a listing: throttling is waited out (up to the policy's patience), not counted
    /// against the attempt cap, so a long crawl slows down instead of failing.
    pub patient: bool,
    /// Whether someone waits on it (first to a token) or it is background work (yields).
    pub lane: Lane,
}

/// A 2xx answer: its body and the request id the service gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub body: Vec<u8>,
    pub request_id: Option<String>,
}

/// How long to wait for a connection and for each read of the answer (`None`: wait forever), with
/// the meanings of the AWS CLI's `--cli-connect-timeout` and `--cli-read-timeout`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Option<Duration>,
    pub read: Option<Duration>,
}

impl Timeouts {
    /// For commands: a dead endpoint fails within a minute or two with its retries, not five.
    pub const CLI: Self = Self {
        connect: Some(Duration::from_secs(10)),
        read: Some(Duration::from_secs(30)),
    };
    /// For the console, where someone watches the pane: shorter, and every retry is shown.
    pub const CONSOLE: Self = Self {
        connect: Some(Duration::from_secs(5)),
        read: Some(Duration::from_secs(15)),
    };
}

impl Default for Timeouts {
    fn default() -> Self {
        Self::CLI
    }
}

/// What the transport is built from, besides the endpoint and credentials.
#[derive(Debug, Clone, Default)]
pub struct TransportOptions {
    pub retry: RetryPolicy,
    pub timeouts: Timeouts,
    /// PEM file of the only CAs to trust (`AWS_CA_BUNDLE`, a profile's `ca_bundle`), as the AWS CLI.
    pub ca_bundle: Option<std::path::PathBuf>,
    /// Paces every call by its quota category; a scheduler of its own (adaptive, no ceilings)
    /// when none is given.
    pub scheduler: Option<Arc<Scheduler>>,
}

/// Connection-reusing client for one endpoint, region and credential source.
#[derive(Debug)]
pub struct Transport {
    http: reqwest::Client,
    endpoint: Endpoint,
    region: String,
    credentials: Arc<CredentialSource>,
    retry: RetryPolicy,
    timeouts: Timeouts,
    target_prefix: &'static str,
    scheduler: Arc<Scheduler>,
    /// Operations this endpoint has answered with a 2xx: it implements them.
    answered: Mutex<HashSet<String>>,
}

impl Transport {
    pub fn new(
        endpoint: Endpoint,
        region: String,
        credentials: Arc<CredentialSource>,
        options: &TransportOptions,
        target_prefix: &'static str,
    ) -> Result<Self, AwsError> {
        let mut builder = reqwest::Client::builder()
            .pool_idle_timeout(Duration::from_mins(1))
            .tcp_nodelay(true)
            .user_agent(concat!("cognito-tui/", env!("CARGO_PKG_VERSION")));
        if let Some(t) = options.timeouts.connect {
            builder = builder.connect_timeout(t);
        }
        if let Some(t) = options.timeouts.read {
            builder = builder.read_timeout(t);
        }
        if let Some(path) = &options.ca_bundle {
            builder = builder.tls_certs_only(read_ca_bundle(path)?);
        }
        let http = builder
            .build()
            .map_err(|e| AwsError::Config(format!("could not build the HTTP client: {e}")))?;
        Ok(Self {
            http,
            endpoint,
            region,
            credentials,
            retry: options.retry,
            timeouts: options.timeouts,
            target_prefix,
            scheduler: options
                .scheduler
                .clone()
                .unwrap_or_else(|| Arc::new(Scheduler::new(super::quota::Quotas::default()))),
            answered: Mutex::new(HashSet::new()),
        })
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    pub fn region(&self) -> &str {
        &self.region
    }

    /// The scheduler every call of this transport passes: for the rate meter.
    pub fn scheduler(&self) -> &Arc<Scheduler> {
        &self.scheduler
    }

    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// How long to let a change whose answer was lost settle before reading whether it applied.
    pub fn settle_delay(&self) -> Duration {
        self.retry.base_delay
    }

    /// Sends `body` and returns the 2xx body, retrying what is safe to retry.
    pub async fn post(&self, call: Call<'_>, body: Vec<u8>) -> Result<Reply, AwsError> {
        let mut sends = 0;
        let mut failures = 0;
        let mut throttled_since: Option<Instant> = None;
        let mut throttles = 0;
        let mut refreshed_credentials = false;
        let category = Category::of(call.operation);
        // Read once, and only when users are paced: the input's `UserPoolId` and `Username`.
        let user = if self.scheduler.paces_users() {
            UserKey::of(call.operation, &body)
        } else {
            None
        };
        loop {
            self.scheduler
                .acquire_for(category, user.as_ref(), call.lane)
                .await;
            let started = Instant::now();
            sends += 1;
            let err = match self.send_once(call, &body).await {
                Ok(reply) => {
                    tracing::debug!(
                        operation = call.operation,
                        sends,
                        elapsed_ms = started.elapsed().as_millis(),
                        "ok"
                    );
                    self.answered
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(call.operation.to_owned());
                    return Ok(reply);
                }
                Err(err) => err,
            };
            tracing::debug!(operation = call.operation, sends, error = %err, "failed");
            // Expired credentials are refused before anything is applied: refetch once and resend.
            if err.code() == Some("ExpiredTokenException") && !refreshed_credentials && call.signed
            {
                refreshed_credentials = true;
                self.credentials.invalidate().await;
                continue;
            }
            let verdict = classify(&err);
            if verdict == Verdict::Throttled {
                self.scheduler.throttled(category);
            }
            let (wait, max_attempts) = if verdict == Verdict::Throttled && call.patient {
                let since = *throttled_since.get_or_insert(started);
                if since.elapsed() >= self.retry.throttle_patience {
                    return Err(err.after_attempts(sends));
                }
                throttles += 1;
                (self.retry.delay(throttles - 1), None)
            } else {
                failures += 1;
                if failures >= self.retry.max_attempts || !should_retry(verdict, call.idempotent) {
                    return Err(err.after_attempts(sends));
                }
                (
                    self.retry.delay(failures - 1),
                    Some(self.retry.max_attempts),
                )
            };
            let notice = RetryNotice {
                operation: call.operation.to_owned(),
                attempt: sends + 1,
                max_attempts,
                wait,
                reason: reason(&err),
            };
            tracing::info!(
                operation = call.operation,
                attempt = notice.attempt,
                wait_ms = wait.as_millis(),
                reason = notice.reason,
                "retrying"
            );
            let _ = RETRY_WATCH.try_with(|watch| watch(&notice));
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
            if let Some(detail) = cut_off(&bytes, call.output_has_members) {
                return Err(AwsError::Truncated {
                    operation: call.operation.to_owned(),
                    detail,
                    attempts: 1,
                });
            }
            let request_id = request_id(&response_headers);
            tracing::trace!(?request_id, status, "response");
            return Ok(Reply {
                body: bytes.to_vec(),
                request_id,
            });
        }
        let answered_before = self
            .answered
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(call.operation);
        Err(error_from_response(
            self.endpoint.url.as_str(),
            call.operation,
            status,
            &response_headers,
            &bytes,
            answered_before,
        ))
    }

    fn transport_error(&self, e: &reqwest::Error) -> AwsError {
        let (kind, detail) = connection_failure(e, &self.endpoint.url, self.timeouts);
        AwsError::Transport {
            endpoint: self.endpoint.url.to_string(),
            detail,
            kind,
            attempts: 1,
        }
    }
}

/// Why a 2xx body is not a whole answer: empty though the output has members, or JSON that stops
/// before its end (a proxy that closed the connection mid-body). A body that is whole but wrong is
/// left to the decoder, which says what is wrong with it.
fn cut_off(body: &[u8], output_has_members: bool) -> Option<String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return output_has_members.then(|| "an empty body".to_owned());
    }
    match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
        Err(e) if e.is_eof() => Some(format!("the body ends after {} bytes", body.len())),
        _ => None,
    }
}

/// The certificates of a PEM bundle file, or an error that names the file.
fn read_ca_bundle(path: &std::path::Path) -> Result<Vec<reqwest::Certificate>, AwsError> {
    let pem = std::fs::read(path).map_err(|e| {
        AwsError::Config(format!(
            "the CA bundle {} cannot be read: {e}",
            path.display()
        ))
    })?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
        AwsError::Config(format!("the CA bundle {} is not PEM: {e}", path.display()))
    })?;
    if certs.is_empty() {
        return Err(AwsError::Config(format!(
            "the CA bundle {} holds no certificate",
            path.display()
        )));
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_body_is_cut_off_only_when_the_output_has_members() {
        assert_eq!(cut_off(b"", true).as_deref(), Some("an empty body"));
        assert_eq!(cut_off(b" \n", true).as_deref(), Some("an empty body"));
        assert_eq!(cut_off(b"", false), None);
        assert_eq!(cut_off(b"{}", true), None);
    }

    #[test]
    fn json_that_stops_early_is_cut_off_but_wrong_json_is_not() {
        let body = br#"{"Users":[{"Username":"ann"},{"Userna"#;
        assert_eq!(
            cut_off(body, true).as_deref(),
            Some("the body ends after 37 bytes")
        );
        assert_eq!(cut_off(b"{not json}", true), None);
        assert_eq!(cut_off(br#"{"Users":[]}"#, true), None);
    }
}
