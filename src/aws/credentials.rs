//! Credentials resolved like the AWS CLI (aws-config's chain), cached until shortly before they expire.

use std::error::Error as _;
use std::time::{Duration, SystemTime};

use aws_config::environment::credentials::EnvironmentVariableCredentialsProvider;
use aws_config::meta::region::ProvideRegion as _;
use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials as _, SharedCredentialsProvider};

use super::error::AwsError;

/// Credentials are refetched this long before they expire, so a request never leaves with stale ones.
const REFRESH_MARGIN: Duration = Duration::from_mins(5);

/// A credentials provider plus a cache: aws-config only caches inside generated SDK clients.
#[derive(Debug)]
pub struct CredentialSource {
    provider: SharedCredentialsProvider,
    profile: Option<String>,
    cache: tokio::sync::Mutex<Option<Credentials>>,
}

impl CredentialSource {
    /// `--profile P` reads that profile only (it must beat env keys, as in the AWS CLI); without it,
    /// the default chain: env keys, `AWS_PROFILE` or `default` (static, SSO, assume-role,
    /// credential_process), web identity, ECS, instance metadata.
    pub async fn from_chain(profile: Option<&str>) -> Self {
        let provider = match profile {
            Some(p) => SharedCredentialsProvider::new(
                aws_config::profile::ProfileFileCredentialsProvider::builder()
                    .profile_name(p)
                    .build(),
            ),
            None => default_chain().await,
        };
        Self {
            provider,
            profile: profile.map(str::to_owned),
            cache: tokio::sync::Mutex::new(None),
        }
    }

    /// Fixed credentials (the built-in local server, tests).
    pub fn fixed(credentials: Credentials) -> Self {
        Self {
            provider: SharedCredentialsProvider::new(credentials),
            profile: None,
            cache: tokio::sync::Mutex::new(None),
        }
    }

    /// Cached credentials, refetched when they are within five minutes of expiry.
    pub async fn get(&self) -> Result<Credentials, AwsError> {
        let mut cached = self.cache.lock().await;
        if let Some(c) = cached.as_ref().filter(|c| is_fresh(c, SystemTime::now())) {
            return Ok(c.clone());
        }
        let fresh = self
            .provider
            .provide_credentials()
            .await
            .map_err(|e| AwsError::Credentials(self.explain(&e)))?;
        *cached = Some(fresh.clone());
        Ok(fresh)
    }

    /// Drops the cache, after the service said the credentials expired.
    pub async fn invalidate(&self) {
        *self.cache.lock().await = None;
    }

    fn explain(&self, err: &aws_credential_types::provider::error::CredentialsError) -> String {
        let mut text = err.to_string();
        let mut source = err.source();
        while let Some(s) = source {
            let part = s.to_string();
            if !text.contains(&part) {
                text.push_str(": ");
                text.push_str(&part);
            }
            source = s.source();
        }
        let which = self.profile.as_deref().map_or_else(
            || "the default credential chain".to_owned(),
            |p| format!("profile `{p}`"),
        );
        if text.contains("SSO token") {
            let login = self.profile.as_deref().map_or_else(
                || "aws sso login".to_owned(),
                |p| format!("aws sso login --profile {p}"),
            );
            text.push_str(" (the SSO session has expired or never started: run `");
            text.push_str(&login);
            text.push_str("`)");
        }
        format!("no usable credentials from {which}: {text}")
    }
}

/// The default chain; only its first link, env keys, when they answer. The chain would return
/// them too, and building the rest of it (an STS client for web identity, which reads every root
/// certificate) was 7 of the 19 ms of CPU a short command took.
async fn default_chain() -> SharedCredentialsProvider {
    let env = EnvironmentVariableCredentialsProvider::new();
    if env.provide_credentials().await.is_ok() {
        return SharedCredentialsProvider::new(env);
    }
    SharedCredentialsProvider::new(
        aws_config::default_provider::credentials::DefaultCredentialsChain::builder()
            .build()
            .await,
    )
}

fn is_fresh(c: &Credentials, now: SystemTime) -> bool {
    c.expiry().is_none_or(|t| t > now + REFRESH_MARGIN)
}

/// The region named by a profile (`--profile`, else `AWS_PROFILE`, else `default`) in `~/.aws/config`.
pub async fn profile_region(profile: Option<&str>) -> Option<String> {
    let mut builder = aws_config::profile::ProfileFileRegionProvider::builder();
    if let Some(p) = profile {
        builder = builder.profile_name(p);
    }
    builder
        .build()
        .region()
        .await
        .map(|r| r.as_ref().to_owned())
}

/// The `ca_bundle` a profile (`--profile`, else `AWS_PROFILE`, else `default`) names, as the AWS
/// CLI reads it from `~/.aws/config`.
pub async fn profile_ca_bundle(profile: Option<&str>) -> Option<String> {
    // The default files: `~/.aws/config`, `~/.aws/credentials`, or as the env names them.
    let set = aws_config::profile::load(
        &aws_types::os_shim_internal::Fs::real(),
        &aws_types::os_shim_internal::Env::real(),
        &aws_runtime::env_config::file::EnvConfigFiles::default(),
        profile.map(|p| std::borrow::Cow::Owned(p.to_owned())),
    )
    .await
    .ok()?;
    set.get("ca_bundle")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds(expiry: Option<SystemTime>) -> Credentials {
        Credentials::new("AKIDTEST", "secret-value", None, expiry, "test")
    }

    #[test]
    fn freshness_honours_the_refresh_margin() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert!(is_fresh(&creds(None), now));
        assert!(is_fresh(&creds(Some(now + Duration::from_hours(1))), now));
        assert!(!is_fresh(&creds(Some(now + Duration::from_mins(1))), now));
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let source = CredentialSource::fixed(Credentials::new(
            "AKIDTEST",
            "wJalrXUtnFEMI-secret",
            Some("session-token-value".into()),
            None,
            "test",
        ));
        let text = format!("{source:?} {:?}", creds(None));
        assert!(!text.contains("wJalrXUtnFEMI-secret"), "{text}");
        assert!(!text.contains("session-token-value"), "{text}");
        assert!(!text.contains("secret-value"), "{text}");
    }
}
