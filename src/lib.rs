//! cognito-tui: a terminal console and headless CLI for Amazon Cognito user pools.

pub mod app;
pub mod aws;
pub mod cli;
pub mod cognito;
pub mod index;
pub mod local;
pub mod shared;
pub mod tui;
pub mod ui;
