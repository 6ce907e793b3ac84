//! The forms of an app client (new or existing) and of a resource server's name.

use super::{Kind, Spec, spec};

pub(super) const UNITS: &[&str] = &["seconds", "minutes", "hours", "days"];

pub(super) const CLIENT: &[Spec] = &[
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

pub(super) const NEW_CLIENT: &[Spec] = &[
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

pub(super) const RESOURCE_SERVER: &[Spec] = &[spec("Name", "Name", Kind::Text, "")];
