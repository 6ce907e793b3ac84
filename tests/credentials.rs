//! Credential and region resolution of the real binary, proved by moto's signature checking: only
//! the one IAM key of `common::moto_auth()` is accepted, so a success shows that key was used, and
//! `SignatureDoesNotMatch` shows a wrong secret was (the key id alone is right).
//!
//! Every run has a cleared environment: PATH, HOME (an empty temp dir), no instance metadata, and
//! AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE pointing at files written per test.
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use common::fault::{Canned, serve};
use tempfile::TempDir;

struct Aws {
    _dir: TempDir,
    home: PathBuf,
    config: PathBuf,
    credentials: PathBuf,
    url: String,
}

/// The accepted key id and secret, and the same key id with a secret moto will refuse.
fn keys() -> (String, String, String) {
    let (_, key, secret) = common::moto_auth();
    let wrong = format!("{secret}wrong");
    (key, secret, wrong)
}

impl Aws {
    /// A temp dir with `config` and `credentials` files holding the given text.
    fn new(config: &str, credentials: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        std::fs::create_dir(&home).unwrap();
        let config_path = dir.path().join("config");
        let credentials_path = dir.path().join("credentials");
        std::fs::write(&config_path, config).unwrap();
        std::fs::write(&credentials_path, credentials).unwrap();
        Self {
            home,
            config: config_path,
            credentials: credentials_path,
            url: common::moto_auth().0,
            _dir: dir,
        }
    }

    fn dir(&self) -> &Path {
        self.config.parent().unwrap()
    }

    /// `cognito-tui --endpoint-url <auth moto> pools list --output json <args>`.
    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut all = vec!["pools", "list", "--output", "json"];
        all.extend_from_slice(args);
        self.exec(&self.url, &all, env)
    }

    /// `cognito-tui --endpoint-url <url> <args>` with only the given env vars.
    fn exec(&self, url: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::cargo_bin("cognito-tui").unwrap();
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", &self.config)
            .env("AWS_SHARED_CREDENTIALS_FILE", &self.credentials)
            .envs(env.iter().copied())
            .args(["--endpoint-url", url])
            .args(args);
        cmd.output().unwrap()
    }

    /// A credential_process script that prints `key`/`secret` and appends a line to `<name>.runs`.
    fn process_script(&self, name: &str, key: &str, secret: &str) -> String {
        let path = self.dir().join(name);
        let runs = self.dir().join(format!("{name}.runs"));
        let json = format!(r#"{{"Version":1,"AccessKeyId":"{key}","SecretAccessKey":"{secret}"}}"#);
        let text = format!(
            "#!/bin/sh\necho run >> '{}'\necho '{json}'\n",
            runs.display()
        );
        std::fs::write(&path, text).unwrap();
        make_executable(&path);
        path.display().to_string()
    }

    /// How many times the script `name` ran.
    fn process_runs(&self, name: &str) -> usize {
        std::fs::read_to_string(self.dir().join(format!("{name}.runs")))
            .map_or(0, |t| t.lines().count())
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
fn assert_success(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(out));
    let listing: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {:?}", out.stdout));
    assert!(listing.is_array() || listing.is_object(), "{listing}");
}

#[track_caller]
fn assert_refused(out: &Output, code: &str) {
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(out));
    let text = stderr(out);
    assert!(text.starts_with("error: "), "{text}");
    assert!(text.contains(code), "{text}");
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
}

/// `[name]` sections of a credentials file with a key id and secret.
fn static_profiles(profiles: &[(&str, &str, &str)]) -> String {
    profiles
        .iter()
        .map(|(name, key, secret)| {
            [
                "[",
                name,
                "]\naws_access_key_id = ",
                key,
                "\naws_secret_access_key = ",
                secret,
                "\n\n",
            ]
            .concat()
        })
        .collect()
}

const REGION: &[&str] = &["--region", "us-east-1"];

