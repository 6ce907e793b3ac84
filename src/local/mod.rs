//! The embedded local user-pool server: the Cognito wire protocol on 127.0.0.1, state in SQLite.
//! `--local` runs it inside the console; `local-server` runs it alone for other tools.

pub mod error;
pub mod filter;
pub mod ids;
pub mod input;
pub mod ops;
pub mod password;
pub mod seed;
pub mod store;
pub mod wire;

use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use error::LocalError;
pub use seed::Seed;
pub use store::{StateLocation, Store};

/// The dummy credentials clients of the local server sign with.
pub const ACCESS_KEY: &str = "local";
pub const SECRET_KEY: &str = "local";
pub const REGION: &str = "us-east-1";

/// A running server; dropping it stops the server.
#[derive(Debug)]
pub struct LocalServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl LocalServer {
    /// Opens (and on an empty state seeds) the store, binds 127.0.0.1:`port` (0: any free port)
    /// and serves on the current runtime.
    pub async fn start(
        location: &StateLocation,
        seed: Seed,
        port: u16,
    ) -> Result<Self, LocalError> {
        let store = Store::open(location)?;
        let seeding = store.clone();
        tokio::task::spawn_blocking(move || seed::apply_if_empty(&seeding, seed))
            .await
            .map_err(LocalError::internal)??;
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| LocalError::internal(format!("could not listen on port {port}: {e}")))?;
        let addr = listener.local_addr().map_err(LocalError::internal)?;
        let app = wire::router(store);
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!(error = %e, "local server stopped");
            }
        });
        Ok(Self { addr, task })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, the endpoint URL clients use.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Serves until the task ends (the standalone server).
    pub async fn wait(mut self) -> Result<(), LocalError> {
        (&mut self.task).await.map_err(LocalError::internal)
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The dummy credentials the console signs with under `--local`.
pub fn credentials() -> aws_credential_types::Credentials {
    aws_credential_types::Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "local")
}

/// The server `--local` starts: the state in the data dir, demo data on first start, any port.
pub async fn start_embedded() -> Result<LocalServer, LocalError> {
    let location = StateLocation::default_file()
        .ok_or_else(|| LocalError::internal("no data dir for the local server's state"))?;
    LocalServer::start(&location, Seed::Demo, 0).await
}
