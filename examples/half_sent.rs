//! Not a test: what 5,000 half-sent requests cost the local server. Opens the connections, sends
//! each the start of a request's headers and never the rest, and reports the process's RSS and
//! how many connections the server has dropped, then and again after the server's header read
//! timeout (waits `COGNITO_TUI_HALF_SENT_WAIT` seconds, default 15). Linux only (reads
//! /proc/self/status); needs `ulimit -n` above twice the count. `COGNITO_TUI_HALF_SENT` sets the
//! count (default 5,000).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use cognito_tui::local::{LocalServer, Seed, StateLocation};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Connections the server has closed: a read that ends (EOF or reset) within a moment.
async fn dropped(conns: &mut [TcpStream]) -> usize {
    let mut count = 0;
    for conn in conns.iter_mut() {
        let mut buf = [0u8; 256];
        // EOF, a reset or an answer (a 408): the server gave up on the request either way.
        if tokio::time::timeout(Duration::from_millis(1), conn.read(&mut buf))
            .await
            .is_ok()
        {
            count += 1;
        }
    }
    count
}

#[tokio::main]
async fn main() {
    let count = usize::try_from(env_number("COGNITO_TUI_HALF_SENT", 5_000)).unwrap();
    let wait = Duration::from_secs(env_number("COGNITO_TUI_HALF_SENT_WAIT", 15));
    let server = LocalServer::start(&StateLocation::Memory, Seed::Empty, 0)
        .await
        .unwrap();
    let idle = rss_kib();
    let start = Instant::now();
    let mut conns = Vec::with_capacity(count);
    for _ in 0..count {
        let mut conn = TcpStream::connect(server.addr()).await.unwrap();
        conn.write_all(
            b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n\
              X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\n",
        )
        .await
        .unwrap();
        conns.push(conn);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let held = rss_kib();
    let dropped_early = dropped(&mut conns).await;
    tokio::time::sleep(wait.saturating_sub(start.elapsed())).await;
    let dropped_late = dropped(&mut conns).await;
    let late = rss_kib();
    drop(conns);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = rss_kib();
    println!("half-sent connections:        {count}");
    println!("RSS, server idle:             {idle} KiB");
    println!("RSS, 1 s after sending:       {held} KiB");
    println!("dropped by the server at 1 s: {dropped_early}");
    println!(
        "dropped by the server at {} s: {dropped_late}",
        wait.as_secs()
    );
    println!("RSS then:                     {late} KiB");
    println!("RSS after closing ours:       {after} KiB");
}
