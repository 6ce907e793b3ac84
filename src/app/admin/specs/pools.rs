//! The forms of a pool (new or existing), its MFA settings and its domain.

use super::{Kind, Spec, spec};

pub(super) const POOL: &[Spec] = &[
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

pub(super) const NEW_POOL: &[Spec] = &[
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
        "email and/or phone_number: Cognito sends a code to verify them (MFA: M, once it exists)",
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

pub(super) const MFA: &[Spec] = &[
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
    spec(
        "EmailMfaConfiguration",
        "Email codes",
        Kind::Present,
        "needs the pool to send its email with SES (E on the Overview: EmailConfiguration)",
    ),
    spec(
        "SmsMfaConfiguration",
        "SMS codes",
        Kind::Present,
        "needs an SNS role (below) that Cognito may use to send text messages",
    ),
    spec(
        "SmsMfaConfiguration.SmsConfiguration.SnsCallerArn",
        "  SNS role ARN",
        Kind::Text,
        "",
    ),
];

pub(super) const DOMAIN: &[Spec] = &[
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

pub(super) const NEW_DOMAIN: &[Spec] = &[
    spec(
        "Domain",
        "Domain",
        Kind::Text,
        "a prefix (acme-auth, under amazoncognito.com) or your own name (auth.example.com)",
    ),
    DOMAIN[0],
    DOMAIN[1],
];
