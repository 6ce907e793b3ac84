//! The servers the console suite runs against: moto (started by scripts/test.sh) and the built-in
//! local server (started in the test, its state in memory, empty). `on_both!` runs one journey
//! against each.

use cognito_tui::cognito::CognitoClient;
use cognito_tui::local::{LocalServer, Seed, StateLocation};

/// Which server a test talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Moto,
    Local,
}

/// A started server: its URL, and the local server kept alive for the test's length.
#[derive(Debug)]
pub struct Server {
    pub backend: Backend,
    pub url: String,
    _local: Option<LocalServer>,
}

impl Backend {
    pub async fn start(self) -> Server {
        match self {
            Self::Moto => Server {
                backend: self,
                url: super::moto_url(),
                _local: None,
            },
            Self::Local => {
                let local = LocalServer::start(&StateLocation::Memory, Seed::Empty, 0)
                    .await
                    .expect("the local server starts");
                Server {
                    backend: self,
                    url: local.url(),
                    _local: Some(local),
                }
            }
        }
    }
}

impl Server {
    pub fn is_moto(&self) -> bool {
        self.backend == Backend::Moto
    }

    pub async fn client(&self) -> CognitoClient {
        super::client_for(&self.url, "testing", "testing").await
    }
}

/// For each `async fn name(backend: Backend)`, a module `name` with two tests: `on_moto` and
/// `on_local`. `flavor` picks the runtime (`multi_thread` for the tmux journeys, which block).
#[macro_export]
macro_rules! on_both {
    ($flavor:literal: $($name:ident),+ $(,)?) => {
        $(
            mod $name {
                use super::common::backend::Backend;

                #[tokio::test(flavor = $flavor)]
                async fn on_moto() {
                    super::$name(Backend::Moto).await;
                }

                #[tokio::test(flavor = $flavor)]
                async fn on_local() {
                    super::$name(Backend::Local).await;
                }
            }
        )+
    };
}

/// A local server on `location`, seeded with `seed`, and a client for it.
pub async fn local(location: &StateLocation, seed: Seed) -> (LocalServer, CognitoClient) {
    let server = LocalServer::start(location, seed, 0)
        .await
        .expect("the local server starts");
    let client = super::client_for(&server.url(), "local", "local").await;
    (server, client)
}
