//! Retries in the spirit of the AWS SDKs' standard mode: bounded attempts, exponential backoff with
//! full jitter, and no second send of a non-idempotent call unless the error proves it was not applied.
//! Throttling on a long listing is the server asking to slow down, not a failure: it is waited out
//! for as long as `throttle_patience`, however many attempts that takes.

use std::time::Duration;

use super::error::{AwsError, TransportKind};

/// Codes that mean "refused before doing anything, slow down": safe to resend any call.
const THROTTLING_CODES: &[&str] = &[
    "TooManyRequestsException",
    "ThrottlingException",
    "Throttling",
    "ThrottledException",
    "RequestThrottled",
    "RequestThrottledException",
    "RequestLimitExceeded",
    "SlowDown",
    "PriorRequestNotComplete",
];

/// Codes of transient server faults: the call may or may not have been applied.
const TRANSIENT_CODES: &[&str] = &[
    "InternalErrorException",
    "InternalServerException",
    "InternalFailure",
    "ServiceUnavailable",
    "RequestTimeout",
    "RequestTimeoutException",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Total sends, the first included.
    pub max_attempts: u32,
    /// The backoff before retry `i` is uniform in `[0, min(base * 2^i, max)]`.
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// How long a patient call (a page of a listing) keeps waiting out throttling, counted from the
    /// first throttled answer of that page; other faults still stop after `max_attempts`.
    pub throttle_patience: Duration,
}

impl Default for RetryPolicy {
    /// Five attempts rather than the SDK's three: a 100,000-user listing meets Cognito's 30 req/s
    /// quota, and giving up after two short waits would abandon it.
    fn default() -> Self {
        Self {
            max_attempts: 5,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(20),
            throttle_patience: Duration::from_mins(15),
        }
    }
}

impl RetryPolicy {
    /// The default, with `AWS_MAX_ATTEMPTS` honoured as the AWS CLI does.
    pub fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Self {
        let mut policy = Self::default();
        if let Some(n) = env("AWS_MAX_ATTEMPTS").and_then(|v| v.trim().parse::<u32>().ok()) {
            policy.max_attempts = n.max(1);
        }
        policy
    }

    /// The jittered wait before the retry that follows attempt number `attempt` (0-based).
    pub fn delay(&self, attempt: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(attempt.min(16)));
        exp.min(self.max_delay).mul_f64(fastrand::f64())
    }
}

/// Whether an error may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The server refused it to slow the caller down: retry any call, patiently for listings.
    Throttled,
    /// The request provably did not take effect: retry any call.
    Retry,
    /// It may have taken effect: retry only calls that are safe to repeat.
    RetryIfIdempotent,
    Stop,
}

pub fn classify(err: &AwsError) -> Verdict {
    match err {
        AwsError::Service(e) if THROTTLING_CODES.contains(&e.code.as_str()) => Verdict::Throttled,
        AwsError::Service(e) if e.status >= 500 || TRANSIENT_CODES.contains(&e.code.as_str()) => {
            Verdict::RetryIfIdempotent
        }
        AwsError::Transport { kind, .. } => match kind {
            TransportKind::Connect => Verdict::Retry,
            // A wrong name or an untrusted certificate will be just as wrong in a second.
            TransportKind::Dns | TransportKind::Tls => Verdict::Stop,
            TransportKind::Timeout | TransportKind::Broken => Verdict::RetryIfIdempotent,
        },
        AwsError::Http { .. } | AwsError::Truncated { .. } => Verdict::RetryIfIdempotent,
        _ => Verdict::Stop,
    }
}

pub fn should_retry(verdict: Verdict, idempotent: bool) -> bool {
    match verdict {
        Verdict::Throttled | Verdict::Retry => true,
        Verdict::RetryIfIdempotent => idempotent,
        Verdict::Stop => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::error::ServiceError;

    fn service(code: &str, status: u16) -> AwsError {
        AwsError::Service(ServiceError {
            code: code.into(),
            message: String::new(),
            request_id: None,
            status,
        })
    }

    fn transport(kind: TransportKind) -> AwsError {
        AwsError::Transport {
            endpoint: "http://127.0.0.1:1/".into(),
            detail: "x".into(),
            kind,
            attempts: 1,
        }
    }

    #[test]
    fn throttling_is_retried_for_every_call() {
        assert_eq!(
            classify(&service("TooManyRequestsException", 400)),
            Verdict::Throttled
        );
        assert!(should_retry(Verdict::Throttled, false));
        assert!(should_retry(Verdict::Retry, false));
    }

    #[test]
    fn faults_that_may_have_applied_are_retried_only_when_idempotent() {
        for e in [
            service("InternalErrorException", 500),
            service("Whatever", 503),
            transport(TransportKind::Timeout),
            transport(TransportKind::Broken),
            AwsError::Http {
                endpoint: "http://127.0.0.1:1/".into(),
                status: 503,
                attempts: 1,
            },
            AwsError::Truncated {
                operation: "ListUsers".into(),
                detail: "an empty body".into(),
                attempts: 1,
            },
        ] {
            let v = classify(&e);
            assert_eq!(v, Verdict::RetryIfIdempotent, "{e}");
            assert!(should_retry(v, true));
            assert!(!should_retry(v, false));
        }
        assert_eq!(classify(&transport(TransportKind::Connect)), Verdict::Retry);
    }

    #[test]
    fn client_errors_and_unsupported_operations_are_final() {
        assert_eq!(
            classify(&service("UserNotFoundException", 400)),
            Verdict::Stop
        );
        assert_eq!(
            classify(&service("InvalidParameterException", 400)),
            Verdict::Stop
        );
        let unsupported = AwsError::Unsupported {
            operation: "AdminListDevices".into(),
            status: 500,
            detail: "Unsupported, HTTP 500".into(),
        };
        assert_eq!(classify(&unsupported), Verdict::Stop);
        // Certificates and host names do not fix themselves between attempts.
        assert_eq!(classify(&transport(TransportKind::Tls)), Verdict::Stop);
        assert_eq!(classify(&transport(TransportKind::Dns)), Verdict::Stop);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        for _ in 0..200 {
            assert!(p.delay(0) <= Duration::from_millis(100));
            assert!(p.delay(1) <= Duration::from_millis(200));
            assert!(p.delay(10) <= Duration::from_millis(350));
        }
    }

    #[test]
    fn max_attempts_comes_from_the_environment() {
        let env = |k: &str| (k == "AWS_MAX_ATTEMPTS").then(|| "7".to_owned());
        assert_eq!(RetryPolicy::from_env(&env).max_attempts, 7);
        let zero = |k: &str| (k == "AWS_MAX_ATTEMPTS").then(|| "0".to_owned());
        assert_eq!(RetryPolicy::from_env(&zero).max_attempts, 1);
        assert_eq!(RetryPolicy::from_env(&|_| None).max_attempts, 5);
    }
}
