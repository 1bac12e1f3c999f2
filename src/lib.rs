//! brief: a terminal reader for press-briefing transcripts.
//!
//! Data flows one way: file → [`format`] → [`model`] → [`layout`] → [`ui`], and
//! key → [`keymap`] → [`action`] → [`app`] update → state; the app reads its screen geometry
//! from `app::screen` and never imports the view.

pub mod action;
pub mod app;
pub mod cli;
pub mod diagnostic;
pub mod format;
pub mod fsutil;
pub mod glossary;
pub mod highlight;
pub mod import;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod safe_text;
pub mod samples;
pub mod script;
pub mod store;
pub mod synthetic;
pub mod theme;
pub mod tui;
pub mod ui;
