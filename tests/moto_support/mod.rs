//! Helpers shared by tests/moto_users.rs and tests/moto_resources.rs: one test's client and pool,
//! fresh reads, and assertions on error codes and unsupported operations.
#![allow(
    dead_code,
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::fmt::Debug;

use cognito_tui::aws::AwsError;
use cognito_tui::cognito::pools::UserPoolType;
use cognito_tui::cognito::types::attribute;
use cognito_tui::cognito::users::{AdminGetUserResponse, ListUsersRequest};
use cognito_tui::cognito::{CognitoClient, PoolId, Username, describe_error, error_text};
use futures::{Stream, TryStreamExt as _};
use serde_json::json;

use crate::common;

/// One test's client and its own fresh pool.
pub struct Fx {
    pub c: CognitoClient,
    pub p: PoolId,
}

impl Fx {
    pub async fn new(prefix: &str) -> Self {
        let c = common::moto().await;
        let p = common::create_pool(&c, prefix).await;
        Self { c, p }
    }

    pub async fn user(&self, name: &str, attributes: &[(&str, &str)]) {
        common::create_user(&self.c, &self.p, name, attributes).await;
    }

    /// A fresh AdminGetUser.
    pub async fn get(&self, name: &str) -> AdminGetUserResponse {
        let user = Username::new(name);
        let got = self.c.admin_get_user(&self.p, &user).await;
        got.expect("AdminGetUser")
    }

    pub async fn status(&self, name: &str) -> String {
        self.get(name)
            .await
            .user_status
            .map(|s| s.to_string())
            .unwrap_or_default()
    }

    pub async fn attr(&self, name: &str, key: &str) -> Option<String> {
        let user = self.get(name).await;
        attribute(&user.user_attributes, key).map(str::to_owned)
    }

    /// A fresh DescribeUserPool.
    pub async fn pool(&self) -> UserPoolType {
        let described = self.c.describe_user_pool(&self.p).await;
        described
            .expect("DescribeUserPool")
            .user_pool
            .expect("UserPool")
    }

    /// `call_json` of an operation that must succeed.
    pub async fn call(&self, operation: &str, input: serde_json::Value) -> serde_json::Value {
        let answer = self.c.call_json(operation, &input).await;
        answer.unwrap_or_else(|e| panic!("{operation}: {e:?}"))
    }

    /// A new app client (allowing the admin password flow and refresh tokens); its id and answer.
    pub async fn app_client(&self, name: &str, secret: bool) -> (String, serde_json::Value) {
        let flows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];
        let input = json!({"UserPoolId": self.p, "ClientName": name,
            "GenerateSecret": secret, "ExplicitAuthFlows": flows});
        let made = self.call("CreateUserPoolClient", input).await;
        let id = made["UserPoolClient"]["ClientId"].as_str().expect("id");
        (id.to_owned(), made)
    }

    /// Usernames of one ListUsers crawl in arrival order, and the size of each page.
    pub async fn list(&self, limit: u32, filter: Option<String>) -> (Vec<usize>, Vec<String>) {
        let mut request = ListUsersRequest::new(self.p.clone());
        request.limit = limit;
        request.filter = filter;
        let pages: Vec<_> = self
            .c
            .list_users(request)
            .try_collect()
            .await
            .expect("ListUsers");
        let sizes = pages.iter().map(|p| p.users.len()).collect();
        let users = pages.iter().flat_map(|p| &p.users);
        (sizes, users.map(|u| u.username.to_string()).collect())
    }
}

/// Every page of a typed listing.
pub async fn all<P>(pages: impl Stream<Item = Result<P, AwsError>>) -> Vec<P> {
    pages.try_collect().await.expect("every page")
}

/// Page sizes of a listing that must have paged: more than one page, none empty or over `max`.
#[track_caller]
pub fn assert_paged(sizes: &[usize], max: usize) {
    assert!(sizes.len() > 1, "one page only: {sizes:?}");
    assert!(sizes.iter().all(|s| (1..=max).contains(s)), "{sizes:?}");
}

pub fn name(text: &str) -> Username {
    Username::new(text)
}

/// The call failed with this code, and its description carries the code's plain-English meaning.
#[track_caller]
pub fn expect_code<T: Debug>(result: Result<T, AwsError>, code: &str) -> AwsError {
    let err = result.expect_err(code);
    assert_eq!(err.code(), Some(code), "{err:?}");
    let meaning = error_text::meaning(code).expect("the code has a meaning");
    assert!(describe_error(&err).contains(meaning), "{err:?}");
    err
}

/// The endpoint (moto) does not implement `operation`: a typed Unsupported error, said plainly.
#[track_caller]
pub fn expect_unsupported<T: Debug>(result: Result<T, AwsError>, operation: &str) {
    let err = result.expect_err(operation);
    let AwsError::Unsupported {
        operation: op,
        status,
        ..
    } = &err
    else {
        panic!("{operation}: expected Unsupported, got {err:?}");
    };
    assert_eq!((op.as_str(), *status), (operation, 500));
    let shown = err.to_string();
    let wanted = format!("{operation} is not supported by this endpoint");
    assert!(shown.contains(&wanted), "{shown}");
    assert_eq!(describe_error(&err), shown);
}
