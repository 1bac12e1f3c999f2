//! (being written)

pub mod action;
