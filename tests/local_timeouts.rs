//! The local server drops connections that do not send a whole request in time, as a real
//! server does, and still serves a slow client that does: raw TCP clients on loopback against a
//! server with short timeouts (header 1 s, body 2 s).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use cognito_tui::local::{LocalServer, Seed, StateLocation, Timeouts};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

const HEADER: Duration = Duration::from_secs(1);
const BODY: Duration = Duration::from_secs(2);
/// Far longer than either timeout: a connection still open then is held.
const PATIENCE: Duration = Duration::from_secs(8);

async fn server() -> LocalServer {
    let timeouts = Timeouts {
        header: HEADER,
        body: BODY,
    };
    LocalServer::start_with_timeouts(&StateLocation::Memory, Seed::Empty, 0, timeouts)
        .await
        .unwrap()
}

/// A timeout less the timer's slack.
fn at_least(timeout: Duration) -> Duration {
    timeout.saturating_sub(Duration::from_millis(50))
}

const BODY_JSON: &str = r#"{"MaxResults":10}"#;

fn headers(content_length: usize) -> String {
    format!(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n\
         X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\n\
         Content-Length: {content_length}\r\n\r\n"
    )
}

/// Everything the server sends until it closes the connection, and when it closed it; panics if
/// it is still open after `PATIENCE`.
async fn until_closed(conn: &mut TcpStream, since: Instant) -> (String, Duration) {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let read = tokio::time::timeout(PATIENCE, conn.read(&mut buf))
            .await
            .unwrap_or_else(|_elapsed| {
                panic!(
                    "the server still holds the connection after {PATIENCE:?}; it sent {:?}",
                    String::from_utf8_lossy(&got)
                )
            });
        match read {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    (String::from_utf8_lossy(&got).into_owned(), since.elapsed())
}

/// The first bytes of the server's answer, which must be a 200.
async fn first_answer(conn: &mut TcpStream) -> String {
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(PATIENCE, conn.read(&mut buf))
        .await
        .expect("an answer")
        .unwrap();
    let answer = String::from_utf8_lossy(&buf[..n]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    answer
}

#[tokio::test]
async fn half_sent_headers_are_dropped_after_the_header_timeout() {
    let server = server().await;
    let mut conn = TcpStream::connect(server.addr()).await.unwrap();
    let start = Instant::now();
    conn.write_all(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .await
        .unwrap();
    let (_, after) = until_closed(&mut conn, start).await;
    assert!(after >= at_least(HEADER), "{after:?}");
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_dropped_too() {
    let server = server().await;
    let start = Instant::now();
    let mut conn = TcpStream::connect(server.addr()).await.unwrap();
    let (_, after) = until_closed(&mut conn, start).await;
    assert!(after >= at_least(HEADER), "{after:?}");
}

#[tokio::test]
async fn a_half_sent_body_is_answered_408_and_dropped_after_the_body_timeout() {
    let server = server().await;
    let mut conn = TcpStream::connect(server.addr()).await.unwrap();
    conn.write_all(headers(100).as_bytes()).await.unwrap();
    let start = Instant::now();
    conn.write_all(b"{\"MaxRes").await.unwrap();
    let (answer, after) = until_closed(&mut conn, start).await;
    assert!(after >= at_least(BODY), "{after:?}");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("RequestTimeout"), "{answer}");
}

#[tokio::test]
async fn a_slow_but_complete_request_is_served() {
    let server = server().await;
    let mut conn = TcpStream::connect(server.addr()).await.unwrap();
    let head = headers(BODY_JSON.len());
    // Headers in three pieces and the body in two, each well inside its timeout.
    for piece in head.as_bytes().chunks(head.len() / 3 + 1) {
        conn.write_all(piece).await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (first, second) = BODY_JSON.split_at(5);
    conn.write_all(first.as_bytes()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    conn.write_all(second.as_bytes()).await.unwrap();
    let answer = first_answer(&mut conn).await;
    assert!(answer.contains("\"UserPools\""), "{answer}");
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_dropped_after_the_header_timeout() {
    let server = server().await;
    let mut conn = TcpStream::connect(server.addr()).await.unwrap();
    conn.write_all(format!("{}{BODY_JSON}", headers(BODY_JSON.len())).as_bytes())
        .await
        .unwrap();
    first_answer(&mut conn).await;
    let start = Instant::now();
    let (_, after) = until_closed(&mut conn, start).await;
    assert!(after >= at_least(HEADER), "{after:?}");
}

#[test]
fn the_defaults_are_a_real_servers() {
    let defaults = Timeouts::default();
    assert_eq!(defaults.header, Duration::from_secs(10));
    assert_eq!(defaults.body, Duration::from_secs(30));
}
