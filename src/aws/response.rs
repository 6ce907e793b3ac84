//! Reading an error answer: the JSON body AWS sends, the XML some endpoints send, or neither.

use reqwest::header::HeaderMap;

use super::error::{AwsError, ServiceError, bare_code};

/// The request id AWS (or a compatible endpoint) attached to an answer.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    ["x-amzn-requestid", "x-amz-request-id", "x-amzn-request-id"]
        .iter()
        .find_map(|name| headers.get(*name))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Codes with which endpoints say they do not know an operation: AWS's own, other emulators' (one
/// answers `Unsupported` with HTTP 500 and a JSON body), and the generic REST ones.
const UNSUPPORTED_CODES: &[&str] = &[
    "UnknownOperationException",
    "Unsupported",
    "NotImplemented",
    "InvalidAction",
];

/// Turns a non-2xx answer into a typed error. `answered_before`: this endpoint has already answered
/// this operation with a 2xx, so it implements it and a bare 5xx now is a fault, not a missing route.
pub fn error_from_response(
    endpoint: &str,
    operation: &str,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    answered_before: bool,
) -> AwsError {
    let header_code = headers
        .get("x-amzn-errortype")
        .and_then(|v| v.to_str().ok())
        .map(|c| bare_code(c).to_owned())
        .filter(|c| !c.is_empty());
    let request_id = request_id(headers);
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body) {
        let text = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| map.get(*k).and_then(serde_json::Value::as_str))
                .map(str::to_owned)
        };
        let body_code = text(&["__type", "code", "Code"]).map(|c| bare_code(&c).to_owned());
        if let Some(code) = header_code.clone().or(body_code) {
            let message = text(&["message", "Message", "errorMessage"]).unwrap_or_default();
            return coded_error(operation, status, code, message, request_id);
        }
    }
    let text = String::from_utf8_lossy(body);
    if let Some(code) = xml_element(&text, "Code").or(header_code) {
        let code = bare_code(&code).to_owned();
        let message = xml_element(&text, "Message").unwrap_or_default();
        let request_id = request_id.or_else(|| xml_element(&text, "RequestId"));
        return coded_error(operation, status, code, message, request_id);
    }
    match status {
        // moto answers an operation it lacks with an HTML 500 page. Only on the first call of an
        // operation is that the likelier reading: once the endpoint has answered it, a bare 500 is a
        // fault (a proxy, an overloaded server) and is retried like any 5xx.
        500 | 501 if !answered_before => AwsError::Unsupported {
            operation: operation.to_owned(),
            status,
            detail: format!("HTTP {status} without a JSON error, on the first call of {operation}"),
        },
        // A proxy or load balancer in the way, or a server fault: transient.
        500..=599 => AwsError::Http {
            endpoint: endpoint.to_owned(),
            status,
            attempts: 1,
        },
        _ => AwsError::Decode {
            operation: operation.to_owned(),
            status,
            detail: format!(
                "an error answer without an error code (is the endpoint URL right?): {}",
                snippet(&text)
            ),
        },
    }
}

/// The error an answer names by its code: the endpoint does not know the operation, or the service
/// refused the call.
fn coded_error(
    operation: &str,
    status: u16,
    code: String,
    message: String,
    request_id: Option<String>,
) -> AwsError {
    if UNSUPPORTED_CODES.contains(&code.as_str()) {
        return AwsError::Unsupported {
            operation: operation.to_owned(),
            status,
            detail: unsupported_detail(&code, &message, status),
        };
    }
    AwsError::Service(ServiceError {
        code,
        message,
        request_id,
        status,
    })
}

fn unsupported_detail(code: &str, message: &str, status: u16) -> String {
    let message = message.trim();
    if message.is_empty() {
        format!("{code}, HTTP {status}")
    } else {
        format!("{code}: {}, HTTP {status}", snippet(message))
    }
}

