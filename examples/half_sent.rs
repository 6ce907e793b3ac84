//! Not a test: what 5,000 half-sent requests cost the local server. Opens the connections (100
//! at a time), sends each the start of a request's headers and never the rest, and reports the
//! process's RSS and how many of the connections the server still holds (its open sockets, from
//! /proc/self/fd), 1 s after sending and again once the server has dropped them all or
//! `COGNITO_TUI_HALF_SENT_WAIT` seconds (default 20) have passed. Then, if it dropped them, a second
//! wave: RSS shows whether the memory of the first is reused. Linux only; needs `ulimit -n` above
//! twice the count. `COGNITO_TUI_HALF_SENT` sets the count (default 5,000).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "support/rss.rs"]
mod rss;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use cognito_tui::local::{LocalServer, Seed, StateLocation};
use futures::StreamExt as _;
use rss::rss_kib;
use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpStream;

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `count` connections, each sent half a request's headers.
async fn half_sent(addr: SocketAddr, count: usize) -> Vec<TcpStream> {
    futures::stream::iter(0..count)
        .map(|_| async move {
            let mut conn = TcpStream::connect(addr).await.unwrap();
            conn.write_all(
                b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n\
                  X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\n",
            )
            .await
            .unwrap();
            conn
        })
        .buffer_unordered(100)
        .collect()
        .await
}

#[tokio::main]
async fn main() {
    let count = usize::try_from(env_number("COGNITO_TUI_HALF_SENT", 5_000)).unwrap();
    let wait = Duration::from_secs(env_number("COGNITO_TUI_HALF_SENT_WAIT", 20));
    let server = LocalServer::start(&StateLocation::Memory, Seed::Empty, 0)
        .await
        .unwrap();
    let idle_rss = rss_kib();
    let idle_fds = open_fds();
    // Sockets beyond ours and the idle process's are the server's half of a connection.
    let held = |ours: usize| open_fds().saturating_sub(idle_fds + ours);
    let start = Instant::now();
    let _conns = half_sent(server.addr(), count).await;
    let opened = start.elapsed();
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("half-sent connections:  {count}, opened in {opened:.1?}");
    println!("RSS, server idle:       {idle_rss} KiB");
    println!(
        "1 s after sending:      RSS {} KiB, the server holds {}",
        rss_kib(),
        held(count)
    );
    while held(count) > 0 && start.elapsed() < wait {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    println!(
        "at {:.1?}:               RSS {} KiB, the server holds {}",
        start.elapsed(),
        rss_kib(),
        held(count)
    );
}
