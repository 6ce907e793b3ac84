//! The real binary against a given server (moto, or a local server started in the test), with a
//! data dir of its own so the journal of each test can be read back.

use std::path::PathBuf;

use cognito_tui::cognito::CognitoClient;
use cognito_tui::cognito::edit::Target;
use serde_json::Value;

use super::{Run, one_line_failure, run_env};
use crate::common::backend::Server;

/// The binary pointed at one server.
pub struct Bin {
    url: String,
    data: tempfile::TempDir,
}

impl Bin {
    pub fn new(server: &Server) -> Self {
        Self {
            url: server.url.clone(),
            data: tempfile::tempdir().unwrap(),
        }
    }

    /// `cognito-tui ARGS --region us-east-1 --endpoint-url URL` (arguments as given: one may hold
    /// spaces).
    pub async fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        all.extend(
            [
                "--region",
                crate::common::REGION,
                "--endpoint-url",
                &self.url,
            ]
            .map(str::to_owned),
        );
        let data = self.data.path().display().to_string();
        run_env(all, "", &[("COGNITO_TUI_DATA_DIR", &data)]).await
    }

    /// The data directory the binary is given.
    pub fn data_dir(&self) -> &std::path::Path {
        self.data.path()
    }

    /// The arguments as one whitespace-separated line.
    pub async fn line(&self, line: &str) -> Run {
        let args: Vec<&str> = line.split_whitespace().collect();
        self.run(&args).await
    }

    /// A line that must succeed: its stdout.
    pub async fn ok(&self, line: &str) -> String {
        let run = self.line(line).await;
        assert_eq!(run.code, 0, "`{line}` failed: {}", run.stderr);
        run.stdout
    }

    /// A line that must fail with one line on stderr, nothing on stdout: that line.
    pub async fn fails(&self, line: &str) -> String {
        let run = self.line(line).await;
        one_line_failure(&run).to_owned()
    }

    /// The operations the journal recorded, oldest first.
    pub fn journal(&self) -> Vec<String> {
        let path: PathBuf = self.data.path().join("journal.jsonl");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        text.lines()
            .map(|l| {
                let entry: Value = serde_json::from_str(l).unwrap();
                entry["operation"].as_str().unwrap().to_owned()
            })
            .collect()
    }
}

/// The resource as a fresh read describes it, without the member every change moves.
pub async fn described(client: &CognitoClient, target: &Target) -> Value {
    let mut v = client.describe_resource(target).await.unwrap();
    if let Some(o) = v.as_object_mut() {
        o.remove("LastModifiedDate");
    }
    v
}
