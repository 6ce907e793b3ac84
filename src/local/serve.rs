//! The accept loop: HTTP/1.1 on hyper with a header read timeout, so a client that connects and
//! never finishes its headers (or goes quiet on a kept-alive connection) is dropped instead of
//! held forever; `wire.rs` bounds the body the same way. axum's own `serve` has no such timeout.

use std::convert::Infallible;
use std::io;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

/// How long a client may take to send a request's headers, and then its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub header: Duration,
    pub body: Duration,
}

/// A real server's: nginx gives headers and body 60 s each, Apache 20 s and 20 s or more.
impl Default for Timeouts {
    fn default() -> Self {
        Self {
            header: Duration::from_secs(10),
            body: Duration::from_secs(30),
        }
    }
}

/// Serves `router` on every connection `listener` accepts, until the future is dropped.
pub async fn accept(listener: TcpListener, router: axum::Router, timeouts: Timeouts) -> Infallible {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(timeouts.header);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // The client gave up before we took it: nothing to serve.
            Err(e) if is_connection_error(&e) => continue,
            // Out of file descriptors and the like: wait, as a spinning loop would not help.
            Err(e) => {
                tracing::error!(error = %e, "the local server could not accept a connection");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "could not set TCP_NODELAY");
        }
        let connection = http.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(router.clone()),
        );
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended");
            }
        });
    }
}

fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}
