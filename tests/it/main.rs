//! The integration tests, gathered in one binary so the crate is linked once.
//! Shared harnesses: `tmux` (the real binary in a real terminal), `store_fixture`.

mod store_fixture;
mod tmux;

mod bookmarks_cli;
mod cli;
mod e2e_bookmarks;
mod e2e_reader;
mod format_props;
mod highlight_labels;
mod highlight_props;
mod hostile;
mod import_corpus;
mod import_fixtures;
mod import_formats;
mod import_props;
mod import_seeds;
mod keymap;
mod layout;
mod layout_render;
mod reader_app;
mod reader_bookmarks;
mod reader_snapshots;
mod shell;
mod store;
mod store_processes;
mod store_reanchor;
