//! The embedded local user-pool server: the Cognito wire protocol on 127.0.0.1, state in SQLite.
//! `--local` runs it inside the console; `local-server` runs it alone for other tools.

pub mod aliases;
pub mod emulation;
pub mod error;
pub mod filter;
pub mod ids;
pub mod input;
pub mod ops;
pub mod password;
pub mod seed;
pub mod seed_activity;
pub mod seed_big;
pub mod seed_config;
pub mod seed_support;
pub mod serve;
pub mod shapes;
pub mod store;
pub mod validation;
pub mod wire;

use std::net::SocketAddr;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

pub use emulation::Emulation;
pub use error::LocalError;
pub use seed::Seed;
pub use serve::Timeouts;
pub use store::{StateLocation, Store};

/// The dummy credentials clients of the local server sign with.
pub const ACCESS_KEY: &str = "local";
pub const SECRET_KEY: &str = "local";
pub const REGION: &str = "us-east-1";

/// A running server; dropping it stops the server and closes its state.
///
/// It runs on a thread of its own with a single-threaded runtime, and each operation runs on that
/// thread: the state is one SQLite connection anyway, so this serialises nothing that was not
/// serialised already, and a call costs no hop between threads (on two cores, the multi-threaded
/// runtime plus `spawn_blocking` tripled the cost of a call).
#[derive(Debug)]
pub struct LocalServer {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<Result<(), LocalError>>>,
}

impl LocalServer {
    /// Opens (and on an empty state seeds) the store, binds 127.0.0.1:`port` (0: any free port)
    /// and serves on the server's own thread.
    pub async fn start(
        location: &StateLocation,
        seed: Seed,
        port: u16,
    ) -> Result<Self, LocalError> {
        Self::start_with_timeouts(location, seed, port, Timeouts::default()).await
    }

    /// `start`, dropping connections that are slower than `timeouts` to send a request.
    pub async fn start_with_timeouts(
        location: &StateLocation,
        seed: Seed,
        port: u16,
        timeouts: Timeouts,
    ) -> Result<Self, LocalError> {
        let options = Options {
            timeouts,
            ..Options::default()
        };
        Self::start_with(location, seed, port, options).await
    }

    /// `start` with every setting: timeouts, and what the server imitates of AWS.
    pub async fn start_with(
        location: &StateLocation,
        seed: Seed,
        port: u16,
        options: Options,
    ) -> Result<Self, LocalError> {
        let location = location.clone();
        let (ready_tx, ready_rx) = oneshot::channel();
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("cognito-local".to_owned())
            .spawn(move || serve(&location, seed, port, options, ready_tx, stopped))
            .map_err(|e| LocalError::internal(format!("could not start the server thread: {e}")))?;
        let mut server = Self {
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            stop: Some(stop),
            thread: Some(thread),
        };
        match ready_rx.await {
            Ok(addr) => {
                server.addr = addr;
                Ok(server)
            }
            // The thread ended before it was ready: its result says why.
            Err(_) => Err(server.join().err().unwrap_or_else(|| {
                LocalError::internal("the local server stopped while starting")
            })),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, the endpoint URL clients use.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Serves until the server fails (the standalone server).
    pub async fn wait(mut self) -> Result<(), LocalError> {
        let thread = self.thread.take();
        // Held by this future, not the blocking join: when the caller stops waiting (Ctrl-C
        // drops this future), dropping it stops the server, so the join ends and the process
        // can exit.
        let _stop = self.stop.take();
        tokio::task::spawn_blocking(move || thread.map_or(Ok(()), join_thread))
            .await
            .map_err(LocalError::internal)?
    }

    fn join(&mut self) -> Result<(), LocalError> {
        self.stop.take();
        self.thread.take().map_or(Ok(()), join_thread)
    }
}

fn join_thread(thread: JoinHandle<Result<(), LocalError>>) -> Result<(), LocalError> {
    thread
        .join()
        .map_err(|_| LocalError::internal("the local server thread panicked"))?
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        if let Err(e) = self.join() {
            tracing::error!(error = %e.message, "local server stopped with an error");
        }
    }
}

/// How a server serves, beyond where its state is and which port it takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub timeouts: Timeouts,
    pub emulation: Emulation,
}

/// The server thread: open and seed the state, listen, tell `ready` the address, serve until
/// `stop` fires or is dropped.
fn serve(
    location: &StateLocation,
    seed: Seed,
    port: u16,
    options: Options,
    ready: oneshot::Sender<SocketAddr>,
    stop: oneshot::Receiver<()>,
) -> Result<(), LocalError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| LocalError::internal(format!("could not start the server runtime: {e}")))?;
    let store = Store::open(location)?;
    seed::apply_if_empty(&store, seed)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| LocalError::internal(format!("could not listen on port {port}: {e}")))?;
        let addr = listener.local_addr().map_err(LocalError::internal)?;
        if ready.send(addr).is_err() {
            return Ok(());
        }
        let Options {
            timeouts,
            emulation,
        } = options;
        let router = wire::router(store, timeouts.body, emulation::Emulator::new(emulation));
        tokio::select! {
            never = serve::accept(listener, router, timeouts) => match never {},
            _ = stop => Ok(()),
        }
    })
}

/// The dummy credentials the console signs with under `--local`.
pub fn credentials() -> aws_credential_types::Credentials {
    aws_credential_types::Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "local")
}

/// The server `--local` starts: the state in the data dir, demo data on first start, any port,
/// imitating of AWS what `emulation` asks.
pub async fn start_embedded(emulation: Emulation) -> Result<LocalServer, LocalError> {
    let location = StateLocation::default_file()
        .ok_or_else(|| LocalError::internal("no data dir for the local server's state"))?;
    let options = Options {
        emulation,
        ..Options::default()
    };
    LocalServer::start_with(&location, Seed::Demo, 0, options).await
}
