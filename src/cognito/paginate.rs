//! Paginators as streams that yield page by page, so a caller can show the first page at once.

use std::collections::HashMap;

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
    /// The page it points at (`None`: the first).
    fn token(&self) -> Option<&str>;
}

/// The pages of `operation`, one request at a time, from the page `request` points at. Each page is
/// retried inside the transport (throttling waited out) with its own token, so a throttled crawl
/// goes on where it stood. The first page is asked for in the client's lane, the rest in the
/// background lane: someone waits for the first screenful, and a search or an opened user should
/// not queue behind page 400 of the same listing. The stream ends after the last page, or with an error: a failed page, or
/// a page token the service already gave (the listing would loop), never early as if complete.
pub fn pages<Req, P>(
    client: CognitoClient,
    operation: &'static str,
    request: Req,
) -> impl Stream<Item = Result<P, AwsError>> + Send + 'static
where
    Req: PagedRequest,
    P: Page,
{
    let tokens = TokenLog::starting_at(request.token());
    futures::stream::unfold(Some((client, request, tokens)), move |state| async move {
        let (client, mut request, mut tokens) = state?;
        let page: P = match client.call_as(operation, &request, true).await {
            Ok(page) => page,
            Err(e) => return Some((Err(e), None)),
        };
        let Some(token) = page
            .next_token()
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
        else {
            return Some((Ok(page), None));
        };
        if let Err(e) = tokens.record(operation, &token) {
            return Some((Err(e), None));
        }
        request.set_token(Some(token));
        Some((Ok(page), Some((client.background(), request, tokens))))
    })
}

/// Every item of a listing by operation name, as the service sent them: the array under `key` of
/// each page, paged by `token_key` (`NextToken`, `PaginationToken`). For the CLI's JSON output and
/// the operations without a typed call; fails like `pages` does, never ends early.
pub async fn json_items(
    client: &CognitoClient,
    operation: &str,
    mut input: serde_json::Value,
    key: &str,
    token_key: &str,
) -> Result<Vec<serde_json::Value>, AwsError> {
    let mut items = Vec::new();
    let mut tokens = TokenLog::starting_at(None);
    loop {
        let mut page = client.call_json_as(operation, &input, true).await?;
        if let Some(list) = page.get_mut(key).and_then(serde_json::Value::as_array_mut) {
            items.append(list);
        }
        let next = page
            .get(token_key)
            .and_then(serde_json::Value::as_str)
            .filter(|t| !t.is_empty());
        let Some(token) = next else {
            return Ok(items);
        };
        tokens.record(operation, token)?;
        input[token_key] = serde_json::Value::String(token.to_owned());
    }
}

/// The page tokens a listing has been given, to stop it when one comes back (it would loop).
#[derive(Debug, Default)]
pub struct TokenLog {
    /// Each token and the page (1-based) whose answer gave it; 0 for the token it started from.
    seen: HashMap<String, usize>,
    pages: usize,
}

impl TokenLog {
    pub fn starting_at(token: Option<&str>) -> Self {
        let mut log = Self::default();
        if let Some(t) = token.filter(|t| !t.is_empty()) {
            log.seen.insert(t.to_owned(), 0);
        }
        log
    }

    /// Notes the token the next page answered with; an error when it was given before.
    pub fn record(&mut self, operation: &str, token: &str) -> Result<(), AwsError> {
        self.pages += 1;
        if let Some(&page) = self.seen.get(token) {
            return Err(AwsError::RepeatedToken {
                operation: operation.to_owned(),
                page,
                repeated_on: self.pages,
            });
        }
        self.seen.insert(token.to_owned(), self.pages);
        Ok(())
    }
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

/// Implements `Page` for a response and/or `PagedRequest` for a request by naming the token field:
/// `paged!(Req => Resp, next_token)`, `paged!(request Req, next_token)`, `paged!(Resp, next_token)`.
macro_rules! paged {
    (request $request:ty, $token:ident) => {
        impl $crate::cognito::paginate::PagedRequest for $request {
            fn set_token(&mut self, token: Option<String>) {
                self.$token = token;
            }

            fn token(&self) -> Option<&str> {
                self.$token.as_deref()
            }
        }
    };
    ($request:ty => $response:ty, $token:ident) => {
        paged!(request $request, $token);
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

paged!(request PoolListRequest, next_token);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_given_twice_stops_the_listing_naming_its_pages() {
        let mut log = TokenLog::starting_at(None);
        log.record("ListUsers", "a").unwrap();
        log.record("ListUsers", "b").unwrap();
        let err = log.record("ListUsers", "a").unwrap_err();
        assert!(
            matches!(&err, AwsError::RepeatedToken { operation, page: 1, repeated_on: 3 } if operation == "ListUsers"),
            "{err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("ListUsers") && text.contains("page 1"),
            "{text}"
        );
    }

    #[test]
    fn a_resumed_listing_knows_the_token_it_started_from() {
        let mut log = TokenLog::starting_at(Some("t"));
        let err = log.record("ListGroups", "t").unwrap_err();
        assert!(matches!(
            err,
            AwsError::RepeatedToken {
                page: 0,
                repeated_on: 1,
                ..
            }
        ));
    }
}
