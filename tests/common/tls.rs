//! A TLS server on loopback with a certificate from a CA made for the run, for the certificate
//! error and CA bundle tests: the client trusts it only when given the CA's PEM.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

use super::fault::{Canned, read_request, reply};

pub struct TlsServer {
    /// `https://127.0.0.1:PORT/`
    pub url: String,
    /// The CA that issued the server's certificate, as PEM.
    pub ca_pem: String,
    /// Requests that got through the handshake.
    pub requests: Arc<AtomicUsize>,
}

/// Serves `answer` to every request that completes the TLS handshake.
pub async fn serve_tls(answer: Canned) -> TlsServer {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "cognito-tui test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("CA key"))
        .expect("CA certificate");
    let leaf_key = KeyPair::generate().expect("server key");
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .expect("server params")
        .signed_by(&leaf_key, &ca)
        .expect("server certificate");
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], key)
        .expect("server config");
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let url = format!("https://{}/", listener.local_addr().expect("addr"));
    let requests = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&requests);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let (acceptor, count, answer) = (acceptor.clone(), Arc::clone(&count), answer.clone());
            tokio::spawn(async move {
                // A client that refuses the certificate ends the handshake: nothing to answer.
                let Ok(mut stream) = acceptor.accept(socket).await else {
                    return;
                };
                if read_request(&mut stream).await.is_some() {
                    count.fetch_add(1, Ordering::SeqCst);
                    reply(&mut stream, answer).await;
                }
            });
        }
    });
    TlsServer {
        url,
        ca_pem: ca.pem(),
        requests,
    }
}
