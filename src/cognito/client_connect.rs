//! What a client is built from (`ClientSettings`: the command line's choices) and how it is
//! resolved like the AWS CLI: region from the flag, env or profile; endpoint from the flag, env or
//! AWS; credentials from the chain or given; the CA bundle; and the quota scheduler its account
//! shares.

use std::sync::Arc;

use aws_credential_types::Credentials;

use super::{CognitoClient, TARGET_PREFIX};
use crate::aws::credentials::{profile_ca_bundle, profile_region};
use crate::aws::endpoint::{region_from_flag_or_env, resolve_endpoint, validate_region};
use crate::aws::quota::{Lane, Quotas, Scheduler};
use crate::aws::transport::{Timeouts, TransportOptions};
use crate::aws::{AwsError, CredentialSource, RetryPolicy, Transport};
use crate::cognito::audit::{ChangeObserver, MutationLog};

/// What the user chose on the command line; everything else comes from env and `~/.aws`.
#[derive(Debug, Clone, Default)]
pub struct ClientSettings {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    pub allow_insecure_http: bool,
    /// Fixed credentials instead of the chain (the built-in local server, tests).
    pub credentials: Option<Credentials>,
    /// Instead of the default policy (and `AWS_MAX_ATTEMPTS`).
    pub retry: Option<RetryPolicy>,
    /// Connect and read timeouts; the CLI's defaults when `None`.
    pub timeouts: Option<Timeouts>,
    /// Refuse every operation that is not a read, before it is sent.
    pub read_only: bool,
    /// Where every operation that is not a read is recorded (the audit journal).
    pub mutation_log: Option<Arc<dyn MutationLog>>,
    /// The endpoint is the built-in local server (`--local`).
    pub local: bool,
    /// Told of every change that succeeded (the local index applies them).
    pub change_observer: Option<Arc<dyn ChangeObserver>>,
    /// How to pace calls by Cognito's quotas: AWS's documented rates on AWS's endpoints, and
    /// otherwise only backing off when throttled, unless given.
    pub quotas: Option<Quotas>,
}

impl CognitoClient {
    /// Resolves region (flag, env, profile), endpoint (flag, env, AWS) and credentials.
    pub async fn connect(settings: &ClientSettings) -> Result<Self, AwsError> {
        let env = |k: &str| std::env::var(k).ok();
        let profile = settings
            .profile
            .clone()
            .or_else(|| env("AWS_PROFILE"))
            .filter(|p| !p.is_empty());
        let region = match region_from_flag_or_env(settings.region.as_deref(), &env) {
            Some(r) => r,
            None => profile_region(settings.profile.as_deref())
                .await
                .ok_or_else(|| AwsError::Config(no_region(profile.as_deref())))?,
        };
        validate_region(&region)?;
        let endpoint = resolve_endpoint(
            settings.endpoint_url.as_deref(),
            &region,
            settings.allow_insecure_http,
            &env,
        )?;
        let credentials = match &settings.credentials {
            Some(c) => CredentialSource::fixed(c.clone()),
            None => CredentialSource::from_chain(settings.profile.as_deref()).await,
        };
        let retry = settings
            .retry
            .unwrap_or_else(|| RetryPolicy::from_env(&env));
        // As the AWS CLI: AWS_CA_BUNDLE, else the profile's ca_bundle, replaces the trusted CAs.
        let ca_bundle = match env("AWS_CA_BUNDLE").filter(|p| !p.is_empty()) {
            Some(path) => Some(path),
            None if settings.local => None,
            None => profile_ca_bundle(profile.as_deref()).await,
        };
        let quotas = settings
            .quotas
            .clone()
            .unwrap_or_default()
            .for_endpoint(endpoint.is_aws);
        // One account's quota is shared by every client of it: approximated by endpoint, region
        // and profile, since the account id is not known without a call.
        let key = format!(
            "{}|{region}|{}",
            endpoint.url,
            profile.as_deref().unwrap_or_default()
        );
        let options = TransportOptions {
            retry,
            timeouts: settings.timeouts.unwrap_or_default(),
            ca_bundle: ca_bundle.map(|p| expand_home(&p, &env)),
            scheduler: Some(Scheduler::shared(&key, quotas)),
        };
        let transport = Transport::new(
            endpoint,
            region,
            Arc::new(credentials),
            &options,
            TARGET_PREFIX,
        )?;
        Ok(Self {
            transport: Arc::new(transport),
            profile,
            read_only: settings.read_only,
            mutation_log: settings.mutation_log.clone(),
            change_observer: settings.change_observer.clone(),
            local: settings.local,
            lane: Lane::Interactive,
        })
    }
}

/// `~/x` as the AWS CLI reads a `ca_bundle` path.
fn expand_home(path: &str, env: &dyn Fn(&str) -> Option<String>) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), env("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

/// Names the profile when one was chosen: a misspelt profile is the usual reason it has no region.
fn no_region(profile: Option<&str>) -> String {
    match profile {
        Some(p) => format!(
            "no region: profile `{p}` is not defined or sets no `region`; pass --region or set AWS_REGION"
        ),
        None => {
            "no region: pass --region, set AWS_REGION, or set `region` in the profile".to_owned()
        }
    }
}
