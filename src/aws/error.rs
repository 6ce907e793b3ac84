//! Typed errors of the wire layer: what the service said, what the network did, what could not be read.

use std::fmt;

/// Everything that can go wrong between building a request and decoding its answer.
#[derive(Debug, thiserror::Error)]
pub enum AwsError {
    /// The service answered with an error code.
    #[error("{0}")]
    Service(ServiceError),
    /// The endpoint said it does not know this operation (an unknown-operation code, or moto's
    /// HTML 500 on the first call of an operation it lacks).
    #[error("{operation} is not supported by this endpoint ({detail})")]
    Unsupported {
        operation: String,
        status: u16,
        detail: String,
    },
    /// No answer: the connection failed, broke or timed out, or the certificate or host name is wrong.
    #[error("{}", transport_text(endpoint, detail, *kind, *attempts))]
    Transport {
        endpoint: String,
        detail: String,
        kind: TransportKind,
        /// Sends made before giving up (0 when not counted).
        attempts: u32,
    },
    /// An HTTP error status without a service error in the body: a proxy, a gateway, a load
    /// balancer, or a server fault.
    #[error("the endpoint {endpoint} answered HTTP {status} without a service error{}", attempts_text(*attempts))]
    Http {
        endpoint: String,
        status: u16,
        attempts: u32,
    },
    /// A 2xx answer whose body was empty or ended early, though the operation's output has members:
    /// a cut-off answer, never an empty result.
    #[error("the answer to {operation} was cut off ({detail}){}", attempts_text(*attempts))]
    Truncated {
        operation: String,
        detail: String,
        attempts: u32,
    },
    /// A change whose answer was lost (the connection broke after sending, it timed out, or the
    /// server faulted): it may have been applied. Never resent.
    #[error("{}", outcome_text(operation, cause, *checked))]
    OutcomeUnknown {
        operation: String,
        cause: Box<AwsError>,
        /// What a fresh read said afterwards, when one could tell.
        checked: Checked,
    },
    /// A listing that cannot go on without looping: the service repeated a page token.
    #[error("{operation} repeated the page token of page {page} on page {repeated_on}: the listing cannot go on without looping (it stopped after {page_count} pages)", page_count = repeated_on)]
    RepeatedToken {
        operation: String,
        /// The page (1-based) whose answer first carried the token.
        page: usize,
        /// The page whose answer carried it again.
        repeated_on: usize,
    },
    /// The answer arrived but is not what the service model says it should be.
    #[error("the response to {operation} could not be read (HTTP {status}): {detail}")]
    Decode {
        operation: String,
        status: u16,
        detail: String,
    },
    /// No usable credentials.
    #[error("credentials: {0}")]
    Credentials(String),
    /// The request could not be signed.
    #[error("could not sign the request: {0}")]
    Signing(String),
    /// Read-only mode: the operation would change something, so it was never sent.
    #[error("read-only mode: {operation} would change the pool, so it was not sent")]
    ReadOnly { operation: String },
    /// A setting (endpoint, region, operation name) is not usable.
    #[error("{0}")]
    Config(String),
}

/// How a transport failure happened: it decides whether a retry is safe, and what to tell a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    /// The connection was never made: the request cannot have reached the server.
    Connect,
    /// The host name does not resolve: permanent until the name or the network changes.
    Dns,
    /// The TLS handshake failed (an untrusted, expired or mismatched certificate): permanent.
    Tls,
    /// No answer in time: the request may have been applied.
    Timeout,
    /// The connection broke after the request was sent.
    Broken,
}

/// What a fresh read said about a change whose answer was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// No read could tell (no read fits this operation, or the read failed too).
    Unknown,
    /// The read shows the change in place.
    Applied,
    /// The read shows the change not in place: it is safe to run it again.
    NotApplied,
}

fn attempts_text(attempts: u32) -> String {
    if attempts > 1 {
        format!(" ({attempts} attempts)")
    } else {
        String::new()
    }
}

fn transport_text(endpoint: &str, detail: &str, kind: TransportKind, attempts: u32) -> String {
    let tries = attempts_text(attempts);
    match kind {
        TransportKind::Connect => format!("could not connect to {endpoint}: {detail}{tries}"),
        TransportKind::Dns => format!("no such host: {detail}"),
        TransportKind::Tls => format!("the TLS connection to {endpoint} was refused: {detail}"),
        TransportKind::Timeout => format!("no answer from {endpoint}: {detail}{tries}"),
        TransportKind::Broken => {
            format!("the connection to {endpoint} broke before the answer arrived: {detail}{tries}")
        }
    }
}

