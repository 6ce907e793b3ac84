//! The AWS wire layer: endpoint and region, credentials, SigV4, and the awsJson1.1 transport with retries.

pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod failure;
pub mod notice;
pub mod quota;
pub mod response;
pub mod retry;
pub mod signer;
pub mod transport;

pub use credentials::CredentialSource;
pub use endpoint::Endpoint;
pub use error::{AwsError, Checked, ServiceError, TransportKind};
pub use notice::{RetryNotice, RetryWatch, watch_retries};
pub use retry::RetryPolicy;
pub use transport::{Call, Reply, Timeouts, Transport};
