//! A local server in-process and plain HTTP calls to it: no signing, no retries, no pacing, so a
//! test sees exactly what the server answers.

use cognito_tui::local::{Emulation, LocalServer, Options, Seed, StateLocation};
use serde_json::Value;

pub struct Server {
    server: LocalServer,
    http: reqwest::Client,
}

impl Server {
    pub async fn start(seed: Seed, emulation: Emulation) -> Self {
        let options = Options {
            emulation,
            ..Options::default()
        };
        let server = LocalServer::start_with(&StateLocation::Memory, seed, 0, options)
            .await
            .expect("the local server starts");
        Self {
            server,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    /// The HTTP status and the JSON answer (the error's `__type` and `message` on a refusal).
    pub async fn call(&self, operation: &str, input: &Value) -> (u16, Value) {
        let answer = self
            .http
            .post(self.server.url())
            .header("content-type", "application/x-amz-json-1.1")
            .header(
                "x-amz-target",
                format!("AWSCognitoIdentityProviderService.{operation}"),
            )
            .body(input.to_string())
            .send()
            .await
            .unwrap();
        let status = answer.status().as_u16();
        let body = answer.bytes().await.unwrap();
        (status, serde_json::from_slice(&body).unwrap())
    }

    pub async fn ok(&self, operation: &str, input: &Value) -> Value {
        let (status, body) = self.call(operation, input).await;
        assert_eq!(status, 200, "{operation}: {body}");
        body
    }
}
