//! The Cognito Identity Provider operations: typed calls per resource kind, paginators as streams,
//! the generic call for any operation of the model, and the plain-English meaning of error codes.

pub mod audit;
pub mod aws_cli;
pub mod check;
pub mod client;
pub mod clients;
pub mod constraints;
pub mod crawl;
pub mod devices;
pub mod edit;
pub mod error_text;
pub mod groups;
pub mod idps;
pub mod ids;
pub mod operations;
pub mod paginate;
pub mod personal;
pub mod pools;
pub mod secrets;
pub mod shapes;
pub mod sign_in_history;
pub mod types;
pub mod user_admin;
pub mod user_filter;
pub mod user_links;
pub mod user_status;
pub mod users;
pub mod verdict;
pub mod verify;

pub use client::{ClientSettings, CognitoClient};
pub use ids::{ClientId, GroupName, PoolId, ProviderName, Username};

use crate::aws::AwsError;

/// One line for a person: the code, what it means in plain English, and what the service said.
pub fn describe_error(err: &AwsError) -> String {
    match err {
        AwsError::Service(e) => {
            let mut line = e.code.clone();
            if let Some(meaning) = error_text::meaning(&e.code) {
                line.push_str(": ");
                line.push_str(meaning);
            }
            let message = e.message.trim();
            if !message.is_empty() && !line.contains(message) {
                line.push_str(" (");
                line.push_str(message);
                line.push(')');
            }
            if let Some(id) = &e.request_id {
                line.push_str(" [request id ");
                line.push_str(id);
                line.push(']');
            }
            line
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::ServiceError;

    #[test]
    fn described_errors_carry_code_meaning_message_and_request_id() {
        let err = AwsError::Service(ServiceError {
            code: "UserNotFoundException".into(),
            message: "ann".into(),
            request_id: Some("r-1".into()),
            status: 400,
        });
        assert_eq!(
            describe_error(&err),
            "UserNotFoundException: The user does not exist in this user pool. (ann) [request id r-1]"
        );
    }
}