fn outcome_text(operation: &str, cause: &AwsError, checked: Checked) -> String {
    let what = match checked {
        Checked::Unknown => "the change may have been applied; check before trying again",
        Checked::Applied => "a fresh read shows the change was applied",
        Checked::NotApplied => {
            "a fresh read shows the change has not been applied; it is safe to try again"
        }
    };
    format!("no answer to {operation}: {what} ({cause})")
}

/// An error answer from the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// The bare code, e.g. `UserNotFoundException` (namespace and `:url` suffix stripped).
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    pub status: u16,
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        write!(f, ")")
    }
}

impl AwsError {
    /// The service error code, if the service answered with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Service(e) => Some(&e.code),
            _ => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Service(e) => e.request_id.as_deref(),
            Self::OutcomeUnknown { cause, .. } => cause.request_id(),
            _ => None,
        }
    }

    /// Records how many sends were made before this error was final.
    #[must_use]
    pub fn after_attempts(mut self, n: u32) -> Self {
        match &mut self {
            Self::Transport { attempts, .. }
            | Self::Http { attempts, .. }
            | Self::Truncated { attempts, .. } => *attempts = n,
            _ => {}
        }
        self
    }

    /// The endpoint does not implement the operation: asking again, or for another user, is futile.
    pub fn is_unsupported(&self) -> bool {
        matches!(self, Self::Unsupported { .. })
    }
}

/// Strips a `namespace#` prefix and a `:url` suffix from an error code, as AWS sends either form.
pub fn bare_code(raw: &str) -> &str {
    let code = raw.rsplit('#').next().unwrap_or(raw);
    let code = code.split(':').next().unwrap_or(code);
    code.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_code_strips_namespace_and_url() {
        assert_eq!(
            bare_code("com.amazonaws.cognito#UserNotFoundException"),
            "UserNotFoundException"
        );
        assert_eq!(
            bare_code("UserNotFoundException:http://internal.amazon.com/coral/"),
            "UserNotFoundException"
        );
        assert_eq!(
            bare_code("aws.protocoltests#FooError:http://x/"),
            "FooError"
        );
        assert_eq!(
            bare_code("TooManyRequestsException"),
            "TooManyRequestsException"
        );
    }

    #[test]
    fn transport_errors_say_what_happened_not_just_could_not_reach() {
        let err = |kind| AwsError::Transport {
            endpoint: "https://x/".into(),
            detail: "d".into(),
            kind,
            attempts: 5,
        };
        assert_eq!(
            err(TransportKind::Connect).to_string(),
            "could not connect to https://x/: d (5 attempts)"
        );
        assert_eq!(
            err(TransportKind::Broken).to_string(),
            "the connection to https://x/ broke before the answer arrived: d (5 attempts)"
        );
        assert_eq!(err(TransportKind::Dns).to_string(), "no such host: d");
        let http = AwsError::Http {
            endpoint: "https://x/".into(),
            status: 503,
            attempts: 5,
        };
        assert_eq!(
            http.to_string(),
            "the endpoint https://x/ answered HTTP 503 without a service error (5 attempts)"
        );
    }

    #[test]
    fn a_lost_answer_says_the_change_may_have_been_applied() {
        let cause = AwsError::Transport {
            endpoint: "https://x/".into(),
            detail: "connection closed".into(),
            kind: TransportKind::Broken,
            attempts: 1,
        };
        let unknown = AwsError::OutcomeUnknown {
            operation: "AdminDisableUser".into(),
            cause: Box::new(cause),
            checked: Checked::Unknown,
        };
        let text = unknown.to_string();
        assert!(
            text.starts_with("no answer to AdminDisableUser: the change may have been applied"),
            "{text}"
        );
        assert!(!text.contains("could not reach"), "{text}");
    }

    #[test]
    fn service_error_display_names_code_status_and_request_id() {
        let e = ServiceError {
            code: "UserNotFoundException".into(),
            message: "User does not exist.".into(),
            request_id: Some("abc-123".into()),
            status: 400,
        };
        assert_eq!(
            e.to_string(),
            "UserNotFoundException: User does not exist. (HTTP 400, request id abc-123)"
        );
    }
}
