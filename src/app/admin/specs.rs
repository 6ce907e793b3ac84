//! The forms of the most frequent pool changes, as data: each field names a member of the
//! Update* (or Create*) input by its dotted path, how it is typed, and a hint. A form changes
//! only the members whose field the person changed (a `Patch`); everything else is sent back as
//! read. What has no field here (a resource server's scopes, Lambda triggers, email and SMS
//! settings, account recovery, a SAML metadata file) is edited as JSON (`E`).

use crate::cognito::edit::Target;

/// How a field is typed and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A whole number.
    Number,
    /// Values separated by commas or spaces (URLs, scopes, flows).
    List,
    /// One of these values, or "not set" (the member left out: Cognito's default).
    Choice(&'static [&'static str]),
    /// On, off, or "not set".
    Flag,
    /// A secret: shown as `•` until Ctrl-R.
    Secret,
    /// `KEY=VALUE` pairs separated by spaces (an attribute mapping).
    Map,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub path: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub note: &'static str,
}

const fn spec(path: &'static str, label: &'static str, kind: Kind, note: &'static str) -> Spec {
    Spec {
        path,
        label,
        kind,
        note,
    }
}

const UNITS: &[&str] = &["seconds", "minutes", "hours", "days"];

const GROUP: &[Spec] = &[
    spec("Description", "Description", Kind::Text, ""),
    spec(
        "Precedence",
        "Precedence",
        Kind::Number,
        "lower wins when a user is in several groups with roles",
    ),
    spec("RoleArn", "IAM role ARN", Kind::Text, ""),
];

const NEW_GROUP: &[Spec] = &[
    spec("GroupName", "Name", Kind::Text, ""),
    GROUP[0],
    GROUP[1],
    GROUP[2],
];

const CLIENT: &[Spec] = &[
    spec("ClientName", "Name", Kind::Text, ""),
    spec(
        "CallbackURLs",
        "Callback URLs",
        Kind::List,
        "separated by spaces or commas",
    ),
    spec(
        "LogoutURLs",
        "Sign-out URLs",
        Kind::List,
        "separated by spaces or commas",
    ),
    spec(
        "AllowedOAuthFlowsUserPoolClient",
        "OAuth enabled",
        Kind::Flag,
        "on for the hosted sign-in and the OAuth flows below",
    ),
    spec(
        "AllowedOAuthFlows",
        "OAuth flows",
        Kind::List,
        "code, implicit, client_credentials",
    ),
    spec(
        "AllowedOAuthScopes",
        "OAuth scopes",
        Kind::List,
        "openid email phone profile aws.cognito.signin.user.admin, or a resource server's",
    ),
    spec(
        "SupportedIdentityProviders",
        "Identity providers",
        Kind::List,
        "COGNITO and the pool's providers by name",
    ),
    spec(
        "ExplicitAuthFlows",
        "Auth flows",
        Kind::List,
        "ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH ALLOW_USER_PASSWORD_AUTH ...",
    ),
    spec(
        "AccessTokenValidity",
        "Access token validity",
        Kind::Number,
        "",
    ),
    spec(
        "TokenValidityUnits.AccessToken",
        "  unit",
        Kind::Choice(UNITS),
        "",
    ),
    spec("IdTokenValidity", "ID token validity", Kind::Number, ""),
    spec(
        "TokenValidityUnits.IdToken",
        "  unit",
        Kind::Choice(UNITS),
        "",
    ),
    spec(
        "RefreshTokenValidity",
        "Refresh token validity",
        Kind::Number,
        "",
    ),
    spec(
        "TokenValidityUnits.RefreshToken",
        "  unit",
        Kind::Choice(UNITS),
        "",
    ),
    spec(
        "PreventUserExistenceErrors",
        "Hide user existence",
        Kind::Choice(&["ENABLED", "LEGACY"]),
        "ENABLED: sign-in errors do not say whether the user exists",
    ),
    spec("EnableTokenRevocation", "Token revocation", Kind::Flag, ""),
];