#[test]
fn a_static_profile_is_used_with_profile_flag() {
    let (key, secret, wrong) = keys();
    let aws = Aws::new(
        "",
        &static_profiles(&[("good", &key, &secret), ("bad", &key, &wrong)]),
    );
    assert_success(&aws.run(&["--profile", "good", "--region", "us-east-1"], &[]));
    // Same key id, wrong secret: the refusal proves that profile's secret signed the request.
    let out = aws.run(&["--profile", "bad", "--region", "us-east-1"], &[]);
    assert_refused(&out, "SignatureDoesNotMatch");
    // The plain-English meaning reaches the user, too.
    assert!(
        stderr(&out).contains("secret access key"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_credential_process_profile_is_run() {
    let (key, secret, wrong) = keys();
    let aws = Aws::new("", "");
    let config = format!(
        "[profile proc]\ncredential_process = {}\n\n[profile procbad]\ncredential_process = {}\n",
        aws.process_script("good.sh", &key, &secret),
        aws.process_script("bad.sh", &key, &wrong),
    );
    std::fs::write(&aws.config, config).unwrap();
    assert_success(&aws.run(&["--profile", "proc", "--region", "us-east-1"], &[]));
    assert_eq!(aws.process_runs("good.sh"), 1);
    let out = aws.run(&["--profile", "procbad", "--region", "us-east-1"], &[]);
    assert_refused(&out, "SignatureDoesNotMatch");
    assert_eq!(aws.process_runs("bad.sh"), 1);
}

#[test]
fn credentials_are_cached_and_refetched_after_an_expired_token() {
    // The scripted server of `common::fault` stands in for Cognito; `pools describe NAME` makes
    // two calls (ListUserPools to find the id, then DescribeUserPool).
    let pools = r#"{"UserPools":[{"Id":"us-east-1_Abc123","Name":"main"}]}"#;
    let pool = r#"{"UserPool":{"Id":"us-east-1_Abc123","Name":"main"}}"#;
    let expired = r#"{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}"#;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let aws = Aws::new("", "");
    let config = format!(
        "[profile proc]\nregion = us-east-1\ncredential_process = {}\n",
        aws.process_script("creds.sh", "AKIDPROC", "secret")
    );
    std::fs::write(&aws.config, config).unwrap();
    let args = ["--profile", "proc", "pools", "describe", "main"];

    let server = runtime.block_on(serve(vec![
        Canned::json(200, pools),
        Canned::json(200, pool),
    ]));
    let out = aws.exec(&server.url, &args, &[]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(server.received.lock().unwrap().len(), 2);
    assert_eq!(aws.process_runs("creds.sh"), 1, "one run for two calls");

    let server = runtime.block_on(serve(vec![
        Canned::json(400, expired),
        Canned::json(200, pools),
        Canned::json(200, pool),
    ]));
    let out = aws.exec(&server.url, &args, &[]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let sent = server.received.lock().unwrap().clone();
    assert_eq!(sent.len(), 3);
    assert!(
        sent.iter().all(|r| r
            .header("authorization")
            .is_some_and(|a| a.contains("Credential=AKIDPROC/"))),
        "{sent:?}"
    );
    assert_eq!(
        aws.process_runs("creds.sh"),
        3,
        "run again after ExpiredTokenException"
    );
}

#[test]
fn env_keys_are_used_without_a_profile() {
    let (key, secret, wrong) = keys();
    let aws = Aws::new("", "");
    let good = [
        ("AWS_ACCESS_KEY_ID", key.as_str()),
        ("AWS_SECRET_ACCESS_KEY", secret.as_str()),
    ];
    assert_success(&aws.run(REGION, &good));
    let bad = [
        ("AWS_ACCESS_KEY_ID", key.as_str()),
        ("AWS_SECRET_ACCESS_KEY", wrong.as_str()),
    ];
    assert_refused(&aws.run(REGION, &bad), "SignatureDoesNotMatch");
    let unknown = [
        ("AWS_ACCESS_KEY_ID", "AKIANOSUCHKEY0000000"),
        ("AWS_SECRET_ACCESS_KEY", secret.as_str()),
    ];
    assert_refused(&aws.run(REGION, &unknown), "InvalidClientTokenId");
}

#[test]
fn blank_or_half_env_keys_fall_through_to_the_profile() {
    // As the chain's env link: a blank value is no value, and the next link (the profile) answers.
    let (key, secret, wrong) = keys();
    let aws = Aws::new("", &static_profiles(&[("default", &key, &secret)]));
    let blank = [
        ("AWS_ACCESS_KEY_ID", key.as_str()),
        ("AWS_SECRET_ACCESS_KEY", " "),
    ];
    assert_success(&aws.run(REGION, &blank));
    assert_success(&aws.run(REGION, &[("AWS_SECRET_ACCESS_KEY", wrong.as_str())]));
}

#[test]
fn the_profile_flag_beats_env_keys() {
    let (key, secret, wrong) = keys();
    let aws = Aws::new("", &static_profiles(&[("good", &key, &secret)]));
    let wrong_env = [
        ("AWS_ACCESS_KEY_ID", key.as_str()),
        ("AWS_SECRET_ACCESS_KEY", wrong.as_str()),
    ];
    assert_success(&aws.run(&["--profile", "good", "--region", "us-east-1"], &wrong_env));
}

#[test]
fn aws_profile_selects_the_profile_when_no_env_keys_are_set() {
    let (key, secret, wrong) = keys();
    let aws = Aws::new(
        "",
        &static_profiles(&[
            ("default", &key, &wrong),
            ("good", &key, &secret),
            ("bad", &key, &wrong),
        ]),
    );
    assert_success(&aws.run(REGION, &[("AWS_PROFILE", "good")]));
    assert_refused(
        &aws.run(REGION, &[("AWS_PROFILE", "bad")]),
        "SignatureDoesNotMatch",
    );
    // Without AWS_PROFILE the `default` profile is used (its secret is wrong here).
    assert_refused(&aws.run(REGION, &[]), "SignatureDoesNotMatch");
}

#[test]
fn env_keys_beat_aws_profile() {
    // As in the AWS CLI: AWS_PROFILE only names the profile the chain reaches after env keys.
    let (key, secret, wrong) = keys();
    let aws = Aws::new("", &static_profiles(&[("good", &key, &secret)]));
    let env = [
        ("AWS_PROFILE", "good"),
        ("AWS_ACCESS_KEY_ID", key.as_str()),
        ("AWS_SECRET_ACCESS_KEY", wrong.as_str()),
    ];
    assert_refused(&aws.run(REGION, &env), "SignatureDoesNotMatch");
}

#[test]
fn a_missing_profile_is_named_in_the_error() {
    let (key, secret, _) = keys();
    let aws = Aws::new(
        "[profile other]\nregion = us-east-1\n",
        &static_profiles(&[("good", &key, &secret)]),
    );
    let out = aws.run(&["--profile", "nosuch", "--region", "us-east-1"], &[]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let text = stderr(&out);
    assert!(text.starts_with("error: "), "{text}");
    assert!(text.contains("nosuch"), "{text}");
    assert!(text.contains("credentials"), "{text}");
    assert_eq!(text.trim_end().lines().count(), 1, "one line: {text}");
}

#[test]
fn a_missing_profile_is_named_even_without_a_region() {
    // Like the AWS CLI ("The config profile (nosuch) could not be found"): the profile the user
    // named does not exist, which matters more than the region it would have supplied.
    let (key, secret, _) = keys();
    let aws = Aws::new(
        "[profile good]\nregion = us-east-1\n",
        &static_profiles(&[("good", &key, &secret)]),
    );
    let out = aws.run(&["--profile", "nosuch"], &[]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    assert!(stderr(&out).contains("nosuch"), "{}", stderr(&out));
}

#[test]
fn the_region_comes_from_the_profile() {
    let (key, secret, _) = keys();
    let aws = Aws::new(
        "[profile good]\nregion = us-east-1\n",
        &static_profiles(&[("good", &key, &secret)]),
    );
    // No --region and no AWS_REGION / AWS_DEFAULT_REGION.
    assert_success(&aws.run(&["--profile", "good"], &[]));
    assert_success(&aws.run(&[], &[("AWS_PROFILE", "good")]));
    // A profile without a region: a clear error, not a guess.
    let aws = Aws::new("", &static_profiles(&[("good", &key, &secret)]));
    let out = aws.run(&["--profile", "good"], &[]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    assert!(stderr(&out).contains("--region"), "{}", stderr(&out));
}

#[test]
fn a_region_in_the_profile_is_the_one_signed_and_used() {
    // moto keeps pools per region, and reads the region from the credential scope: a pool made in
    // eu-west-1 is listed only when the profile's eu-west-1 is what the binary signs with.
    let (url, key, secret) = common::moto_auth();
    let name = common::unique("profile-region");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let settings = cognito_tui::cognito::ClientSettings {
            region: Some("eu-west-1".to_owned()),
            endpoint_url: Some(url),
            credentials: Some(aws_credential_types::Credentials::new(
                &key, &secret, None, None, "test",
            )),
            ..Default::default()
        };
        let client = cognito_tui::cognito::CognitoClient::connect(&settings)
            .await
            .unwrap();
        client
            .call_json("CreateUserPool", &serde_json::json!({ "PoolName": name }))
            .await
            .unwrap();
    });
    let aws = Aws::new(
        "[profile west]\nregion = eu-west-1\n\n[profile east]\nregion = us-east-1\n",
        &static_profiles(&[("west", &key, &secret), ("east", &key, &secret)]),
    );
    let west = aws.run(&["--profile", "west"], &[]);
    assert_success(&west);
    assert!(String::from_utf8_lossy(&west.stdout).contains(&name));
    let east = aws.run(&["--profile", "east"], &[]);
    assert_success(&east);
    assert!(!String::from_utf8_lossy(&east.stdout).contains(&name));
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}
