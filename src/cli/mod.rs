//! The subcommands of `brief`: argument structs and what each one does.
//!
//! Exit codes: 0 ok, 1 invalid input, 2 usage (clap's own code for bad arguments).

pub mod bookmarks;
pub mod check;
pub mod fetch;
pub mod import;
pub mod read;
pub mod render;
pub mod shell;
pub mod show;

use std::io::Read;
use std::path::Path;

/// A failed command: the process exits with `code` after printing `message` (if any) to stderr.
#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub message: String,
}

impl CliError {
    /// The input was read but is not valid: exit code 1.
    pub fn invalid(message: impl Into<String>) -> Self {
        CliError {
            code: 1,
            message: message.into(),
        }
    }

    /// The command was asked for something it cannot do: exit code 2.
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            code: 2,
            message: message.into(),
        }
    }

    /// Invalid input whose diagnostics were already printed.
    pub fn reported() -> Self {
        CliError::invalid("")
    }
}

/// A problem in a file the user gave: exit code 1, said the one way diagnostics are said.
impl From<crate::diagnostic::Diagnostic> for CliError {
    fn from(d: crate::diagnostic::Diagnostic) -> Self {
        CliError::invalid(d.to_string())
    }
}

impl From<crate::diagnostic::ParseErrors> for CliError {
    fn from(e: crate::diagnostic::ParseErrors) -> Self {
        CliError::invalid(e.to_string())
    }
}

pub type CliResult = Result<(), CliError>;

/// A text read from a file or standard input (`-`), with the name to use in messages.
pub struct Input {
    pub name: String,
    pub text: String,
}

/// The bytes of a file, or of standard input for `-`, with the name to use in messages.
pub fn read_bytes(path: &Path) -> Result<(String, Vec<u8>), CliError> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| CliError::invalid(format!("<stdin>: cannot read: {e}")))?;
        return Ok(("<stdin>".to_string(), buf));
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CliError::invalid(format!("{name}: {e}")))?;
    Ok((name, bytes))
}

/// Read a UTF-8 text file, or standard input for `-`. Invalid UTF-8 is an error that says where.
pub fn read_input(path: &Path) -> Result<Input, CliError> {
    let (name, bytes) = read_bytes(path)?;
    let text = decode_utf8(&name, bytes)?;
    Ok(Input { name, text })
}

/// Write a command's text output to stdout, with every unsafe character escaped
/// ([`crate::safe_text::for_terminal`]). A closed pipe (`brief outline x | head`) ends the output
/// quietly; any other failure (a full disk) is an error.
pub fn emit(text: &str) -> CliResult {
    emit_raw(&crate::safe_text::for_terminal(text))
}

/// Write serialised JSON to stdout, with the characters serde leaves raw escaped.
pub fn emit_json(json: &str) -> CliResult {
    emit_raw(&crate::safe_text::for_json(json))
}

/// Write text that brief made safe itself (rendered rows with its own colour codes, completion
/// scripts, the man page) to stdout.
pub fn emit_raw(text: &str) -> CliResult {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::invalid(format!("<stdout>: {e}")))
        }
        _ => Ok(()),
    }
}

/// A message line on stderr, made safe for the terminal. Every message of every command goes
/// through here. When stderr itself cannot be written (closed, full), there is nobody to tell:
/// the process ends at once with exit code 1 instead of panicking as `eprintln!` does.
pub fn say(message: &str) {
    use std::io::Write;
    let mut line = crate::safe_text::for_terminal(message).into_owned();
    line.push('\n');
    let mut err = std::io::stderr().lock();
    if err
        .write_all(line.as_bytes())
        .and_then(|_| err.flush())
        .is_err()
    {
        std::process::exit(1);
    }
}

/// Read and parse a briefing; the error carries every diagnostic, one per line.
pub fn load(path: &Path) -> Result<(Input, crate::model::Briefing), CliError> {
    let input = read_input(path)?;
    match crate::format::parse(&input.text, &input.name) {
        Ok(b) => Ok((input, b)),
        Err(e) => Err(e.into()),
    }
}

/// Decode UTF-8, naming the line and column of the first invalid byte.
pub fn decode_utf8(name: &str, bytes: Vec<u8>) -> Result<String, CliError> {
    Ok(crate::format::decode(name, bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_reported_with_its_position() {
        let err = decode_utf8("x.brief", b"ab\ncd\xffe".to_vec()).unwrap_err();
        assert_eq!(err.code, 1);
        assert!(
            err.message.starts_with("x.brief:2:3: invalid UTF-8"),
            "{}",
            err.message
        );
    }
}