const NEW_CLIENT: &[Spec] = &[
    CLIENT[0],
    spec(
        "GenerateSecret",
        "Generate a secret",
        Kind::Flag,
        "for a server-side app; shown only when you ask (S in its detail)",
    ),
    CLIENT[1],
    CLIENT[2],
    CLIENT[3],
    CLIENT[4],
    CLIENT[5],
    CLIENT[6],
    CLIENT[7],
    CLIENT[8],
    CLIENT[9],
    CLIENT[10],
    CLIENT[11],
    CLIENT[12],
    CLIENT[13],
    CLIENT[14],
    CLIENT[15],
];

const POOL: &[Spec] = &[
    spec(
        "Policies.PasswordPolicy.MinimumLength",
        "Password minimum length",
        Kind::Number,
        "",
    ),
    spec(
        "Policies.PasswordPolicy.RequireUppercase",
        "  uppercase",
        Kind::Flag,
        "",
    ),
    spec(
        "Policies.PasswordPolicy.RequireLowercase",
        "  lowercase",
        Kind::Flag,
        "",
    ),
    spec(
        "Policies.PasswordPolicy.RequireNumbers",
        "  numbers",
        Kind::Flag,
        "",
    ),
    spec(
        "Policies.PasswordPolicy.RequireSymbols",
        "  symbols",
        Kind::Flag,
        "",
    ),
    spec(
        "Policies.PasswordPolicy.TemporaryPasswordValidityDays",
        "Temporary password days",
        Kind::Number,
        "how long an invitation's password works",
    ),
    spec(
        "DeletionProtection",
        "Deletion protection",
        Kind::Choice(&["ACTIVE", "INACTIVE"]),
        "",
    ),
    spec(
        "AdminCreateUserConfig.AllowAdminCreateUserOnly",
        "Only admins create users",
        Kind::Flag,
        "off: people may sign themselves up",
    ),
    spec(
        "UserPoolAddOns.AdvancedSecurityMode",
        "Threat protection",
        Kind::Choice(&["OFF", "AUDIT", "ENFORCED"]),
        "AUDIT and ENFORCED need the Plus tier",
    ),
];

const MFA: &[Spec] = &[
    spec(
        "MfaConfiguration",
        "MFA",
        Kind::Choice(&["OFF", "OPTIONAL", "ON"]),
        "ON needs a method enabled below",
    ),
    spec(
        "SoftwareTokenMfaConfiguration.Enabled",
        "Authenticator apps (TOTP)",
        Kind::Flag,
        "",
    ),
];

const RESOURCE_SERVER: &[Spec] = &[spec("Name", "Name", Kind::Text, "")];

const DOMAIN: &[Spec] = &[
    spec(
        "CustomDomainConfig.CertificateArn",
        "Certificate ARN",
        Kind::Text,
        "a custom domain's ACM certificate (in us-east-1)",
    ),
    spec(
        "ManagedLoginVersion",
        "Managed login version",
        Kind::Number,
        "1: the classic hosted UI; 2: managed login",
    ),
];

const NEW_DOMAIN: &[Spec] = &[
    spec(
        "Domain",
        "Domain",
        Kind::Text,
        "a prefix (acme-auth, under amazoncognito.com) or your own name (auth.example.com)",
    ),
    DOMAIN[0],
    DOMAIN[1],
];

const IDP: &[Spec] = &[
    spec(
        "ProviderDetails.MetadataURL",
        "SAML metadata URL",
        Kind::Text,
        "SAML: where Cognito reads the IdP's metadata (a file: E, MetadataFile)",
    ),
    spec(
        "ProviderDetails.client_id",
        "Client id",
        Kind::Text,
        "OIDC and social providers",
    ),
    spec(
        "ProviderDetails.client_secret",
        "Client secret",
        Kind::Secret,
        "OIDC and social providers; Ctrl-R shows it",
    ),
    spec(
        "ProviderDetails.authorize_scopes",
        "Scopes",
        Kind::Text,
        "OIDC and social providers, separated by spaces: openid email profile",
    ),
    spec(
        "ProviderDetails.oidc_issuer",
        "OIDC issuer",
        Kind::Text,
        "OIDC: the issuer URL",
    ),
    spec(
        "ProviderDetails.attributes_request_method",
        "Attribute request",
        Kind::Choice(&["GET", "POST"]),
        "OIDC",
    ),
    spec(
        "AttributeMapping",
        "Attribute mapping",
        Kind::Map,
        "pool attribute=provider claim, separated by spaces: email=email",
    ),
    spec(
        "IdpIdentifiers",
        "Identifiers",
        Kind::List,
        "e.g. email domains that pick this provider",
    ),
];

