//! The reader's state and how actions change it (Elm architecture: `update` is the only place
//! state changes; the view in `crate::ui` only reads it). Tested without a terminal.

pub mod filter;
pub mod library;
pub mod nav;
pub mod outline;
pub mod popups;
pub mod search;
#[cfg(test)]
pub(crate) mod testdoc;
