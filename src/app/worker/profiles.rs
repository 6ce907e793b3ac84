//! Whether a profile named with `:profile` is in the AWS config files, read as the SDK reads them
//! (`AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config` and
//! `~/.aws/credentials`). A client built for a missing profile would be accepted silently and fail
//! later with "the credential provider was not enabled"; the check says so at once.

use aws_runtime::env_config::file::EnvConfigFiles;
use aws_types::os_shim_internal::{Env, Fs};

/// Where profiles are read from: the real environment and files, or given ones (tests).
#[derive(Debug, Clone)]
pub struct ProfileFiles {
    env: Env,
    fs: Fs,
}

impl ProfileFiles {
    pub fn real() -> Self {
        Self {
            env: Env::real(),
            fs: Fs::real(),
        }
    }

    /// A config and a credentials file with this content, and nothing else.
    pub fn given(config: &str, credentials: &str) -> Self {
        Self {
            env: Env::from_slice(&[
                ("AWS_CONFIG_FILE", "/aws/config"),
                ("AWS_SHARED_CREDENTIALS_FILE", "/aws/credentials"),
            ]),
            fs: Fs::from_slice(&[("/aws/config", config), ("/aws/credentials", credentials)]),
        }
    }

    /// `Ok` when either file has the profile; else what is wrong, in plain words.
    pub async fn check(&self, name: &str) -> Result<(), String> {
        let files = EnvConfigFiles::default();
        let profiles = aws_config::profile::load(&self.fs, &self.env, &files, None)
            .await
            .map_err(|e| format!("The AWS config files could not be read: {e}"))?;
        if profiles.get_profile(name).is_some() {
            return Ok(());
        }
        let path =
            |var: &str, default: &str| self.env.get(var).unwrap_or_else(|_| default.to_owned());
        Err(format!(
            "No profile {name:?} in {} or {}: the previous credentials stay",
            path("AWS_CONFIG_FILE", "~/.aws/config"),
            path("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "[default]\nregion = us-east-1\n[profile prod]\nregion = eu-west-1\n";
    const CREDENTIALS: &str = "[support]\naws_access_key_id = AKID\naws_secret_access_key = x\n";

    #[tokio::test]
    async fn a_profile_is_found_in_either_file() {
        let files = ProfileFiles::given(CONFIG, CREDENTIALS);
        for name in ["default", "prod", "support"] {
            assert_eq!(files.check(name).await, Ok(()), "{name}");
        }
    }

    #[tokio::test]
    async fn a_missing_profile_is_named_with_the_files_searched() {
        let files = ProfileFiles::given(CONFIG, CREDENTIALS);
        assert_eq!(
            files.check("nosuch").await,
            Err("No profile \"nosuch\" in /aws/config or /aws/credentials: the previous credentials stay".to_owned())
        );
        // `[prod]` in the config file is not a profile there: it must be `[profile prod]`.
        let files = ProfileFiles::given("[prod]\nregion = eu-west-1\n", "");
        assert!(files.check("prod").await.is_err());
        let files = ProfileFiles::given("", "");
        assert!(files.check("default").await.is_err());
    }

    mod reconnect {
        use aws_credential_types::Credentials;
        use tokio::sync::mpsc;

        use super::super::super::Worker;
        use super::*;
        use crate::app::action::Action;
        use crate::app::effect::{Effect, ProfileChoice};
        use crate::cognito::{ClientSettings, CognitoClient};

        /// A worker started with profile `start` and fixed credentials; nothing listens at the
        /// endpoint (a reconnect does not call it).
        async fn worker() -> (mpsc::Sender<Effect>, mpsc::Receiver<Action>) {
            let settings = ClientSettings {
                profile: Some("start".into()),
                region: Some("us-east-1".into()),
                endpoint_url: Some("http://127.0.0.1:9".into()),
                credentials: Some(Credentials::new("a", "b", None, None, "test")),
                ..ClientSettings::default()
            };
            let client = CognitoClient::connect(&settings).await.unwrap();
            let (effects, effect_rx) = mpsc::channel(8);
            let (action_tx, actions) = mpsc::channel(8);
            let files = ProfileFiles::given(CONFIG, CREDENTIALS);
            Worker::new(settings, client, false, action_tx)
                .with_profile_files(files)
                .spawn(effect_rx);
            (effects, actions)
        }

        fn profile_of(action: Option<Action>) -> Option<String> {
            match action {
                Some(Action::Connected(context)) => context.profile,
                other => panic!("not connected: {other:?}"),
            }
        }

        fn send(effects: &mpsc::Sender<Effect>, profile: ProfileChoice) {
            let region = None;
            effects
                .try_send(Effect::Reconnect { profile, region })
                .unwrap();
        }

        #[tokio::test]
        async fn a_missing_profile_is_refused_and_the_connection_stays() {
            let (effects, mut actions) = worker().await;
            send(&effects, ProfileChoice::Named("nosuch".into()));
            match actions.recv().await {
                Some(Action::ConnectFailed(e)) => {
                    assert!(e.text.starts_with("No profile \"nosuch\""), "{e:?}");
                }
                other => panic!("not refused: {other:?}"),
            }
            assert_eq!(profile_of(actions.recv().await).as_deref(), Some("start"));
        }

        #[tokio::test]
        async fn a_profile_that_exists_is_used_and_no_name_returns_to_the_start() {
            let (effects, mut actions) = worker().await;
            send(&effects, ProfileChoice::Named("prod".into()));
            assert_eq!(profile_of(actions.recv().await).as_deref(), Some("prod"));
            send(&effects, ProfileChoice::Keep);
            assert_eq!(profile_of(actions.recv().await).as_deref(), Some("prod"));
            send(&effects, ProfileChoice::AsStarted);
            assert_eq!(profile_of(actions.recv().await).as_deref(), Some("start"));
        }
    }
}