const NEW_IDP: &[Spec] = &[
    spec("ProviderName", "Name", Kind::Text, ""),
    spec(
        "ProviderType",
        "Type",
        Kind::Choice(&[
            "SAML",
            "OIDC",
            "Google",
            "Facebook",
            "LoginWithAmazon",
            "SignInWithApple",
        ]),
        "a social provider is named after its type (Google)",
    ),
    IDP[0],
    IDP[1],
    IDP[2],
    IDP[3],
    IDP[4],
    IDP[5],
    IDP[6],
    IDP[7],
];

const NEW_MEMBER: &[Spec] = &[spec(
    "Username",
    "Username",
    Kind::Text,
    "the user's username (or an email or phone number the pool signs in with)",
)];

const NEW_POOL: &[Spec] = &[
    spec("PoolName", "Name", Kind::Text, ""),
    spec(
        "UsernameAttributes",
        "Sign in with",
        Kind::List,
        "email and/or phone_number instead of a username (fixed once the pool exists)",
    ),
    spec(
        "AutoVerifiedAttributes",
        "Verify",
        Kind::List,
        "email and/or phone_number: Cognito sends a code to verify them",
    ),
    spec(
        "MfaConfiguration",
        "MFA",
        Kind::Choice(&["OFF", "OPTIONAL"]),
        "ON needs a method: turn it on later with M",
    ),
    POOL[0],
    POOL[1],
    POOL[2],
    POOL[3],
    POOL[4],
    POOL[5],
    POOL[6],
    POOL[7],
];

/// The form of an existing resource (`None`: edited as JSON).
pub fn for_target(target: &Target) -> Option<&'static [Spec]> {
    match target {
        Target::Group(..) => Some(GROUP),
        Target::Client(..) => Some(CLIENT),
        Target::Pool(_) => Some(POOL),
        Target::Mfa(_) => Some(MFA),
        Target::ResourceServer(..) => Some(RESOURCE_SERVER),
        Target::Idp(..) => Some(IDP),
        Target::Domain(..) => Some(DOMAIN),
    }
}

/// The form of a new resource made by `operation` (`None`: written as JSON).
pub fn for_create(operation: &str) -> Option<&'static [Spec]> {
    match operation {
        "CreateGroup" => Some(NEW_GROUP),
        "CreateUserPoolClient" => Some(NEW_CLIENT),
        "CreateUserPool" => Some(NEW_POOL),
        "CreateIdentityProvider" => Some(NEW_IDP),
        "CreateUserPoolDomain" => Some(NEW_DOMAIN),
        "AdminAddUserToGroup" => Some(NEW_MEMBER),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::shapes::model;

    /// Every path names a member of the operation's input shape, down to its last part.
    #[test]
    fn every_field_names_a_member_of_its_input() {
        let model = model().unwrap();
        let forms: [(&str, &[Spec]); 13] = [
            ("AdminAddUserToGroup", NEW_MEMBER),
            ("UpdateUserPoolDomain", DOMAIN),
            ("CreateUserPoolDomain", NEW_DOMAIN),
            ("UpdateIdentityProvider", IDP),
            ("CreateIdentityProvider", NEW_IDP),
            ("CreateUserPool", NEW_POOL),
            ("UpdateGroup", GROUP),
            ("CreateGroup", NEW_GROUP),
            ("UpdateUserPoolClient", CLIENT),
            ("CreateUserPoolClient", NEW_CLIENT),
            ("UpdateUserPool", POOL),
            ("SetUserPoolMfaConfig", MFA),
            ("UpdateResourceServer", RESOURCE_SERVER),
        ];
        for (operation, specs) in forms {
            for s in specs {
                let mut shape = model.input_of(operation).unwrap();
                for part in s.path.split('.') {
                    // A map's keys are not in the model (ProviderDetails.client_id).
                    if shape.kind == crate::cognito::shapes::Kind::Map {
                        break;
                    }
                    let (_, inner) = shape
                        .members
                        .iter()
                        .find(|(name, _)| name == part)
                        .unwrap_or_else(|| panic!("{operation}: {} has no {part}", s.path));
                    shape = model.shape(inner).unwrap();
                }
            }
        }
    }
}
