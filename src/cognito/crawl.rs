//! Reading every user of a big pool at Cognito's quota. ListUsers pages are sequential within one
//! listing, so one stream at 60-100 ms a call reaches only 10-16 of UserList's 30 requests a
//! second. A crawl splits the pool into sixteen listings by the first hex digit of `sub` (a random
//! UUID, so the parts are even), runs them together and lets the quota scheduler hold the total at
//! the quota. Every part pages by its own token; one that fails part-way starts again from its
//! last page, not from the start. The parts are disjoint and cover every `sub`, so no user is
//! lost or listed twice; a server that ignores the filter is caught, not trusted.

use std::fmt;
use std::pin::Pin;
use std::time::Duration;

use futures::{Stream, StreamExt as _};
use serde::de::DeserializeOwned;

use super::client::CognitoClient;
use super::user_filter::filter_expression;
use super::users::{ListUsersRequest, ListUsersResponse};
use crate::aws::AwsError;
use crate::aws::retry::{Verdict, classify};

/// The first characters `sub` can have: lowercase hex.
const HEX: &[u8; 16] = b"0123456789abcdef";
/// How often, and after how long, one part starts again from its last page once the transport
/// gave up on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resume {
    pub times: u32,
    /// Before the first restart; doubled before each next one.
    pub pause: Duration,
}

impl Resume {
    /// Three restarts after the policy's base delay; none when the policy allows one attempt
    /// (`AWS_MAX_ATTEMPTS=1`: whoever set it wants to see the first failure).
    pub fn after(policy: &crate::aws::RetryPolicy) -> Self {
        Self {
            times: if policy.max_attempts <= 1 { 0 } else { 3 },
            pause: policy.base_delay,
        }
    }
}

/// One part of a crawl: the users whose `sub` starts with `prefix`, or every user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    All,
    Sub(char),
}

impl Part {
    /// The sixteen parts of a partitioned crawl.
    pub fn sixteen() -> Vec<Self> {
        HEX.iter().map(|&c| Self::Sub(char::from(c))).collect()
    }

    fn filter(&self) -> Option<String> {
        match self {
            Self::All => None,
            Self::Sub(c) => Some(filter_expression("sub", true, &c.to_string())),
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::All => f.write_str("the listing"),
            Self::Sub(c) => write!(f, "the part whose sub starts with \"{c}\""),
        }
    }
}

/// A crawl that failed: which part, after how many of its users, and why.
#[derive(Debug)]
pub struct CrawlError {
    pub part: Part,
    pub users: usize,
    pub resumes: u32,
    /// The page token the part would have gone on from.
    pub token: Option<String>,
    pub source: AwsError,
}

impl fmt::Display for CrawlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} stopped after {} users", self.part, self.users)?;
        if self.resumes > 0 {
            write!(f, " and {} restarts from its last page", self.resumes)?;
        }
        write!(f, ": {}", super::describe_error(&self.source))
    }
}

impl std::error::Error for CrawlError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A user as the crawl needs to see it: its `sub`, to check the server honoured the part's filter.
pub trait Crawled: DeserializeOwned + Send + 'static {
    /// `None` when the listing left `sub` out (`AttributesToGet` without it): nothing to check.
    fn sub(&self) -> Option<String>;
}

impl Crawled for super::users::UserType {
    fn sub(&self) -> Option<String> {
        self.attributes
            .iter()
            .find(|a| a.name == "sub")
            .and_then(|a| a.value.clone())
    }
}

/// A user byte for byte as ListUsers sent it (for JSON output); its `sub` is read only when a
/// part's filter is checked, so a listing in one stream copies bytes and parses nothing more.
impl Crawled for Box<serde_json::value::RawValue> {
    fn sub(&self) -> Option<String> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Attr<'a> {
            name: &'a str,
            value: Option<std::borrow::Cow<'a, str>>,
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Peek<'a> {
            #[serde(default, borrow)]
            attributes: Vec<Attr<'a>>,
        }
        let peek: Peek<'_> = serde_json::from_str(self.get()).ok()?;
        peek.attributes
            .into_iter()
            .find(|a| a.name == "sub")
            .and_then(|a| a.value.map(std::borrow::Cow::into_owned))
    }
}

type Pages<U> = Pin<Box<dyn Stream<Item = Result<ListUsersResponse<U>, AwsError>> + Send>>;

/// The users of `request`'s pool, page by page as they come from any part. `parts` is
/// `Part::sixteen()` for a partitioned crawl or `[Part::All]`; the request must carry no filter of
/// its own when partitioned (there is one Filter a call).
pub fn crawl<U: Crawled>(
    client: &CognitoClient,
    request: &ListUsersRequest,
    parts: Vec<Part>,
    resume: Resume,
) -> impl Stream<Item = Result<Vec<U>, CrawlError>> + Send + 'static {
    let streams = parts.into_iter().map(|part| {
        let mut request = request.clone();
        if let Some(filter) = part.filter() {
            request.filter = Some(filter);
        }
        part_pages::<U>(client.clone(), request, part, resume).boxed()
    });
    futures::stream::select_all(streams)
}

