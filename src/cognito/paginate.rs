//! Paginators as streams that yield page by page, so a caller can show the first page at once.

use futures::Stream;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::client::CognitoClient;
use super::ids::PoolId;
use crate::aws::AwsError;

/// A list response that may say where the next page starts.
pub trait Page: DeserializeOwned + Send + 'static {
    fn next_token(&self) -> Option<&str>;
}

/// A list request that can be pointed at a page.
pub trait PagedRequest: Serialize + Send + Sync + 'static {
    fn set_token(&mut self, token: Option<String>);
}

/// The pages of `operation`, one request at a time. Each page is retried inside the transport
/// (throttling included) with its own token, so a throttled crawl resumes where it stood. The
/// stream ends after the last page, after an error, or if the server repeats a token.
pub fn pages<Req, P>(
    client: CognitoClient,
    operation: &'static str,
    request: Req,
) -> impl Stream<Item = Result<P, AwsError>> + Send + 'static
where
    Req: PagedRequest,
    P: Page,
{
    futures::stream::unfold(
        Some((client, request, None::<String>)),
        move |state| async move {
            let (client, mut request, previous) = state?;
            let page: P = match client.call(operation, &request).await {
                Ok(page) => page,
                Err(e) => return Some((Err(e), None)),
            };
            let next = page
                .next_token()
                .filter(|t| !t.is_empty() && Some(*t) != previous.as_deref())
                .map(str::to_owned);
            let Some(token) = next else {
                return Some((Ok(page), None));
            };
            request.set_token(Some(token.clone()));
            Some((Ok(page), Some((client, request, Some(token)))))
        },
    )
}

/// The input of the list operations that page a pool's items with `MaxResults` and `NextToken`
/// (ListUserPoolClients, ListIdentityProviders, ListResourceServers).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PoolListRequest {
    pub user_pool_id: PoolId,
    pub max_results: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl PoolListRequest {
    pub fn new(pool: &PoolId, max_results: u32) -> Self {
        Self {
            user_pool_id: pool.clone(),
            max_results,
            next_token: None,
        }
    }
}

impl PagedRequest for PoolListRequest {
    fn set_token(&mut self, token: Option<String>) {
        self.next_token = token;
    }
}

/// Implements `Page` for a response (and `PagedRequest` for a request) by naming the token field.
macro_rules! paged {
    ($request:ty => $response:ty, $token:ident) => {
        impl $crate::cognito::paginate::PagedRequest for $request {
            fn set_token(&mut self, token: Option<String>) {
                self.$token = token;
            }
        }
        paged!($response, $token);
    };
    ($response:ty, $token:ident) => {
        impl $crate::cognito::paginate::Page for $response {
            fn next_token(&self) -> Option<&str> {
                self.$token.as_deref()
            }
        }
    };
}
pub(crate) use paged;
