//! A scripted HTTP server on loopback for transport faults moto cannot produce on demand
//! (throttling, malformed bodies, dropped connections). It replays canned answers in order and
//! records what it received; everything else is tested against moto.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;

/// One scripted answer.
#[derive(Clone, Debug)]
pub enum Canned {
    Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Read the request, then close the connection without answering.
    Hangup,
}

impl Canned {
    pub fn json(status: u16, body: &str) -> Self {
        Self::Reply {
            status,
            headers: vec![("Content-Type".into(), "application/x-amz-json-1.1".into())],
            body: body.to_owned(),
        }
    }

    pub fn html(status: u16, body: &str) -> Self {
        Self::Reply {
            status,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: body.to_owned(),
        }
    }
}

/// A request as received: lower-cased header names, body text.
#[derive(Clone, Debug)]
pub struct Received {
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

pub struct FaultServer {
    pub url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
}

/// Serves `script` in order, one answer per connection; the last answer repeats.
pub async fn serve(script: Vec<Canned>) -> FaultServer {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    let received = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&received);
    tokio::spawn(async move {
        let mut n = 0usize;
        while let Ok((mut socket, _)) = listener.accept().await {
            let answer = script[n.min(script.len() - 1)].clone();
            n += 1;
            let Some(request) = read_request(&mut socket).await else {
                continue;
            };
            log.lock().expect("log").push(request);
            if let Canned::Reply {
                status,
                headers,
                body,
            } = answer
            {
                let mut text = format!(
                    "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                    body.len()
                );
                for (k, v) in headers {
                    text.push_str(&k);
                    text.push_str(": ");
                    text.push_str(&v);
                    text.push_str("\r\n");
                }
                text.push_str("\r\n");
                text.push_str(&body);
                let _ = socket.write_all(text.as_bytes()).await;
            }
            let _ = socket.shutdown().await;
        }
    });
    FaultServer { url, received }
}

async fn read_request(socket: &mut tokio::net::TcpStream) -> Option<Received> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let headers: Vec<(String, String)> = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
    Some(Received { headers, body })
}
