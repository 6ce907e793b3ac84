//! A scripted HTTP server on loopback for transport faults moto cannot produce on demand
//! (throttling, malformed or cut-off bodies, dropped connections, silence). It answers each
//! request from a script (answers in order) or a handler (an answer per request, e.g. pages of a
//! listing with faults on chosen pages) and records what it received; everything else is tested
//! against moto and the local server.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _};
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
    /// These bytes exactly (status line, headers, body as the test writes them), then close: for
    /// answers a well-behaved server never sends, such as a 200 cut off without Content-Length.
    Raw(String),
    /// Read the request and never answer, holding the connection open.
    Silent,
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

    pub fn throttled() -> Self {
        Self::json(
            400,
            r#"{"__type":"TooManyRequestsException","message":"Rate exceeded"}"#,
        )
    }

    /// A 200 whose headers promise no length, then the connection closes after `body`.
    pub fn cut_off(body: &str) -> Self {
        Self::Raw(format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nConnection: close\r\n\r\n{body}"
        ))
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

    /// The operation, from `X-Amz-Target`.
    pub fn operation(&self) -> &str {
        self.header("x-amz-target")
            .and_then(|t| t.rsplit('.').next())
            .unwrap_or_default()
    }

    /// The JSON body.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_default()
    }
}

pub struct FaultServer {
    pub url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl FaultServer {
    pub fn received(&self) -> Vec<Received> {
        self.received
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The operations received, in order.
    pub fn operations(&self) -> Vec<String> {
        self.received()
            .iter()
            .map(|r| r.operation().to_owned())
            .collect()
    }
}

/// Serves `script` in order, one answer per connection; the last answer repeats.
pub async fn serve(script: Vec<Canned>) -> FaultServer {
    let next = AtomicUsize::new(0);
    serve_with(move |_| {
        let n = next.fetch_add(1, Ordering::SeqCst);
        script[n.min(script.len() - 1)].clone()
    })
    .await
}

/// Answers each request (one per connection) with what `answer` says for it.
pub async fn serve_with(
    answer: impl Fn(&Received) -> Canned + Send + Sync + 'static,
) -> FaultServer {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    let received = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&received);
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let (log, answer) = (Arc::clone(&log), Arc::clone(&answer));
            tokio::spawn(async move {
                let Some(request) = read_request(&mut socket).await else {
                    return;
                };
                let canned = answer(&request);
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(request);
                reply(&mut socket, canned).await;
            });
        }
    });
    FaultServer { url, received }
}

/// Writes the answer (or holds or drops the connection), then closes it.
pub async fn reply(socket: &mut (impl AsyncRead + AsyncWrite + Unpin), canned: Canned) {
    match canned {
        Canned::Reply {
            status,
            headers,
            body,
        } => {
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
        Canned::Raw(text) => {
            let _ = socket.write_all(text.as_bytes()).await;
        }
        Canned::Hangup => {}
        Canned::Silent => {
            // Hold the connection until the client gives up (its read timeout) and closes it.
            let mut sink = [0u8; 64];
            while matches!(socket.read(&mut sink).await, Ok(n) if n > 0) {}
            return;
        }
    }
    let _ = socket.shutdown().await;
}

/// One HTTP/1.1 request: head, then the body its Content-Length announces.
pub async fn read_request(socket: &mut (impl AsyncRead + Unpin)) -> Option<Received> {
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
