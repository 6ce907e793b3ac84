//! What a ListUsers `Filter` can name and how the service compares it: the one list the console's
//! search, the CLI's `--filter` help and the local server all use.

/// An attribute ListUsers can filter on (custom attributes cannot be searched).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum FilterAttribute {
    #[default]
    Username,
    Email,
    PhoneNumber,
    Name,
    GivenName,
    FamilyName,
    PreferredUsername,
    /// `cognito:user_status`, "Status" in the AWS console.
    UserStatus,
    /// `status`: `Enabled` or `Disabled`, "Enabled" in the AWS console.
    Status,
    Sub,
}

impl FilterAttribute {
    /// Every one, in the order the service's documentation lists them.
    pub const ALL: [Self; 10] = [
        Self::Username,
        Self::Email,
        Self::PhoneNumber,
        Self::Name,
        Self::GivenName,
        Self::FamilyName,
        Self::PreferredUsername,
        Self::UserStatus,
        Self::Status,
        Self::Sub,
    ];

    /// The name as a filter spells it (`cognito:user_status`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Username => "username",
            Self::Email => "email",
            Self::PhoneNumber => "phone_number",
            Self::Name => "name",
            Self::GivenName => "given_name",
            Self::FamilyName => "family_name",
            Self::PreferredUsername => "preferred_username",
            Self::UserStatus => "cognito:user_status",
            Self::Status => "status",
            Self::Sub => "sub",
        }
    }

    /// The attribute a filter names; `None` for one ListUsers refuses.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Its place in `ALL`.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|a| *a == self).unwrap_or(0)
    }

    /// The next one in `ALL` (`step` 1) or the one before (`step` -1), wrapping around.
    #[must_use]
    pub fn step(self, step: isize) -> Self {
        let n = Self::ALL.len();
        let i = (self.index() + n).wrapping_add_signed(step) % n;
        Self::ALL[i]
    }

    /// A standard attribute kept with the user's other attributes, not a property of the user
    /// (`username`, `cognito:user_status`, `status`, `sub`).
    pub fn is_user_attribute(self) -> bool {
        !matches!(
            self,
            Self::Username | Self::UserStatus | Self::Status | Self::Sub
        )
    }

    /// AWS documents `cognito:user_status` as matched in any case, every other one exactly.
    pub fn ignores_case(self) -> bool {
        self == Self::UserStatus
    }

    /// Whether `actual` matches `wanted`, as ListUsers compares: equal, or (`prefix`) starting
    /// with it.
    pub fn matches(self, actual: &str, prefix: bool, wanted: &str) -> bool {
        if self.ignores_case() {
            let (actual, wanted) = (actual.to_uppercase(), wanted.to_uppercase());
            compare(&actual, prefix, &wanted)
        } else {
            compare(actual, prefix, wanted)
        }
    }
}

fn compare(actual: &str, prefix: bool, wanted: &str) -> bool {
    if prefix {
        actual.starts_with(wanted)
    } else {
        actual == wanted
    }
}

/// A ListUsers Filter (`email ^= "ann"`), the value's quotes and backslashes escaped.
pub fn filter_expression(attribute: &str, prefix: bool, value: &str) -> String {
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    let op = if prefix { "^=" } else { "=" };
    format!("{attribute} {op} \"{escaped}\"")
}

/// The `--filter` help: the grammar, an example, and every attribute it can name.
pub fn filter_help() -> String {
    let names: Vec<&str> = FilterAttribute::ALL.iter().map(|a| a.name()).collect();
    format!(
        "A ListUsers filter: ATTRIBUTE = \"VALUE\" or ATTRIBUTE ^= \"VALUE\" (starts with), e.g. \
         'email ^= \"ann\"' or 'status = \"Disabled\"'. ATTRIBUTE is one of: {}",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_custom_attributes_are_not_searchable() {
        for a in FilterAttribute::ALL {
            assert_eq!(FilterAttribute::from_name(a.name()), Some(a));
            assert_eq!(FilterAttribute::ALL[a.index()], a);
        }
        assert_eq!(FilterAttribute::from_name("custom:tenant"), None);
        assert_eq!(FilterAttribute::from_name("Email"), None);
    }

    #[test]
    fn stepping_wraps_both_ways() {
        assert_eq!(FilterAttribute::Username.step(-1), FilterAttribute::Sub);
        assert_eq!(FilterAttribute::Sub.step(1), FilterAttribute::Username);
        assert_eq!(FilterAttribute::Email.step(1), FilterAttribute::PhoneNumber);
    }

    #[test]
    fn only_the_user_status_is_matched_in_any_case() {
        let status = FilterAttribute::UserStatus;
        assert!(status.matches("FORCE_CHANGE_PASSWORD", false, "force_change_password"));
        assert!(status.matches("FORCE_CHANGE_PASSWORD", true, "Force"));
        assert!(!status.matches("CONFIRMED", true, "unconf"));
        assert!(!FilterAttribute::Status.matches("Enabled", false, "enabled"));
        assert!(!FilterAttribute::Email.matches("ann@example.com", true, "ANN"));
        assert!(FilterAttribute::Email.matches("ann@example.com", true, "ann"));
    }

    #[test]
    fn filter_values_are_quoted() {
        assert_eq!(
            filter_expression("name", false, r#"a"b\c"#),
            r#"name = "a\"b\\c""#
        );
    }

    #[test]
    fn the_help_names_every_attribute() {
        let help = filter_help();
        for a in FilterAttribute::ALL {
            assert!(help.contains(a.name()), "{help}");
        }
    }
}
