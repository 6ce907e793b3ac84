//! Every operation of the service model, by exact name, from `assets/operations.tsv`.

use std::sync::LazyLock;

const TABLE: &str = include_str!("../../assets/operations.tsv");

/// One operation of the Cognito Identity Provider API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationSpec {
    /// Exact wire name (five are not naive PascalCase, e.g. `AdminSetUserMFAPreference`).
    pub name: &'static str,
    /// SigV4-signed, or one of the unauthenticated operations (`SignUp`, `InitiateAuth`, …).
    pub signed: bool,
    pub required_input: Vec<&'static str>,
    /// The model gives the output members: an empty 2xx body cannot be a whole answer.
    pub output_has_members: bool,
}

impl OperationSpec {
    /// Reads only: safe to repeat, allowed in read-only mode.
    pub fn is_read_only(&self) -> bool {
        const READ_PREFIXES: &[&str] = &["List", "Describe", "Get", "AdminGet", "AdminList"];
        // Named Get* but they issue tokens or codes: not reads.
        const NOT_READS: &[&str] = &[
            "GetTokensFromRefreshToken",
            "GetUserAttributeVerificationCode",
        ];
        READ_PREFIXES.iter().any(|p| self.name.starts_with(p)) && !NOT_READS.contains(&self.name)
    }
}

static OPERATIONS: LazyLock<Vec<OperationSpec>> = LazyLock::new(|| {
    TABLE
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            let signed = cols.next() != Some("none");
            let required_input = cols
                .next()
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .collect();
            let output_has_members = cols.next() == Some("members");
            OperationSpec {
                name,
                signed,
                required_input,
                output_has_members,
            }
        })
        .collect()
});

/// All operations, in the model's (alphabetical) order.
pub fn all() -> &'static [OperationSpec] {
    &OPERATIONS
}

/// The operation with exactly this name.
pub fn find(name: &str) -> Option<&'static OperationSpec> {
    OPERATIONS.iter().find(|op| op.name == name)
}

/// The operation a person meant: `ListUsers`, `list-users`, `list_users` and `listusers` all match.
pub fn find_loose(name: &str) -> Option<&'static OperationSpec> {
    let wanted = normalize(name);
    OPERATIONS.iter().find(|op| normalize(op.name) == wanted)
}

fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_has_153_operations_34_unsigned() {
        assert_eq!(all().len(), 153);
        assert_eq!(all().iter().filter(|op| !op.signed).count(), 34);
    }

    #[test]
    fn exact_names_that_are_not_naive_pascal_case() {
        for name in [
            "AdminSetUserMFAPreference",
            "SetUserMFAPreference",
            "GetCSVHeader",
            "GetUICustomization",
            "SetUICustomization",
        ] {
            assert_eq!(find(name).map(|op| op.name), Some(name));
        }
        assert_eq!(
            find_loose("admin-set-user-mfa-preference").map(|o| o.name),
            Some("AdminSetUserMFAPreference")
        );
        assert_eq!(
            find_loose("get_csv_header").map(|o| o.name),
            Some("GetCSVHeader")
        );
        assert!(find("AdminSetUserMfaPreference").is_none());
        assert!(find_loose("NoSuchOperation").is_none());
    }

    #[test]
    fn auth_and_required_input_come_from_the_model() {
        let sign_up = find("SignUp").unwrap();
        assert!(!sign_up.signed);
        let add = find("AdminAddUserToGroup").unwrap();
        assert!(add.signed);
        assert_eq!(add.required_input, ["UserPoolId", "Username", "GroupName"]);
    }

    #[test]
    fn whether_the_output_has_members_comes_from_the_model() {
        assert!(find("ListUsers").unwrap().output_has_members);
        assert!(find("AdminCreateUser").unwrap().output_has_members);
        assert!(!find("AdminDisableUser").unwrap().output_has_members);
        assert!(!find("AdminDeleteUser").unwrap().output_has_members);
        assert_eq!(all().iter().filter(|op| op.output_has_members).count(), 103);
    }

    #[test]
    fn read_only_classification() {
        for read in [
            "ListUsers",
            "AdminGetUser",
            "DescribeUserPool",
            "GetCSVHeader",
            "AdminListDevices",
        ] {
            assert!(find(read).unwrap().is_read_only(), "{read}");
        }
        for write in [
            "AdminDisableUser",
            "AdminCreateUser",
            "GetTokensFromRefreshToken",
            "DeleteGroup",
        ] {
            assert!(!find(write).unwrap().is_read_only(), "{write}");
        }
    }
}
