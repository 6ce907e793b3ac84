//! A value that comes from the API: not asked yet, loading (tagged with its request id), loaded,
//! or failed. A reply whose id is no longer the current one is stale and dropped.

/// Ids the reducer hands out to each request, in order.
pub type RequestId = u64;

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

/// An API error as the UI shows it: the Cognito code and one plain-English line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    pub code: Option<String>,
    pub text: String,
}

impl ErrorInfo {
    pub fn from_aws(err: &crate::aws::AwsError) -> Self {
        Self {
            code: err.code().map(str::to_owned),
            text: crate::cognito::describe_error(err),
        }
    }

    pub fn new(text: impl Into<String>) -> Self {
        Self {
            code: None,
            text: text.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_current_request_is_awaited() {
        let r: Remote<u32> = Remote::Loading(7);
        assert!(r.awaits(7));
        assert!(!r.awaits(6));
        assert!(!Remote::Loaded(1).awaits(7));
        assert_eq!(Remote::Loaded(3).loaded(), Some(&3));
    }
}
