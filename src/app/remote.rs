//! A value that comes from the API: not asked yet, loading (tagged with its request id), loaded,
//! or failed. A reply whose id is no longer the current one is stale and dropped.

use std::fmt;

/// The id the reducer gives each request, in order: every answer names the request it answers,
/// so an answer to a request no longer awaited is told apart from the current one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(pub u64);

impl RequestId {
    /// The id handed out after this one.
    #[must_use]
    pub fn next(self) -> Self {
        Self(self.0.wrapping_add(1))
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub enum Remote<T> {
    #[default]
    NotAsked,
    Loading(RequestId),
    Loaded(T),
    Failed(ErrorInfo),
}

impl<T> Remote<T> {
    /// True when `id` is the request this value waits for.
    pub fn awaits(&self, id: RequestId) -> bool {
        matches!(self, Self::Loading(current) if *current == id)
    }

    /// Stores the answer to `id` when it is the request this value waits for; a stale answer
    /// is dropped. True when it was stored.
    pub fn land(&mut self, id: RequestId, value: T) -> bool {
        let current = self.awaits(id);
        if current {
            *self = Self::Loaded(value);
        }
        current
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Self::Loading(_))
    }

    pub fn loaded(&self) -> Option<&T> {
        match self {
            Self::Loaded(v) => Some(v),
            _ => None,
        }
    }

    pub fn loaded_mut(&mut self) -> Option<&mut T> {
        match self {
            Self::Loaded(v) => Some(v),
            _ => None,
        }
    }
}

/// An API error as the UI shows it: the Cognito code and one plain-English line (which starts
/// with the code: draw the text, not the code again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorInfo {
    pub code: Option<String>,
    pub text: String,
    pub kind: ErrorKind,
    /// For a listing that failed part-way: the page token it can continue from (`r`).
    pub resume: Option<String>,
}

/// What the console does about an error beyond showing it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ErrorKind {
    #[default]
    Failed,
    /// The endpoint does not implement the call: offering it again is pointless.
    Unsupported,
    /// A change whose answer was lost and no read could tell: never offered again blindly.
    OutcomeUnknown,
}

impl ErrorInfo {
    pub fn from_aws(err: &crate::aws::AwsError) -> Self {
        use crate::aws::AwsError;
        let kind = match err {
            AwsError::Unsupported { .. } => ErrorKind::Unsupported,
            AwsError::OutcomeUnknown { .. } => ErrorKind::OutcomeUnknown,
            _ => ErrorKind::Failed,
        };
        Self {
            code: err.code().map(str::to_owned),
            text: crate::cognito::describe_error(err),
            kind,
            resume: None,
        }
    }

    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// The code and the text on one line, the code once: `describe_error`'s text starts with it.
    pub fn line(&self) -> String {
        match &self.code {
            Some(code) if !self.text.starts_with(code.as_str()) => format!("{code}: {}", self.text),
            _ => self.text.clone(),
        }
    }

    /// Offering the same call again cannot help (unsupported) or could repeat a change that may
    /// already have been applied (outcome unknown).
    pub fn ends_the_dialog(&self) -> bool {
        self.kind != ErrorKind::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_said_once() {
        let from_aws = ErrorInfo {
            code: Some("TooManyRequestsException".into()),
            text: "TooManyRequestsException: Cognito is throttling requests".into(),
            ..ErrorInfo::default()
        };
        assert_eq!(
            from_aws.line(),
            "TooManyRequestsException: Cognito is throttling requests"
        );
        let bare = ErrorInfo {
            code: Some("InternalErrorException".into()),
            text: "The service failed.".into(),
            ..ErrorInfo::default()
        };
        assert_eq!(bare.line(), "InternalErrorException: The service failed.");
    }

    #[test]
    fn only_the_current_request_is_awaited() {
        let r: Remote<u32> = Remote::Loading(RequestId(7));
        assert!(r.awaits(RequestId(7)));
        assert!(!r.awaits(RequestId(6)));
        assert!(!Remote::Loaded(1).awaits(RequestId(7)));
        assert_eq!(Remote::Loaded(3).loaded(), Some(&3));
    }

    #[test]
    fn only_the_awaited_answer_lands() {
        let mut r: Remote<u32> = Remote::Loading(RequestId(7));
        assert!(!r.land(RequestId(6), 1));
        assert_eq!(r, Remote::Loading(RequestId(7)));
        assert!(r.land(RequestId(7), 2));
        assert_eq!(r, Remote::Loaded(2));
        assert!(!r.land(RequestId(7), 3), "a second answer is stale");
        assert_eq!(r, Remote::Loaded(2));
    }
}
