//! Where requests go: the endpoint URL and signing region, resolved like the AWS CLI does.

use super::error::AwsError;

/// A resolved endpoint: the URL to POST to and whether it is AWS itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub url: reqwest::Url,
    /// True when no override was given and the request goes to `cognito-idp.<region>.amazonaws.com`.
    pub is_aws: bool,
}

/// Endpoint inputs in precedence order; `env` reads the process environment (injected for tests).
pub fn resolve_endpoint(
    flag: Option<&str>,
    region: &str,
    allow_insecure_http: bool,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Endpoint, AwsError> {
    let chosen = flag
        .map(str::to_owned)
        .or_else(|| env("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"))
        .or_else(|| env("AWS_ENDPOINT_URL"))
        .filter(|u| !u.trim().is_empty());
    let Some(raw) = chosen else {
        let url = format!("https://cognito-idp.{region}.amazonaws.com/");
        let url = reqwest::Url::parse(&url)
            .map_err(|e| AwsError::Config(format!("region {region:?} gives no valid URL: {e}")))?;
        return Ok(Endpoint { url, is_aws: true });
    };
    let url = reqwest::Url::parse(raw.trim())
        .map_err(|e| AwsError::Config(format!("endpoint URL {raw:?} is not a valid URL: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) || allow_insecure_http => {}
        "http" => {
            return Err(AwsError::Config(format!(
                "endpoint {url} uses plain http to a non-loopback host; credentials and passwords \
                 would cross the network unencrypted. Use https, or pass --allow-insecure-http"
            )));
        }
        other => {
            return Err(AwsError::Config(format!(
                "endpoint {url} has scheme {other:?}; only https (or http on loopback) is supported"
            )));
        }
    }
    Ok(Endpoint { url, is_aws: false })
}

/// The region from the flag, then `AWS_REGION`, then `AWS_DEFAULT_REGION` (the profile comes after, in the caller).
pub fn region_from_flag_or_env(
    flag: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    flag.map(str::to_owned)
        .or_else(|| env("AWS_REGION"))
        .or_else(|| env("AWS_DEFAULT_REGION"))
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
}

/// Checks a region looks like one (`us-east-1`, `eu-central-2`, `us-gov-west-1`), so it cannot inject into a URL.
pub fn validate_region(region: &str) -> Result<(), AwsError> {
    let ok = !region.is_empty()
        && region.len() <= 32
        && region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !region.starts_with('-')
        && !region.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(AwsError::Config(format!(
            "{region:?} is not a valid AWS region name (expected something like us-east-1)"
        )))
    }
}

fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn default_endpoint_is_the_regional_aws_one() {
        let e = resolve_endpoint(None, "eu-west-1", false, &env_of(&[])).unwrap();
        assert_eq!(
            e.url.as_str(),
            "https://cognito-idp.eu-west-1.amazonaws.com/"
        );
        assert!(e.is_aws);
    }

    #[test]
    fn flag_beats_service_env_beats_global_env() {
        let env = env_of(&[
            (
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                "http://127.0.0.1:2/",
            ),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:3/"),
        ]);
        let e = resolve_endpoint(Some("http://127.0.0.1:1/"), "us-east-1", false, &env).unwrap();
        assert_eq!(e.url.port(), Some(1));
        assert!(!e.is_aws);
        let e = resolve_endpoint(None, "us-east-1", false, &env).unwrap();
        assert_eq!(e.url.port(), Some(2));
        let only_global = env_of(&[("AWS_ENDPOINT_URL", "http://localhost:3/")]);
        let e = resolve_endpoint(None, "us-east-1", false, &only_global).unwrap();
        assert_eq!(e.url.port(), Some(3));
    }

    #[test]
    fn plain_http_is_only_for_loopback_unless_allowed() {
        let none = env_of(&[]);
        for ok in [
            "http://127.0.0.1:5000",
            "http://localhost:9229",
            "http://[::1]:80/",
        ] {
            assert!(
                resolve_endpoint(Some(ok), "us-east-1", false, &none).is_ok(),
                "{ok}"
            );
        }
        let err = resolve_endpoint(Some("http://10.0.0.5:5000"), "us-east-1", false, &none)
            .unwrap_err()
            .to_string();
        assert!(err.contains("--allow-insecure-http"), "{err}");
        assert!(resolve_endpoint(Some("http://10.0.0.5:5000"), "us-east-1", true, &none).is_ok());
        assert!(resolve_endpoint(Some("ftp://x"), "us-east-1", true, &none).is_err());
        assert!(resolve_endpoint(Some("not a url"), "us-east-1", true, &none).is_err());
    }

    #[test]
    fn region_precedence_and_validation() {
        let env = env_of(&[
            ("AWS_REGION", "eu-west-1"),
            ("AWS_DEFAULT_REGION", "us-west-2"),
        ]);
        assert_eq!(
            region_from_flag_or_env(Some("ap-south-1"), &env).as_deref(),
            Some("ap-south-1")
        );
        assert_eq!(
            region_from_flag_or_env(None, &env).as_deref(),
            Some("eu-west-1")
        );
        let env = env_of(&[("AWS_DEFAULT_REGION", "us-west-2")]);
        assert_eq!(
            region_from_flag_or_env(None, &env).as_deref(),
            Some("us-west-2")
        );
        assert_eq!(region_from_flag_or_env(None, &env_of(&[])), None);
        assert!(validate_region("us-gov-west-1").is_ok());
        assert!(validate_region("evil.com/x").is_err());
        assert!(validate_region("").is_err());
    }
}
