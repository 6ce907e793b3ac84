//! A pool's users as a scripted server pages them (ListUsers, 60 a page, tokens `t1`, `t2`, …),
//! for listings with faults on chosen pages, plus the pool lookups a command makes first.

use serde_json::{Value, json};

use super::fault::{Canned, Received};

pub const POOL: &str = "us-east-1_Fault1";

#[derive(Clone, Copy, Debug)]
pub struct Users {
    pub total: usize,
    pub page_size: usize,
}

impl Users {
    pub fn new(total: usize) -> Self {
        Self {
            total,
            page_size: 60,
        }
    }

    pub fn pages(&self) -> usize {
        self.total.div_ceil(self.page_size).max(1)
    }

    /// The username of user `i`.
    pub fn name(i: usize) -> String {
        format!("user{i:05}")
    }

    /// The page (0-based) a ListUsers request asks for.
    pub fn page_asked(request: &Received) -> usize {
        request
            .json()
            .get("PaginationToken")
            .and_then(Value::as_str)
            .and_then(|t| t.strip_prefix('t'))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    /// Page `page` as the service sends it.
    pub fn page_body(&self, page: usize) -> String {
        let start = page * self.page_size;
        let end = (start + self.page_size).min(self.total);
        let users: Vec<Value> = (start..end)
            .map(|i| {
                json!({"Username": Self::name(i), "Enabled": true, "UserStatus": "CONFIRMED",
                    "UserCreateDate": 1_700_000_000.0, "UserLastModifiedDate": 1_700_000_000.0,
                    "Attributes": [{"Name": "email", "Value": format!("{}@example.com", Self::name(i))}]})
            })
            .collect();
        let mut body = json!({ "Users": users });
        if end < self.total {
            body["PaginationToken"] = json!(format!("t{}", page + 1));
        }
        body.to_string()
    }

    /// The page the request asks for, answered well.
    pub fn answer(&self, request: &Received) -> Canned {
        Canned::json(200, &self.page_body(Self::page_asked(request)))
    }
}

/// The answers to the lookups a command may make before its real work (the pool by id or name).
pub fn pool_lookup(request: &Received, users: usize) -> Option<Canned> {
    let pool = json!({"Id": POOL, "Name": "fault-pool", "EstimatedNumberOfUsers": users});
    match request.operation() {
        "ListUserPools" => Some(Canned::json(
            200,
            &json!({ "UserPools": [pool] }).to_string(),
        )),
        "DescribeUserPool" => Some(Canned::json(200, &json!({ "UserPool": pool }).to_string())),
        _ => None,
    }
}
