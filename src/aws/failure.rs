//! Telling connection failures apart (refused, no such host, certificate, timeout, broken) and saying
//! each in words a person can act on.

use std::error::Error as StdError;

use rustls::CertificateError;

use super::error::{AwsError, TransportKind};
use super::retry::{Verdict, classify};
use super::transport::Timeouts;

const CA_HINT: &str = "pass a CA bundle with AWS_CA_BUNDLE or ca_bundle in the profile";

/// What kind of failure a reqwest error is, and a sentence for it.
pub fn connection_failure(
    e: &reqwest::Error,
    url: &reqwest::Url,
    timeouts: Timeouts,
) -> (TransportKind, String) {
    let host = url.host_str().unwrap_or("the endpoint").to_owned();
    if let Some(tls) = chain(e).find_map(as_rustls) {
        return (TransportKind::Tls, certificate_text(tls, &host));
    }
    let text = chain_text(e);
    if text.contains("dns error") || text.contains("failed to lookup address") {
        return (
            TransportKind::Dns,
            format!("{host} does not resolve (check the region and the endpoint URL)"),
        );
    }
    if e.is_connect() {
        let detail = match timeouts.connect {
            Some(t) if e.is_timeout() || text.contains("timed out") => format!(
                "no connection within {} (--connect-timeout)",
                seconds(t.as_secs_f64())
            ),
            _ => root_cause(e),
        };
        return (TransportKind::Connect, detail);
    }
    if e.is_timeout() {
        let detail = timeouts.read.map_or_else(
            || "timed out".to_owned(),
            |t| {
                format!(
                    "nothing arrived within {} (--read-timeout)",
                    seconds(t.as_secs_f64())
                )
            },
        );
        return (TransportKind::Timeout, detail);
    }
    (TransportKind::Broken, root_cause(e))
}

/// The innermost message, which says what happened ("Connection refused"), where reqwest's own
/// repeats the URL and hyper's says only "client error (Connect)".
fn root_cause(e: &reqwest::Error) -> String {
    chain(e)
        .last()
        .map_or_else(|| e.to_string(), ToString::to_string)
}

/// A few words on why a call is being retried, for a pane or stderr.
pub fn reason(err: &AwsError) -> String {
    match err {
        AwsError::Service(e) if classify(err) == Verdict::Throttled => {
            format!("throttled ({})", e.code)
        }
        AwsError::Service(e) => format!("{} (HTTP {})", e.code, e.status),
        AwsError::Transport { kind, .. } => match kind {
            TransportKind::Connect => "could not connect",
            TransportKind::Dns => "no such host",
            TransportKind::Tls => "certificate refused",
            TransportKind::Timeout => "no answer in time",
            TransportKind::Broken => "the connection broke",
        }
        .to_owned(),
        AwsError::Http { status, .. } => format!("HTTP {status}"),
        AwsError::Truncated { .. } => "the answer was cut off".to_owned(),
        other => other.to_string(),
    }
}

fn seconds(s: f64) -> String {
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

fn certificate_text(err: &rustls::Error, host: &str) -> String {
    match err {
        rustls::Error::InvalidCertificate(cert) => match cert {
            CertificateError::UnknownIssuer => format!(
                "the server's certificate is self-signed or issued by an authority this machine \
                 does not trust; {CA_HINT}"
            ),
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                "the server's certificate has expired".to_owned()
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                "the server's certificate is not valid yet (is this machine's clock right?)"
                    .to_owned()
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                format!("the server's certificate is not valid for the name {host}")
            }
            CertificateError::Revoked => "the server's certificate has been revoked".to_owned(),
            other => format!("the server's certificate was refused ({other:?}); {CA_HINT}"),
        },
        other => format!("the TLS handshake failed: {other}"),
    }
}

/// The error and its sources, looking inside `io::Error`s, whose `source()` skips the error they wrap.
fn chain<'a>(
    e: &'a (dyn StdError + 'static),
) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    let mut next: Option<&'a (dyn StdError + 'static)> = Some(e);
    std::iter::from_fn(move || {
        let current = next?;
        next = match current.downcast_ref::<std::io::Error>() {
            Some(io) => io
                .get_ref()
                .map(|inner| inner as &(dyn StdError + 'static))
                .or_else(|| current.source()),
            None => current.source(),
        };
        Some(current)
    })
}

fn as_rustls<'a>(e: &'a (dyn StdError + 'static)) -> Option<&'a rustls::Error> {
    e.downcast_ref::<rustls::Error>()
}

/// Every distinct message of the chain, joined: reqwest's own says little ("error sending request").
fn chain_text(e: &reqwest::Error) -> String {
    let mut text = String::new();
    for part in chain(e).map(ToString::to_string) {
        if !text.contains(&part) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&part);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_errors_say_what_to_do() {
        let untrusted = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        let text = certificate_text(&untrusted, "localhost");
        assert!(text.contains("self-signed"), "{text}");
        assert!(text.contains("AWS_CA_BUNDLE"), "{text}");
        let wrong_name = rustls::Error::InvalidCertificate(CertificateError::NotValidForName);
        assert_eq!(
            certificate_text(&wrong_name, "cognito-idp.example"),
            "the server's certificate is not valid for the name cognito-idp.example"
        );
    }

    #[test]
    fn the_chain_looks_inside_io_errors() {
        let tls = rustls::Error::InvalidCertificate(CertificateError::Expired);
        let io = std::io::Error::other(tls);
        let found = chain(&io).find_map(as_rustls);
        assert!(
            matches!(
                found,
                Some(rustls::Error::InvalidCertificate(CertificateError::Expired))
            ),
            "{found:?}"
        );
    }

    #[test]
    fn seconds_are_written_plainly() {
        assert_eq!(seconds(15.0), "15 s");
        assert_eq!(seconds(0.5), "0.5 s");
    }
}