struct PartState<U> {
    client: CognitoClient,
    request: ListUsersRequest,
    part: Part,
    pages: Pages<U>,
    users: usize,
    resumes: u32,
    resume: Resume,
    done: bool,
}

/// One part's pages; a page the transport gave up on is asked for again from the last token.
fn part_pages<U: Crawled>(
    client: CognitoClient,
    request: ListUsersRequest,
    part: Part,
    resume: Resume,
) -> impl Stream<Item = Result<Vec<U>, CrawlError>> + Send + 'static {
    let pages: Pages<U> = Box::pin(client.list_users_as::<U>(request.clone()));
    let state = PartState {
        client,
        request,
        part,
        pages,
        users: 0,
        resumes: 0,
        resume,
        done: false,
    };
    futures::stream::unfold(state, |mut s| async move {
        if s.done {
            return None;
        }
        loop {
            match s.pages.next().await {
                None => return None,
                Some(Ok(page)) => {
                    if let Some(stray) = page.users.iter().find_map(|u| s.part.stray(u)) {
                        s.done = true;
                        let source = AwsError::Config(format!(
                            "the endpoint answered a ListUsers filter `sub ^= \"…\"` with a user \
                             outside it (sub {stray}): it does not honour the filter, so the pool \
                             cannot be read in parts; list it in one stream instead"
                        ));
                        return Some((Err(s.failed(source)), s));
                    }
                    s.users += page.users.len();
                    s.request
                        .pagination_token
                        .clone_from(&page.pagination_token);
                    return Some((Ok(page.users), s));
                }
                Some(Err(e)) => {
                    let resumable = !matches!(classify(&e), Verdict::Stop)
                        && !matches!(e, AwsError::RepeatedToken { .. });
                    if !resumable || s.resumes >= s.resume.times {
                        s.done = true;
                        return Some((Err(s.failed(e)), s));
                    }
                    s.resumes += 1;
                    tracing::info!(part = %s.part, users = s.users, resumes = s.resumes, error = %e,
                        "resuming a part of the crawl from its last page");
                    tokio::time::sleep(s.resume.pause * 2u32.pow(s.resumes - 1)).await;
                    s.pages = Box::pin(s.client.list_users_as::<U>(s.request.clone()));
                }
            }
        }
    })
}

impl<U> PartState<U> {
    fn failed(&self, source: AwsError) -> CrawlError {
        CrawlError {
            part: self.part.clone(),
            users: self.users,
            resumes: self.resumes,
            token: self.request.pagination_token.clone(),
            source,
        }
    }
}

impl Part {
    /// The `sub` of a user this part should not hold; `None` when it belongs (or has no `sub`).
    fn stray<U: Crawled>(&self, user: &U) -> Option<String> {
        match self {
            Self::All => None,
            Self::Sub(c) => user.sub().filter(|sub| !sub.starts_with(*c)),
        }
    }
}

/// Whether a pool this big is read in parts: from about fifty pages on, where one stream's
/// round trips, not the quota, would set the pace.
pub fn worth_partitioning(estimated_users: Option<u64>) -> bool {
    estimated_users.is_some_and(|n| n >= PARTITION_FROM)
}

pub const PARTITION_FROM: u64 = 3_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(json: &str) -> Box<serde_json::value::RawValue> {
        serde_json::value::RawValue::from_string(json.to_owned()).unwrap()
    }

    #[test]
    fn sixteen_parts_cover_every_first_hex_digit_once() {
        let parts = Part::sixteen();
        assert_eq!(parts.len(), 16);
        let user = raw(
            r#"{"Attributes":[{"Name":"sub","Value":"7c9e6679-7425-40de-944b-e07fc1f90ae7"}]}"#,
        );
        assert_eq!(parts.iter().filter(|p| p.stray(&user).is_none()).count(), 1);
        assert_eq!(
            parts[7].filter().as_deref(),
            Some("sub ^= \"7\""),
            "{:?}",
            parts[7]
        );
        assert!(Part::All.stray(&user).is_none() && Part::All.filter().is_none());
        assert_eq!(
            parts[0].stray(&user).as_deref(),
            Some("7c9e6679-7425-40de-944b-e07fc1f90ae7")
        );
    }

    #[test]
    fn a_raw_user_reads_its_sub_even_escaped_and_none_without_one() {
        let u = raw(
            r#"{"Username":"ann","Attributes":[{"Name":"email","Value":"a\"x"},{"Name":"sub","Value":"0abc"}]}"#,
        );
        assert_eq!(u.sub().as_deref(), Some("0abc"));
        assert_eq!(raw(r#"{"Username":"bob"}"#).sub(), None);
    }

    #[test]
    fn a_failed_part_says_which_how_far_and_why() {
        let e = CrawlError {
            part: Part::Sub('a'),
            users: 120,
            resumes: 3,
            token: None,
            source: AwsError::Config("boom".into()),
        };
        let text = e.to_string();
        assert!(
            text.starts_with(
                "the part whose sub starts with \"a\" stopped after 120 users and 3 restarts"
            ),
            "{text}"
        );
    }
}
