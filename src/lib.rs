//! cognito-tui: a terminal console and headless CLI for Amazon Cognito user pools.

pub mod admin;
pub mod app;
pub mod aws;
pub mod cli;
pub mod cognito;
pub mod local;
pub mod tui;
pub mod ui;