/// The text of the first `<name>…</name>` element, for the XML errors of IAM-style endpoints.
fn xml_element(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = text.find(&open)? + open.len();
    let len = text[start..].find(&close)?;
    let value = text[start..start + len].trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// The first line of a body, short, for an error message.
fn snippet(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("(empty body)");
    line.chars().take(120).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    const E: &str = "http://127.0.0.1:1/";

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn json_error_takes_code_from_the_header_first() {
        let h = headers(&[
            (
                "x-amzn-errortype",
                "UserNotFoundException:http://internal.amazon.com/",
            ),
            ("x-amzn-requestid", "req-1"),
        ]);
        let body = br#"{"__type":"com.amazonaws#Other","message":"User does not exist."}"#;
        let AwsError::Service(e) = error_from_response(E, "AdminGetUser", 400, &h, body, false)
        else {
            panic!("expected a service error");
        };
        assert_eq!(e.code, "UserNotFoundException");
        assert_eq!(e.message, "User does not exist.");
        assert_eq!(e.request_id.as_deref(), Some("req-1"));
        assert_eq!(e.status, 400);
    }

    #[test]
    fn json_error_without_header_uses_type() {
        let body = br#"{"__type":"aws.cognito#InvalidParameterException","Message":"bad"}"#;
        let err = error_from_response(E, "ListUsers", 400, &HeaderMap::new(), body, false);
        assert_eq!(err.code(), Some("InvalidParameterException"));
    }

    #[test]
    fn xml_error_as_moto_answers_signature_failures() {
        let body =
            b"<?xml version=\"1.0\"?><ErrorResponse><Error><Code>SignatureDoesNotMatch</Code>\
            <Message>The request signature we calculated does not match</Message></Error>\
            <RequestId>abc</RequestId></ErrorResponse>";
        let AwsError::Service(e) =
            error_from_response(E, "ListUserPools", 403, &HeaderMap::new(), body, false)
        else {
            panic!("expected a service error");
        };
        assert_eq!(e.code, "SignatureDoesNotMatch");
        assert!(e.message.starts_with("The request signature"));
        assert_eq!(e.request_id.as_deref(), Some("abc"));
    }

    #[test]
    fn html_500_means_the_endpoint_lacks_the_operation() {
        let body = b"<!doctype html><html><title>500 Internal Server Error</title></html>";
        let err = error_from_response(E, "AdminListDevices", 500, &HeaderMap::new(), body, false);
        assert!(
            matches!(err, AwsError::Unsupported { status: 500, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("AdminListDevices is not supported by this endpoint")
        );
        // Once the endpoint has answered the operation, the same page is a fault, not a missing route.
        let err = error_from_response(E, "ListUsers", 500, &HeaderMap::new(), body, true);
        assert!(matches!(err, AwsError::Http { status: 500, .. }), "{err:?}");
    }

    #[test]
    fn unknown_operation_codes_mean_unsupported_whatever_the_status() {
        for (status, body) in [
            (400, r#"{"__type":"UnknownOperationException"}"#),
            (
                500,
                r#"{"__type":"Unsupported","message":"API action 'AdminListDevices' for service 'cognito-idp' not yet implemented"}"#,
            ),
            (501, r#"{"Code":"NotImplemented","Message":"no"}"#),
            (400, r#"{"__type":"InvalidAction"}"#),
        ] {
            let err = error_from_response(
                E,
                "AdminListDevices",
                status,
                &HeaderMap::new(),
                body.as_bytes(),
                true,
            );
            let AwsError::Unsupported {
                operation,
                status: s,
                detail,
            } = &err
            else {
                panic!("{body}: expected Unsupported, got {err:?}");
            };
            assert_eq!((operation.as_str(), *s), ("AdminListDevices", status));
            assert!(!detail.is_empty());
            assert!(
                err.to_string()
                    .starts_with("AdminListDevices is not supported by this endpoint ("),
                "{err}"
            );
        }
    }

    #[test]
    fn gateway_errors_are_transient_and_other_bodies_are_decode_errors() {
        let err = error_from_response(
            E,
            "ListUsers",
            503,
            &HeaderMap::new(),
            b"<html>busy</html>",
            false,
        );
        assert!(matches!(err, AwsError::Http { status: 503, .. }), "{err:?}");
        assert!(err.to_string().contains(E), "{err}");
        assert!(!err.to_string().contains("could not reach"), "{err}");
        let err = error_from_response(
            E,
            "ListUsers",
            404,
            &HeaderMap::new(),
            b"Not Found\n",
            false,
        );
        assert!(
            matches!(err, AwsError::Decode { status: 404, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("Not Found"));
        let err = error_from_response(E, "ListUsers", 400, &HeaderMap::new(), b"{not json", false);
        assert!(matches!(err, AwsError::Decode { .. }), "{err:?}");
    }
}
