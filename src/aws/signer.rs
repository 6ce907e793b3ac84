//! SigV4 for Cognito (signing name `cognito-idp`), over the exact bytes that are sent.

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;

use super::error::AwsError;

pub const SIGNING_NAME: &str = "cognito-idp";

/// One header the signer adds (`authorization`, `x-amz-date`, `x-amz-security-token`).
#[derive(Clone, PartialEq, Eq)]
pub struct SignedHeader {
    pub name: &'static str,
    pub value: String,
    /// Authorization and the session token: never printed.
    pub sensitive: bool,
}

impl std::fmt::Debug for SignedHeader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = if self.sensitive {
            "** redacted **"
        } else {
            &self.value
        };
        write!(f, "{}: {value}", self.name)
    }
}

/// Signs a POST of `body` to `url` with `headers` (lower-case names, sent with identical values).
pub fn sign_request(
    credentials: &Credentials,
    region: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    time: SystemTime,
) -> Result<Vec<SignedHeader>, AwsError> {
    let identity = credentials.clone().into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(SIGNING_NAME)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| AwsError::Signing(e.to_string()))?
        .into();
    let signable = SignableRequest::new(
        "POST",
        url,
        headers.iter().copied(),
        SignableBody::Bytes(body),
    )
    .map_err(|e| AwsError::Signing(e.to_string()))?;
    let (instructions, _signature) = sign(signable, &params)
        .map_err(|e| AwsError::Signing(e.to_string()))?
        .into_parts();
    let (signed, _params) = instructions.into_parts();
    Ok(signed
        .into_iter()
        .map(|h| SignedHeader {
            name: h.name(),
            value: h.value().to_owned(),
            sensitive: h.sensitive() || h.name() == "authorization",
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const URL: &str = "https://cognito-idp.us-east-1.amazonaws.com/";
    const HEADERS: &[(&str, &str)] = &[
        ("content-type", "application/x-amz-json-1.1"),
        (
            "x-amz-target",
            "AWSCognitoIdentityProviderService.ListUserPools",
        ),
    ];

    fn at_1700000000() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)
    }

    fn signature_of(headers: &[SignedHeader]) -> &str {
        let auth = headers
            .iter()
            .find(|h| h.name == "authorization")
            .map(|h| h.value.as_str())
            .unwrap();
        auth.rsplit("Signature=").next().unwrap()
    }

    /// The known-answer request: ListUserPools `{"MaxResults":10}` at 1700000000 with the example key.
    fn sign_example(session_token: Option<&str>) -> Vec<SignedHeader> {
        let creds = Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            session_token.map(str::to_owned),
            None,
            "test",
        );
        let body = br#"{"MaxResults":10}"#;
        sign_request(&creds, "us-east-1", URL, HEADERS, body, at_1700000000()).unwrap()
    }

    // Known-answer vectors cross-checked against botocore's SigV4Auth (../shared/DEPS.md).
    #[test]
    fn known_answer_without_session_token() {
        let signed = sign_example(None);
        assert_eq!(
            signature_of(&signed),
            "1c0af0fd292a73df84400aa4442f819490a8f11b2b611e857f20da7bcd05cee5"
        );
        let auth = &signed
            .iter()
            .find(|h| h.name == "authorization")
            .unwrap()
            .value;
        assert!(
            auth.contains("Credential=AKIDEXAMPLE/20231114/us-east-1/cognito-idp/aws4_request")
        );
        assert!(auth.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target"));
        let date = signed.iter().find(|h| h.name == "x-amz-date").unwrap();
        assert_eq!(date.value, "20231114T221320Z");
        assert!(!signed.iter().any(|h| h.name == "x-amz-security-token"));
    }

    #[test]
    fn known_answer_with_session_token() {
        let signed = sign_example(Some("FQoGZXIvYXdzEXAMPLETOKEN"));
        assert_eq!(
            signature_of(&signed),
            "9a18349da3fb134ddbf6b1eb9e0ee49bb108f79b3c8c682abbfd6bce624193c1"
        );
        let token = signed
            .iter()
            .find(|h| h.name == "x-amz-security-token")
            .unwrap();
        assert!(token.sensitive);
        let shown = format!("{signed:?}");
        assert!(!shown.contains("FQoGZXIvYXdzEXAMPLETOKEN"), "{shown}");
        assert!(!shown.contains("Signature="), "{shown}");
    }

    #[test]
    fn a_different_body_gives_a_different_signature() {
        let creds = Credentials::new("AKIDEXAMPLE", "secret", None, None, "test");
        let a = sign_request(&creds, "us-east-1", URL, HEADERS, b"{}", at_1700000000()).unwrap();
        let b = sign_request(&creds, "us-east-1", URL, HEADERS, b"{ }", at_1700000000()).unwrap();
        assert_ne!(signature_of(&a), signature_of(&b));
    }
}
