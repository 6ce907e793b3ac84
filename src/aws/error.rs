//! Typed errors of the wire layer: what the service said, what the network did, what could not be read.

use std::fmt;

/// Everything that can go wrong between building a request and decoding its answer.
#[derive(Debug, thiserror::Error)]
pub enum AwsError {
    /// The service answered with an error code.
    #[error("{0}")]
    Service(ServiceError),
    /// The endpoint answered a non-JSON 5xx: it does not implement this operation (moto does this).
    #[error("{operation} is not supported by this endpoint (HTTP {status} without a JSON error)")]
    Unsupported { operation: String, status: u16 },
    /// The request may never have arrived, or no answer came back.
    #[error("could not reach {endpoint}: {detail}")]
    Transport {
        endpoint: String,
        detail: String,
        kind: TransportKind,
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

/// How a transport failure happened: it decides whether a retry is safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    /// The connection was never made: the request cannot have reached the server.
    Connect,
    /// No answer in time: the request may have been applied.
    Timeout,
    /// The connection broke after the request was sent.
    Other,
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
            _ => None,
        }
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
