//! A proxy on loopback in front of a real server that forwards every request and, for the ones a
//! test picks, throws the answer away after the server has applied the call: the lost answer of a
//! broken connection or a timed-out proxy, with the change really made behind it.

use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpListener;

use super::fault::{FaultServer, Received, read_request};

/// Forwards to `upstream`; `drop_answer` says which requests get no answer.
pub async fn dropping_proxy(
    upstream: &str,
    drop_answer: impl Fn(&Received) -> bool + Send + Sync + 'static,
) -> FaultServer {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    let received = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&received);
    let upstream = upstream.to_owned();
    let drop_answer = Arc::new(drop_answer);
    let http = reqwest::Client::new();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let (log, drop_answer, http, upstream) = (
                Arc::clone(&log),
                Arc::clone(&drop_answer),
                http.clone(),
                upstream.clone(),
            );
            tokio::spawn(async move {
                let Some(request) = read_request(&mut socket).await else {
                    return;
                };
                let mut forward = http.post(&upstream).body(request.body.clone());
                for (name, value) in &request.headers {
                    if !matches!(name.as_str(), "host" | "content-length" | "connection") {
                        forward = forward.header(name.as_str(), value.as_str());
                    }
                }
                let answer = forward.send().await;
                let dropped = drop_answer(&request);
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(request);
                let Ok(answer) = answer else {
                    return;
                };
                if dropped {
                    // The server has done it; the client never hears.
                    return;
                }
                let status = answer.status().as_u16();
                let mut head = format!("HTTP/1.1 {status} X\r\nConnection: close\r\n");
                for (name, value) in answer.headers() {
                    if name.as_str() != "connection" {
                        let _ = write!(head, "{name}: {}\r\n", value.to_str().unwrap_or(""));
                    }
                }
                head.push_str("\r\n");
                let body = answer.bytes().await.unwrap_or_default();
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(&body).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    FaultServer { url, received }
}
